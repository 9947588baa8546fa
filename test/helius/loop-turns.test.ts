import { setImmediate as nextLoopTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { LoopTurns } from "../../src/helius/loop-turns.js";

describe("LoopTurns", () => {
  it("serves one waiter per turn of the event loop, in the order they asked", async () => {
    const turns = new LoopTurns();
    const served: number[] = [];
    for (const waiter of [1, 2, 3]) void turns.next().then(() => served.push(waiter));

    expect(served).toEqual([]);
    await nextLoopTurn();
    expect(served).toEqual([1]);
    await nextLoopTurn();
    expect(served).toEqual([1, 2]);
    await nextLoopTurn();
    expect(served).toEqual([1, 2, 3]);
  });

  it("serves a waiter that comes after the queue ran dry", async () => {
    const turns = new LoopTurns();
    await turns.next();

    let served = false;
    void turns.next().then(() => {
      served = true;
    });
    await nextLoopTurn();
    expect(served).toBe(true);
  });
});
