import type { SignatureInfo } from "../helius/schemas/signature-page.js";
import type { WalkOrder } from "./shard-plan.js";

/** The newest transaction a previous run exported: where an incremental run starts. */
export interface Bookmark {
  signature: string;
  slot: number;
}

/**
 * Keeps only what is newer than the bookmark, from a walk already limited to its slot and
 * later ones. Within the bookmark's slot the order of the walk decides: newest first, the
 * stream ends at the bookmark; oldest first, the slot's entries up to the bookmark are
 * dropped. If the bookmark never shows up in its slot (the history changed), that slot is
 * kept whole: a repeated record is better than a lost one, as with the getSignaturesForAddress
 * walk, which reads an unknown `until` as no bound.
 */
export async function* cutAtBookmark<T extends SignatureInfo>(
  pages: AsyncIterable<T[]>,
  bookmark: Bookmark,
  order: WalkOrder,
): AsyncGenerator<T[]> {
  if (order === "desc") {
    for await (const page of pages) {
      const end = page.findIndex((entry) => entry.signature === bookmark.signature);
      if (end < 0) {
        yield page;
        continue;
      }
      if (end > 0) yield page.slice(0, end);
      return;
    }
    return;
  }

  let held: T[] | undefined = [];
  for await (const page of pages) {
    if (held === undefined) {
      yield page;
      continue;
    }
    const kept: T[] = [];
    for (const entry of page) {
      if (held === undefined) kept.push(entry);
      else if (entry.signature === bookmark.signature) held = undefined;
      else if (entry.slot === bookmark.slot) held.push(entry);
      else {
        kept.push(...held, entry);
        held = undefined;
      }
    }
    if (kept.length > 0) yield kept;
  }
  if (held !== undefined && held.length > 0) yield held;
}
