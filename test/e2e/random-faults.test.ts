import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type FaultPlan,
  type ParseFault,
  type RpcFault,
  type SyntheticWallet,
  startSimulator,
} from "../../src/simulator/index.js";
import { Prng } from "../../src/simulator/prng.js";
import { comparablePart, expectedRecord, expectedSwaps } from "../support/expected-swaps.js";
import { runCli } from "../support/run-cli.js";
import { simulatorEnv } from "../support/simulator-env.js";

/**
 * Many small wallets, each exported under its own seeded mix of faults and flags. Whatever the
 * mix, a run either returns the exact history with exit 0 or fails with a documented non-zero
 * exit and leaves `--out` as it was: never exit 0 with anything missing or repeated.
 *
 * The trials are fixed by their seeds (wallet, fault plan, flags). Which request draws which
 * fault still depends on the order requests reach the simulator, so the share of runs that
 * fail may move a little; the property checked holds for every order.
 */

const RUNS = 20;
const KEY = "random-faults-key";
const EARLIER = "earlier export\n";

const TRANSIENT: ReadonlyArray<RpcFault & ParseFault> = [
  { kind: "status", status: 429 },
  { kind: "status", status: 429, retryAfterSeconds: 1 },
  { kind: "status", status: 500 },
  { kind: "status", status: 502 },
  { kind: "status", status: 503 },
  { kind: "status", status: 504 },
  { kind: "connection-reset" },
  { kind: "hang" },
  { kind: "malformed-json" },
  { kind: "truncated-body" },
  { kind: "bad-schema" },
];
const RPC_ONLY: readonly RpcFault[] = [{ kind: "short-page" }, { kind: "repeat-signature" }];
/** Faults that end a run at once; one trial in five has one of them in its mix. */
const FATAL: ReadonlyArray<RpcFault & ParseFault> = [
  { kind: "credits-exhausted", status: 200, body: "json" },
  { kind: "credits-exhausted", status: 429, body: "text" },
  { kind: "unauthorized" },
  { kind: "forbidden" },
];

interface Trial {
  seed: string;
  transactions: number;
  rpc: FaultPlan<RpcFault>;
  parse: FaultPlan<ParseFault>;
  fatal: boolean;
  format: "ndjson" | "json";
  order: "desc" | "asc";
  includeFailed: boolean;
  toFile: boolean;
  args: string[];
}

function planTrial(index: number): Trial {
  const seed = `random-faults/${index}`;
  const prng = Prng.fromSeed(seed);
  const fatal = index % 5 === 4;
  const rpcKinds: RpcFault[] = [...someOf(prng, TRANSIENT), ...someOf(prng, RPC_ONLY)];
  const parseKinds: ParseFault[] = someOf<ParseFault>(prng, [
    ...TRANSIENT,
    { kind: "omit-transactions", count: prng.int(1, 10) },
  ]);
  if (fatal) (prng.chance(0.5) ? rpcKinds : parseKinds).push(prng.pick(FATAL));

  const trial: Trial = {
    seed,
    transactions: prng.int(0, 320),
    rpc: mix(prng, rpcKinds),
    parse: mix(prng, parseKinds),
    fatal,
    format: prng.pick(["ndjson", "json"] as const),
    order: prng.pick(["desc", "asc"] as const),
    includeFailed: prng.chance(0.3),
    toFile: prng.chance(0.5),
    args: [
      ...["--timeout", "1", "--max-retries", String(prng.int(1, 4))],
      ...["--concurrency", String(prng.int(1, 8))],
      ...["--parallel-pages", String(prng.int(1, 4))],
      ...["--signatures", prng.pick(["rpc", "gtfa"])],
    ],
  };
  return trial;
}

/**
 * One or two faults from `kinds` for the first requests, so that every run meets some, then
 * each later request draws one with a probability from 0.1 to 0.5. Fatal kinds are left to
 * the random draw, so a run gets some way before it may end.
 */
