import { AddressListing } from "./address-listing.js";
import type { TokenAccountsFilter } from "./batch-placement.js";
import type { TransactionErrorValue } from "./enhanced-transaction.js";
import { renderEnhanced } from "./render-enhanced.js";
import { renderTokenAccountPlan } from "./render-token-account.js";
import type { TokenAccountPlan } from "./token-account-activity.js";
import type { TransactionPlan } from "./transaction-plan.js";

/** What `getSignaturesForAddress` reports about one transaction. */
export interface SignatureEntry {
  signature: string;
  slot: number;
  /** Unix seconds. */
  blockTime: number;
  err: TransactionErrorValue | null;
  /** Position in the block (gTFA's `transactionIndex`); unique within the slot. */
  transactionIndex: number;
  /**
   * The weakest gTFA `tokenAccounts` filter that lists it; "none" means it names the wallet,
   * so `getSignaturesForAddress` lists it too.
   */
  listedWith: TokenAccountsFilter;
}

/**
 * A transaction the simulator can serve: either a recorded real object kept as its JSON text,
 * or a synthetic plan rendered on demand (so large wallets cost little memory).
 */
export type StoredTransaction =
  | { origin: "recorded"; entry: SignatureEntry; json: string }
  | { origin: "synthetic"; entry: SignatureEntry; wallet: string; plan: TransactionPlan }
  | { origin: "token-account"; entry: SignatureEntry; wallet: string; plan: TokenAccountPlan };

/** The enhanced JSON text of a stored transaction, exactly as the parse endpoint sends it. */
export function enhancedJsonOf(stored: StoredTransaction): string {
  switch (stored.origin) {
    case "recorded":
      return stored.json;
    case "synthetic":
      return JSON.stringify(renderEnhanced(stored.plan, stored.wallet));
    case "token-account":
      return JSON.stringify(renderTokenAccountPlan(stored.plan, stored.wallet));
  }
}

/**
 * One wallet's signature history, newest first, with a position index for cursors: the
 * transactions that name the wallet. `listing` also holds those that reach it only through its
 * token accounts, for gTFA.
 */
export class WalletHistory {
  private entries: StoredTransaction[] = [];
  private positions = new Map<string, number>();
  readonly listing = new AddressListing();

  constructor(readonly address: string) {}

  get length(): number {
    return this.entries.length;
  }

  /** Position of a signature in the newest-first list, or undefined when not in this history. */
  positionOf(signature: string): number | undefined {
    return this.positions.get(signature);
  }

  at(position: number): StoredTransaction | undefined {
    return this.entries[position];
  }

  slice(start: number, end: number): StoredTransaction[] {
    return this.entries.slice(start, end);
  }

  /**
   * Puts transactions (newest first by slot and transactionIndex) before every existing one;
   * only those that name the wallet join the signature history.
   */
  prepend(newer: readonly StoredTransaction[]): void {
    this.listing.prepend(newer);
    const named = newer.filter((stored) => stored.entry.listedWith === "none");
    this.entries = [...named, ...this.entries];
    this.positions = new Map(
      this.entries.map((stored, position) => [stored.entry.signature, position]),
    );
  }
}

/** Every wallet history and every servable transaction of one simulator. */
export class TransactionStore {
  private readonly histories = new Map<string, WalletHistory>();
  private readonly bySignature = new Map<string, StoredTransaction>();
  private readonly unavailable = new Set<string>();

  history(address: string): WalletHistory | undefined {
    return this.histories.get(address);
  }

  /** Creates a wallet's history; an address can only be added once. */
  createHistory(address: string): WalletHistory {
    if (this.histories.has(address)) {
      throw new Error(`wallet ${address} is already in the simulator`);
    }
    const history = new WalletHistory(address);
    this.histories.set(address, history);
    return history;
  }

  /**
   * Forgets a wallet and every transaction no other wallet lists, so that a long-lived
   * simulator (the benchmark's) does not keep a finished wallet's texts in its heap.
   */
  removeHistory(address: string): boolean {
    const history = this.histories.get(address);
    if (history === undefined) return false;
    this.histories.delete(address);

    const others = [...this.histories.values()];
    for (const signature of history.listing.listed()) {
      if (others.some((other) => other.listing.has(signature))) continue;
      this.bySignature.delete(signature);
      this.unavailable.delete(signature);
    }
    return true;
  }

  /** Adds transactions (newest first) at the top of a wallet's history. */
  prepend(history: WalletHistory, newer: readonly StoredTransaction[]): void {
    const seen = new Set<string>();
    for (const stored of newer) {
      const signature = stored.entry.signature;
      if (seen.has(signature) || history.listing.has(signature)) {
        throw new Error(`signature ${signature} appears twice in wallet ${history.address}`);
      }
      seen.add(signature);
      const existing = this.bySignature.get(signature);
      if (existing !== undefined && enhancedJsonOf(existing) !== enhancedJsonOf(stored)) {
        throw new Error(`signature ${signature} is already stored with different content`);
      }
    }

    for (const stored of newer) {
      this.bySignature.set(stored.entry.signature, stored);
    }
    history.prepend(newer);
  }

  /** The transaction the parse endpoint may return for a signature, if any. */
  parseable(signature: string): StoredTransaction | undefined {
    return this.unavailable.has(signature) ? undefined : this.bySignature.get(signature);
  }

  /** From now on the parse endpoint never returns these (they stay in signature lists). */
  markUnavailable(signatures: Iterable<string>): void {
    for (const signature of signatures) {
      this.unavailable.add(signature);
    }
  }
}
