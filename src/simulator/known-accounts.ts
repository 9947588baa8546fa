import { createHash } from "node:crypto";
import { encodeBase58 } from "../lib/base58.js";

/** Wrapped SOL; ground truth reports native SOL under this mint with 9 decimals. */
export const WRAPPED_SOL_MINT = "So11111111111111111111111111111111111111112";
export const SOL_DECIMALS = 9;

export const USDC_MINT = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
export const USDT_MINT = "Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB";

/** Lamports a rent-exempt SPL token account holds (165 bytes), as seen in real swaps. */
export const TOKEN_ACCOUNT_RENT = 2_039_280n;

/** Base fee per signature in lamports (Solana runtime constant). */
export const BASE_FEE_LAMPORTS = 5_000;

export const SYSTEM_PROGRAM = "11111111111111111111111111111111";
export const TOKEN_PROGRAM = "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA";
export const ASSOCIATED_TOKEN_PROGRAM = "ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL";
export const COMPUTE_BUDGET_PROGRAM = "ComputeBudget111111111111111111111111111111";

/** Venues the generator can route through, with the program facts Helius reports for them. */
export const VENUES = {
  RAYDIUM: {
    programId: "675kPX9MHTjS2zt1qfr1NYHuzeLXfQM9H24wFSUt1Mp8",
    programName: "RAYDIUM_LIQUIDITY_POOL_V4",
  },
  ORCA: {
    programId: "whirLbMiicVdio4qvUfM5KAg6Ct8VwpYzGff3uctyCc",
    programName: "ORCA_WHIRLPOOLS",
  },
  METEORA: {
    programId: "LBUZKhRxPF3XUpBCjp4YzTKgLccjZhTSDM9YuVaPwxo",
    programName: "METEORA_DLMM",
  },
  PUMP_AMM: {
    programId: "pAMMBay6oceH9fJKBRHGP5D4bD4sWpmSwMn52FMfXEA",
    programName: "PUMP_AMM",
  },
  PUMP_FUN: {
    programId: "6EF8rrecthR5Dkzon8Nwu78hRvfCKubJ14M5uBEwF6P",
    programName: "PUMP_FUN",
  },
  JUPITER: {
    programId: "JUP6LkbZbjS1jKKwapdHNy74zcZ3tLUZoi5QNyVTaV4",
    programName: "JUPITER_V6",
  },
} as const;

export type Venue = keyof typeof VENUES;

/** Raydium AMM v4's pool authority: real Raydium swaps name it as the owner of the vaults. */
export const RAYDIUM_AUTHORITY = "5Q544fKrFoe6tsEbD7S8EmxGTJYAKtTVhAW5Q5pge4j1";

/** Short names Helius puts in descriptions for well-known mints; others appear as the mint. */
const SYMBOLS: Readonly<Record<string, string>> = {
  [WRAPPED_SOL_MINT]: "SOL",
  [USDC_MINT]: "USDC",
  [USDT_MINT]: "USDT",
};

export function symbolOf(mint: string): string {
  return SYMBOLS[mint] ?? mint;
}

/**
 * A stable pseudo-address: base58 of the SHA-256 of the parts. The same parts always give the
 * same account, so a wallet keeps one token account per mint and a pool keeps its vaults.
 */
export function deriveAddress(...parts: readonly (string | number)[]): string {
  const digest = createHash("sha256").update(parts.join("/")).digest();
  return encodeBase58(digest);
}
