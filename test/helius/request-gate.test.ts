import { describe, expect, it } from "vitest";
import { type Permit, RequestGate } from "../../src/helius/request-gate.js";
import { flushMicrotasks, ManualClock } from "../support/manual-clock.js";

function track(promise: Promise<Permit>) {
  const state: { permit?: Permit } = {};
  void promise.then((permit) => {
    state.permit = permit;
  });
  return state;
}

describe("RequestGate", () => {
  it("never grants more slots in a lane than its window", async () => {
    const gate = new RequestGate({ maxInFlight: 2, clock: new ManualClock() });
    const first = await gate.acquire("low");
    await gate.acquire("low");
    const third = track(gate.acquire("low"));

    await flushMicrotasks();
    expect(third.permit).toBeUndefined();
    expect(gate.inFlight).toBe(2);

    first.release();
    await flushMicrotasks();
    expect(third.permit).toBeDefined();
  });

  it("holds a lane to its own limit below maxInFlight, and never grows it past that", async () => {
    const gate = new RequestGate({
      maxInFlight: 4,
      laneLimits: { low: 2 },
      clock: new ManualClock(),
    });
    const parses = [await gate.acquire("low"), await gate.acquire("low")];
    const thirdParse = track(gate.acquire("low"));
    const walks = await Promise.all(Array.from({ length: 4 }, () => gate.acquire("high")));

    for (const permit of [...parses, ...walks]) gate.recordSuccess(permit);
    await flushMicrotasks();
    expect(thirdParse.permit).toBeUndefined();
    expect(gate.windowOf("low")).toBe(2);
    expect(gate.windowOf("high")).toBe(4);

    parses[0]?.release();
    await flushMicrotasks();
    expect(thirdParse.permit?.priority).toBe("low");
  });

  it("gives a walk call a slot while every parse slot is taken", async () => {
    const gate = new RequestGate({ maxInFlight: 2, clock: new ManualClock() });
    await gate.acquire("low");
    await gate.acquire("low");
    const parse = track(gate.acquire("low"));
    const walk = track(gate.acquire("high"));

    await flushMicrotasks();
    expect(walk.permit?.priority).toBe("high");
    expect(parse.permit).toBeUndefined();
    expect(gate.inFlight).toBe(3);
  });

  it("serves a waiting walk call first when a pause ends", async () => {
    const clock = new ManualClock();
    const gate = new RequestGate({ maxInFlight: 1, clock });
    const throttled = await gate.acquire("low");
    gate.recordThrottled(throttled, 1000);
    throttled.release();

    const order: string[] = [];
    void gate.acquire("low").then(() => order.push("parse"));
    void gate.acquire("high").then(() => order.push("walk"));
    await clock.advance(1000);
    expect(order).toEqual(["walk", "parse"]);
  });

  it("halves a lane's window on a 429, once per burst, and grows it back while calls succeed", async () => {
    const clock = new ManualClock();
    const gate = new RequestGate({ maxInFlight: 8, clock });
    const permits = await Promise.all(Array.from({ length: 8 }, () => gate.acquire("low")));

    gate.recordThrottled(permits[0] as Permit, 0);
    expect(gate.windowOf("low")).toBe(4);
    gate.recordThrottled(permits[1] as Permit, 0); // same burst: granted before the cut
    expect(gate.windowOf("low")).toBe(4);
    expect(gate.windowOf("high")).toBe(8);

    for (const permit of permits) permit.release();
    for (let success = 0; success < 4; success += 1) {
      gate.recordSuccess(permits[success] as Permit);
    }
    expect(gate.windowOf("low")).toBe(5);
  });

  it("cuts the window again for a 429 on a slot granted after the last cut", async () => {
    const gate = new RequestGate({ maxInFlight: 8, clock: new ManualClock() });
    const early = await gate.acquire("low");
    gate.recordThrottled(early, 0);
    early.release();

    const late = await gate.acquire("low");
    gate.recordThrottled(late, 0);
    expect(gate.windowOf("low")).toBe(2);
  });

  it("never grows a window above maxInFlight", async () => {
    const gate = new RequestGate({ maxInFlight: 3, clock: new ManualClock() });
    const permit = await gate.acquire("high");
    for (let success = 0; success < 50; success += 1) gate.recordSuccess(permit);
    expect(gate.windowOf("high")).toBe(3);
  });

  it("pauses every request, in both lanes, until the pause has passed", async () => {
    const clock = new ManualClock();
    const gate = new RequestGate({ maxInFlight: 4, clock });
    const throttled = await gate.acquire("low");
    gate.recordThrottled(throttled, 2000);
    throttled.release();

    const walk = track(gate.acquire("high"));
    const parse = track(gate.acquire("low"));
    await clock.advance(1999);
    expect(walk.permit).toBeUndefined();
    expect(parse.permit).toBeUndefined();
    expect(gate.pauseRemaining()).toBe(1);

    await clock.advance(1);
    expect(walk.permit).toBeDefined();
    expect(parse.permit).toBeDefined();
  });

  it("counts every 429 that starts or extends the pause", async () => {
    const gate = new RequestGate({ maxInFlight: 4, clock: new ManualClock() });
    const first = await gate.acquire("low");
    const second = await gate.acquire("high");
    gate.recordThrottled(first, 500);
    gate.recordThrottled(second, 800);

    expect(gate.pauses).toBe(2);
    expect(gate.pauseRemaining()).toBe(800);
  });

  it("makes a request already holding a slot wait out a pause that began meanwhile", async () => {
    const clock = new ManualClock();
    const gate = new RequestGate({ maxInFlight: 4, clock });
    const other = await gate.acquire("low");
    gate.recordThrottled(other, 500);

    let resumed = false;
    void gate.whilePaused().then(() => {
      resumed = true;
    });
    await clock.advance(499);
    expect(resumed).toBe(false);
    await clock.advance(1);
    expect(resumed).toBe(true);
  });

  it("drops a waiter whose signal aborts", async () => {
    const gate = new RequestGate({ maxInFlight: 1, clock: new ManualClock() });
    const held = await gate.acquire("low");
    const controller = new AbortController();
    const waiting = gate.acquire("low", controller.signal);

    controller.abort(new Error("stop"));
    await expect(waiting).rejects.toThrow("stop");
    held.release();
    expect(gate.inFlight).toBe(0);
  });

  it("counts a permit released twice only once", async () => {
    const gate = new RequestGate({ maxInFlight: 2, clock: new ManualClock() });
    const permit = await gate.acquire("low");
    await gate.acquire("low");

    permit.release();
    permit.release();
    expect(gate.inFlight).toBe(1);
  });
});
