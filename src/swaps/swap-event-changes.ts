import type {
  EnhancedTransaction,
  SwapEvent,
  SwapTokenAmount,
} from "../helius/schemas/enhanced-transaction.js";
import { AssetChanges } from "./asset-changes.js";
import { swapEventOf } from "./swap-label.js";
import { WRAPPED_SOL_MINT } from "./swap-record.js";

/**
 * The trade `events.swap` describes, as asset changes for `wallet`: inputs leave, outputs
 * arrive. Returns `undefined` when there is no event or the wallet is not its trader, that is
 * neither the fee payer nor an account the event names.
 *
 * The event's top-level inputs and outputs are the route's ends; `innerSwaps` (the hops) are not
 * read. `nativeInput`/`nativeOutput` and wrapped SOL token amounts are the same asset, so when a
 * native amount is given, wrapped SOL on the same side is taken to restate it and skipped.
 */
export function swapEventChanges(
  transaction: EnhancedTransaction,
  wallet: string,
): AssetChanges | undefined {
  const swap = swapEventOf(transaction);
  if (swap === undefined) return undefined;
  if (transaction.feePayer !== wallet && !namesAccount(swap, wallet)) return undefined;

  const changes = new AssetChanges();
  if (swap.nativeInput != null) changes.addLamports(-BigInt(swap.nativeInput.amount));
  if (swap.nativeOutput != null) changes.addLamports(BigInt(swap.nativeOutput.amount));
  addTokenAmounts(changes, swap.tokenInputs, -1n, swap.nativeInput != null);
  addTokenAmounts(changes, swap.tokenOutputs, 1n, swap.nativeOutput != null);
  return changes;
}

function addTokenAmounts(
  changes: AssetChanges,
  amounts: readonly SwapTokenAmount[] | null | undefined,
  direction: bigint,
  skipWrappedSol: boolean,
): void {
  for (const amount of amounts ?? []) {
    if (skipWrappedSol && amount.mint === WRAPPED_SOL_MINT) continue;
    const { tokenAmount, decimals } = amount.rawTokenAmount;
    changes.add(amount.mint, direction * BigInt(tokenAmount), decimals);
  }
}

function namesAccount(swap: SwapEvent, wallet: string): boolean {
  if (swap.nativeInput?.account === wallet || swap.nativeOutput?.account === wallet) return true;
  const named = (amount: SwapTokenAmount) => amount.userAccount === wallet;
  return (swap.tokenInputs?.some(named) ?? false) || (swap.tokenOutputs?.some(named) ?? false);
}
