import { describe, expect, it } from "vitest";
import { checkGoals } from "../../src/bench/goals.js";
import { resultOf } from "./result-fixtures.js";

describe("checkGoals", () => {
  it("compares the net time with the lower bound", () => {
    const results = [
      resultOf("fast", [{ kind: "ratio-at-most", limit: 1.1 }], { netMs: 1100 }),
      resultOf("slow", [{ kind: "ratio-at-most", limit: 1.1 }], { netMs: 1101 }),
    ];

    expect(checkGoals(results)).toEqual([
      { profile: "fast", goal: "at most 1.10 x the lower bound", actual: "1.100 x", met: true },
      { profile: "slow", goal: "at most 1.10 x the lower bound", actual: "1.101 x", met: false },
    ]);
  });

  it("counts 429s against every request sent, and wants none where none are allowed", () => {
    const results = [
      resultOf("learned", [{ kind: "throttled-share-below", limit: 0.1 }], {
        throttled: 9,
        requests: 90,
      }),
      resultOf("paced", [{ kind: "no-throttling" }], { throttled: 1 }),
    ];

    expect(checkGoals(results).map(({ actual, met }) => ({ actual, met }))).toEqual([
      { actual: "9 of 90 (10.0%)", met: false },
      { actual: "1 429s", met: false },
    ]);
  });

  it("measures a speed-up on net times against the named baseline", () => {
    const results = [
      resultOf("quick", [{ kind: "speedup-at-least", factor: 8, baseline: "one" }], {
        netMs: 2000,
      }),
      resultOf("one", [], { netMs: 17_000 }),
    ];

    expect(checkGoals(results)).toEqual([
      {
        profile: "quick",
        goal: 'at least 8 x faster than "one"',
        actual: "8.50 x",
        met: true,
      },
    ]);
  });

  it("holds peak memory to a ceiling in megabytes", () => {
    const results = [
      resultOf("whale", [{ kind: "peak-rss-at-most", megabytes: 150 }], {
        peakRssBytes: 151_000_000,
      }),
    ];

    expect(checkGoals(results)[0]).toMatchObject({ actual: "151.0 MB", met: false });
  });
});
