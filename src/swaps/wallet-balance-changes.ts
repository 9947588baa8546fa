import type { AccountData, EnhancedTransaction } from "../helius/schemas/enhanced-transaction.js";
import { AssetChanges } from "./asset-changes.js";
import { rentLamportsPaid } from "./rent-deposit.js";
import { WRAPPED_SOL_MINT } from "./swap-record.js";

/**
 * The wallet's own net change per asset, read from `accountData`, with what is not trading
 * taken out: the network fee (when the wallet paid it) and rent deposited into or refunded
 * from accounts created or closed in the transaction. Returns `undefined` when `accountData`
 * does not show the wallet at all, neither as an account nor as a token account's owner.
 *
 * SOL is the wallet's lamport change plus the lamport change of every token account it owns
 * there. Counting those token accounts' lamports cancels the rent of an associated token
 * account opened or closed in the transaction (the 2,039,280 lamports just move between the
 * wallet and its own account), and carries wrapped SOL, whose balance *is* those lamports.
 */
export function walletBalanceChanges(
  transaction: EnhancedTransaction,
  wallet: string,
): AssetChanges | undefined {
  const accountData = transaction.accountData;
  if (accountData == null) return undefined;

  const changes = new AssetChanges();
  const ownTokenAccounts = new Set<string>();
  let seen = false;
  let lamports = 0n;

  for (const entry of accountData) {
    if (entry.account === wallet) {
      seen = true;
      lamports += BigInt(entry.nativeBalanceChange);
    }
    if (addOwnTokenChanges(entry, wallet, changes)) {
      seen = true;
      ownTokenAccounts.add(entry.account);
      lamports += BigInt(entry.nativeBalanceChange);
    }
  }
  if (!seen) return undefined;

  if (transaction.feePayer === wallet) lamports += BigInt(transaction.fee);
  lamports += rentLamportsPaid(transaction, wallet, {
    skip: ownTokenAccounts,
    unlistedIsRent: false,
  });
  changes.addLamports(lamports);
  return changes;
}

/**
 * Adds the token balance changes of `entry` that belong to the wallet and says whether there
 * were any. Wrapped SOL is skipped: its amount is already in the account's lamport change.
 */
function addOwnTokenChanges(entry: AccountData, wallet: string, changes: AssetChanges): boolean {
  const tokenChanges = entry.tokenBalanceChanges;
  if (tokenChanges == null || tokenChanges.length === 0) return false;

  let owned = false;
  for (const change of tokenChanges) {
    if (change.userAccount !== wallet) continue;

    owned = true;
    if (change.mint === WRAPPED_SOL_MINT) continue;
    const { tokenAmount, decimals } = change.rawTokenAmount;
    changes.add(change.mint, BigInt(tokenAmount), decimals);
  }
  return owned;
}
