import type { Simulator } from "../../src/simulator/index.js";
import { postRpc, type RawResponse } from "./helpers.js";

/** One `data` entry of a gTFA signatures page. */
export interface GtfaEntry {
  signature: string;
  slot: number;
  transactionIndex: number;
  err: unknown;
  memo: null;
  blockTime: number;
  confirmationStatus: string;
}

export interface GtfaPage {
  data: GtfaEntry[];
  paginationToken: string | null;
}

/** The JSON-RPC request for one gTFA page. */
export function gtfaRequest(address: string, config?: Record<string, unknown>, id = 1) {
  return {
    jsonrpc: "2.0",
    id,
    method: "getTransactionsForAddress",
    params: config ? [address, config] : [address],
  };
}

/** Sends a gTFA request and returns the raw answer. */
export function postGtfa(
  sim: Simulator,
  address: string,
  config?: Record<string, unknown>,
): Promise<RawResponse> {
  return postRpc(sim, gtfaRequest(address, config));
}

/** One page; fails the test on anything but a JSON-RPC result. */
export async function fetchGtfaPage(
  sim: Simulator,
  address: string,
  config?: Record<string, unknown>,
): Promise<GtfaPage> {
  const response = await postGtfa(sim, address, config);
  const body = JSON.parse(response.text) as { result?: GtfaPage };
  if (response.status !== 200 || body.result === undefined) {
    throw new Error(`unexpected gTFA answer ${response.status}: ${response.text}`);
  }
  return body.result;
}

/** Follows pagination tokens to the end; more than `maxPages` pages fails (a loop). */
export async function fetchAllGtfa(
  sim: Simulator,
  address: string,
  config: Record<string, unknown> = {},
  maxPages = 1_000,
): Promise<GtfaEntry[]> {
  const entries: GtfaEntry[] = [];
  let paginationToken: string | null = null;
  for (let pages = 0; pages < maxPages; pages += 1) {
    const page = await fetchGtfaPage(sim, address, {
      ...config,
      ...(paginationToken === null ? {} : { paginationToken }),
    });
    entries.push(...page.data);
    paginationToken = page.paginationToken;
    if (paginationToken === null) return entries;
  }
  throw new Error(`gTFA pagination did not end within ${maxPages} pages`);
}
