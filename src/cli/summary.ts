import { ExitCode, isFetchSwapsError } from "../errors.js";
import type { ClientStats } from "../helius/client.js";
import { writeFileAtomically } from "../output/index.js";

export interface FailureSummary {
  code: string;
  message: string;
  exitCode: number;
}

export interface WalletOutcome {
  wallet: string;
  status: "ok" | "failed";
  /** Swaps written for this wallet. */
  swaps: number;
  /** Signatures the walk found (within the time window and above the bookmark). */
  signatures: number;
  /** Which method listed them: getTransactionsForAddress or getSignaturesForAddress. */
  signatureMethod?: "gtfa" | "rpc";
  error?: FailureSummary;
}

/** The end-of-run report: logged on stderr, and written as JSON by `--summary-json`. */
export interface RunSummary {
  /** ok: every wallet done; partial: some wallets failed; failed: the run itself failed. */
  status: "ok" | "partial" | "failed";
  wallets: number;
  failedWallets: number;
  swaps: number;
  signatures: number;
  requests: number;
  throttled: number;
  retries: number;
  /** Helius credits of the successful calls at list prices (gTFA 100, gSFA 10, parse 100). */
  credits: number;
  durationMs: number;
  /** Peak resident memory of the process, bytes. */
  peakRssBytes: number;
  /** CPU time of the process, milliseconds. */
  cpuUserMs: number;
  cpuSystemMs: number;
  /** The reader of stdout went away early (`| head`). */
  outputClosed: boolean;
  perWallet: WalletOutcome[];
  /** What ended the run, when it failed as a whole. */
  error?: FailureSummary;
}

export function summarise(
  outcomes: readonly WalletOutcome[],
  stats: ClientStats,
  startedAt: number,
  outputClosed: boolean,
  failure: unknown,
): RunSummary {
  const failedWallets = outcomes.filter((outcome) => outcome.status === "failed").length;
  const usage = process.resourceUsage();
  const status = failure !== undefined ? "failed" : failedWallets > 0 ? "partial" : "ok";

  return {
    status,
    wallets: outcomes.length,
    failedWallets,
    swaps: outcomes.reduce((total, outcome) => total + outcome.swaps, 0),
    signatures: outcomes.reduce((total, outcome) => total + outcome.signatures, 0),
    requests: stats.requests,
    throttled: stats.throttled,
    retries: stats.retries,
    credits: stats.credits,
    durationMs: Math.round(performance.now() - startedAt),
    peakRssBytes: usage.maxRSS * 1024, // maxRSS is in kilobytes
    cpuUserMs: Math.round(usage.userCPUTime / 1000), // CPU times are in microseconds
    cpuSystemMs: Math.round(usage.systemCPUTime / 1000),
    outputClosed,
    perWallet: [...outcomes],
    ...(failure === undefined ? {} : { error: describeFailure(failure) }),
  };
}

export function describeFailure(error: unknown): FailureSummary {
  if (isFetchSwapsError(error)) {
    return { code: error.code, message: error.message, exitCode: error.exitCode };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: "E_INTERNAL", message, exitCode: ExitCode.internal };
}

/** The exit status of a run that finished: the first failed wallet's, or 0. */
export function exitStatusOf(summary: RunSummary): number {
  const failed = summary.perWallet.find((outcome) => outcome.error !== undefined);
  return failed?.error?.exitCode ?? ExitCode.ok;
}

export async function writeSummaryJson(path: string, summary: RunSummary): Promise<void> {
  await writeFileAtomically(path, `${JSON.stringify(summary, null, 2)}\n`);
}
