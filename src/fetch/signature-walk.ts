import type { Logger } from "pino";
import type { SignaturePageRequest } from "../helius/client.js";
import type { SignatureInfo } from "../helius/schemas/signature-page.js";
import { PaginationStuckError } from "./errors.js";
import { RecentSet } from "./recent-set.js";

/** The part of the Helius client the walk needs. */
export interface SignatureSource {
  getSignaturesPage(
    wallet: string,
    page: SignaturePageRequest,
    signal: AbortSignal,
  ): Promise<SignatureInfo[]>;
}

export interface WalkOptions {
  wallet: string;
  /** Stop at this signature (exclusive): the newest one a previous run exported. */
  until?: string;
  /** Page sizes to request in turn; the last one repeats. */
  pageSizes: readonly number[];
  signal: AbortSignal;
  logger: Logger;
}

/** Signatures remembered for dropping repeats: the last five full pages. */
const REMEMBERED_SIGNATURES = 5000;

/** `getSignaturesForAddress` accepts at most 1,000 signatures a page. */
export const MAX_SIGNATURE_PAGE = 1000;

/**
 * Page sizes that start small and double up to the maximum. The first parse calls can start
 * after a short first page instead of waiting for a full one, and each following page unlocks
 * about twice as many parse calls as the last: parse work ramps up 1, 2, 4, 8 calls wide while
 * the walk goes on. Only the first few pages are short, so the walk costs at most three extra
 * calls.
 */
export function growingPageSizes(first = 100, max = MAX_SIGNATURE_PAGE): number[] {
  const sizes: number[] = [];
  for (let size = first; size < max; size *= 2) sizes.push(size);
  sizes.push(max);
  return sizes;
}

/**
 * Walks a wallet's signatures newest first, one page after another (each cursor is the last
 * signature of the page before). Only an empty page ends the walk: a short page in the middle
 * of a history is normal, and so is a page holding nothing but the cursor itself (a server
 * that treats `before` as inclusive has nothing older to give). A signature seen before is
 * dropped, even when a page repeats it within itself, and a page that brings nothing new and
 * would repeat the same cursor is an error rather than an endless loop.
 */
export async function* walkSignatures(
  source: SignatureSource,
  options: WalkOptions,
): AsyncGenerator<SignatureInfo[]> {
  const seen = new RecentSet<string>(REMEMBERED_SIGNATURES);
  let before: string | undefined;

  for (let pageIndex = 0; ; pageIndex += 1) {
    const limit = options.pageSizes[Math.min(pageIndex, options.pageSizes.length - 1)] ?? 1000;
    const request: SignaturePageRequest = { limit };
    if (before !== undefined) request.before = before;
    if (options.until !== undefined) request.until = options.until;

    const page = await source.getSignaturesPage(options.wallet, request, options.signal);
    if (page.every((entry) => entry.signature === before)) return;

    const fresh: SignatureInfo[] = [];
    for (const entry of page) {
      if (seen.has(entry.signature)) continue;
      seen.add(entry.signature);
      fresh.push(entry);
    }

    if (fresh.length < page.length) {
      options.logger.warn(
        { page: pageIndex, repeated: page.length - fresh.length },
        "dropped signatures the walk had already seen",
      );
    }

    const cursor = page.at(-1)?.signature;
    if (fresh.length === 0 && cursor === before) {
      throw new PaginationStuckError(options.wallet, before);
    }

    before = cursor;
    if (fresh.length > 0) yield fresh;
  }
}
