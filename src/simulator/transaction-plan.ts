import type { TransactionErrorValue } from "./enhanced-transaction.js";
import { type Venue, WRAPPED_SOL_MINT } from "./known-accounts.js";
import type { TokenAccountKind } from "./token-account-activity.js";
import type { TransactionKind } from "./wallet-spec.js";

/** An amount of one asset; native SOL uses the wrapped SOL mint and 9 decimals. */
export interface Asset {
  mint: string;
  decimals: number;
  raw: bigint;
}

/** How a transaction failed; `keepsDetails` mirrors real failed swaps that still list transfers. */
export interface PlannedFailure {
  error: TransactionErrorValue;
  keepsDetails: boolean;
}

interface PlanBase {
  signature: string;
  slot: number;
  blockTime: number;
  /** Network fee in lamports. */
  fee: number;
  failure: PlannedFailure | null;
}

/**
 * A swap as the wallet experiences it: `sold` and `bought` are the wallet's net amounts (the
 * network fee excluded). A protocol fee, when present, is already inside these amounts.
 */
export interface SwapPlan extends PlanBase {
  kind: "swap-labelled" | "swap-typed-no-event" | "swap-unknown-typed" | "swap-unlabelled";
  venue: Venue;
  /** For JUPITER: the venue of each hop. */
  hops: Venue[];
  /** The `source` label Helius gives it. */
  source: string;
  sold: Asset;
  bought: Asset;
  /** Lamports of SOL routed between hops of a token-to-token route (0 when direct). */
  intermediateLamports: bigint;
  /** Lamports a pump.fun-like curve takes as its fee (0 for pools). */
  protocolFee: bigint;
  /** The wallet had no token account for the bought mint, so this transaction pays its rent. */
  createsTokenAccount: boolean;
  /** Whether `events` is rendered `{}` or `[]` when it has no swap (both occur in real data). */
  emptyEventsAsArray: boolean;
}

export interface SolTransferPlan extends PlanBase {
  kind: "sol-transfer";
  direction: "out" | "in";
  counterparty: string;
  lamports: bigint;
}

export interface TokenTransferPlan extends PlanBase {
  kind: "token-transfer";
  direction: "out" | "in";
  counterparty: string;
  asset: Asset;
  /** The receiving side had no token account; the fee payer funds it. */
  createsTokenAccount: boolean;
}

export interface ProgramCallPlan extends PlanBase {
  kind: "program-call";
  source: string;
  programId: string;
}

/** Everything needed to render one synthetic enhanced transaction and its answer key. */
export type TransactionPlan = SwapPlan | SolTransferPlan | TokenTransferPlan | ProgramCallPlan;

/** One side of a swap in the answer key: a mint, a raw amount and its decimals. */
export interface Side {
  mint: string;
  /** Raw base units as a decimal string; SOL is reported in lamports under the wrapped SOL mint. */
  amount: string;
  decimals: number;
}

/**
 * The answer key of a synthetic transaction. It is never sent over HTTP. `sold` and `bought`
 * are what a correct wallet-level swap record says: the net change of the wallet's SOL (its own
 * account plus the token accounts it owns, network fee added back) and of its token balances.
 */
export interface GroundTruth {
  kind: TransactionKind | TokenAccountKind;
  failed: boolean;
  /** Helius labels it a swap: `type` is "SWAP" or `events.swap` is present. */
  labelSwap: boolean;
  /** The wallet gave up one asset and received another. */
  balanceSwap: boolean;
  sold: Side[];
  bought: Side[];
}

/** True when a swap kind renders with `events.swap` (a failed one keeps it only with details). */
export function hasSwapEvent(plan: TransactionPlan): boolean {
  if (plan.kind !== "swap-labelled" && plan.kind !== "swap-unknown-typed") {
    return false;
  }
  return plan.failure === null || plan.failure.keepsDetails;
}

/** The Helius `type` label of a plan. */
export function typeLabelOf(plan: TransactionPlan): string {
  switch (plan.kind) {
    case "swap-labelled":
    case "swap-typed-no-event":
      return "SWAP";
    case "swap-unlabelled":
      // A pump.fun-like buy reads as a SOL transfer; the matching sell is left UNKNOWN.
      return isSolAsset(plan.sold) ? "TRANSFER" : "UNKNOWN";
    case "sol-transfer":
    case "token-transfer":
      return "TRANSFER";
    case "program-call":
    case "swap-unknown-typed":
      return "UNKNOWN";
  }
}

export function isSolAsset(asset: Asset): boolean {
  return asset.mint === WRAPPED_SOL_MINT;
}

/** Derives the answer key from a plan. */
export function groundTruthOf(plan: TransactionPlan): GroundTruth {
  const failed = plan.failure !== null;
  const labelSwap = typeLabelOf(plan) === "SWAP" || hasSwapEvent(plan);
  const isSwap = "sold" in plan && !failed;
  return {
    kind: plan.kind,
    failed,
    labelSwap,
    balanceSwap: isSwap,
    sold: isSwap ? [sideOf(plan.sold)] : [],
    bought: isSwap ? [sideOf(plan.bought)] : [],
  };
}

function sideOf(asset: Asset): Side {
  return { mint: asset.mint, amount: asset.raw.toString(), decimals: asset.decimals };
}
