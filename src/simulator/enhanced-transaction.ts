/**
 * The wire shape of a Helius enhanced transaction as the simulator serves it, written from the
 * API facts (OAS `EnhancedTransaction`, `SwapEvent`, `TokenSwap`) and the recorded real objects.
 * Field order in these types is the order the real API emits them.
 */

/**
 * A Solana `TransactionError` as it appears on the wire,
 * e.g. `{"InstructionError":[2,{"Custom":6001}]}`.
 */
export type TransactionErrorValue =
  | string
  | { readonly [variant: string]: unknown }
  | readonly unknown[];

export interface NativeTransfer {
  fromUserAccount: string;
  toUserAccount: string;
  /** Lamports. */
  amount: number;
}

export interface TokenTransfer {
  fromTokenAccount: string;
  toTokenAccount: string;
  fromUserAccount: string;
  toUserAccount: string;
  /** UI units: the raw amount already divided by 10^decimals, as a float. */
  tokenAmount: number;
  mint: string;
  tokenStandard: "Fungible";
}

export interface RawTokenAmount {
  /** Raw base units as a decimal string; negative in `accountData` for a decrease. */
  tokenAmount: string;
  decimals: number;
}

export interface TokenBalanceChange {
  userAccount: string;
  tokenAccount: string;
  rawTokenAmount: RawTokenAmount;
  mint: string;
}

export interface AccountData {
  account: string;
  /** Lamports; the fee payer's change includes the network fee. */
  nativeBalanceChange: number;
  tokenBalanceChanges: TokenBalanceChange[];
}

export interface InnerInstruction {
  accounts: string[];
  data: string;
  programId: string;
}

export interface Instruction extends InnerInstruction {
  innerInstructions: InnerInstruction[];
}

/** A native leg of a swap event; `amount` is a lamport count written as a string. */
export interface SwapNativeAmount {
  account: string;
  amount: string;
}

export interface SwapTokenAmount {
  userAccount: string;
  tokenAccount: string;
  rawTokenAmount: RawTokenAmount;
  mint: string;
}

export interface ProgramInfo {
  source: string;
  account: string;
  programName: string;
  instructionName: string;
}

/** One hop inside a routed swap; its transfers name the pool accounts as the counterparties. */
export interface InnerSwap {
  tokenInputs: TokenTransfer[];
  tokenOutputs: TokenTransfer[];
  tokenFees: TokenTransfer[];
  nativeFees: NativeTransfer[];
  programInfo: ProgramInfo;
}

export interface SwapEvent {
  nativeInput: SwapNativeAmount | null;
  nativeOutput: SwapNativeAmount | null;
  tokenInputs: SwapTokenAmount[];
  tokenOutputs: SwapTokenAmount[];
  nativeFees: SwapNativeAmount[];
  tokenFees: SwapTokenAmount[];
  innerSwaps: InnerSwap[];
}

/** `events` is an object (often `{}`), or on some webhook-era payloads an empty array. */
export type TransactionEvents = { swap?: SwapEvent } | [];

export interface EnhancedTransaction {
  description: string;
  type: string;
  source: string;
  /** Lamports. */
  fee: number;
  feePayer: string;
  signature: string;
  slot: number;
  /** Unix seconds. */
  timestamp: number;
  tokenTransfers: TokenTransfer[];
  nativeTransfers: NativeTransfer[];
  accountData: AccountData[];
  transactionError: TransactionErrorValue | null;
  instructions: Instruction[];
  events: TransactionEvents;
}
