import { SOL_DECIMALS, WRAPPED_SOL_MINT } from "./swap-record.js";

/** One asset's net change for the wallet, in raw base units (negative: it left the wallet). */
export interface AssetChange {
  mint: string;
  raw: bigint;
  decimals: number;
}

/**
 * A wallet's net change per asset within one transaction. Native SOL and wrapped SOL are one
 * asset, kept under the wrapped SOL mint: a swap that unwraps its output into lamports still
 * received SOL.
 */
export class AssetChanges {
  readonly #byMint = new Map<string, AssetChange>();

  /** Adds `raw` base units of `mint` (negative to subtract). */
  add(mint: string, raw: bigint, decimals: number): void {
    const existing = this.#byMint.get(mint);
    if (existing === undefined) {
      this.#byMint.set(mint, { mint, raw, decimals });
      return;
    }
    existing.raw += raw;
  }

  /** Adds lamports of native SOL (negative to subtract). */
  addLamports(lamports: bigint): void {
    this.add(WRAPPED_SOL_MINT, lamports, SOL_DECIMALS);
  }

  /** The net change of every asset touched, zero changes included. */
  values(): IterableIterator<AssetChange> {
    return this.#byMint.values();
  }
}
