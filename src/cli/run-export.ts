import type { Logger } from "pino";
import { ExitCode, type FetchSwapsError, isFetchSwapsError, UsageError } from "../errors.js";
import { type FetchedSwap, type FetchProgress, fetchSwaps } from "../fetch/fetch-swaps.js";
import { SignatureSourcePicker } from "../fetch/signature-source.js";
import { HeliusClient } from "../helius/client.js";
import { CreditsExhaustedError } from "../helius/errors.js";
import type { SignatureInfo } from "../helius/schemas/signature-page.js";
import { openOutput, type RecordSink, RecordSpool } from "../output/index.js";
import type { ExportOptions } from "./options.js";
import { PLAN_LIMITS } from "./plans.js";
import { ProgressLine } from "./progress.js";
import { type ExportState, readState, writeState } from "./state-file.js";
import { lockStateFile } from "./state-lock.js";
import { type RunSummary, summarise, type WalletOutcome, writeSummaryJson } from "./summary.js";

export interface ExportContext {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  logger: Logger;
  signal: AbortSignal;
}

/** What every wallet of a run shares besides the client: where its signatures come from. */
interface RunContext extends ExportContext {
  picker: SignatureSourcePicker;
}

interface WalletResult {
  outcome: WalletOutcome;
  newest?: SignatureInfo;
  readerClosed: boolean;
}

/**
 * Exports every wallet through one shared client (one limiter, one pace) into one output.
 * Each wallet's records reach a file only once its history is complete, so a wallet that
 * fails costs only its own records; with `--state`, only completed wallets advance their
 * bookmark, and only after the output is durably in place.
 */
export async function runExport(
  options: ExportOptions,
  context: ExportContext,
): Promise<RunSummary> {
  const startedAt = performance.now();
  if (options.tokenAccounts && options.signatures === "rpc") {
    throw new UsageError("--token-accounts needs getTransactionsForAddress: drop --signatures rpc");
  }
  const client = createClient(options, context.logger);
  const picker = new SignatureSourcePicker({
    mode: options.signatures,
    source: client,
    chains: gtfaChains(options.concurrency),
    ...(options.gtfaShards === undefined ? {} : { shards: options.gtfaShards }),
    logger: context.logger,
  });
  const outcomes: WalletOutcome[] = [];
  let outputClosed = false;
  let failure: unknown;

  try {
    const releaseLock =
      options.state === undefined ? undefined : await lockStateFile(options.state);
    try {
      outputClosed = await exportAll(client, options, { ...context, picker }, outcomes);
    } finally {
      await releaseLock?.();
    }
  } catch (error) {
    failure = error;
  } finally {
    await client.close();
  }

  const summary = summarise(outcomes, client.stats(), startedAt, outputClosed, failure);
  if (options.summaryJson !== undefined) await writeSummaryJson(options.summaryJson, summary);
  if (failure !== undefined) throw failure;
  return summary;
}

/** Runs every wallet into one output; returns whether the reader of stdout left early. */
async function exportAll(
  client: HeliusClient,
  options: ExportOptions,
  context: RunContext,
  outcomes: WalletOutcome[],
): Promise<boolean> {
  const state = options.state === undefined ? undefined : await readState(options.state);
  const sink = await openOutput({
    format: options.format,
    target:
      options.out === undefined
        ? { kind: "stdout", stream: context.stdout }
        : { kind: "file", path: options.out, append: options.append },
  });

  const completed: Array<{ wallet: string; newest: SignatureInfo }> = [];
  let readerClosed = false;
  try {
    for (const wallet of options.wallets) {
      const result = await exportWallet(wallet, sink, client, state, options, context);
      outcomes.push(result.outcome);
      if (result.outcome.status === "ok" && result.newest !== undefined) {
        completed.push({ wallet, newest: result.newest });
      }
      if (result.readerClosed) {
        readerClosed = true;
        break;
      }
    }
    if (outcomes.every((outcome) => outcome.status === "failed")) {
      // Nothing completed: a file keeps its old content rather than becoming an empty export.
      await sink.abort();
      return false;
    }
    const written = await sink.close();
    readerClosed ||= written.readerClosed;
    if (written.repairedTail !== undefined) {
      context.logger.warn(
        { path: written.path, ...written.repairedTail },
        "cut a torn last line that an interrupted earlier run left in the file",
      );
    }
  } catch (error) {
    // The original failure is what the user must see, even if the rollback also fails.
    await sink.abort().catch((abortError: unknown) => {
      context.logger.error({ err: abortError }, "could not remove the temporary output file");
    });
    throw error;
  }

  // Bookmarks move only once the output is in place, and not when the reader left early.
  if (state !== undefined && options.state !== undefined && !readerClosed) {
    await writeState(options.state, advanceBookmarks(state, completed));
  }
  return readerClosed;
}

