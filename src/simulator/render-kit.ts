import { encodeBase58 } from "../lib/base58.js";
import type {
  AccountData,
  InnerInstruction,
  Instruction,
  TokenBalanceChange,
  TokenTransfer,
} from "./enhanced-transaction.js";
import { COMPUTE_BUDGET_PROGRAM, deriveAddress, TOKEN_PROGRAM } from "./known-accounts.js";
import type { Prng } from "./prng.js";
import type { Asset } from "./transaction-plan.js";

/** Writes a raw amount in UI units ("197.912174"), exactly, without trailing zeros. */
export function formatUnits(raw: bigint, decimals: number): string {
  const negative = raw < 0n;
  const digits = (negative ? -raw : raw).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction === "" ? "" : `.${fraction}`}`;
}

/** The UI float Helius puts in `tokenTransfers[].tokenAmount`. */
export function uiAmount(asset: Asset): number {
  return Number(formatUnits(asset.raw, asset.decimals));
}

/** The token account a wallet holds for a mint: one per (owner, mint), like an ATA. */
export function tokenAccountOf(owner: string, mint: string): string {
  return deriveAddress("token-account", owner, mint);
}

/** An account holding SPL tokens, with the user account that owns it. */
export interface TokenHolder {
  owner: string;
  account: string;
}

export function tokenTransfer(from: TokenHolder, to: TokenHolder, asset: Asset): TokenTransfer {
  return {
    fromTokenAccount: from.account,
    toTokenAccount: to.account,
    fromUserAccount: from.owner,
    toUserAccount: to.owner,
    tokenAmount: uiAmount(asset),
    mint: asset.mint,
    tokenStandard: "Fungible",
  };
}

interface LedgerEntry {
  native: bigint;
  tokens: TokenBalanceChange[];
}

/**
 * Accumulates the balance changes of one transaction per account, in first-touch order, and
 * emits them as `accountData`. The fee payer is touched first, as in real responses.
 */
export class BalanceLedger {
  private readonly entries = new Map<string, LedgerEntry>();

  constructor(feePayer: string) {
    this.touch(feePayer);
  }

  /** Lists an account with no change (real responses list every account of the transaction). */
  touch(account: string): this {
    if (!this.entries.has(account)) {
      this.entries.set(account, { native: 0n, tokens: [] });
    }
    return this;
  }

  native(account: string, delta: bigint): this {
    const entry = this.entry(account);
    entry.native += delta;
    return this;
  }

  token(holder: TokenHolder, asset: Asset, sign: 1n | -1n): this {
    this.entry(holder.account).tokens.push({
      userAccount: holder.owner,
      tokenAccount: holder.account,
      rawTokenAmount: { tokenAmount: (asset.raw * sign).toString(), decimals: asset.decimals },
      mint: asset.mint,
    });
    return this;
  }

  /** The same accounts with nothing changed: what a failed transaction leaves behind. */
  withoutChanges(): BalanceLedger {
    const [feePayer] = this.entries.keys();
    const copy = new BalanceLedger(feePayer ?? "");
    for (const account of this.entries.keys()) {
      copy.touch(account);
    }
    return copy;
  }

  toAccountData(): AccountData[] {
    return [...this.entries].map(([account, entry]) => ({
      account,
      nativeBalanceChange: Number(entry.native),
      tokenBalanceChanges: entry.tokens,
    }));
  }

  private entry(account: string): LedgerEntry {
    this.touch(account);
    return this.entries.get(account) as LedgerEntry;
  }
}

/** Opaque instruction data: base58 of a few random bytes, like real serialized arguments. */
export function instructionData(prng: Prng, minBytes = 4, maxBytes = 24): string {
  return encodeBase58(prng.bytes(prng.int(minBytes, maxBytes)));
}

/** The two compute-budget instructions (unit limit and price) most real transactions start with. */
export function computeBudgetInstructions(prng: Prng): Instruction[] {
  return [0, 1].map(() => ({
    accounts: [],
    data: instructionData(prng, 4, 9),
    programId: COMPUTE_BUDGET_PROGRAM,
    innerInstructions: [],
  }));
}

/** An SPL token transfer as an inner instruction (source, destination, authority). */
export function innerTokenTransfer(transfer: TokenTransfer, prng: Prng): InnerInstruction {
  return {
    accounts: [transfer.fromTokenAccount, transfer.toTokenAccount, transfer.fromUserAccount],
    data: instructionData(prng, 9, 9),
    programId: TOKEN_PROGRAM,
  };
}
