import type { EnhancedTransaction, TokenTransfer } from "../helius/schemas/enhanced-transaction.js";
import { AssetChanges } from "./asset-changes.js";
import { uiAmountToRaw } from "./decimal-amount.js";
import { rentLamportsPaid } from "./rent-deposit.js";
import { swapEventOf } from "./swap-label.js";
import { SOL_DECIMALS, WRAPPED_SOL_MINT } from "./swap-record.js";

/**
 * The wallet's net change per asset rebuilt from `tokenTransfers` and `nativeTransfers`: the
 * fallback for payloads whose `accountData` does not show the wallet's balances. Returns
 * `undefined` when no transfer involves the wallet, or when a token it moved has no known
 * decimals (its UI amount could not be turned back into an exact raw amount).
 *
 * Lamports moving between the wallet and its own token accounts are internal (wrapping,
 * unwrapping, rent of its token accounts) and left out; what those accounts send and receive
 * shows up as wrapped SOL token transfers instead. The fee is not among the transfers.
 */
export function walletTransferChanges(
  transaction: EnhancedTransaction,
  wallet: string,
): AssetChanges | undefined {
  const tokenTransfers = transaction.tokenTransfers ?? [];
  const ownTokenAccounts = walletTokenAccounts(transaction, tokenTransfers, wallet);
  const changes = new AssetChanges();
  let involved = false;
  let decimalsByMint: Map<string, number> | undefined;

  for (const transfer of tokenTransfers) {
    const outgoing = transfer.fromUserAccount === wallet;
    if (outgoing === (transfer.toUserAccount === wallet)) continue;

    involved = true;
    decimalsByMint ??= knownDecimals(transaction);
    const decimals = decimalsByMint.get(transfer.mint);
    if (decimals === undefined) return undefined;

    const raw = uiAmountToRaw(transfer.tokenAmount, decimals);
    if (raw === undefined) return undefined;
    changes.add(transfer.mint, outgoing ? -raw : raw, decimals);
  }

  for (const transfer of transaction.nativeTransfers ?? []) {
    const outgoing = transfer.fromUserAccount === wallet;
    if (outgoing === (transfer.toUserAccount === wallet)) continue;

    const counterparty = outgoing ? transfer.toUserAccount : transfer.fromUserAccount;
    if (counterparty != null && ownTokenAccounts.has(counterparty)) continue;

    involved = true;
    const lamports = BigInt(transfer.amount);
    changes.addLamports(outgoing ? -lamports : lamports);
  }
  if (!involved) return undefined;

  changes.addLamports(
    rentLamportsPaid(transaction, wallet, { skip: ownTokenAccounts, unlistedIsRent: true }),
  );
  return changes;
}

/** Token accounts the wallet sends from or receives into, or owns according to `accountData`. */
function walletTokenAccounts(
  transaction: EnhancedTransaction,
  tokenTransfers: readonly TokenTransfer[],
  wallet: string,
): Set<string> {
  const accounts = new Set<string>();
  for (const transfer of tokenTransfers) {
    if (transfer.fromUserAccount === wallet && transfer.fromTokenAccount) {
      accounts.add(transfer.fromTokenAccount);
    }
    if (transfer.toUserAccount === wallet && transfer.toTokenAccount) {
      accounts.add(transfer.toTokenAccount);
    }
  }
  for (const entry of transaction.accountData ?? []) {
    for (const change of entry.tokenBalanceChanges ?? []) {
      if (change.userAccount === wallet) accounts.add(change.tokenAccount);
    }
  }
  return accounts;
}

/** Decimals of every mint the payload states them for, wrapped SOL always included. */
function knownDecimals(transaction: EnhancedTransaction): Map<string, number> {
  const decimals = new Map<string, number>([[WRAPPED_SOL_MINT, SOL_DECIMALS]]);
  for (const entry of transaction.accountData ?? []) {
    for (const change of entry.tokenBalanceChanges ?? []) {
      decimals.set(change.mint, change.rawTokenAmount.decimals);
    }
  }

  const swap = swapEventOf(transaction);
  for (const amount of [...(swap?.tokenInputs ?? []), ...(swap?.tokenOutputs ?? [])]) {
    decimals.set(amount.mint, amount.rawTokenAmount.decimals);
  }
  return decimals;
}