async function exportWallet(
  wallet: string,
  sink: RecordSink,
  client: HeliusClient,
  state: ExportState | undefined,
  options: ExportOptions,
  context: RunContext,
): Promise<WalletResult> {
  const progressLine =
    context.stderr.isTTY && !options.quiet ? new ProgressLine(context.stderr) : undefined;
  let progress: Readonly<FetchProgress> = { signatures: 0, transactions: 0, swaps: 0, chunks: 0 };
  const bookmarkEntry = state?.wallets[wallet];
  const bookmark = bookmarkEntry?.signature;

  try {
    const signatures = await context.picker.pick(
      {
        wallet,
        order: options.order,
        tokenAccounts: options.tokenAccounts,
        includeFailed: options.includeFailed,
        timeWindow: {
          ...(options.sinceUnix === undefined ? {} : { sinceUnix: options.sinceUnix }),
          ...(options.untilUnix === undefined ? {} : { untilUnix: options.untilUnix }),
        },
        ...(bookmarkEntry === undefined ? {} : { after: bookmarkEntry }),
      },
      context.signal,
    );
    const swaps = fetchSwaps({
      source: client,
      wallet,
      includeFailed: options.includeFailed,
      detect: options.detect,
      keepRaw: options.raw,
      parallelPages: options.parallelPages,
      // Transactions Helius leaves out get the same retry budget as failed requests.
      missingRetries: options.maxRetries,
      signal: context.signal,
      logger: context.logger,
      ...(bookmark === undefined ? {} : { until: bookmark }),
      ...(signatures.pages === undefined ? {} : { signaturePages: signatures.pages }),
      timeWindow: {
        ...(options.sinceUnix === undefined ? {} : { sinceUnix: options.sinceUnix }),
        ...(options.untilUnix === undefined ? {} : { untilUnix: options.untilUnix }),
      },
      onProgress: (latest) => {
        progress = latest;
        progressLine?.update(latest, wallet);
      },
    });
    const readerClosed = await writeWallet(swaps, sink, options, signatures.order);
    return {
      outcome: {
        wallet,
        status: "ok",
        swaps: progress.swaps,
        signatures: progress.signatures,
        signatureMethod: signatures.method,
      },
      ...(progress.newest === undefined ? {} : { newest: progress.newest }),
      readerClosed,
    };
  } catch (error) {
    if (!endsOnlyThisWallet(error)) throw error;
    return {
      outcome: {
        wallet,
        status: "failed",
        swaps: 0,
        signatures: progress.signatures,
        error: { code: error.code, message: error.message, exitCode: error.exitCode },
      },
      readerClosed: false,
    };
  } finally {
    progressLine?.clear();
  }
}

/**
 * Upstream trouble with one wallet's history (retries exhausted, transactions Helius will not
 * return) spares the other wallets; a rejected key, spent credits, an interruption or an
 * output failure would fail them all the same, so they end the run.
 */
function endsOnlyThisWallet(error: unknown): error is FetchSwapsError {
  return (
    isFetchSwapsError(error) &&
    error.exitCode === ExitCode.upstream &&
    !(error instanceof CreditsExhaustedError)
  );
}

/**
 * Streams records straight to standard output when nothing depends on the wallet being
 * complete (newest first, no state); otherwise holds them in a spool, which also turns the
 * newest-first stream around for oldest-first output with flat memory, and writes them once
 * the wallet's history is complete.
 */
async function writeWallet(
  swaps: AsyncIterable<FetchedSwap>,
  sink: RecordSink,
  options: ExportOptions,
  sourceOrder: ExportOptions["order"],
): Promise<boolean> {
  const pick = (swap: FetchedSwap) => (options.raw ? swap.raw : swap.record);

  if (options.out === undefined && options.state === undefined && options.order === sourceOrder) {
    for await (const swap of swaps) {
      if ((await sink.write(pick(swap))) === "closed") return true;
    }
    return false;
  }

  const spool = new RecordSpool();
  try {
    for await (const swap of swaps) await spool.add(pick(swap));
    // gTFA serves oldest first itself; only the getSignaturesForAddress walk needs turning.
    const records = options.order === sourceOrder ? spool.forward() : spool.backward();
    for await (const record of records) {
      if ((await sink.write(record)) === "closed") return true;
    }
    return false;
  } finally {
    await spool.dispose();
  }
}

function advanceBookmarks(
  state: ExportState,
  completed: ReadonlyArray<{ wallet: string; newest: SignatureInfo }>,
): ExportState {
  const wallets = { ...state.wallets };
  const updatedAt = new Date().toISOString();
  for (const { wallet, newest } of completed) {
    const previous = wallets[wallet];
    if (previous !== undefined && previous.slot > newest.slot) continue;
    wallets[wallet] = {
      signature: newest.signature,
      slot: newest.slot,
      blockTime: newest.blockTime ?? null,
      updatedAt,
    };
  }
  return { version: 1, wallets };
}

/**
 * gTFA chains per wallet: walk calls have a lane of `--concurrency` requests of their own, so
 * as many chains as that, up to 32 (past that, shards get so small that their edges cost more
 * requests than the parallelism saves).
 */
function gtfaChains(concurrency: number): number {
  return Math.min(32, concurrency);
}

function createClient(options: ExportOptions, logger: Logger): HeliusClient {
  return new HeliusClient({
    apiKey: options.apiKey,
    apiUrl: options.apiUrl,
    rpcUrl: options.rpcUrl,
    concurrency: options.concurrency,
    // Wallets are exported one after another, so the per-wallet bound is the client's too.
    parseConcurrency: options.parallelPages,
    timeoutMs: options.timeout * 1000,
    retry: { maxRetries: options.maxRetries },
    logger,
    ...pacing(options),
  });
}

/** Explicit rates win over a plan's published limits; with neither, requests are not paced. */
function pacing(options: ExportOptions): { enhancedRps?: number; rpcRps?: number } {
  const plan = options.plan === undefined ? undefined : PLAN_LIMITS[options.plan];
  const enhancedRps = options.rps ?? plan?.enhancedRps;
  const rpcRps = options.rpcRps ?? plan?.rpcRps;
  return {
    ...(enhancedRps === undefined ? {} : { enhancedRps }),
    ...(rpcRps === undefined ? {} : { rpcRps }),
  };
}
