import type { AssetChange, AssetChanges } from "./asset-changes.js";
import { formatUiAmount } from "./decimal-amount.js";
import { type SwapSide, WRAPPED_SOL_MINT } from "./swap-record.js";

/** What left the wallet and what reached it, each ordered by mint. */
export interface SwapSides {
  sold: SwapSide[];
  bought: SwapSide[];
}

/**
 * SOL movements smaller than this (0.001 SOL, in lamports) are costs, not trades, when they
 * leave the wallet: validator tips (Jito's minimum is 1,000 lamports; common tips run up to
 * about 0.001 SOL) and router or bot fees paid beside a token-for-token trade. Arriving, they
 * are leftovers when another asset arrived too; alone, they are a (tiny) sale's proceeds.
 */
export const SOL_DUST_LAMPORTS = 1_000_000n;

/** Splits net changes into sides: negative changes were sold, positive ones bought. */
export function toSwapSides(changes: AssetChanges): SwapSides {
  const sold: SwapSide[] = [];
  const bought: SwapSide[] = [];
  let sol: AssetChange | undefined;

  for (const change of changes.values()) {
    if (change.raw === 0n) continue;
    if (change.mint === WRAPPED_SOL_MINT) {
      sol = change;
      continue;
    }
    (change.raw < 0n ? sold : bought).push(toSide(change));
  }

  if (sol !== undefined && isTradedSol(sol.raw, bought.length > 0)) {
    (sol.raw < 0n ? sold : bought).push(toSide(sol));
  }
  sold.sort(byMint);
  bought.sort(byMint);
  return { sold, bought };
}

/** A swap gave up at least one asset and received another. */
export function isTwoSided(sides: SwapSides): boolean {
  return sides.sold.length > 0 && sides.bought.length > 0;
}

/** Whether a net SOL change is part of the trade rather than a tip, fee or leftover. */
function isTradedSol(lamports: bigint, otherAssetBought: boolean): boolean {
  if (lamports < 0n) return -lamports >= SOL_DUST_LAMPORTS;
  return lamports >= SOL_DUST_LAMPORTS || !otherAssetBought;
}

function toSide(change: AssetChange): SwapSide {
  const amount = change.raw < 0n ? -change.raw : change.raw;
  return {
    mint: change.mint,
    amount: amount.toString(),
    decimals: change.decimals,
    uiAmount: formatUiAmount(amount, change.decimals),
  };
}

function byMint(a: SwapSide, b: SwapSide): number {
  if (a.mint === b.mint) return 0;
  return a.mint < b.mint ? -1 : 1;
}
