/**
 * The validated view of a Helius enhanced transaction (`GET /v0/addresses/{a}/transactions`,
 * `POST /v0/transactions`). Only the fields the swap logic reads are checked, and only they are
 * kept: copying the rest (instructions, descriptions) into the validated view would cost a pass
 * over every key of every object for nothing. `--raw` emits the untouched object Helius sent,
 * kept beside this view.
 *
 * The shapes accepted here are the ones real responses carry, not only what the OpenAPI spec
 * promises (docs: shared/helius-api.md §1.4, §1.5): `null` arrays, `events` as `{}` or `[]`,
 * amounts as strings or numbers, raw Solana error objects in `transactionError`.
 */

import { z } from "zod";

/** A base-10 integer, optionally negative: raw token amounts in `accountData` can be. */
const INTEGER_TEXT = /^-?\d+$/;

/** Latest Unix time whose ISO form still has a four-digit year (9999-12-31T23:59:59Z). */
const MAX_TIMESTAMP_S = 253_402_300_799;

/**
 * An exact integer amount (lamports or raw token units), sent as a string or a number, always
 * returned as a decimal string. Numbers above 2^53 were already rounded by `JSON.parse`; they
 * are kept as parsed rather than rejected, so one odd amount does not sink a whole page.
 * (`z.custom` rather than a union: it is checked on every `accountData` entry, and a union
 * costs about 2.5 µs more per transaction.)
 */
const integerAmountSchema = z
  .custom<number | string>(isIntegerAmount, "expected an integer, as a number or a string")
  .transform(toIntegerText);

/** A UI amount (already divided by the mint's decimals), usually a float, sometimes text. */
const uiAmountSchema = z.custom<number | string>(
  (value) => (typeof value === "number" && Number.isFinite(value)) || typeof value === "string",
  "expected a number or a string",
);

/** An account address where Helius sometimes writes `""` or `null` (mints, burns). */
const optionalAccountSchema = z.string().nullish();

/** An array Helius may send as `null` or leave out. */
function nullableArray<T extends z.ZodType>(item: T) {
  return z.array(item).nullish();
}

const rawTokenAmountSchema = z.object({
  tokenAmount: integerAmountSchema,
  /** An SPL mint's decimals are a u8. */
  decimals: z.number().int().nonnegative().max(255),
});

const tokenBalanceChangeSchema = z.object({
  /** The token account's owner; old transactions may not state it. */
  userAccount: optionalAccountSchema,
  tokenAccount: z.string(),
  mint: z.string(),
  rawTokenAmount: rawTokenAmountSchema,
});

const accountDataSchema = z.object({
  account: z.string(),
  nativeBalanceChange: integerAmountSchema,
  tokenBalanceChanges: nullableArray(tokenBalanceChangeSchema),
});

const nativeTransferSchema = z.object({
  fromUserAccount: optionalAccountSchema,
  toUserAccount: optionalAccountSchema,
  amount: integerAmountSchema,
});

const tokenTransferSchema = z.object({
  fromUserAccount: optionalAccountSchema,
  toUserAccount: optionalAccountSchema,
  fromTokenAccount: optionalAccountSchema,
  toTokenAccount: optionalAccountSchema,
  tokenAmount: uiAmountSchema,
  mint: z.string(),
});

const nativeAmountSchema = z.object({
  account: z.string(),
  amount: integerAmountSchema,
});

/** `events.swap[].tokenInputs/tokenOutputs`; `userAccount` is often the pool, not the trader. */
const swapTokenAmountSchema = z.object({
  userAccount: optionalAccountSchema,
  mint: z.string(),
  rawTokenAmount: rawTokenAmountSchema,
});

const swapEventSchema = z.object({
  nativeInput: nativeAmountSchema.nullish(),
  nativeOutput: nativeAmountSchema.nullish(),
  tokenInputs: nullableArray(swapTokenAmountSchema),
  tokenOutputs: nullableArray(swapTokenAmountSchema),
});

/**
 * `events` arrives as an object (often `{}`), or as `[]` from some webhooks. An array never
 * holds a swap event, so it is read as `{}`.
 */
const eventsSchema = z.preprocess(
  (value) => (Array.isArray(value) ? {} : value),
  z.object({ swap: swapEventSchema.nullish() }).nullish(),
);

function isIntegerAmount(value: unknown): boolean {
  if (typeof value === "number") return Number.isInteger(value);
  return typeof value === "string" && INTEGER_TEXT.test(value);
}

function toIntegerText(value: number | string): string {
  if (typeof value === "string") return value;
  return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
}

/** One enhanced transaction, as far as fetch-swaps relies on it. */
export const enhancedTransactionSchema = z.object({
  signature: z.string().min(1),
  slot: z.number().int().nonnegative(),
  /** Block time, Unix seconds. */
  timestamp: z.number().int().nonnegative().max(MAX_TIMESTAMP_S),
  /** Network fee in lamports, paid by `feePayer`. */
  fee: z.number().int().nonnegative(),
  feePayer: z.string(),
  /** Helius's label; a free string (the documented enum is stale). */
  type: z.string(),
  source: z.string(),
  /** `null` on success; otherwise a raw Solana error object or a string. */
  transactionError: z.unknown().optional(),
  nativeTransfers: nullableArray(nativeTransferSchema),
  tokenTransfers: nullableArray(tokenTransferSchema),
  accountData: nullableArray(accountDataSchema),
  events: eventsSchema,
});

/** The body of an Enhanced Transactions response: an array of transactions. */
export const parseTransactionsResponseSchema = z.array(enhancedTransactionSchema);

/** A validated transaction: checked fields typed and normalised, every other key as sent. */
export type EnhancedTransaction = z.output<typeof enhancedTransactionSchema>;
/** Parts of `EnhancedTransaction`, for code that handles one piece of it. */
export type AccountData = z.output<typeof accountDataSchema>;
export type TokenBalanceChange = z.output<typeof tokenBalanceChangeSchema>;
export type NativeTransfer = z.output<typeof nativeTransferSchema>;
export type TokenTransfer = z.output<typeof tokenTransferSchema>;
export type SwapEvent = z.output<typeof swapEventSchema>;
export type SwapTokenAmount = z.output<typeof swapTokenAmountSchema>;
