import type { Logger } from "pino";
import type { ParsedTransaction } from "../helius/client.js";
import type { Clock } from "../helius/clock.js";
import { MissingTransactionsError } from "./errors.js";

/** The part of the Helius client the parse step needs. */
export interface TransactionSource {
  parseTransactions(
    signatures: readonly string[],
    signal: AbortSignal,
  ): Promise<ParsedTransaction[]>;
}

export interface ParseChunkOptions {
  /** Extra rounds for transactions Helius left out (it does, for ones it cannot serve yet). */
  missingRetries: number;
  /** Delay before the first extra round; doubles each round, up to `MAX_MISSING_DELAY_MS`. */
  missingDelayMs: number;
  clock: Clock;
  signal: AbortSignal;
  logger: Logger;
}

/**
 * Longest wait between two rounds (30 s, the retry policy's ceiling for one backoff): the
 * rounds follow `--max-retries`, and doubling up to 20 times without a bound would wait days.
 */
const MAX_MISSING_DELAY_MS = 30_000;

/**
 * Parses one chunk of signatures and returns the transactions in the chunk's own order. The
 * endpoint answers in any order and may leave some out, so results are joined by signature and
 * the missing ones asked for again; any still missing after the retries fail the run rather
 * than being dropped.
 */
export async function parseChunk(
  source: TransactionSource,
  signatures: readonly string[],
  options: ParseChunkOptions,
): Promise<ParsedTransaction[]> {
  const found = new Map<string, ParsedTransaction>();
  let missing = signatures;

  for (let round = 0; ; round += 1) {
    const answer = await source.parseTransactions(missing, options.signal);
    const wanted = new Set(missing);
    for (const parsed of answer) {
      const signature = parsed.transaction.signature;
      if (wanted.has(signature)) found.set(signature, parsed);
    }

    missing = missing.filter((signature) => !found.has(signature));
    if (missing.length === 0) break;
    if (round >= options.missingRetries) {
      // The error message names only the first few; the log record keeps every one of them.
      options.logger.error(
        { missing: missing.length, signatures: missing },
        "Helius did not return these transactions",
      );
      throw new MissingTransactionsError(missing, round + 1);
    }

    const delayMs = Math.min(MAX_MISSING_DELAY_MS, options.missingDelayMs * 2 ** round);
    options.logger.debug(
      { missing: missing.length, round: round + 1, delayMs },
      "asking again for transactions Helius left out",
    );
    await options.clock.sleep(delayMs, options.signal);
  }

  return signatures.map((signature) => found.get(signature) as ParsedTransaction);
}
