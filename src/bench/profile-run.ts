import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { BenchServer, BenchWallet } from "./bench-server.js";
import { type CliRun, runCli } from "./cli-run.js";
import { type CpuProfile, type CpuSplit, splitCpuProfile } from "./cpu-split.js";
import { computeLowerBound, type LowerBound } from "./lower-bound.js";
import type { BenchProfile } from "./profiles.js";

/** The figures of one run of the CLI. */
export interface RunFigures {
  wallMs: number;
  /** Wall time less the start-up measured in the same bench. */
  netMs: number;
  /** Requests the CLI sent, retries included. */
  requests: number;
  /** 429s the server answered (for its in-flight or rate limit). */
  throttled: number;
  retries: number;
  peakRssBytes: number;
  /** User and system CPU time of the CLI process. */
  cpuMs: number;
  swaps: number;
  signatures: number;
  /** Rates the CLI learned from 429s, in order (from its log). */
  learnedRates: number[];
}

export interface ProfileResult {
  profile: BenchProfile;
  wallet: { transactions: number; parseCalls: number };
  bound: LowerBound;
  runs: RunFigures[];
  /** The run with the median wall time. */
  reported: RunFigures;
}

export interface RunContext {
  server: BenchServer;
  cliPath: string;
  /** Subtracted from every wall time. */
  startupMs: number;
  timeoutMs: number;
}

/** Runs a profile's repeats against the bench server and computes its lower bound. */
export async function runProfile(
  profile: BenchProfile,
  context: RunContext,
): Promise<ProfileResult> {
  const wallet = context.server.wallet(profile.transactions, profile.failedShare);
  const bound = computeLowerBound({
    signatures: wallet.signatures,
    parsePositions: wallet.parsePositions,
    walkLatencyMs: profile.server.walkLatencyMs,
    parseLatencyMs: profile.server.parseLatencyMs,
    ...(profile.walk === "parallel" ? { parallelWalk: true } : {}),
    ...(profile.server.maxParseInFlight === undefined
      ? {}
      : { parseConcurrency: profile.server.maxParseInFlight }),
    ...(profile.server.parseRatePerSecond === undefined
      ? {}
      : {
          parseRate: {
            ratePerSecond: profile.server.parseRatePerSecond,
            // The simulator's bucket holds one second's worth unless told otherwise.
            burst: profile.server.parseBurst ?? Math.max(1, profile.server.parseRatePerSecond),
          },
        }),
  });

  const runs: RunFigures[] = [];
  for (let repeat = 0; repeat < profile.repeats; repeat += 1) {
    runs.push(await runOnce(profile, wallet, context));
  }
  const byWall = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  const reported = byWall[Math.floor((byWall.length - 1) / 2)] as RunFigures;

  return {
    profile,
    wallet: { transactions: wallet.signatures, parseCalls: bound.parseCalls },
    bound,
    runs,
    reported,
  };
}

/**
 * Runs a profile once more under `node --cpu-prof` and splits the CPU time. This run is not
 * one of the reported ones: the profiler adds time and memory of its own.
 */
export async function profileCpu(
  profile: BenchProfile,
  context: RunContext,
  folder: string,
): Promise<CpuSplit> {
  const wallet = context.server.wallet(profile.transactions, profile.failedShare);
  context.server.configure(profile.server);
  await runCli({
    cliPath: context.cliPath,
    args: [wallet.address, ...profile.args],
    env: context.server.environment,
    nodeFlags: ["--cpu-prof", "--cpu-prof-dir", folder],
    timeoutMs: context.timeoutMs,
  });

  const files = (await readdir(folder)).filter((name) => name.endsWith(".cpuprofile"));
  const file = files[0];
  if (file === undefined) throw new Error(`node --cpu-prof left no profile in ${folder}`);
  const cpuProfile = JSON.parse(await readFile(join(folder, file), "utf8")) as CpuProfile;
  return splitCpuProfile(cpuProfile);
}

/** Start-up and shut-down of the CLI: the median of a few exports of an empty wallet. */
export async function measureStartup(
  context: Omit<RunContext, "startupMs">,
  repeats = 5,
): Promise<number> {
  const wallet = context.server.wallet(0, 0);
  const times: number[] = [];
  for (let repeat = 0; repeat < repeats; repeat += 1) {
    context.server.configure("instant");
    const run = await runCli({
      cliPath: context.cliPath,
      args: [wallet.address],
      env: context.server.environment,
      timeoutMs: context.timeoutMs,
    });
    times.push(run.wallMs);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

async function runOnce(
  profile: BenchProfile,
  wallet: BenchWallet,
  context: RunContext,
): Promise<RunFigures> {
  context.server.configure(profile.server);
  const run = await runCli({
    cliPath: context.cliPath,
    args: [wallet.address, ...profile.args],
    env: context.server.environment,
    timeoutMs: context.timeoutMs,
  });

  // The swaps, not the signatures: a getTransactionsForAddress walk lists no failed ones.
  const { summary } = run;
  if (summary.swaps !== wallet.swaps) {
    throw new Error(`${profile.name}: the CLI exported ${summary.swaps} swaps of ${wallet.swaps}`);
  }
  const counts = context.server.counts();
  return {
    wallMs: run.wallMs,
    netMs: run.wallMs - context.startupMs,
    requests: summary.requests,
    throttled: counts.throttled,
    retries: summary.retries,
    peakRssBytes: summary.peakRssBytes,
    cpuMs: summary.cpuUserMs + summary.cpuSystemMs,
    swaps: summary.swaps,
    signatures: summary.signatures,
    learnedRates: learnedRatesIn(run),
  };
}

/** The rates the client logged as learned from 429s (JSON log lines on stderr). */
function learnedRatesIn(run: CliRun): number[] {
  const rates: number[] = [];
  for (const line of run.stderr.split("\n")) {
    if (!line.includes('"requestsPerSecond"')) continue;
    try {
      const record = JSON.parse(line) as { requestsPerSecond?: unknown };
      if (typeof record.requestsPerSecond === "number") rates.push(record.requestsPerSecond);
    } catch {
      // A line that is not a JSON log record says nothing about the pace.
    }
  }
  return rates;
}
