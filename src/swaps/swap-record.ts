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
  /** Raw amount in base units, as a decimal integer string (exact, no float rounding). */
  amount: string;
  decimals: number;
  /** `amount` scaled by `decimals`, as an exact decimal string ("0.023873063"). */
  uiAmount: string;
}

/** How the swap was recognised: Helius's labels, the wallet's balance changes, or both. */
export type SwapEvidence = "label" | "balances" | "both";

export interface SwapRecord {
  version: typeof SWAP_RECORD_VERSION;
  /** The wallet this history belongs to. */
  wallet: string;
  signature: string;
  slot: number;
  /** Block time, Unix seconds. */
  timestamp: number;
  /** Block time as ISO 8601 UTC. */
  time: string;
  /** Helius's `type` label, kept as sent (SWAP, UNKNOWN, TRANSFER, ...). */
  type: string;
  /** Helius's `source` label: the venue or program (RAYDIUM, JUPITER, PUMP_AMM, ...). */
  source: string;
  /** Network fee in lamports. */
  fee: number;
  feePayer: string;
  status: "success" | "failed";
  /** What left the wallet. Usually one side; empty for a failed swap with nothing moved. */
  sold: SwapSide[];
  /** What reached the wallet. */
  bought: SwapSide[];
  detectedBy: SwapEvidence;
}
