import type { EnhancedTransaction, TransactionErrorValue } from "./enhanced-transaction.js";
import {
  createPlannerState,
  createWalletContext,
  type PlannerState,
  type WalletContext,
} from "./planner-state.js";
import { Prng } from "./prng.js";
import { renderEnhanced } from "./render-enhanced.js";
import { planInitialTimeline, planNewerTimeline } from "./timeline.js";
import { type GroundTruth, groundTruthOf, type TransactionPlan } from "./transaction-plan.js";
import { planBatch } from "./wallet-planner.js";
import { type ResolvedWalletSpec, resolveWalletSpec, type WalletSpec } from "./wallet-spec.js";

/** One generated transaction with its answer key. */
export interface SyntheticTransaction {
  signature: string;
  slot: number;
  /** Unix seconds. */
  blockTime: number;
  /** The `err` of the signature list; equal to the enhanced object's `transactionError`. */
  err: TransactionErrorValue | null;
  /** The answer key; never sent over HTTP. */
  truth: GroundTruth;
  /** The enhanced transaction exactly as the parse endpoint serves it (rendered on each call). */
  enhanced(): EnhancedTransaction;
}

/** A deterministic synthetic wallet: the same spec and calls always give the same data. */
export interface SyntheticWallet {
  readonly address: string;
  readonly spec: ResolvedWalletSpec;
  /** The whole history, newest first, including transactions added later. */
  transactions(): readonly SyntheticTransaction[];
  /**
   * Adds `count` transactions newer than every existing one (for incremental exports) and
   * returns them newest first. The n-th call always adds the same transactions for a spec.
   */
  addNewer(count: number): readonly SyntheticTransaction[];
}

/** Called with each new batch of plans (newest first), e.g. to make them servable. */
export type BatchListener = (plans: readonly TransactionPlan[], wallet: string) => void;

/** Builds a synthetic wallet; `onBatch` sees the initial batch and every later one. */
export function createSyntheticWallet(
  spec: WalletSpec,
  onBatch: BatchListener = () => {},
): SyntheticWallet {
  return new GeneratedWallet(resolveWalletSpec(spec), onBatch);
}

class GeneratedWallet implements SyntheticWallet {
  readonly address: string;
  private readonly context: WalletContext;
  private readonly state: PlannerState = createPlannerState();
  private plans: TransactionPlan[] = [];
  private batches = 0;

  constructor(
    readonly spec: ResolvedWalletSpec,
    private readonly onBatch: BatchListener,
  ) {
    this.context = createWalletContext(spec);
    this.address = this.context.address;
    const timeline = planInitialTimeline(spec, spec.transactions, this.timelinePrng());
    this.addBatch(timeline);
  }

  transactions(): readonly SyntheticTransaction[] {
    return this.plans.map((plan) => this.toTransaction(plan));
  }

  addNewer(count: number): readonly SyntheticTransaction[] {
    if (!Number.isSafeInteger(count) || count < 1 || count > 1_000_000) {
      throw new RangeError("addNewer count must be an integer from 1 to 1000000");
    }
    const newestSlot = this.plans[0]?.slot ?? this.spec.newestSlot;
    const timeline = planNewerTimeline(this.spec, count, newestSlot, this.timelinePrng());
    return this.addBatch(timeline).map((plan) => this.toTransaction(plan));
  }

  private timelinePrng(): Prng {
    return Prng.fromSeed(`${this.spec.seed}/batch/${this.batches}/timeline`);
  }

  private addBatch(timeline: Parameters<typeof planBatch>[3]): TransactionPlan[] {
    const batch = planBatch(this.context, this.state, this.batches, timeline);
    this.batches += 1;
    this.plans = [...batch, ...this.plans];
    this.onBatch(batch, this.address);
    return batch;
  }

  private toTransaction(plan: TransactionPlan): SyntheticTransaction {
    const wallet = this.address;
    return {
      signature: plan.signature,
      slot: plan.slot,
      blockTime: plan.blockTime,
      err: plan.failure?.error ?? null,
      truth: groundTruthOf(plan),
      enhanced: () => renderEnhanced(plan, wallet),
    };
  }
}
