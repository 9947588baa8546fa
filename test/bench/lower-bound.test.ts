import { describe, expect, it } from "vitest";
import { admissionTime, computeLowerBound } from "../../src/bench/lower-bound.js";

const allOf = (count: number) => Array.from({ length: count }, (_, position) => position);

describe("computeLowerBound", () => {
  it("bounds the seed case by its parse rounds: 86 calls, 10 at a time, after the first page", () => {
    const bound = computeLowerBound({
      signatures: 8600,
      parsePositions: allOf(8600),
      walkLatencyMs: 50,
      parseLatencyMs: 200,
      parseConcurrency: 10,
    });

    expect(bound).toEqual({
      ms: 50 + 9 * 200,
      walkCalls: 10,
      walkMs: 500,
      parseCalls: 86,
      parseMs: 1850,
      limitedBy: "parse",
    });
  });

  it("bounds a rate-limited server by its bucket: a full burst, then one call per 1/rate", () => {
    const bound = computeLowerBound({
      signatures: 24_000,
      parsePositions: allOf(24_000),
      walkLatencyMs: 50,
      parseLatencyMs: 200,
      parseRate: { ratePerSecond: 8, burst: 8 },
    });

    // Call 240 is admitted (240 - 8) / 8 s after the start and answered 200 ms later.
    expect(bound.ms).toBe(29_200);
    expect(bound.walkMs).toBe(25 * 50);
  });

  it("starts a parse call only once the page holding its last signature is in", () => {
    const bound = computeLowerBound({
      signatures: 3000,
      parsePositions: allOf(100).map((offset) => 2900 + offset),
      walkLatencyMs: 50,
      parseLatencyMs: 200,
    });

    expect(bound.parseMs).toBe(3 * 50 + 200);
    expect(bound.ms).toBe(350);
  });

  it("is the walk alone when nothing needs parsing", () => {
    const bound = computeLowerBound({
      signatures: 5000,
      parsePositions: [],
      walkLatencyMs: 50,
      parseLatencyMs: 200,
    });

    expect(bound).toMatchObject({ ms: 300, walkCalls: 6, parseCalls: 0, limitedBy: "walk" });
  });

  it("counts a short last call of the parseable signatures", () => {
    const bound = computeLowerBound({
      signatures: 250,
      parsePositions: allOf(250),
      walkLatencyMs: 10,
      parseLatencyMs: 100,
      parseConcurrency: 2,
    });

    // Three calls on two slots: two rounds after the first page.
    expect(bound).toMatchObject({ parseCalls: 3, ms: 10 + 2 * 100 });
  });
});

describe("admissionTime", () => {
  it("admits a full bucket's worth at once, then one call per 1/rate", () => {
    const limit = { ratePerSecond: 2, burst: 2 };
    expect([0, 1, 2, 3].map((index) => admissionTime(index, limit))).toEqual([0, 0, 500, 1000]);
    expect(admissionTime(7, undefined)).toBe(0);
  });
});
