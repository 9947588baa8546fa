import { deriveAddress, USDC_MINT, USDT_MINT } from "./known-accounts.js";
import type { Prng } from "./prng.js";
import type { ResolvedWalletSpec } from "./wallet-spec.js";

/** A token mint the wallet may trade. */
export interface TradableMint {
  mint: string;
  decimals: number;
}

/** Fixed facts about the wallet that every plan reads. */
export interface WalletContext {
  spec: ResolvedWalletSpec;
  address: string;
  mints: readonly TradableMint[];
}

/**
 * What the wallet owns as the generator walks forward in time, so that sells never exceed
 * holdings and a token account's rent is paid only by the first transaction that needs it.
 */
export interface PlannerState {
  /** Raw token balances by mint (SOL is not tracked). */
  holdings: Map<string, bigint>;
  /** Mints for which the wallet already has a token account. */
  tokenAccounts: Set<string>;
}

/** The wallet's address and tradable mints, derived from its seed. */
export function createWalletContext(spec: ResolvedWalletSpec): WalletContext {
  const mints: TradableMint[] = [
    { mint: USDC_MINT, decimals: 6 },
    { mint: USDT_MINT, decimals: 6 },
  ];
  for (let index = 0; index < spec.tokenCount; index += 1) {
    // Most memecoins use 6 decimals (pump.fun's choice); every third one uses 9 for variety.
    mints.push({
      mint: deriveAddress("mint", spec.seed, index),
      decimals: index % 3 === 2 ? 9 : 6,
    });
  }
  return { spec, address: deriveAddress("wallet", spec.seed), mints };
}

export function createPlannerState(): PlannerState {
  return { holdings: new Map(), tokenAccounts: new Set() };
}

/** Mints the wallet holds a positive balance of, in a stable order. */
export function heldMints(context: WalletContext, state: PlannerState): TradableMint[] {
  return context.mints.filter((entry) => (state.holdings.get(entry.mint) ?? 0n) > 0n);
}

/** A sellable slice of a holding: a quarter, a half or all of it. */
export function sliceOfHolding(state: PlannerState, mint: string, prng: Prng): bigint {
  const balance = state.holdings.get(mint) ?? 0n;
  const quarters = BigInt(prng.pick([1, 2, 4]));
  const amount = (balance * quarters) / 4n;
  return amount > 0n ? amount : balance;
}

export function addHolding(state: PlannerState, mint: string, delta: bigint): void {
  state.holdings.set(mint, (state.holdings.get(mint) ?? 0n) + delta);
}
