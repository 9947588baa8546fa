/**
 * The CSV form of a swap record, one row per swap, for spreadsheets and tax tools.
 *
 * Columns, in order:
 * - `time`: block time, ISO 8601 UTC (`2025-02-18T07:12:03.000Z`).
 * - `signature`: the transaction signature.
 * - `wallet`: the wallet whose history this is.
 * - `source`: Helius's venue label (`RAYDIUM`, `JUPITER`, ...).
 * - `type`: Helius's transaction label (`SWAP`, `UNKNOWN`, ...).
 * - `sold_mint`, `sold_amount`: what left the wallet; amounts in whole tokens, exact decimals.
 * - `bought_mint`, `bought_amount`: what reached the wallet, likewise.
 * - `fee_sol`: the network fee in SOL with exactly 9 decimals (`0.000005000`).
 * - `status`: `success` or `failed`.
 * - `detected_by`: `label`, `balances` or `both`.
 *
 * Native SOL appears as the wrapped SOL mint. When a side moved several assets, its mint and
 * amount columns each hold `;`-separated lists in the same order, so the n-th amount belongs
 * to the n-th mint. A side that moved nothing (a failed swap) leaves both columns empty.
 */

import {
  SOL_DECIMALS,
  SWAP_RECORD_VERSION,
  type SwapRecord,
  type SwapSide,
} from "../swaps/swap-record.js";
import { encodeCsvRow } from "./csv-field.js";

export const SWAP_CSV_COLUMNS = [
  "time",
  "signature",
  "wallet",
  "source",
  "type",
  "sold_mint",
  "sold_amount",
  "bought_mint",
  "bought_amount",
  "fee_sol",
  "status",
  "detected_by",
] as const;

/** The header row, CRLF included. */
export const SWAP_CSV_HEADER = encodeCsvRow(SWAP_CSV_COLUMNS);

/** Separates the assets of one side inside a cell; mints and decimals never contain it. */
const ASSET_SEPARATOR = ";";

/** Encodes one swap as a CSV row, CRLF included. */
export function encodeSwapCsvRow(record: SwapRecord): string {
  return encodeCsvRow([
    record.time,
    record.signature,
    record.wallet,
    record.source,
    record.type,
    joinSide(record.sold, "mint"),
    joinSide(record.sold, "uiAmount"),
    joinSide(record.bought, "mint"),
    joinSide(record.bought, "uiAmount"),
    formatLamportsAsSol(record.fee),
    record.status,
    record.detectedBy,
  ]);
}

/** Writes whole lamports as SOL with all 9 decimals, by moving the decimal point (no floats). */
export function formatLamportsAsSol(lamports: number): string {
  if (!Number.isSafeInteger(lamports) || lamports < 0) {
    throw new RangeError(`a fee must be a whole, non-negative number of lamports, got ${lamports}`);
  }

  const digits = String(lamports).padStart(SOL_DECIMALS + 1, "0");
  return `${digits.slice(0, -SOL_DECIMALS)}.${digits.slice(-SOL_DECIMALS)}`;
}

/**
 * Tells a swap record from a raw Helius transaction, which has neither `version` nor the
 * `sold`/`bought` lists.
 */
export function isSwapRecord(value: unknown): value is SwapRecord {
  return (
    typeof value === "object" &&
    value !== null &&
    "version" in value &&
    value.version === SWAP_RECORD_VERSION &&
    "sold" in value &&
    Array.isArray(value.sold) &&
    "bought" in value &&
    Array.isArray(value.bought)
  );
}

function joinSide(side: readonly SwapSide[], field: "mint" | "uiAmount"): string {
  return side.map((asset) => asset[field]).join(ASSET_SEPARATOR);
}
