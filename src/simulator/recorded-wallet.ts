import type { TransactionErrorValue } from "./enhanced-transaction.js";
import type { StoredTransaction } from "./wallet-store.js";

/** A wallet whose history is made of real enhanced objects, served verbatim. */
export interface RecordedWallet {
  readonly address: string;
  /** Signatures newest first, as `getSignaturesForAddress` lists them. */
  readonly signatures: readonly string[];
}

/**
 * Turns real enhanced objects into stored transactions, newest first (by slot, keeping the
 * given order within a slot). Each object is kept as its JSON text: numbers and key order
 * survive unchanged. The signature list takes `slot`, `timestamp` as the block time and
 * `transactionError` (missing means null) as `err`. Real objects carry no block position, so
 * the members of a slot get `transactionIndex` 0, 1, ... from the oldest, matching that order.
 */
export function recordedTransactions(objects: readonly unknown[]): StoredTransaction[] {
  const stored = objects.map((object, index) => toStored(object, index));
  const sorted = stored
    .map((transaction, index) => ({ transaction, index }))
    .sort((a, b) => b.transaction.entry.slot - a.transaction.entry.slot || a.index - b.index)
    .map(({ transaction }) => transaction);

  for (let position = sorted.length - 1, index = 0; position >= 0; position -= 1) {
    const entry = (sorted[position] as StoredTransaction).entry;
    index = entry.slot === sorted[position + 1]?.entry.slot ? index + 1 : 0;
    entry.transactionIndex = index;
  }
  return sorted;
}

function toStored(object: unknown, index: number): StoredTransaction {
  if (typeof object !== "object" || object === null || Array.isArray(object)) {
    throw new TypeError(`recorded transaction ${index} is not an object`);
  }
  const record = object as Record<string, unknown>;
  const { signature, slot, timestamp } = record;
  if (typeof signature !== "string" || signature.length === 0) {
    throw new TypeError(`recorded transaction ${index} has no signature`);
  }
  if (typeof slot !== "number" || !Number.isSafeInteger(slot)) {
    throw new TypeError(`recorded transaction ${signature} has no integer slot`);
  }
  if (typeof timestamp !== "number" || !Number.isSafeInteger(timestamp)) {
    throw new TypeError(`recorded transaction ${signature} has no integer timestamp`);
  }

  const err = (record.transactionError ?? null) as TransactionErrorValue | null;
  return {
    origin: "recorded",
    entry: { signature, slot, blockTime: timestamp, err, transactionIndex: 0, listedWith: "none" },
    json: JSON.stringify(object),
  };
}
