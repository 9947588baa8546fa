import type { ListingQuery } from "./address-listing.js";
import type { Fault } from "./faults.js";
import { type GtfaQuery, parseGtfaParams } from "./gtfa-params.js";
import type { RpcId } from "./replies.js";
import { type RpcFailure, rpcFailure } from "./rpc-envelope.js";
import type { RpcContext } from "./rpc-handler.js";
import type { StoredTransaction } from "./wallet-store.js";

/** One `data` entry in signatures mode, with the field order of the documented example. */
export interface GtfaSignatureEntry {
  signature: string;
  slot: number;
  transactionIndex: number;
  err: unknown;
  memo: null;
  blockTime: number;
  confirmationStatus: "finalized";
}

/**
 * The free plan's refusal: HTTP 403 ([3P] report, facts §4). No source gives the body; this
 * is the gateway envelope with a message of our own, and only the status should matter.
 */
const PLAN_REFUSAL_CODE = -32403;
const PLAN_REFUSAL_MESSAGE =
  "Forbidden: getTransactionsForAddress is not part of this plan (Developer plan or higher)";

/**
 * Answers `getTransactionsForAddress` in signatures mode: a page of `{data, paginationToken}`
 * newest or oldest first by (slot, transactionIndex), after the filters. The token is
 * "slot:transactionIndex" of the last entry sent; null once no position is left in range (a
 * token may still lead to an empty last page when filters drop everything after it).
 */
export function getTransactionsForAddress(
  id: RpcId,
  params: unknown,
  fault: Fault,
  context: RpcContext,
): { result: unknown; items: number } | RpcFailure {
  if (context.plan === "free") {
    return { ...rpcFailure(id, PLAN_REFUSAL_CODE, PLAN_REFUSAL_MESSAGE), httpStatus: 403 };
  }
  const query = parseGtfaParams(id, params);
  if ("ok" in query) return query;

  const listing = context.store.history(query.address)?.listing;
  const page = listing?.query(query) ?? { entries: [], more: false };
  let entries = page.entries;
  let more = page.more;

  if (fault.kind === "short-page" && entries.length >= 2) {
    // Half a page, although more entries match: the token still points after what was sent.
    entries = entries.slice(0, Math.floor(entries.length / 2));
    more = true;
  }
  if (fault.kind === "repeat-signature" && query.after !== undefined && listing !== undefined) {
    // The entry at the token comes back first, as if the token were inclusive.
    const again = listing.query(atTokenPosition(query));
    entries = [...again.entries, ...entries].slice(0, query.limit);
  }

  const last = entries.at(-1)?.entry;
  const paginationToken =
    more && last !== undefined ? `${last.slot}:${last.transactionIndex}` : null;
  const data = entries.map(entryOf);
  if (fault.kind === "bad-schema") {
    return { result: misshapen(data, paginationToken), items: 0 };
  }
  return { result: { data, paginationToken }, items: data.length };
}

/** A query for the one entry sitting exactly at the token's position. */
function atTokenPosition(query: GtfaQuery): ListingQuery {
  const { after, ...rest } = query;
  const slot = after?.slot ?? 0;
  return {
    ...rest,
    order: "desc",
    limit: 1,
    slots: { min: slot, max: slot },
    after: { slot, transactionIndex: (after?.transactionIndex ?? 0) + 1 },
  };
}

function entryOf(stored: StoredTransaction): GtfaSignatureEntry {
  const { signature, slot, transactionIndex, err, blockTime } = stored.entry;
  return {
    signature,
    slot,
    transactionIndex,
    err,
    memo: null,
    blockTime,
    confirmationStatus: "finalized",
  };
}

/** Valid JSON of the wrong shape: entries without `transactionIndex`, or no `data` at all. */
function misshapen(data: GtfaSignatureEntry[], paginationToken: string | null): unknown {
  if (data.length === 0) return { paginationToken };
  return {
    data: data.map(({ transactionIndex: _dropped, ...rest }) => rest),
    paginationToken,
  };
}
