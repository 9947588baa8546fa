import pLimit from "p-limit";
import type { Logger } from "pino";
import type { ParsedTransaction } from "../helius/client.js";
import { type Clock, systemClock } from "../helius/clock.js";
import type { SignatureInfo } from "../helius/schemas/signature-page.js";
import type { SwapRecord } from "../swaps/swap-record.js";
import { type DetectMode, toSwapRecord } from "../swaps/to-swap-record.js";
import { ChunkPacker } from "./chunk-packer.js";
import { parseChunk, type TransactionSource } from "./parse-chunk.js";
import { ReorderBuffer } from "./reorder-buffer.js";
import { growingPageSizes, type SignatureSource, walkSignatures } from "./signature-walk.js";
import { type TimeWindow, withinTimeWindow } from "./time-window.js";

/** Produces a wallet's signatures page by page, in the order the swaps are to come out. */
export type SignaturePages = (signal: AbortSignal) => AsyncIterable<ListedSignature[]>;

/** A signature as a walk lists it; gTFA's entries also give their position in the block. */
export type ListedSignature = SignatureInfo & { transactionIndex?: number };

export interface FetchSwapsOptions {
  source: SignatureSource & TransactionSource;
  wallet: string;
  /**
   * Where signatures come from; by default the `getSignaturesForAddress` walk, newest first.
   * Records come out in the order of these pages.
   */
  signaturePages?: SignaturePages;
  /** Parse and emit failed transactions too (with status "failed"). */
  includeFailed: boolean;
  detect: DetectMode;
  /** Keep Helius's untouched object beside each record (for `--raw`). */
  keepRaw: boolean;
  /**
   * Parse calls in flight for this wallet (`--parallel-pages`). The client's parse lane holds
   * the requests to it; chunks in progress may be one more (see `fetchSwaps`).
   */
  parallelPages: number;
  /** Stop the walk at this signature, exclusive (incremental runs). */
  until?: string;
  /** Only transactions whose block time falls in this window (default walk only). */
  timeWindow?: TimeWindow;
  missingRetries?: number;
  missingDelayMs?: number;
  signal: AbortSignal;
  logger: Logger;
  clock?: Clock;
  onProgress?: (progress: Readonly<FetchProgress>) => void;
}

export interface FetchedSwap {
  record: SwapRecord;
  /** Helius's object as received, when `keepRaw` was set. */
  raw?: unknown;
}

export interface FetchProgress {
  /** Signatures discovered by the walk. */
  signatures: number;
  /** Transactions parsed and classified. */
  transactions: number;
  swaps: number;
  /** Parse chunks finished. */
  chunks: number;
  /** The newest transaction the walk found (highest slot): the bookmark for the next run. */
  newest?: ListedSignature;
}

/**
 * Streams a wallet's swaps in the order of its signature pages (newest first by default). The
 * signature walk (a sequential chain) and the parse calls (parallel once signatures are known)
 * run as a pipeline: each walk page is packed into parse chunks that start at once, up to
 * `parallelPages` calls in flight, while the walk goes on. Finished chunks are put back in walk
 * order by a bounded reorder buffer, so memory follows the window of work in flight, not the
 * length of the history.
 */
