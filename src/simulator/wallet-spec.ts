/** What a synthetic transaction does, independent of how Helius labels it. */
export const TRANSACTION_KINDS = [
  /** type SWAP with `events.swap` (RAYDIUM, ORCA, JUPITER). */
  "swap-labelled",
  /** type SWAP without `events.swap`: `events: {}` (PUMP_AMM, METEORA). */
  "swap-typed-no-event",
  /** type UNKNOWN that still carries `events.swap`. */
  "swap-unknown-typed",
  /** A swap Helius does not label: a pump.fun-like buy typed TRANSFER, or a sell typed UNKNOWN. */
  "swap-unlabelled",
  /** Plain SOL transfer, out of or into the wallet. */
  "sol-transfer",
  /** Plain SPL token transfer, out of or into the wallet. */
  "token-transfer",
  /** A program call that moves nothing but the network fee. */
  "program-call",
] as const;

export type TransactionKind = (typeof TRANSACTION_KINDS)[number];

/** Recipe for a deterministic synthetic wallet: the same spec always yields the same bytes. */
export interface WalletSpec {
  /** Any string; the wallet address is derived from it. */
  seed: string;
  /** How many transactions the history holds initially (0 to 1,000,000). */
  transactions: number;
  /** Share of transactions that fail, from 0 to 1. Default 0.08. */
  failedShare?: number;
  /**
   * Relative weights of the kinds. When given, it replaces the default table: kinds left out
   * get weight 0. Default: mostly swaps (see `DEFAULT_KIND_WEIGHTS`).
   */
  kindWeights?: Partial<Record<TransactionKind, number>>;
  /** Each slot holds 1 to this many of the wallet's transactions (uniform). Default 3. */
  maxTransactionsPerSlot?: number;
  /** Slots between one slot group and the next older one: 1 to this many. Default 3,000. */
  maxSlotGap?: number;
  /** Slot of the newest initial transaction. Default 380,000,000. */
  newestSlot?: number;
  /** Block time (Unix seconds) of `newestSlot`; other slots are 0.4 s apart from it. */
  newestBlockTime?: number;
  /** How many synthetic token mints the wallet trades besides USDC and USDT. Default 6. */
  tokenCount?: number;
  /**
   * Extra transactions that reach the wallet only through its token accounts, as a share of
   * `transactions` (0 to 1, default 0): limit-order fills into them (swaps for the wallet),
   * plain deposits, and calls that touch an account without changing it. Only
   * `getTransactionsForAddress` with a `tokenAccounts` filter lists them. Other transactions
   * are the same whatever this share is.
   */
  tokenAccountShare?: number;
}

/** A {@link WalletSpec} with every default filled in and every value checked. */
export interface ResolvedWalletSpec {
  seed: string;
  transactions: number;
  failedShare: number;
  kindWeights: Readonly<Record<TransactionKind, number>>;
  maxTransactionsPerSlot: number;
  maxSlotGap: number;
  newestSlot: number;
  newestBlockTime: number;
  tokenCount: number;
  tokenAccountShare: number;
}

/** Default mix: about 70% swaps of the four labelling styles, the rest non-swaps. */
export const DEFAULT_KIND_WEIGHTS: Readonly<Record<TransactionKind, number>> = {
  "swap-labelled": 45,
  "swap-typed-no-event": 12,
  "swap-unknown-typed": 5,
  "swap-unlabelled": 10,
  "sol-transfer": 12,
  "token-transfer": 9,
  "program-call": 7,
};

/** Mainnet reached slot 380M around November 2025; any fixed value keeps the data stable. */
const DEFAULT_NEWEST_SLOT = 380_000_000;
const DEFAULT_NEWEST_BLOCK_TIME = 1_762_000_000;

/** Checks a spec and fills in its defaults; throws a RangeError naming the bad field. */
export function resolveWalletSpec(spec: WalletSpec): ResolvedWalletSpec {
  if (typeof spec.seed !== "string" || spec.seed.length === 0) {
    throw new RangeError("wallet seed must be a non-empty string");
  }

  const resolved: ResolvedWalletSpec = {
    seed: spec.seed,
    transactions: checkInteger("transactions", spec.transactions, 0, 1_000_000),
    failedShare: checkShare("failedShare", spec.failedShare ?? 0.08),
    kindWeights: resolveKindWeights(spec.kindWeights),
    maxTransactionsPerSlot: checkInteger(
      "maxTransactionsPerSlot",
      spec.maxTransactionsPerSlot ?? 3,
      1,
      1_000,
    ),
    maxSlotGap: checkInteger("maxSlotGap", spec.maxSlotGap ?? 3_000, 1, 10_000_000),
    newestSlot: checkInteger("newestSlot", spec.newestSlot ?? DEFAULT_NEWEST_SLOT, 0, 2 ** 40),
    newestBlockTime: checkInteger(
      "newestBlockTime",
      spec.newestBlockTime ?? DEFAULT_NEWEST_BLOCK_TIME,
      0,
      2 ** 40,
    ),
    tokenCount: checkInteger("tokenCount", spec.tokenCount ?? 6, 1, 1_000),
    tokenAccountShare: checkShare("tokenAccountShare", spec.tokenAccountShare ?? 0),
  };
  return resolved;
}

function resolveKindWeights(
  weights: Partial<Record<TransactionKind, number>> | undefined,
): Record<TransactionKind, number> {
  if (weights === undefined) {
    return { ...DEFAULT_KIND_WEIGHTS };
  }

  const resolved = {} as Record<TransactionKind, number>;
  for (const kind of TRANSACTION_KINDS) {
    const weight = weights[kind] ?? 0;
    if (!Number.isFinite(weight) || weight < 0) {
      throw new RangeError(`kindWeights.${kind} must be a finite number >= 0`);
    }
    resolved[kind] = weight;
  }
  for (const key of Object.keys(weights)) {
    if (!(TRANSACTION_KINDS as readonly string[]).includes(key)) {
      throw new RangeError(`kindWeights has an unknown kind "${key}"`);
    }
  }
  if (Object.values(resolved).every((weight) => weight === 0)) {
    throw new RangeError("kindWeights must give at least one kind a positive weight");
  }
  return resolved;
}

function checkInteger(name: string, value: number, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

function checkShare(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new RangeError(`${name} must be a number from 0 to 1`);
  }
  return value;
}
