import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type EnhancedTransaction,
  enhancedTransactionSchema,
} from "../../src/helius/schemas/enhanced-transaction.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Real Helius responses, described row by row in shared/real-helius/SOURCES.md. */
export const REAL_SWAPS_PATH = resolve(repoRoot, "../shared/real-helius/swaps.json");

/** The objects of swaps.json exactly as published (row n of SOURCES.md is index n - 1). */
export function readRealTransactions(): unknown[] {
  if (cached === undefined) {
    const json: unknown = JSON.parse(readFileSync(REAL_SWAPS_PATH, "utf8"));
    if (!Array.isArray(json)) throw new Error(`${REAL_SWAPS_PATH} does not hold an array`);
    cached = json;
  }
  return cached;
}

let cached: unknown[] | undefined;

/** Row `row` (1-based, as in SOURCES.md), validated. */
export function realTransaction(row: number): EnhancedTransaction {
  return enhancedTransactionSchema.parse(readRealTransactions()[row - 1]);
}
