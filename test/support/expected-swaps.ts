import type { SyntheticTransaction, SyntheticWallet } from "../../src/simulator/index.js";

export interface ExpectOptions {
  includeFailed?: boolean;
  detect?: "labels" | "balances" | "both";
}

/**
 * The swaps a correct export of a synthetic wallet contains, newest first, from the
 * simulator's answer key (never from the code under test).
 */
export function expectedSwaps(
  wallet: SyntheticWallet,
  options: ExpectOptions = {},
): SyntheticTransaction[] {
  const detect = options.detect ?? "both";
  return wallet.transactions().filter(({ truth }) => {
    if (truth.failed) return options.includeFailed === true && truth.labelSwap;
    if (detect === "labels") return truth.labelSwap;
    if (detect === "balances") return truth.balanceSwap;
    return truth.labelSwap || truth.balanceSwap;
  });
}

/** The parts of a record the answer key fixes: identity, time, outcome and the two sides. */
export function expectedRecord(wallet: SyntheticWallet, transaction: SyntheticTransaction) {
  const { truth } = transaction;
  const core = {
    wallet: wallet.address,
    signature: transaction.signature,
    slot: transaction.slot,
    timestamp: transaction.blockTime,
    status: truth.failed ? "failed" : "success",
  };
  if (truth.failed) return core;

  const detectedBy =
    truth.labelSwap && truth.balanceSwap ? "both" : truth.labelSwap ? "label" : "balances";
  return { ...core, sold: truth.sold, bought: truth.bought, detectedBy };
}

/** A record cut down to what `expectedRecord` fixes, for comparison. */
export function comparablePart(record: Record<string, unknown>): Record<string, unknown> {
  const core = {
    wallet: record.wallet,
    signature: record.signature,
    slot: record.slot,
    timestamp: record.timestamp,
    status: record.status,
  };
  if (record.status === "failed") return core;

  const sides = (value: unknown) =>
    (value as Array<{ mint: string; amount: string; decimals: number }>).map(
      ({ mint, amount, decimals }) => ({ mint, amount, decimals }),
    );
  return {
    ...core,
    sold: sides(record.sold),
    bought: sides(record.bought),
    detectedBy: record.detectedBy,
  };
}
