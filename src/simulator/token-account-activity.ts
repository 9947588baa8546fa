import { encodeBase58 } from "../lib/base58.js";
import { BASE_FEE_LAMPORTS, deriveAddress } from "./known-accounts.js";
import type { WalletContext } from "./planner-state.js";
import type { Prng } from "./prng.js";
import { randomTokenAmount } from "./swap-planner.js";
import { blockTimeOf } from "./timeline.js";
import type { Asset, GroundTruth, Side } from "./transaction-plan.js";

/**
 * Transactions that reach the wallet only through its token accounts: the wallet's own address
 * is not among their accounts, so `getSignaturesForAddress` never lists them (facts §3.1, §7
 * item 6), while gTFA does with a `tokenAccounts` filter (facts §4).
 */
export const TOKEN_ACCOUNT_KINDS = [
  /**
   * A limit order the wallet placed earlier, filled by a keeper: the order program, as the
   * delegate of the wallet's token account, sells from it and pays into another of them.
   * A swap for the wallet; `balanceChanged` lists it.
   */
  "token-account-fill",
  /** Someone sends tokens into the wallet's existing token account. Not a swap. */
  "token-account-deposit",
  /** A call that lists a token account of the wallet but changes nothing in it; `all` only. */
  "token-account-touch",
] as const;

export type TokenAccountKind = (typeof TOKEN_ACCOUNT_KINDS)[number];

interface TokenAccountPlanBase {
  signature: string;
  slot: number;
  blockTime: number;
  /** Network fee in lamports, paid by `actor`. */
  fee: number;
  /** Who signs and pays: the keeper, the sender or the crank. Never the wallet. */
  actor: string;
}

export interface FillPlan extends TokenAccountPlanBase {
  kind: "token-account-fill";
  sold: Asset;
  bought: Asset;
}

export interface DepositPlan extends TokenAccountPlanBase {
  kind: "token-account-deposit";
  asset: Asset;
}

export interface TouchPlan extends TokenAccountPlanBase {
  kind: "token-account-touch";
  mint: string;
}

export type TokenAccountPlan = FillPlan | DepositPlan | TouchPlan;

/** Limit-order fills are the common case; deposits and bare touches happen now and then. */
const KIND_WEIGHTS: Readonly<Record<TokenAccountKind, number>> = {
  "token-account-fill": 6,
  "token-account-deposit": 3,
  "token-account-touch": 1,
};

/**
 * Plans `count` token-account transactions among a batch of the wallet's own transactions
 * (newest first), each in the same slot as one of them or in a slot between two of them, so
 * the batch's slot range is kept. Returned newest first by slot. Draws only from `prng`.
 */
export function planTokenAccountActivity(
  context: WalletContext,
  batchSlotsNewestFirst: readonly number[],
  count: number,
  prng: Prng,
): TokenAccountPlan[] {
  const plans: TokenAccountPlan[] = [];
  if (batchSlotsNewestFirst.length === 0) return plans;

  for (let made = 0; made < count; made += 1) {
    const slot = pickSlot(batchSlotsNewestFirst, prng);
    const header: TokenAccountPlanBase = {
      signature: encodeBase58(prng.bytes(64)),
      slot,
      blockTime: blockTimeOf(context.spec, slot),
      fee: BASE_FEE_LAMPORTS + prng.int(0, 200_000),
      actor: deriveAddress("token-account-actor", context.address, prng.int(0, 5)),
    };
    plans.push(planOne(header, context, prng));
  }
  return plans.sort((a, b) => b.slot - a.slot);
}

/** A slot of one of the wallet's transactions, or one strictly between it and the next older. */
function pickSlot(slots: readonly number[], prng: Prng): number {
  const position = prng.int(0, slots.length - 1);
  const newer = slots[position] ?? 0;
  const older = slots[position + 1];
  if (older === undefined || newer - older < 2 || prng.chance(0.3)) return newer;
  return prng.int(older + 1, newer - 1);
}

function planOne(header: TokenAccountPlanBase, context: WalletContext, prng: Prng) {
  const kind = prng.weighted(KIND_WEIGHTS);
  const entry = prng.pick(context.mints);

  switch (kind) {
    case "token-account-fill": {
      const other = prng.pick(context.mints.filter((candidate) => candidate.mint !== entry.mint));
      const sold = { ...entry, raw: randomTokenAmount(entry, prng) };
      const bought = { ...other, raw: randomTokenAmount(other, prng) };
      return { ...header, kind, sold, bought } satisfies FillPlan;
    }
    case "token-account-deposit":
      return {
        ...header,
        kind,
        asset: { ...entry, raw: randomTokenAmount(entry, prng) },
      } satisfies DepositPlan;
    case "token-account-touch":
      return { ...header, kind, mint: entry.mint } satisfies TouchPlan;
  }
}

/** The weakest gTFA `tokenAccounts` filter that lists a plan (a touch changes no balance). */
export function tokenAccountsFilterOf(plan: TokenAccountPlan): "balanceChanged" | "all" {
  return plan.kind === "token-account-touch" ? "all" : "balanceChanged";
}

/** The answer key: a fill is a successful swap for the wallet, the others are not swaps. */
export function tokenAccountTruthOf(plan: TokenAccountPlan): GroundTruth {
  const side = (asset: Asset): Side => ({
    mint: asset.mint,
    amount: asset.raw.toString(),
    decimals: asset.decimals,
  });
  const fill = plan.kind === "token-account-fill";
  return {
    kind: plan.kind,
    failed: false,
    labelSwap: fill,
    balanceSwap: fill,
    sold: fill ? [side(plan.sold)] : [],
    bought: fill ? [side(plan.bought)] : [],
  };
}
