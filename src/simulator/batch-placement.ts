import type { WalletContext } from "./planner-state.js";
import { Prng } from "./prng.js";
import {
  planTokenAccountActivity,
  type TokenAccountPlan,
  tokenAccountsFilterOf,
} from "./token-account-activity.js";
import { assignTransactionIndexes, freeTransactionIndex } from "./transaction-index.js";
import type { TransactionPlan } from "./transaction-plan.js";

/** gTFA's `filters.tokenAccounts` values (facts §4). */
export type TokenAccountsFilter = "none" | "balanceChanged" | "all";

/** A transaction with its place in the block and the weakest filter under which gTFA lists it. */
export type PlacedTransaction =
  | { origin: "wallet"; plan: TransactionPlan; transactionIndex: number; listedWith: "none" }
  | {
      origin: "token-account";
      plan: TokenAccountPlan;
      transactionIndex: number;
      listedWith: "balanceChanged" | "all";
    };

/**
 * Gives a batch of the wallet's own transactions (newest first) their block positions, and adds
 * the batch's token-account transactions (`spec.tokenAccountShare` of it) around them. Returns
 * everything newest first by (slot, transactionIndex). The wallet's own transactions get the
 * same positions whatever the share: their indexes come first, from a stream of their own.
 */
export function placeBatch(
  context: WalletContext,
  plans: readonly TransactionPlan[],
  batchIndex: number,
): PlacedTransaction[] {
  const seed = `${context.spec.seed}/batch/${batchIndex}`;
  const indexes = assignTransactionIndexes(
    plans.map((plan) => plan.slot),
    Prng.fromSeed(`${seed}/transaction-index`),
  );
  const placed: PlacedTransaction[] = plans.map((plan, position) => ({
    origin: "wallet",
    plan,
    transactionIndex: indexes[position] ?? 0,
    listedWith: "none",
  }));

  const count = Math.round(plans.length * context.spec.tokenAccountShare);
  if (count === 0) return placed;

  const prng = Prng.fromSeed(`${seed}/token-accounts`);
  const extras = planTokenAccountActivity(
    context,
    plans.map((plan) => plan.slot),
    count,
    prng,
  );
  const used = new Map<number, Set<number>>();
  for (const { plan, transactionIndex } of placed) usedIn(used, plan.slot).add(transactionIndex);
  for (const plan of extras) {
    const slotIndexes = usedIn(used, plan.slot);
    const transactionIndex = freeTransactionIndex(slotIndexes, prng);
    slotIndexes.add(transactionIndex);
    placed.push({
      origin: "token-account",
      plan,
      transactionIndex,
      listedWith: tokenAccountsFilterOf(plan),
    });
  }
  return placed.sort(newestFirst);
}

/** Descending (slot, transactionIndex): the order of the block, newest first. */
export function newestFirst(
  a: { plan: { slot: number }; transactionIndex: number },
  b: { plan: { slot: number }; transactionIndex: number },
): number {
  return b.plan.slot - a.plan.slot || b.transactionIndex - a.transactionIndex;
}

function usedIn(used: Map<number, Set<number>>, slot: number): Set<number> {
  let indexes = used.get(slot);
  if (indexes === undefined) {
    indexes = new Set();
    used.set(slot, indexes);
  }
  return indexes;
}