function mix<F extends RpcFault | ParseFault>(prng: Prng, kinds: readonly F[]): FaultPlan<F> {
  const survivable = kinds.filter((fault) => !FATAL.includes(fault as RpcFault & ParseFault));
  const script = Array.from({ length: prng.int(1, 2) }, () => prng.pick(survivable));
  return { script, random: { probability: 0.1 + prng.float() * 0.4, kinds } };
}

/** A non-empty random selection of `items`. */
function someOf<T>(prng: Prng, items: readonly T[]): T[] {
  const chosen = items.filter(() => prng.chance(0.5));
  return chosen.length > 0 ? chosen : [prng.pick(items)];
}

interface Outcome {
  seed: string;
  code: number | null;
  faults: number;
}

async function runTrial(trial: Trial): Promise<Outcome> {
  const simulator = await startSimulator({ apiKey: KEY, seed: trial.seed });
  try {
    const wallet = simulator.addWallet({ seed: trial.seed, transactions: trial.transactions });
    simulator.setFaults({ rpc: trial.rpc, parse: trial.parse });
    const folder = mkdtempSync(join(tmpdir(), "fetch-swaps-random-"));
    const target = join(folder, `swaps.${trial.format}`);
    if (trial.toFile) writeFileSync(target, EARLIER);

    const args = [wallet.address, "--format", trial.format, "--order", trial.order, "--quiet"];
    if (trial.includeFailed) args.push("--include-failed");
    if (trial.toFile) args.push("--out", target);
    const result = await runCli([...args, ...trial.args], {
      env: simulatorEnv(simulator),
    });
    const stats = simulator.stats();
    const context = `${trial.seed}: exit ${result.code}, stderr: ${result.stderr}`;

    if (result.code === 0) {
      const output = trial.toFile ? readFileSync(target, "utf8") : result.stdout;
      expectExactHistory(wallet, trial, output, context);
    } else {
      expect(trial.fatal ? [3, 4] : [4], context).toContain(result.code);
      expect(result.stderr.trimEnd().split("\n").at(-1), context).toMatch(/^fetch-swaps: ./);
      if (trial.toFile) expect(readFileSync(target, "utf8"), context).toBe(EARLIER);
    }
    if (trial.toFile) expect(readdirSync(folder), context).toEqual([`swaps.${trial.format}`]);

    return { seed: trial.seed, code: result.code, faults: stats.rpc.faults + stats.parse.faults };
  } finally {
    await simulator.close();
  }
}

function expectExactHistory(
  wallet: SyntheticWallet,
  trial: Trial,
  output: string,
  context: string,
): void {
  const records: Array<Record<string, unknown>> =
    trial.format === "json"
      ? JSON.parse(output)
      : output
          .split("\n")
          .filter((line) => line !== "")
          .map((line) => JSON.parse(line));
  const expected = expectedSwaps(wallet, { includeFailed: trial.includeFailed });
  if (trial.order === "asc") expected.reverse();

  expect(records.map(comparablePart), context).toEqual(
    expected.map((transaction) => expectedRecord(wallet, transaction)),
  );
}

/** Trials in flight at once: most of a trial is spent waiting out timeouts and backoffs. */
const PARALLEL = 6;

describe("random fault mixes", () => {
  it("gives the exact history with exit 0, or a failing exit, in every trial", async () => {
    const trials = Array.from({ length: RUNS }, (_, index) => planTrial(index));
    const outcomes: Outcome[] = [];
    const failures: string[] = [];

    let next = 0;
    const worker = async () => {
      for (let trial = trials[next++]; trial !== undefined; trial = trials[next++]) {
        const outcome = await runTrial(trial).catch((error: unknown) => {
          failures.push(error instanceof Error ? error.message : String(error));
          return undefined;
        });
        if (outcome !== undefined) outcomes.push(outcome);
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));

    expect(failures).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.faults === 0)).toEqual([]);
    const succeeded = outcomes.filter((outcome) => outcome.code === 0).length;
    expect(succeeded).toBeGreaterThanOrEqual(RUNS / 2);
    expect(succeeded).toBeLessThan(RUNS);
  }, 120_000);
});
