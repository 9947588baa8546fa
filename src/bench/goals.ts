import type { ProfileResult } from "./profile-run.js";
import type { Goal } from "./profiles.js";

export interface GoalOutcome {
  profile: string;
  /** The goal in words, e.g. "at most 1.10 x the lower bound". */
  goal: string;
  /** What the run achieved, in the goal's terms. */
  actual: string;
  met: boolean;
}

/** Decimal megabytes (10^6 bytes): the stricter reading of "150 MB". */
const MEGABYTE = 1_000_000;

/** Checks every goal of every profile against the reported runs. */
export function checkGoals(results: readonly ProfileResult[]): GoalOutcome[] {
  const byName = new Map(results.map((result) => [result.profile.name, result]));
  return results.flatMap((result) =>
    result.profile.goals.map((goal) => checkGoal(goal, result, byName)),
  );
}

function checkGoal(
  goal: Goal,
  result: ProfileResult,
  byName: ReadonlyMap<string, ProfileResult>,
): GoalOutcome {
  const run = result.reported;
  const profile = result.profile.name;

  switch (goal.kind) {
    case "ratio-at-most": {
      const ratio = boundRatio(result);
      return {
        profile,
        goal: `at most ${goal.limit.toFixed(2)} x the lower bound`,
        actual: `${ratio.toFixed(3)} x`,
        met: ratio <= goal.limit,
      };
    }
    case "throttled-share-below": {
      const share = run.requests === 0 ? 0 : run.throttled / run.requests;
      return {
        profile,
        goal: `429s under ${percent(goal.limit)} of requests`,
        actual: `${run.throttled} of ${run.requests} (${percent(share)})`,
        met: share < goal.limit,
      };
    }
    case "no-throttling":
      return {
        profile,
        goal: "no 429 at all",
        actual: `${run.throttled} 429s`,
        met: run.throttled === 0,
      };
    case "peak-rss-at-most": {
      const megabytes = run.peakRssBytes / MEGABYTE;
      return {
        profile,
        goal: `peak RSS at most ${goal.megabytes} MB`,
        actual: `${megabytes.toFixed(1)} MB`,
        met: megabytes <= goal.megabytes,
      };
    }
    case "speedup-at-least": {
      const baseline = byName.get(goal.baseline);
      const speedup = baseline === undefined ? 0 : baseline.reported.netMs / run.netMs;
      return {
        profile,
        goal: `at least ${goal.factor} x faster than "${goal.baseline}"`,
        actual: baseline === undefined ? "baseline not run" : `${speedup.toFixed(2)} x`,
        met: speedup >= goal.factor,
      };
    }
  }
}

/** Wall time less start-up over the lower bound. */
export function boundRatio(result: ProfileResult): number {
  return result.reported.netMs / result.bound.ms;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}
