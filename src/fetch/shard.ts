import type { GtfaPage, GtfaSignatureInfo } from "../helius/schemas/gtfa-page.js";
import { compareInWalk, isBeyond, type SlotRange, type WalkOrder } from "./shard-plan.js";
import { ShardedWalkError } from "./sharded-walk-error.js";

/** Empty pages in a row, each with a new token, before a chain is taken to be looping. */
const MAX_EMPTY_PAGES = 100;

/**
 * One shard of a sharded walk: a slot range walked by its own pagination chain. Its pages wait
 * here until the output reaches the shard. `range` is what the shard answers for; a split may
 * shrink its far end (entries beyond it then belong to the shards after it). `filter` is the
 * slot filter its requests carry, fixed for the chain because a pagination token is only valid
 * with the filters it came from.
 */
export class Shard {
  range: SlotRange;
  readonly filter: SlotRange | undefined;
  state: "pending" | "running" | "done" = "pending";
  token: string | undefined;
  /** The last entry accepted: the chain's position. */
  cursor: GtfaSignatureInfo | undefined;
  /** Entries accepted so far, for the density estimate. */
  entries = 0;
  readonly pages: GtfaSignatureInfo[][] = [];
  #emptyPages = 0;

  /** Its chain has ended: the last page came, or an entry beyond the range. */
  get done(): boolean {
    return this.state === "done";
  }

  constructor(range: SlotRange, filter: SlotRange | undefined) {
    this.range = { ...range };
    this.filter = filter === undefined ? undefined : { ...filter };
  }

  /**
   * Takes one answer of the chain. Entries past the cursor and inside the range are kept; the
   * cursor's own entry coming back (a token read as inclusive) is dropped; the chain ends at the
   * last page or at the first entry beyond its range. Returns whether a page was added.
   */
  accept(page: GtfaPage, order: WalkOrder, wallet: string): boolean {
    const fresh: GtfaSignatureInfo[] = [];
    let reachedEdge = false;

    for (const entry of page.data) {
      this.#checkInsideFilter(entry, wallet);
      if (this.cursor !== undefined) {
        const step = compareInWalk(entry, this.cursor, order);
        if (step === 0 && entry.signature === this.cursor.signature) continue;
        if (step <= 0) {
          throw new ShardedWalkError(
            wallet,
            `${entry.signature} (${describe(entry)}) came after ${describe(this.cursor)} ` +
              `in a ${order === "desc" ? "newest" : "oldest"}-first page`,
          );
        }
      }
      if (isBeyond(entry.slot, this.range, order)) {
        reachedEdge = true;
        break;
      }
      fresh.push(entry);
      this.cursor = entry;
    }

    this.entries += fresh.length;
    if (fresh.length > 0) this.pages.push(fresh);
    if (reachedEdge || page.paginationToken === null) {
      this.state = "done";
      return fresh.length > 0;
    }

    this.#checkAdvancing(fresh.length, page.paginationToken, wallet);
    this.token = page.paginationToken;
    return fresh.length > 0;
  }

  #checkInsideFilter(entry: GtfaSignatureInfo, wallet: string): void {
    const filter = this.filter;
    if (filter === undefined || (entry.slot >= filter.lo && entry.slot < filter.hi)) return;
    throw new ShardedWalkError(
      wallet,
      `${entry.signature} at slot ${entry.slot} is outside the requested slots ` +
        `[${filter.lo}, ${filter.hi})`,
    );
  }

  /** A page that brings nothing must at least move the token, and not forever. */
  #checkAdvancing(fresh: number, token: string, wallet: string): void {
    if (fresh > 0) {
      this.#emptyPages = 0;
      return;
    }
    this.#emptyPages += 1;
    if (token === this.token || this.#emptyPages > MAX_EMPTY_PAGES) {
      throw new ShardedWalkError(
        wallet,
        `pagination is not advancing (token ${token}, ${this.#emptyPages} empty page(s))`,
      );
    }
  }
}

function describe(entry: { slot: number; transactionIndex: number }): string {
  return `slot ${entry.slot}, index ${entry.transactionIndex}`;
}
