import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { type SwapRecord, WRAPPED_SOL_MINT } from "../../src/swaps/swap-record.js";

const WALLET = "69VVsmgtM1nDnS3Sdu7j2RswJoL5LoqvoW6sKkdFvChh";
const PUMP_TOKEN = "87xQEvxvoLYHf1T6iPxkThUrX2mLD58SDt8KWEYJpump";
const USDC = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";

/** The first swap of /work/shared/real-helius/swaps.json: 0.495049504 SOL for a pump token. */
export const raydiumSwap: SwapRecord = {
  version: 1,
  wallet: WALLET,
  signature:
    "D1Ju5byDRtwLJdDPFqKvTLSG7h1t5DDnV4Xbe7EaXXSPAvBk2QUd9KjDDDc8tJ29CnqBjr5m7NKPUhBYvV4yk4a",
  slot: 321421525,
  timestamp: 1739862723,
  time: "2025-02-18T07:12:03.000Z",
  type: "SWAP",
  source: "RAYDIUM",
  fee: 1000000,
  feePayer: WALLET,
  status: "success",
  sold: [{ mint: WRAPPED_SOL_MINT, amount: "495049504", decimals: 9, uiAmount: "0.495049504" }],
  bought: [{ mint: PUMP_TOKEN, amount: "197912174", decimals: 6, uiAmount: "197.912174" }],
  detectedBy: "both",
};

/** A swap that sold two assets at once and paid the 5000-lamport base fee. */
export const twoAssetSwap: SwapRecord = {
  ...raydiumSwap,
  signature: "3sig",
  slot: 321421600,
  timestamp: 1739862800,
  time: "2025-02-18T07:13:20.000Z",
  source: "JUPITER",
  fee: 5000,
  sold: [
    { mint: PUMP_TOKEN, amount: "1000000", decimals: 6, uiAmount: "1" },
    { mint: WRAPPED_SOL_MINT, amount: "1", decimals: 9, uiAmount: "0.000000001" },
  ],
  bought: [{ mint: USDC, amount: "2500000", decimals: 6, uiAmount: "2.5" }],
  detectedBy: "balances",
};

/** A failed swap: nothing moved, so both sides are empty. */
export const failedSwap: SwapRecord = {
  ...raydiumSwap,
  signature: "4sig",
  type: "UNKNOWN",
  source: "PUMP_AMM",
  fee: 0,
  status: "failed",
  sold: [],
  bought: [],
  detectedBy: "label",
};

/** A fresh folder under the OS temp folder, removed by the returned cleanup. */
export async function makeTempFolder(): Promise<{ folder: string; cleanup: () => Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), "fetch-swaps-output-"));
  return { folder, cleanup: () => rm(folder, { recursive: true, force: true }) };
}

/** The names in `folder`, sorted. */
export async function listFolder(folder: string): Promise<string[]> {
  return (await readdir(folder)).sort();
}

/** A Writable that keeps every chunk it receives. */
export function collectingStream(): { stream: Writable; chunks: Buffer[]; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  return { stream, chunks, text: () => Buffer.concat(chunks).toString("utf8") };
}

/** Awaits `promise` expecting a rejection, and returns what it rejected with. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection, but the promise resolved");
}
