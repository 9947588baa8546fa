import type { SignatureInfo } from "../helius/schemas/signature-page.js";

/** Block-time bounds in Unix seconds, both inclusive. */
export interface TimeWindow {
  sinceUnix?: number;
  untilUnix?: number;
}

/**
 * Keeps the signatures of a newest-first stream that fall inside the window. Newer ones are
 * skipped; at the first one older than `sinceUnix` the stream ends, so the walk behind it stops
 * instead of going further back. Signatures without a block time are kept: they cannot be
 * placed, and dropping them could lose a swap.
 */
export async function* withinTimeWindow(
  pages: AsyncIterable<SignatureInfo[]>,
  window: TimeWindow,
): AsyncGenerator<SignatureInfo[]> {
  const { sinceUnix, untilUnix } = window;

  for await (const page of pages) {
    const kept: SignatureInfo[] = [];
    let passedSince = false;
    for (const entry of page) {
      const time = entry.blockTime;
      if (time === null || time === undefined) {
        kept.push(entry);
      } else if (sinceUnix !== undefined && time < sinceUnix) {
        passedSince = true;
        break;
      } else if (untilUnix === undefined || time <= untilUnix) {
        kept.push(entry);
      }
    }

    if (kept.length > 0) yield kept;
    if (passedSince) return;
  }
}
