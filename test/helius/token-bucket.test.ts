import { describe, expect, it } from "vitest";
import { TokenBucket } from "../../src/helius/token-bucket.js";
import { ManualClock } from "../support/manual-clock.js";

async function sendTimes(bucket: TokenBucket, clock: ManualClock, count: number) {
  const times: number[] = [];
  const all = Array.from({ length: count }, () =>
    bucket.take().then(() => times.push(clock.now())),
  );
  await clock.advance(10_000);
  await Promise.all(all);
  return times;
}

describe("TokenBucket", () => {
  it("spaces requests exactly 1/rate apart with the default burst of one", async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ ratePerSecond: 2, clock });

    expect(await sendTimes(bucket, clock, 4)).toEqual([0, 500, 1000, 1500]);
  });

  it("lets a burst through at once after a quiet spell, then paces", async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 3, clock });

    expect(await sendTimes(bucket, clock, 5)).toEqual([0, 0, 0, 100, 200]);
  });

  it("does not bank unused time beyond the burst", async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ ratePerSecond: 4, clock });
    await bucket.take();
    await clock.advance(5000);

    const start = clock.now();
    const times = await sendTimes(bucket, clock, 3);
    expect(times.map((time) => time - start)).toEqual([0, 250, 500]);
  });

  it("applies a new rate to requests scheduled after the change", async () => {
    const clock = new ManualClock();
    const bucket = new TokenBucket({ ratePerSecond: 10, clock });
    await bucket.take();
    bucket.setRate(1);

    expect(bucket.ratePerSecond).toBe(1);
    const times = await sendTimes(bucket, clock, 2);
    expect(times).toEqual([100, 1100]);
  });
});
