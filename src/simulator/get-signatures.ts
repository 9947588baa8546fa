import type { Fault } from "./faults.js";
import type { RpcId } from "./replies.js";
import { isRecord, RpcErrorCode, type RpcFailure, rpcFailure } from "./rpc-envelope.js";
import { checkBase58Key } from "./solana-keys.js";
import type { StoredTransaction, TransactionStore } from "./wallet-store.js";

/** Solana's cap on `limit` for this method (MAX_GET_CONFIRMED_SIGNATURES_FOR_ADDRESS2_LIMIT). */
export const MAX_SIGNATURES_LIMIT = 1000;

/** Validated `getSignaturesForAddress` params. */
export interface SignaturesQuery {
  address: string;
  limit: number;
  before?: string;
  until?: string;
}

/** One result entry, with the field order of Solana's RPC response. */
export interface SignatureInfo {
  signature: string;
  slot: number;
  err: unknown;
  memo: null;
  blockTime: number;
  confirmationStatus: "finalized";
}

/**
 * Answers `getSignaturesForAddress`: a JSON-RPC result (possibly distorted by `fault`) or a
 * -32602 failure carrying the messages a Solana node uses.
 */
export function getSignaturesForAddress(
  id: RpcId,
  params: unknown,
  fault: Fault,
  store: TransactionStore,
): { result: unknown; items: number } | RpcFailure {
  const query = parseQuery(id, params);
  if ("ok" in query) {
    return query;
  }

  const result = distortPage(signaturePage(query, store), query, fault).map(signatureInfoOf);
  if (fault.kind === "bad-schema") {
    return { result: misshapen(result), items: 0 };
  }
  return { result, items: result.length };
}

function parseQuery(id: RpcId, params: unknown): SignaturesQuery | RpcFailure {
  const invalid = (message: string) => rpcFailure(id, RpcErrorCode.invalidParams, message);
  if (!Array.isArray(params) || params.length < 1 || params.length > 2) {
    return invalid("Invalid params: expected [address, config?]");
  }
  const [address, config] = params as [unknown, unknown];
  if (typeof address !== "string") {
    return invalid("Invalid params: address must be a string");
  }
  const addressCheck = checkBase58Key(address, 32);
  if (addressCheck !== "ok") {
    return invalid(`Invalid param: ${addressCheck}`);
  }
  if (config !== undefined && config !== null && !isRecord(config)) {
    return invalid("Invalid params: config must be an object");
  }

  const options = config ?? {};
  const limit = options.limit ?? MAX_SIGNATURES_LIMIT;
  if (typeof limit !== "number" || !Number.isSafeInteger(limit) || limit < 0) {
    return invalid(`Invalid params: invalid value: ${JSON.stringify(limit)}, expected usize`);
  }
  if (limit === 0 || limit > MAX_SIGNATURES_LIMIT) {
    return invalid(`Invalid limit; max ${MAX_SIGNATURES_LIMIT}`);
  }
  const commitmentError = checkCommitment(options.commitment);
  if (commitmentError !== undefined) {
    return invalid(commitmentError);
  }

  const query: SignaturesQuery = { address, limit };
  for (const cursor of ["before", "until"] as const) {
    const signature = options[cursor];
    if (signature === undefined || signature === null) {
      continue;
    }
    if (typeof signature !== "string") {
      return invalid(`Invalid params: ${cursor} must be a string`);
    }
    const check = checkBase58Key(signature, 64);
    if (check !== "ok") {
      return invalid(`Invalid param: ${check}`);
    }
    query[cursor] = signature;
  }
  return query;
}

/** `processed` is refused for this method; unknown names fail deserialisation. */
function checkCommitment(commitment: unknown): string | undefined {
  if (commitment === undefined || commitment === null) {
    return undefined;
  }
  if (commitment === "processed") {
    return "Method does not support commitment below `confirmed`";
  }
  if (commitment !== "confirmed" && commitment !== "finalized") {
    const expected = "expected one of `processed`, `confirmed`, `finalized`";
    return `Invalid params: unknown variant ${JSON.stringify(commitment)}, ${expected}`;
  }
  return undefined;
}

interface PageWindow {
  /** Transactions of the page, newest first. */
  page: StoredTransaction[];
  /** The transaction just before the page (the `before` cursor), when there is one. */
  previous: StoredTransaction | undefined;
}

/** Both cursors are exclusive; an unknown `before` gives `[]`, an unknown `until` no bound. */
function signaturePage(query: SignaturesQuery, store: TransactionStore): PageWindow {
  const empty: PageWindow = { page: [], previous: undefined };
  const history = store.history(query.address);
  if (history === undefined) {
    return empty;
  }

  let start = 0;
  if (query.before !== undefined) {
    const position = history.positionOf(query.before);
    if (position === undefined) {
      return empty;
    }
    start = position + 1;
  }
  const untilPosition = query.until === undefined ? undefined : history.positionOf(query.until);
  const end = Math.min(untilPosition ?? history.length, start + query.limit);

  return {
    page: end > start ? history.slice(start, end) : [],
    previous: start > 0 ? history.at(start - 1) : undefined,
  };
}

function distortPage(
  window: PageWindow,
  query: SignaturesQuery,
  fault: Fault,
): StoredTransaction[] {
  const { page, previous } = window;
  switch (fault.kind) {
    case "short-page":
      // Half a page (never empty) although older signatures may exist.
      return page.length >= 2 ? page.slice(0, Math.floor(page.length / 2)) : page;
    case "repeat-signature": {
      // The cursor's own signature comes back first, as if `before` were inclusive.
      const repeated = previous ?? page[0];
      return repeated === undefined ? page : [repeated, ...page].slice(0, query.limit);
    }
    default:
      return page;
  }
}

function signatureInfoOf(stored: StoredTransaction): SignatureInfo {
  const { signature, slot, err, blockTime } = stored.entry;
  return { signature, slot, err, memo: null, blockTime, confirmationStatus: "finalized" };
}

/** Valid JSON of the wrong shape: string slots and a missing signature, or no array at all. */
function misshapen(result: SignatureInfo[]): unknown {
  if (result.length === 0) {
    return null;
  }
  return result.map(({ signature, slot, ...rest }, index) =>
    index === 0 ? { ...rest, slot: String(slot) } : { signature, ...rest, slot: String(slot) },
  );
}
