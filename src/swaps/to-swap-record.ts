import type { EnhancedTransaction } from "../helius/schemas/enhanced-transaction.js";
import type { AssetChanges } from "./asset-changes.js";
import { swapEventChanges } from "./swap-event-changes.js";
import { hasSwapLabel } from "./swap-label.js";
import { SWAP_RECORD_VERSION, type SwapEvidence, type SwapRecord } from "./swap-record.js";
import { isTwoSided, type SwapSides, toSwapSides } from "./swap-sides.js";
import { walletBalanceChanges } from "./wallet-balance-changes.js";
import { walletTransferChanges } from "./wallet-transfer-changes.js";

/**
 * Which evidence makes a transaction a swap: Helius's labels (`type: "SWAP"` or an
 * `events.swap`), the wallet's own balance changes (gave up one asset, received another), or
 * either.
 */
export type DetectMode = "labels" | "balances" | "both";

/** How `toSwapRecord` decides (the CLI's `--detect` and `--include-failed`). */
export interface SwapDetectionOptions {
  detect: DetectMode;
  /** Emit failed transactions that Helius labels as swaps, with `status: "failed"`. */
  includeFailed: boolean;
}

/**
 * Turns one enhanced transaction into the wallet's swap record, or `undefined` when it is not
 * a swap of this wallet under `options`.
 *
 * Sides come from the wallet's net balance changes (network fee, rent and dust taken out), so a
 * multi-hop route is one swap from what left the wallet to what arrived. A labelled swap whose
 * balances do not show a trade (abridged payloads, relayed trades) takes its sides from the
 * wallet's transfers, then from `events.swap`; if none of them shows the wallet trading, there
 * is no record. `detectedBy` names every kind of evidence that held, whatever `detect` was:
 * the mode decides whether a record is made, never what it says.
 */
export function toSwapRecord(
  transaction: EnhancedTransaction,
  wallet: string,
  options: SwapDetectionOptions,
): SwapRecord | undefined {
  const labelled = hasSwapLabel(transaction);
  const labelsCount = labelled && options.detect !== "balances";

  if (isFailed(transaction)) {
    if (!options.includeFailed || !labelsCount) return undefined;
    const sides = failedSwapSides(transaction, wallet);
    return sides && buildRecord(transaction, wallet, "failed", sides, "label");
  }
  if (options.detect === "labels" && !labelled) return undefined;

  const accountDataChanges = walletBalanceChanges(transaction, wallet);
  const ownChanges = accountDataChanges ?? walletTransferChanges(transaction, wallet);
  const ownSides = ownChanges && toSwapSides(ownChanges);
  const byBalances = ownSides !== undefined && isTwoSided(ownSides);
  if (!byBalances && !labelsCount) return undefined;

  const sides = byBalances
    ? ownSides
    : labelledSwapSides(transaction, wallet, accountDataChanges !== undefined);
  if (sides === undefined) return undefined;

  const detectedBy: SwapEvidence = labelled ? (byBalances ? "both" : "label") : "balances";
  return buildRecord(transaction, wallet, "success", sides, detectedBy);
}

/** Any non-null `transactionError` means the transaction failed and moved nothing but the fee. */
function isFailed(transaction: EnhancedTransaction): boolean {
  return transaction.transactionError !== null && transaction.transactionError !== undefined;
}

/**
 * Sides for a labelled swap whose balances show no trade: the wallet's transfers (unless they
 * already stood in for missing balances), then the swap event. Each must show the wallet both
 * giving and receiving, or the wallet was not a party to the swap.
 */
function labelledSwapSides(
  transaction: EnhancedTransaction,
  wallet: string,
  tryTransfers: boolean,
): SwapSides | undefined {
  if (tryTransfers) {
    const sides = twoSided(walletTransferChanges(transaction, wallet));
    if (sides !== undefined) return sides;
  }
  return twoSided(swapEventChanges(transaction, wallet));
}

function twoSided(changes: AssetChanges | undefined): SwapSides | undefined {
  if (changes === undefined) return undefined;
  const sides = toSwapSides(changes);
  return isTwoSided(sides) ? sides : undefined;
}

/**
 * A failed swap moved nothing, so its sides are what the swap event says was attempted, or
 * none. It belongs to the fee payer, or to a wallet the event names.
 */
function failedSwapSides(transaction: EnhancedTransaction, wallet: string): SwapSides | undefined {
  const attempted = swapEventChanges(transaction, wallet);
  if (attempted !== undefined) return toSwapSides(attempted);
  return transaction.feePayer === wallet ? { sold: [], bought: [] } : undefined;
}

function buildRecord(
  transaction: EnhancedTransaction,
  wallet: string,
  status: SwapRecord["status"],
  sides: SwapSides,
  detectedBy: SwapEvidence,
): SwapRecord {
  return {
    version: SWAP_RECORD_VERSION,
    wallet,
    signature: transaction.signature,
    slot: transaction.slot,
    timestamp: transaction.timestamp,
    time: isoSeconds(transaction.timestamp),
    type: transaction.type,
    source: transaction.source,
    fee: transaction.fee,
    feePayer: transaction.feePayer,
    status,
    sold: sides.sold,
    bought: sides.bought,
    detectedBy,
  };
}

/** ISO 8601 UTC to the second: `2025-02-18T07:12:03Z`. */
function isoSeconds(unixSeconds: number): string {
  return `${new Date(unixSeconds * 1000).toISOString().slice(0, 19)}Z`;
}
