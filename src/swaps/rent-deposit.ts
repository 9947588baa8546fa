/**
 * Recognises lamports that moved as an account's rent-exempt deposit rather than as payment.
 *
 * Solana's rent-exempt minimum for an account holding `n` bytes of data is
 * `(128 + n) * 3480 * 2` lamports: 128 bytes of per-account overhead, 3,480 lamports per
 * byte-year, two years' worth (Solana `Rent::minimum_balance`, default rent parameters). A
 * token account (165 bytes) therefore holds 2,039,280 lamports.
 */

import type { EnhancedTransaction } from "../helius/schemas/enhanced-transaction.js";

/** Lamports per byte of a rent-exempt account: 3,480 lamports per byte-year, times two years. */
const LAMPORTS_PER_RENT_BYTE = 6_960n;

/** Bytes every account is charged for beyond its data. */
const ACCOUNT_OVERHEAD_BYTES = 128n;

/**
 * The largest account a program can create in one instruction through a cross-program call
 * (`MAX_PERMITTED_DATA_INCREASE`, 10 KiB). Capping here keeps ordinary payments of a few SOL
 * that happen to be multiples of 6,960 from being taken for rent.
 */
const MAX_CREATED_DATA_BYTES = 10_240n;

const MIN_RENT_DEPOSIT = ACCOUNT_OVERHEAD_BYTES * LAMPORTS_PER_RENT_BYTE;
const MAX_RENT_DEPOSIT = (ACCOUNT_OVERHEAD_BYTES + MAX_CREATED_DATA_BYTES) * LAMPORTS_PER_RENT_BYTE;

/**
 * Whether `lamports` is exactly the rent-exempt minimum of some account of up to 10 KiB: the
 * amount moved when an account is created (deposit) or closed (refund).
 */
export function isRentExemptAmount(lamports: bigint): boolean {
  return (
    lamports >= MIN_RENT_DEPOSIT &&
    lamports <= MAX_RENT_DEPOSIT &&
    lamports % LAMPORTS_PER_RENT_BYTE === 0n
  );
}

/** Which transfers `rentLamportsPaid` may take for rent. */
export interface RentScope {
  /** Token accounts whose lamports are already counted as the wallet's own: never rent. */
  skip: ReadonlySet<string>;
  /**
   * Whether a rent-sized transfer to or from an account `accountData` does not list is rent.
   * With the wallet's own lamport change at hand it is not (nothing shows the lamports stayed
   * parked); rebuilding from transfers alone, the amount is the best evidence there is.
   */
  unlistedIsRent: boolean;
}

/**
 * Net lamports the wallet moved as rent in `nativeTransfers`: deposits into accounts it created
 * count positive, refunds from accounts it closed negative.
 *
 * A transfer counts as rent when its amount is a rent-exempt minimum and the other account's
 * own balance moved by exactly that amount, so the lamports stayed parked there (a deposit) or
 * came out of it entirely (a refund).
 */
export function rentLamportsPaid(
  transaction: EnhancedTransaction,
  wallet: string,
  scope: RentScope,
): bigint {
  let paid = 0n;
  for (const transfer of transaction.nativeTransfers ?? []) {
    const outgoing = transfer.fromUserAccount === wallet;
    const incoming = transfer.toUserAccount === wallet;
    if (outgoing === incoming) continue;

    const counterparty = outgoing ? transfer.toUserAccount : transfer.fromUserAccount;
    if (counterparty == null || scope.skip.has(counterparty)) continue;

    const lamports = BigInt(transfer.amount);
    if (!isRentExemptAmount(lamports)) continue;

    const deposit = outgoing ? lamports : -lamports;
    const change = listedNativeChange(transaction, counterparty);
    if (change === undefined ? scope.unlistedIsRent : change === deposit) paid += deposit;
  }
  return paid;
}

/** `account`'s lamport change in `accountData`, or `undefined` when it is not listed. */
function listedNativeChange(transaction: EnhancedTransaction, account: string): bigint | undefined {
  for (const entry of transaction.accountData ?? []) {
    if (entry.account === account) return BigInt(entry.nativeBalanceChange);
  }
  return undefined;
}
