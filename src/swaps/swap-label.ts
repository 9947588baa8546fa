import type { EnhancedTransaction, SwapEvent } from "../helius/schemas/enhanced-transaction.js";

/** Helius's `type` for swaps. */
const SWAP_TYPE = "SWAP";

/** The parsed swap event, when Helius attached one (`events` may be `{}`). */
export function swapEventOf(transaction: EnhancedTransaction): SwapEvent | undefined {
  return transaction.events?.swap ?? undefined;
}

/**
 * Whether Helius labels the transaction a swap: `type` is `SWAP`, or a swap event is attached.
 * Either alone is enough: some swaps are typed `UNKNOWN` yet parsed, and Helius leaves the event
 * out for PUMP_AMM, PUMP_FUN and METEORA swaps (shared/helius-api.md §1.5).
 */
export function hasSwapLabel(transaction: EnhancedTransaction): boolean {
  return transaction.type === SWAP_TYPE || swapEventOf(transaction) !== undefined;
}
