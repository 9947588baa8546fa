import { type PlacedTransaction, placeBatch } from "./batch-placement.js";
import type { EnhancedTransaction } from "./enhanced-transaction.js";
import {
  createPlannerState,
  createWalletContext,
  type PlannerState,
  type WalletContext,
} from "./planner-state.js";
import { Prng } from "./prng.js";
import { renderEnhanced } from "./render-enhanced.js";
import { renderTokenAccountPlan } from "./render-token-account.js";
import { planInitialTimeline, planNewerTimeline } from "./timeline.js";
import { tokenAccountTruthOf } from "./token-account-activity.js";
import { type GroundTruth, groundTruthOf } from "./transaction-plan.js";
import { planBatch } from "./wallet-planner.js";
import { type ResolvedWalletSpec, resolveWalletSpec, type WalletSpec } from "./wallet-spec.js";
import type { SignatureEntry } from "./wallet-store.js";

/** One generated transaction, as the signature list reports it, with its answer key. */
export interface SyntheticTransaction extends SignatureEntry {
  /** The answer key; never sent over HTTP. */
  truth: GroundTruth;
  /** The enhanced transaction exactly as the parse endpoint serves it (rendered on each call). */
  enhanced(): EnhancedTransaction;
}

/** A deterministic synthetic wallet: the same spec and calls always give the same data. */
export interface SyntheticWallet {
  readonly address: string;
  readonly spec: ResolvedWalletSpec;
  /**
   * The transactions that name the wallet (what `getSignaturesForAddress` lists), newest first,
   * including ones added later.
   */
  transactions(): readonly SyntheticTransaction[];
  /**
   * The transactions that reach the wallet only through its token accounts (see
   * `WalletSpec.tokenAccountShare`), newest first by (slot, transactionIndex).
   */
  tokenAccountTransactions(): readonly SyntheticTransaction[];
  /**
   * Adds `count` transactions newer than every existing one (for incremental exports) and
   * returns them newest first. The n-th call always adds the same transactions for a spec.
   */
  addNewer(count: number): readonly SyntheticTransaction[];
}

/**
 * Called with each new batch, newest first by (slot, transactionIndex), token-account
 * transactions included, e.g. to make them servable.
 */
export type BatchListener = (batch: readonly PlacedTransaction[], wallet: string) => void;

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
  private placed: PlacedTransaction[] = [];
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
    return this.placed
      .filter((entry) => entry.origin === "wallet")
      .map((entry) => this.toTransaction(entry));
  }

  tokenAccountTransactions(): readonly SyntheticTransaction[] {
    return this.placed
      .filter((entry) => entry.origin === "token-account")
      .map((entry) => this.toTransaction(entry));
  }

  addNewer(count: number): readonly SyntheticTransaction[] {
    if (!Number.isSafeInteger(count) || count < 1 || count > 1_000_000) {
      throw new RangeError("addNewer count must be an integer from 1 to 1000000");
    }
    const newestSlot = this.placed[0]?.plan.slot ?? this.spec.newestSlot;
    const timeline = planNewerTimeline(this.spec, count, newestSlot, this.timelinePrng());
    return this.addBatch(timeline)
      .filter((entry) => entry.origin === "wallet")
      .map((entry) => this.toTransaction(entry));
  }

  private timelinePrng(): Prng {
    return Prng.fromSeed(`${this.spec.seed}/batch/${this.batches}/timeline`);
  }

  private addBatch(timeline: Parameters<typeof planBatch>[3]): PlacedTransaction[] {
    const plans = planBatch(this.context, this.state, this.batches, timeline);
    const batch = placeBatch(this.context, plans, this.batches);
    this.batches += 1;
    this.placed = [...batch, ...this.placed];
    this.onBatch(batch, this.address);
    return batch;
  }

  private toTransaction(entry: PlacedTransaction): SyntheticTransaction {
    const wallet = this.address;
    const { transactionIndex, listedWith } = entry;
    const common = {
      signature: entry.plan.signature,
      slot: entry.plan.slot,
      blockTime: entry.plan.blockTime,
      transactionIndex,
      listedWith,
    };
    if (entry.origin === "token-account") {
      const plan = entry.plan;
      return {
        ...common,
        err: null,
        truth: tokenAccountTruthOf(plan),
        enhanced: () => renderTokenAccountPlan(plan, wallet),
      };
    }
    const plan = entry.plan;
    return {
      ...common,
      err: plan.failure?.error ?? null,
      truth: groundTruthOf(plan),
      enhanced: () => renderEnhanced(plan, wallet),
    };
  }
}
