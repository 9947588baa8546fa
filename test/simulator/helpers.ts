import type { Simulator } from "../../src/simulator/index.js";

/** A raw HTTP answer: status, headers and body text. */
export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** POSTs a JSON-RPC body (already an object or raw text) to the simulator's RPC endpoint. */
export async function postRpc(
  sim: Simulator,
  body: unknown,
  apiKey: string | null = sim.apiKey,
): Promise<RawResponse> {
  const query = apiKey === null ? "" : `?api-key=${encodeURIComponent(apiKey)}`;
  return post(`${sim.rpcUrl}${query}`, typeof body === "string" ? body : JSON.stringify(body));
}

/** POSTs to `/v0/transactions`; `body` is sent as given when it is a string. */
export async function postParse(
  sim: Simulator,
  body: unknown,
  apiKey: string | null = sim.apiKey,
  extraQuery = "",
): Promise<RawResponse> {
  const query = apiKey === null ? "" : `?api-key=${encodeURIComponent(apiKey)}${extraQuery}`;
  return post(
    `${sim.apiUrl}/v0/transactions${query}`,
    typeof body === "string" ? body : JSON.stringify(body),
  );
}

export async function post(url: string, body: string, signal?: AbortSignal): Promise<RawResponse> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
    ...(signal ? { signal } : {}),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** The JSON-RPC request for a `getSignaturesForAddress` page. */
export function signaturesRequest(
  address: string,
  config?: Record<string, unknown>,
  id: number | string = 1,
) {
  return {
    jsonrpc: "2.0",
    id,
    method: "getSignaturesForAddress",
    params: config ? [address, config] : [address],
  };
}

export interface SignatureInfo {
  signature: string;
  slot: number;
  err: unknown;
  memo: null;
  blockTime: number;
  confirmationStatus: string;
}

/** One page of signatures; fails the test on anything but a JSON-RPC result. */
export async function fetchSignatures(
  sim: Simulator,
  address: string,
  config?: Record<string, unknown>,
): Promise<SignatureInfo[]> {
  const response = await postRpc(sim, signaturesRequest(address, config));
  const body = JSON.parse(response.text) as { result?: SignatureInfo[]; error?: unknown };
  if (response.status !== 200 || body.result === undefined) {
    throw new Error(`unexpected RPC answer ${response.status}: ${response.text}`);
  }
  return body.result;
}

/** Parses signatures; returns the objects in the order served. */
export async function fetchParsed(
  sim: Simulator,
  signatures: readonly string[],
): Promise<Record<string, unknown>[]> {
  const response = await postParse(sim, { transactions: signatures });
  if (response.status !== 200) {
    throw new Error(`unexpected parse answer ${response.status}: ${response.text}`);
  }
  return JSON.parse(response.text) as Record<string, unknown>[];
}

/** Polls a condition every few milliseconds (for server-side state such as requests in flight). */
export async function waitUntil(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 2_000; attempt += 1) {
    if (condition()) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting until ${what}`);
}