export async function* fetchSwaps(options: FetchSwapsOptions): AsyncGenerator<FetchedSwap> {
  const controller = new AbortController();
  const signal = AbortSignal.any([options.signal, controller.signal]);
  const progress: FetchProgress = { signatures: 0, transactions: 0, swaps: 0, chunks: 0 };
  const buffer = new ReorderBuffer<FetchedSwap[]>(options.parallelPages * 2);
  // One chunk more than calls in flight: the client frees a call's place in its parse lane as
  // soon as the answer is in, and the next chunk should take it while that answer is decoded.
  const limit = pLimit({ concurrency: options.parallelPages + 1, rejectOnClear: true });
  const tasks = new Set<Promise<void>>();
  const onAbort = () => buffer.fail(signal.reason);
  signal.addEventListener("abort", onAbort, { once: true });

  const dispatch = async (chunk: string[]) => {
    const seq = await buffer.reserve(signal);
    const task = limit(() => parseChunk(options.source, chunk, parseOptions(options, signal)))
      .then((parsed) => {
        progress.chunks += 1;
        buffer.complete(seq, selectSwaps(parsed, options, progress));
        options.onProgress?.(progress);
      })
      .catch((error: unknown) => buffer.fail(error))
      .finally(() => tasks.delete(task));
    tasks.add(task);
  };

  const walk = async () => {
    const packer = new ChunkPacker();
    const pages = (options.signaturePages ?? defaultWalk(options))(signal);

    for await (const page of pages) {
      progress.signatures += page.length;
      const newest = newestOf(page, progress.newest);
      if (newest !== undefined) progress.newest = newest;
      options.onProgress?.(progress);
      for (const chunk of packer.add(selectSignatures(page, options.includeFailed))) {
        await dispatch(chunk);
      }
    }
    for (const chunk of packer.flush()) await dispatch(chunk);
    buffer.close();
  };
  const walking = walk().catch((error: unknown) => buffer.fail(error));

  try {
    for await (const swaps of buffer.drain()) yield* swaps;
  } finally {
    // Normal end, an error, or the consumer stopping early: stop everything still running.
    signal.removeEventListener("abort", onAbort);
    controller.abort();
    buffer.fail(signal.reason);
    limit.clearQueue();
    await walking;
    await Promise.allSettled(tasks);
  }
}

function defaultWalk(options: FetchSwapsOptions): SignaturePages {
  return (signal) => {
    const pages = walkSignatures(options.source, {
      wallet: options.wallet,
      pageSizes: growingPageSizes(),
      signal,
      logger: options.logger,
      ...(options.until === undefined ? {} : { until: options.until }),
    });
    return options.timeWindow === undefined ? pages : withinTimeWindow(pages, options.timeWindow);
  };
}

/**
 * Keeps the newest entry: the highest slot and, within it, the highest `transactionIndex` when
 * the source gives one (gTFA, whose pages may run oldest first). Without it, the first entry
 * of the slot: getSignaturesForAddress pages list a slot's newest first.
 */
function newestOf(page: ListedSignature[], current: ListedSignature | undefined) {
  let newest = current;
  for (const entry of page) {
    if (newest === undefined || isNewer(entry, newest)) newest = entry;
  }
  return newest;
}

function isNewer(entry: ListedSignature, than: ListedSignature): boolean {
  if (entry.slot !== than.slot) return entry.slot > than.slot;
  const index = entry.transactionIndex;
  const thanIndex = than.transactionIndex;
  return typeof index === "number" && typeof thanIndex === "number" && index > thanIndex;
}

function parseOptions(options: FetchSwapsOptions, signal: AbortSignal) {
  return {
    missingRetries: options.missingRetries ?? 3,
    missingDelayMs: options.missingDelayMs ?? 1000,
    clock: options.clock ?? systemClock,
    logger: options.logger,
    signal,
  };
}

/** Failed transactions cannot be swaps that happened, so they are not parsed unless asked for. */
function* selectSignatures(page: SignatureInfo[], includeFailed: boolean): Iterable<string> {
  for (const entry of page) {
    if (includeFailed || entry.err === null || entry.err === undefined) yield entry.signature;
  }
}

function selectSwaps(
  parsed: ParsedTransaction[],
  options: FetchSwapsOptions,
  progress: FetchProgress,
): FetchedSwap[] {
  const swaps: FetchedSwap[] = [];
  for (const { raw, transaction } of parsed) {
    const record = toSwapRecord(transaction, options.wallet, {
      detect: options.detect,
      includeFailed: options.includeFailed,
    });
    if (record === undefined) continue;
    swaps.push(options.keepRaw ? { record, raw } : { record });
  }
  progress.transactions += parsed.length;
  progress.swaps += swaps.length;
  return swaps;
}
