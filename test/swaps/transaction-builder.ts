/**
 * Small builders for synthetic enhanced transactions, shaped like Helius's JSON and passed
 * through the real schema, so tests see exactly what the pipeline would.
 */
import {
  type EnhancedTransaction,
  enhancedTransactionSchema,
} from "../../src/helius/schemas/enhanced-transaction.js";

export const WALLET = "Wa11etWa11etWa11etWa11etWa11etWa11etWa11et1";
export const POOL = "Poo1Poo1Poo1Poo1Poo1Poo1Poo1Poo1Poo1Poo1Poo1";
export const WSOL = "So11111111111111111111111111111111111111112";
export const USDC = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
export const USDT = "Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB";
/** BONK has 5 decimals. */
export const BONK = "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263";

/** Network fee used by every synthetic transaction, in lamports. */
export const FEE = 5_000;

/** Rent-exempt deposit of a token account (165 bytes), in lamports. */
export const TOKEN_ACCOUNT_RENT = 2_039_280;

interface TokenChange {
  userAccount: string;
  tokenAccount: string;
  mint: string;
  rawTokenAmount: { tokenAmount: string; decimals: number };
}

export interface AccountDataEntry {
  account: string;
  nativeBalanceChange: number;
  tokenBalanceChanges: TokenChange[];
}

/** A plain account's lamport change. */
export function account(address: string, nativeBalanceChange: number): AccountDataEntry {
  return { account: address, nativeBalanceChange, tokenBalanceChanges: [] };
}

/** A token account owned by `owner`: its token change (raw) and its own lamport change. */
export function tokenAccount(
  address: string,
  owner: string,
  mint: string,
  decimals: number,
  tokenChange: bigint,
  nativeBalanceChange = 0,
): AccountDataEntry {
  return {
    account: address,
    nativeBalanceChange,
    tokenBalanceChanges: [
      {
        userAccount: owner,
        tokenAccount: address,
        mint,
        rawTokenAmount: { tokenAmount: tokenChange.toString(), decimals },
      },
    ],
  };
}

export function nativeTransfer(from: string, to: string, amount: number) {
  return { fromUserAccount: from, toUserAccount: to, amount };
}

export function tokenTransfer(
  from: [user: string, tokenAccount: string],
  to: [user: string, tokenAccount: string],
  mint: string,
  tokenAmount: number,
) {
  return {
    fromUserAccount: from[0],
    fromTokenAccount: from[1],
    toUserAccount: to[0],
    toTokenAccount: to[1],
    mint,
    tokenAmount,
    tokenStandard: "Fungible",
  };
}

export function swapTokenAmount(userAccount: string, mint: string, raw: bigint, decimals: number) {
  return {
    userAccount,
    tokenAccount: `${userAccount}-${mint.slice(0, 4)}`,
    mint,
    rawTokenAmount: { tokenAmount: raw.toString(), decimals },
  };
}

/** A transaction paid for by WALLET, typed UNKNOWN unless told otherwise. */
export function transaction(fields: Record<string, unknown>): EnhancedTransaction {
  return enhancedTransactionSchema.parse({
    description: "",
    type: "UNKNOWN",
    source: "UNKNOWN",
    fee: FEE,
    feePayer: WALLET,
    signature: "5ynthet1c5ignature",
    slot: 300_000_000,
    timestamp: 1_735_689_600,
    nativeTransfers: [],
    tokenTransfers: [],
    accountData: [],
    transactionError: null,
    instructions: [],
    events: {},
    ...fields,
  });
}
