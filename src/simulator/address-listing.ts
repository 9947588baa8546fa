import type { TokenAccountsFilter } from "./batch-placement.js";
import type { StoredTransaction } from "./wallet-store.js";

/**
 * The first slot whose token balance metadata names the owner, so `tokenAccounts` can see a
 * token account's transactions from here on only (facts §4, §7 item 6: about December 2022).
 */
export const TOKEN_ACCOUNTS_FIRST_SLOT = 111_491_819;

/** Inclusive integer bounds; a missing side is open. */
export interface IntegerRange {
  min?: number;
  max?: number;
}

/** gTFA's `filters.signature`: plain string (lexicographic) comparisons. */
export interface SignatureBounds {
  gt?: string;
  gte?: string;
  lt?: string;
  lte?: string;
}

/** A block position: the pagination token's content. */
export interface ListingPosition {
  slot: number;
  transactionIndex: number;
}

export interface ListingQuery {
  order: "asc" | "desc";
  limit: number;
  /** Continue strictly after this position, in the query's order. */
  after?: ListingPosition;
  slots: IntegerRange;
  blockTimes: IntegerRange;
  signatures: SignatureBounds;
  status: "succeeded" | "failed" | "any";
  tokenAccounts: TokenAccountsFilter;
}

export interface ListingPage {
  entries: StoredTransaction[];
  /** Positions inside the query's range remain after the page (they may all be filtered out). */
  more: boolean;
}

/**
 * Every transaction gTFA can list for one address, newest first by (slot, transactionIndex).
 * Slot bounds, block-time bounds (while block times never rise along the list) and the
 * pagination position are found by binary search, so a page costs its own size, not the
 * history's.
 */
export class AddressListing {
  private entries: StoredTransaction[] = [];
  private readonly signatures = new Set<string>();
  private timesNeverRise = true;

  get length(): number {
    return this.entries.length;
  }

  has(signature: string): boolean {
    return this.signatures.has(signature);
  }

  /** Every listed signature, newest first. */
  listed(): string[] {
    return this.entries.map((stored) => stored.entry.signature);
  }

  /** Adds transactions newer than every listed one, newest first; refuses any other order. */
  prepend(newer: readonly StoredTransaction[]): void {
    const joined = [...newer, ...this.entries.slice(0, 1)];
    for (let position = 1; position < joined.length; position += 1) {
      const above = (joined[position - 1] as StoredTransaction).entry;
      const below = (joined[position] as StoredTransaction).entry;
      if (comparePositions(above, below) <= 0) {
        throw new Error(
          `transactions must come newest first by (slot, transactionIndex): ${above.signature} ` +
            `at ${above.slot}:${above.transactionIndex} precedes ` +
            `${below.slot}:${below.transactionIndex}`,
        );
      }
      if (above.blockTime < below.blockTime) this.timesNeverRise = false;
    }

    for (const stored of newer) this.signatures.add(stored.entry.signature);
    this.entries = [...newer, ...this.entries];
  }

  /** One page of the transactions that match, in the query's order. */
  query(query: ListingQuery): ListingPage {
    let [start, end] = this.range(query);
    const entries: StoredTransaction[] = [];
    const matches = (stored: StoredTransaction) => this.matches(stored, query);

    if (query.order === "desc") {
      for (; start < end && entries.length < query.limit; start += 1) {
        const stored = this.entries[start] as StoredTransaction;
        if (matches(stored)) entries.push(stored);
      }
    } else {
      for (; end > start && entries.length < query.limit; end -= 1) {
        const stored = this.entries[end - 1] as StoredTransaction;
        if (matches(stored)) entries.push(stored);
      }
    }
    return { entries, more: start < end };
  }

  /** Positions [start, end) inside the slot range, the time range and past the cursor. */
  private range(query: ListingQuery): [number, number] {
    const { slots, blockTimes, after } = query;
    let start = slots.max === undefined ? 0 : this.firstWhere((e) => e.slot <= (slots.max ?? 0));
    let end =
      slots.min === undefined
        ? this.entries.length
        : this.firstWhere((e) => e.slot < (slots.min ?? 0));

    if (this.timesNeverRise) {
      const { min, max } = blockTimes;
      if (max !== undefined)
        start = Math.max(
          start,
          this.firstWhere((e) => e.blockTime <= max),
        );
      if (min !== undefined)
        end = Math.min(
          end,
          this.firstWhere((e) => e.blockTime < min),
        );
    }

    if (after !== undefined) {
      if (query.order === "desc") {
        start = Math.max(
          start,
          this.firstWhere((e) => comparePositions(e, after) < 0),
        );
      } else {
        end = Math.min(
          end,
          this.firstWhere((e) => comparePositions(e, after) <= 0),
        );
      }
    }
    return [start, Math.max(start, end)];
  }

  private matches(stored: StoredTransaction, query: ListingQuery): boolean {
    const { entry } = stored;
    if (!isListed(entry.listedWith, entry.slot, query.tokenAccounts)) return false;
    if (query.status === "succeeded" && entry.err !== null) return false;
    if (query.status === "failed" && entry.err === null) return false;

    const { min, max } = query.blockTimes;
    if (min !== undefined && entry.blockTime < min) return false;
    if (max !== undefined && entry.blockTime > max) return false;
    return withinSignatureBounds(entry.signature, query.signatures);
  }

  /** The first position whose entry satisfies a predicate that stays true once it holds. */
  private firstWhere(predicate: (entry: StoredTransaction["entry"]) => boolean): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (predicate((this.entries[middle] as StoredTransaction).entry)) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

/** Positive when `a` comes after `b` in block order (newer), negative when before. */
export function comparePositions(a: ListingPosition, b: ListingPosition): number {
  return a.slot - b.slot || a.transactionIndex - b.transactionIndex;
}

/** Token-account transactions need a filter that reaches them, and metadata that names owners. */
function isListed(listedWith: TokenAccountsFilter, slot: number, filter: TokenAccountsFilter) {
  if (listedWith === "none") return true;
  if (slot < TOKEN_ACCOUNTS_FIRST_SLOT || filter === "none") return false;
  return filter === "all" || listedWith === "balanceChanged";
}

function withinSignatureBounds(signature: string, bounds: SignatureBounds): boolean {
  if (bounds.gt !== undefined && !(signature > bounds.gt)) return false;
  if (bounds.gte !== undefined && !(signature >= bounds.gte)) return false;
  if (bounds.lt !== undefined && !(signature < bounds.lt)) return false;
  return bounds.lte === undefined || signature <= bounds.lte;
}
