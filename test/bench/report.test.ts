import { describe, expect, it } from "vitest";
import { checkGoals } from "../../src/bench/goals.js";
import { type BenchReport, renderMarkdown, table } from "../../src/bench/report.js";
import { resultOf } from "./result-fixtures.js";

describe("table", () => {
  it("writes a Markdown table and escapes pipes in cells", () => {
    expect(table(["a", "b"], [["1", "x|y"]])).toEqual([
      "| a | b |",
      "| --- | --- |",
      "| 1 | x\\|y |",
    ]);
  });
});

describe("renderMarkdown", () => {
  it("shows each profile's figures, its bound and ratio, and the goals met or not", () => {
    const results = [resultOf("seed", [{ kind: "ratio-at-most", limit: 1.1 }], {}, 900)];
    const report: BenchReport = {
      generatedAt: "2026-01-02T03:04:05.000Z",
      machine: {
        cpus: 2,
        cpuModel: "Test CPU",
        node: "v20.0.0",
        loadAverage: { start: 0.5, end: 1 },
      },
      startupMs: 300,
      results,
      goals: checkGoals(results),
    };

    const lines = renderMarkdown(report).split("\n");
    expect(lines).toContain("| seed | 1.30 | 1.00 | 100 | 0 | 0 | 100.0 | 500 | 0.90 | 1.111 |");
    expect(lines).toContain("| seed | at most 1.10 x the lower bound | 1.111 x | **no** |");
    expect(lines[0]).toBe(
      "Generated 2026-01-02T03:04:05.000Z on 2 x Test CPU, Node v20.0.0; load average 0.50 at " +
        "the start, 1.00 at the end.",
    );
  });

  it("names the pace a run learned from 429s beside the server's rate", () => {
    const result = resultOf("limited", [], { learnedRates: [11, 7.9] });
    result.profile.server.parseRatePerSecond = 8;
    const report: BenchReport = {
      generatedAt: "2026-01-02T03:04:05.000Z",
      machine: {
        cpus: 2,
        cpuModel: "Test CPU",
        node: "v20.0.0",
        loadAverage: { start: 0, end: 0 },
      },
      startupMs: 300,
      results: [result],
      goals: [],
    };

    expect(renderMarkdown(report).split("\n")).toContain(
      "- limited: paced at 11, then 7.9 calls a second, learned from its 429s (the server " +
        "allows 8).",
    );
  });
});
