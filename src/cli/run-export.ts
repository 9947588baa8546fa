import type { Logger } from "pino";
import { type FetchProgress, fetchSwaps } from "../fetch/fetch-swaps.js";
import { HeliusClient } from "../helius/client.js";
import { openOutput, type RecordSink } from "../output/index.js";
import { RecordSpool } from "../output/record-spool.js";
import type { ExportOptions } from "./options.js";
import { PLAN_LIMITS } from "./plans.js";
import { ProgressLine } from "./progress.js";

export interface ExportContext {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  logger: Logger;
  signal: AbortSignal;
}

export interface ExportSummary {
  wallet: string;
  swaps: number;
  signatures: number;
  transactions: number;
  requests: number;
  throttled: number;
  retries: number;
  durationMs: number;
  /** Peak resident memory of the whole process so far, bytes. */
  peakRssBytes: number;
  /** CPU time of the whole process so far, milliseconds. */
  cpuUserMs: number;
  cpuSystemMs: number;
  /** The reader of stdout went away (`| head`): the export stopped early, by the user's wish. */
  outputClosed: boolean;
}

/**
 * Runs one export: the fetch pipeline streams records into the chosen writer. With `--out`,
 * the file appears only when the export is complete; on any failure it is left as it was.
 */
export async function runExport(
  options: ExportOptions,
  context: ExportContext,
): Promise<ExportSummary> {
  const startedAt = performance.now();
  const client = new HeliusClient({
    apiKey: options.apiKey,
    apiUrl: options.apiUrl,
    rpcUrl: options.rpcUrl,
    concurrency: options.concurrency,
    timeoutMs: options.timeout * 1000,
    retry: { maxRetries: options.maxRetries },
    logger: context.logger,
    ...pacing(options),
  });
  const progressLine =
    context.stderr.isTTY && !options.quiet ? new ProgressLine(context.stderr) : undefined;
  let progress: Readonly<FetchProgress> = { signatures: 0, transactions: 0, swaps: 0, chunks: 0 };

  const sink = await openOutput({
    format: options.format,
    target:
      options.out === undefined
        ? { kind: "stdout", stream: context.stdout }
        : { kind: "file", path: options.out },
  });

  let outputClosed = false;
  try {
    const swaps = fetchSwaps({
      source: client,
      wallet: options.wallet,
      includeFailed: options.includeFailed,
      detect: options.detect,
      keepRaw: options.raw,
      parallelPages: options.parallelPages,
      signal: context.signal,
      logger: context.logger,
      onProgress: (latest) => {
        progress = latest;
        progressLine?.update(latest, options.wallet);
      },
    });
    outputClosed = await writeInOrder(swaps, sink, options);
    const written = await sink.close();
    outputClosed ||= written.readerClosed;
  } catch (error) {
    // The original failure is what the user must see, even if the rollback also fails.
    await sink.abort().catch((abortError: unknown) => {
      context.logger.error({ err: abortError }, "could not remove the temporary output file");
    });
    throw error;
  } finally {
    progressLine?.clear();
    await client.close();
  }

  const stats = client.stats();
  const usage = process.resourceUsage();
  return {
    wallet: options.wallet,
    swaps: progress.swaps,
    signatures: progress.signatures,
    transactions: progress.transactions,
    requests: stats.requests,
    throttled: stats.throttled,
    retries: stats.retries,
    durationMs: Math.round(performance.now() - startedAt),
    peakRssBytes: usage.maxRSS * 1024, // maxRSS is in kilobytes
    cpuUserMs: Math.round(usage.userCPUTime / 1000), // CPU times are in microseconds
    cpuSystemMs: Math.round(usage.systemCPUTime / 1000),
    outputClosed,
  };
}

/** Writes records newest first as they stream, or all of them oldest first at the end. */
async function writeInOrder(
  swaps: AsyncIterable<{ record: unknown; raw?: unknown }>,
  sink: RecordSink,
  options: ExportOptions,
): Promise<boolean> {
  const pick = (swap: { record: unknown; raw?: unknown }) => (options.raw ? swap.raw : swap.record);

  if (options.order === "desc") {
    for await (const swap of swaps) {
      if ((await sink.write(pick(swap))) === "closed") return true;
    }
    return false;
  }

  // Oldest first means the end of a newest-first stream comes out first: hold the records in
  // a spool that moves to a temporary file past a few thousand, so memory stays flat.
  const spool = new RecordSpool();
  try {
    for await (const swap of swaps) await spool.add(pick(swap));
    for await (const record of spool.backward()) {
      if ((await sink.write(record)) === "closed") return true;
    }
    return false;
  } finally {
    await spool.dispose();
  }
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
