import { describe, expect, it } from "vitest";
import { ClassPacer } from "../../src/helius/class-pacer.js";
import { ManualClock } from "../support/manual-clock.js";

/** Takes `count` turns one after another, as a queue of requests would; returns the times. */
async function turnTimes(pacer: ClassPacer, clock: ManualClock, count: number) {
  const times: number[] = [];
  const done = (async () => {
    for (let turn = 0; turn < count; turn += 1) {
      await pacer.take();
      pacer.sent();
      times.push(clock.now());
    }
  })();
  await clock.advance(60_000);
  await done;
  return times;
}

describe("ClassPacer", () => {
  it("spaces requests exactly 1/rate apart from the first when the rate is known", async () => {
    const clock = new ManualClock();
    const pacer = new ClassPacer({ clock, knownRate: 2 });

    expect(await turnTimes(pacer, clock, 5)).toEqual([0, 500, 1000, 1500, 2000]);
  });

  it("does not pace an unknown rate until a 429 comes", async () => {
    const clock = new ManualClock();
    const pacer = new ClassPacer({ clock });

    expect(await turnTimes(pacer, clock, 4)).toEqual([0, 0, 0, 0]);
    expect(pacer.rate).toBeUndefined();
  });

  it("paces at the rate the 429s show once they come", async () => {
    const clock = new ManualClock();
    const pacer = new ClassPacer({ clock });
    for (let index = 0; index < 4; index += 1) {
      await clock.advance(250);
      pacer.sent(); // four in the second before the 429
    }

    expect(pacer.throttled(pacer.sent())).toBe(4);
    const start = clock.now();
    const times = await turnTimes(pacer, clock, 3);
    expect(times.map((time) => time - start)).toEqual([0, 250, 500]);
  });

  it("never paces faster than the known rate, whatever it learns", async () => {
    const clock = new ManualClock();
    const pacer = new ClassPacer({ clock, knownRate: 2 });
    for (let index = 0; index < 10; index += 1) pacer.sent();

    pacer.throttled(pacer.sent());
    expect(pacer.rate).toBe(2);
  });
});
