import { encodeBase58 } from "../lib/base58.js";
import type { TransactionErrorValue } from "./enhanced-transaction.js";
import { BASE_FEE_LAMPORTS, deriveAddress, VENUES, WRAPPED_SOL_MINT } from "./known-accounts.js";
import {
  addHolding,
  heldMints,
  type PlannerState,
  sliceOfHolding,
  type WalletContext,
} from "./planner-state.js";
import { Prng } from "./prng.js";
import { draftSwap, randomTokenAmount } from "./swap-planner.js";
import type { TimelinePoint } from "./timeline.js";
import type { PlannedFailure, TransactionPlan } from "./transaction-plan.js";

/** Fields every plan shares, decided before the kind-specific part. */
interface PlanHeader {
  signature: string;
  slot: number;
  blockTime: number;
  fee: number;
  failure: PlannedFailure | null;
}

/**
 * Plans one batch of transactions along a timeline (newest first) and returns the plans newest
 * first. Contents are decided oldest first so that holdings evolve forward in time; `state` is
 * updated in place by every successful transaction.
 */
export function planBatch(
  context: WalletContext,
  state: PlannerState,
  batchIndex: number,
  timeline: readonly TimelinePoint[],
): TransactionPlan[] {
  const seed = `${context.spec.seed}/batch/${batchIndex}`;
  const signatures = Prng.fromSeed(`${seed}/signatures`);
  const prng = Prng.fromSeed(`${seed}/content`);
  const plans: TransactionPlan[] = [];

  for (let index = timeline.length - 1; index >= 0; index -= 1) {
    const point = timeline[index] as TimelinePoint;
    const header: PlanHeader = {
      signature: encodeBase58(signatures.bytes(64)),
      slot: point.slot,
      blockTime: point.blockTime,
      fee: planFee(prng),
      failure: prng.chance(context.spec.failedShare) ? planFailure(prng) : null,
    };
    const plan = planOne(header, context, state, prng);
    if (plan.failure === null) {
      applyToState(plan, state);
    }
    plans.push(plan);
  }
  return plans.reverse();
}

function planOne(
  header: PlanHeader,
  context: WalletContext,
  state: PlannerState,
  prng: Prng,
): TransactionPlan {
  const kind = prng.weighted(context.spec.kindWeights);
  const counterparty = deriveAddress("counterparty", context.address, prng.int(0, 4));

  switch (kind) {
    case "sol-transfer":
      return {
        ...header,
        kind,
        direction: prng.chance(0.6) ? "out" : "in",
        counterparty,
        lamports: prng.bigint(1_000_000n, 2_000_000_000n),
      };
    case "token-transfer": {
      const held = heldMints(context, state);
      if (held.length > 0 && prng.chance(0.6)) {
        const entry = prng.pick(held);
        const raw = sliceOfHolding(state, entry.mint, prng);
        const asset = { ...entry, raw };
        return {
          ...header,
          kind,
          direction: "out",
          counterparty,
          asset,
          createsTokenAccount: prng.chance(0.3),
        };
      }
      const entry = prng.pick(context.mints);
      const asset = { ...entry, raw: randomTokenAmount(entry, prng) };
      const createsTokenAccount = !state.tokenAccounts.has(entry.mint);
      return { ...header, kind, direction: "in", counterparty, asset, createsTokenAccount };
    }
    case "program-call": {
      const source = prng.pick(["UNKNOWN", "PUMP_AMM"]);
      const programId =
        source === "PUMP_AMM"
          ? VENUES.PUMP_AMM.programId
          : deriveAddress("program", prng.int(0, 9));
      return { ...header, kind, source, programId };
    }
    default:
      return { ...header, ...draftSwap(kind, context, state, prng) };
  }
}

/** Base fee plus, most of the time, a priority fee (lamports). */
function planFee(prng: Prng): number {
  const priority = prng.chance(0.7) ? prng.int(1_000, 400_000) : 0;
  return BASE_FEE_LAMPORTS + priority;
}

/**
 * Custom codes 6001 and 6002 appear on the real failed swaps (rows 4, 7 and 9 of swaps.json);
 * code 1 is the SPL token program's "insufficient funds".
 */
const INSTRUCTION_ERRORS: readonly TransactionErrorValue[] = [
  { Custom: 6001 },
  { Custom: 6002 },
  { Custom: 1 },
  "InsufficientFunds",
];

function planFailure(prng: Prng): PlannedFailure {
  // Two compute-budget instructions come first, so the failing one is usually at index 2.
  const instructionIndex = prng.pick([2, 2, 3]);
  return {
    error: { InstructionError: [instructionIndex, prng.pick(INSTRUCTION_ERRORS)] },
    keepsDetails: prng.chance(0.5),
  };
}

function applyToState(plan: TransactionPlan, state: PlannerState): void {
  switch (plan.kind) {
    case "token-transfer":
      addHolding(
        state,
        plan.asset.mint,
        plan.direction === "out" ? -plan.asset.raw : plan.asset.raw,
      );
      if (plan.direction === "in") {
        state.tokenAccounts.add(plan.asset.mint);
      }
      return;
    case "sol-transfer":
    case "program-call":
      return;
    default:
      if (plan.sold.mint !== WRAPPED_SOL_MINT) {
        addHolding(state, plan.sold.mint, -plan.sold.raw);
      }
      if (plan.bought.mint !== WRAPPED_SOL_MINT) {
        addHolding(state, plan.bought.mint, plan.bought.raw);
        state.tokenAccounts.add(plan.bought.mint);
      }
  }
}
