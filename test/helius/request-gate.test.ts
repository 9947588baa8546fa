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
  it("never grants more slots than the window", async () => {
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

  it("serves waiting walk requests before waiting parse requests", async () => {
    const gate = new RequestGate({ maxInFlight: 1, clock: new ManualClock() });
    const held = await gate.acquire("low");
    const order: string[] = [];
    void gate.acquire("low").then(() => order.push("parse"));
    const walk = gate.acquire("high").then((permit) => {
      order.push("walk");
      return permit;
    });

    held.release();
    await flushMicrotasks();
    expect(order).toEqual(["walk"]);

    (await walk).release();
    await flushMicrotasks();
    expect(order).toEqual(["walk", "parse"]);
  });

  it("halves the window on a 429, once per burst, and grows it back while calls succeed", async () => {
    const clock = new ManualClock();
    const gate = new RequestGate({ maxInFlight: 8, clock });
    const permits = await Promise.all(Array.from({ length: 8 }, () => gate.acquire("low")));

    gate.recordThrottled(permits[0] as Permit, 0);
    expect(gate.window).toBe(4);
    gate.recordThrottled(permits[1] as Permit, 0); // same burst: granted before the cut
    expect(gate.window).toBe(4);

    for (const permit of permits) permit.release();
    for (let success = 0; success < 4; success += 1) gate.recordSuccess();
    expect(gate.window).toBe(5);
  });

  it("never grows the window above maxInFlight", () => {
    const gate = new RequestGate({ maxInFlight: 3, clock: new ManualClock() });
    for (let success = 0; success < 50; success += 1) gate.recordSuccess();
    expect(gate.window).toBe(3);
  });

  it("pauses every request, not only the throttled one, until the pause has passed", async () => {
    const clock = new ManualClock();
    const gate = new RequestGate({ maxInFlight: 4, clock });
    const throttled = await gate.acquire("low");
    gate.recordThrottled(throttled, 2000);
    throttled.release();

    const waiting = track(gate.acquire("high"));
    await clock.advance(1999);
    expect(waiting.permit).toBeUndefined();
    expect(gate.pauseRemaining()).toBe(1);

    await clock.advance(1);
    expect(waiting.permit).toBeDefined();
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
});
