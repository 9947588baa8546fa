import type { ProfileResult, RunFigures } from "../../src/bench/profile-run.js";
import type { BenchProfile } from "../../src/bench/profiles.js";

/** A profile result with the given name, goals and reported figures (the rest plain). */
export function resultOf(
  name: string,
  goals: BenchProfile["goals"],
  figures: Partial<RunFigures>,
  boundMs = 1000,
): ProfileResult {
  const run: RunFigures = {
    wallMs: 1300,
    netMs: 1000,
    requests: 100,
    throttled: 0,
    retries: 0,
    peakRssBytes: 100_000_000,
    cpuMs: 500,
    swaps: 70,
    signatures: 1000,
    learnedRates: [],
    ...figures,
  };
  return {
    profile: {
      name,
      description: name,
      transactions: 1000,
      failedShare: 0,
      server: { walkLatencyMs: 50, parseLatencyMs: 200 },
      args: [],
      repeats: 1,
      goals,
    },
    wallet: { transactions: 1000, parseCalls: 10 },
    bound: {
      ms: boundMs,
      walkCalls: 2,
      walkMs: 100,
      parseCalls: 10,
      parseMs: boundMs,
      limitedBy: "parse",
    },
    runs: [run],
    reported: run,
  };
}
