import { describe, expect, it } from "vitest";
import { computeLowerBound } from "../../src/bench/lower-bound.js";

const everyPosition = (count: number) => Array.from({ length: count }, (_, index) => index);

describe("computeLowerBound with a parallel walk (getTransactionsForAddress)", () => {
  it("lets every page end one latency in, with no empty page to prove the end", () => {
    const bound = computeLowerBound({
      signatures: 300_000,
      parsePositions: [],
      walkLatencyMs: 150,
      parseLatencyMs: 200,
      parallelWalk: true,
    });
    expect(bound).toMatchObject({ walkCalls: 300, walkMs: 150, ms: 150, limitedBy: "walk" });
  });

  it("leaves the parse calls as the bound once the walk is no chain", () => {
    const input = {
      signatures: 300_000,
      // One signature in ten needs parsing: 300 parse calls, 10 at a time.
      parsePositions: everyPosition(30_000).map((index) => index * 10),
      walkLatencyMs: 150,
      parseLatencyMs: 200,
      parseConcurrency: 10,
    };
    const chain = computeLowerBound(input);
    const parallel = computeLowerBound({ ...input, parallelWalk: true });

    expect(chain).toMatchObject({ walkCalls: 301, walkMs: 45_150, limitedBy: "parse" });
    // The last parse call waits for the last full page (300 x 150 ms), not for the empty one.
    expect(chain.ms).toBe(45_000 + 200);
    expect(parallel).toMatchObject({ walkCalls: 300, walkMs: 150, limitedBy: "parse" });
    // Released at 150 ms, 30 rounds of 10 calls of 200 ms.
    expect(parallel.ms).toBe(150 + 30 * 200);
  });

  it("still counts an empty history as one call", () => {
    const bound = computeLowerBound({
      signatures: 0,
      parsePositions: [],
      walkLatencyMs: 150,
      parseLatencyMs: 200,
      parallelWalk: true,
    });
    expect(bound).toMatchObject({ walkCalls: 1, ms: 150 });
  });
});
