/**
 * The record fetch-swaps emits for each swap (unless `--raw`). Its shape is versioned: a field
 * is only ever added within a version; renaming or removing one bumps `version`.
 */

export const SWAP_RECORD_VERSION = 1;

/** Wrapped SOL. Native SOL and wrapped SOL are reported as this one asset. */
export const WRAPPED_SOL_MINT = "So11111111111111111111111111111111111111112";
export const SOL_DECIMALS = 9;

/** One asset that left or reached the wallet in a swap. */
export interface SwapSide {
  /** Token mint; native SOL is reported as the wrapped SOL mint. */
  mint: string;
  /** Raw amount in base units, positive, as a decimal integer string (exact, no float rounding). */
  amount: string;
  decimals: number;
  /** `amount` scaled by `decimals`, as an exact decimal string without trailing zeros ("0.1"). */
  uiAmount: string;
}

/**
 * How the swap was recognised: Helius's labels, the wallet's balance changes, or both. It names
 * every kind of evidence that held, whichever `--detect` mode asked.
 */
export type SwapEvidence = "label" | "balances" | "both";

export interface SwapRecord {
  version: typeof SWAP_RECORD_VERSION;
  /** The wallet this history belongs to. */
  wallet: string;
  signature: string;
  slot: number;
  /** Block time, Unix seconds. */
  timestamp: number;
  /** Block time as ISO 8601 UTC to the second ("2024-07-02T08:45:27Z"). */
  time: string;
  /** Helius's `type` label, kept as sent (SWAP, UNKNOWN, TRANSFER, ...). */
  type: string;
  /** Helius's `source` label: the venue or program (RAYDIUM, JUPITER, PUMP_AMM, ...). */
  source: string;
  /** Network fee in lamports. */
  fee: number;
  feePayer: string;
  status: "success" | "failed";
  /**
   * What left the wallet: its net decrease per asset, with the network fee, rent deposits and
   * SOL dust taken out. SOL paid in the same transaction as router or bot fees or tips (0.001
   * SOL or more) is part of it. Usually one asset; several are ordered by mint. For a failed
   * swap: what its swap event says was attempted, or empty.
   */
  sold: SwapSide[];
  /** What reached the wallet: its net increase per asset, rent refunds taken out; by mint. */
  bought: SwapSide[];
  detectedBy: SwapEvidence;
}
