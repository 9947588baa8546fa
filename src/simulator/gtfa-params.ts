import type { IntegerRange, ListingQuery, SignatureBounds } from "./address-listing.js";
import type { RpcId } from "./replies.js";
import { isRecord, RpcErrorCode, type RpcFailure, rpcFailure } from "./rpc-envelope.js";
import { checkBase58Key } from "./solana-keys.js";

/** gTFA's cap on `limit` in signatures mode (facts §4: 1-1000; `full` is capped at 100). */
export const MAX_GTFA_SIGNATURES_LIMIT = 1000;

/** Validated `getTransactionsForAddress` params (signatures mode). */
export interface GtfaQuery extends ListingQuery {
  address: string;
}

const CONFIG_FIELDS = new Set([
  "transactionDetails",
  "sortOrder",
  "limit",
  "paginationToken",
  "commitment",
  "minContextSlot",
  "encoding",
  "maxSupportedTransactionVersion",
  "filters",
]);
const FILTER_FIELDS = new Set(["slot", "blockTime", "signature", "status", "tokenAccounts"]);

/** The token this simulator hands out: the slot and transactionIndex of the last entry sent. */
const TOKEN_PATTERN = /^(\d{1,15}):(\d{1,9})$/;

type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Reads `[address, config?]` the way the facts describe the method (§4). Unknown fields are
 * refused rather than ignored, so a misspelt option in a client shows up as an error.
 */
export function parseGtfaParams(id: RpcId, params: unknown): GtfaQuery | RpcFailure {
  const invalid = (message: string) =>
    rpcFailure(id, RpcErrorCode.invalidParams, `Invalid params: ${message}`);
  if (!Array.isArray(params) || params.length < 1 || params.length > 2) {
    return invalid("expected [address, config?]");
  }
  const [address, config] = params as [unknown, unknown];
  if (typeof address !== "string" || checkBase58Key(address, 32) !== "ok") {
    return invalid("address must be a base58 public key");
  }
  if (config !== undefined && config !== null && !isRecord(config)) {
    return invalid("config must be an object");
  }

  const options = config ?? {};
  const unknown = Object.keys(options).find((key) => !CONFIG_FIELDS.has(key));
  if (unknown !== undefined) return invalid(`unknown field \`${unknown}\``);

  const details = options.transactionDetails ?? "signatures";
  if (details === "full") {
    return invalid('this simulator serves transactionDetails "signatures" only');
  }
  if (details !== "signatures") return invalid("transactionDetails must be signatures or full");

  const order = options.sortOrder ?? "desc";
  if (order !== "asc" && order !== "desc") return invalid("sortOrder must be asc or desc");

  const limit = options.limit ?? MAX_GTFA_SIGNATURES_LIMIT;
  if (!Number.isSafeInteger(limit) || (limit as number) < 1) {
    return invalid("limit must be a positive integer");
  }
  if ((limit as number) > MAX_GTFA_SIGNATURES_LIMIT) {
    return invalid(`limit must be at most ${MAX_GTFA_SIGNATURES_LIMIT} for signatures`);
  }

  const commitment = options.commitment ?? "finalized";
  if (commitment !== "finalized" && commitment !== "confirmed") {
    return invalid("commitment must be finalized or confirmed (processed is not supported)");
  }

  const token = options.paginationToken;
  let after: GtfaQuery["after"];
  if (token !== undefined && token !== null) {
    const match = typeof token === "string" ? TOKEN_PATTERN.exec(token) : null;
    if (match === null) return invalid("invalid paginationToken");
    after = { slot: Number(match[1]), transactionIndex: Number(match[2]) };
  }

  const filters = readFilters(options.filters);
  if (!filters.ok) return invalid(filters.message);

  return {
    address,
    order,
    limit: limit as number,
    ...(after === undefined ? {} : { after }),
    ...filters.value,
  };
}

type Filters = Pick<
  ListingQuery,
  "slots" | "blockTimes" | "signatures" | "status" | "tokenAccounts"
>;

function readFilters(value: unknown): Checked<Filters> {
  const filters = value ?? {};
  if (!isRecord(filters)) return { ok: false, message: "filters must be an object" };
  const unknown = Object.keys(filters).find((key) => !FILTER_FIELDS.has(key));
  if (unknown !== undefined) return { ok: false, message: `unknown field \`filters.${unknown}\`` };

  const slots = readRange("slot", filters.slot, false);
  if (!slots.ok) return slots;
  const blockTimes = readRange("blockTime", filters.blockTime, true);
  if (!blockTimes.ok) return blockTimes;
  const signatures = readSignatureBounds(filters.signature);
  if (!signatures.ok) return signatures;

  const status = filters.status ?? "any";
  if (status !== "succeeded" && status !== "failed" && status !== "any") {
    return { ok: false, message: "filters.status must be succeeded, failed or any" };
  }
  const tokenAccounts = filters.tokenAccounts ?? "none";
  if (tokenAccounts !== "none" && tokenAccounts !== "balanceChanged" && tokenAccounts !== "all") {
    return { ok: false, message: "filters.tokenAccounts must be none, balanceChanged or all" };
  }

  return {
    ok: true,
    value: {
      slots: slots.value,
      blockTimes: blockTimes.value,
      signatures: signatures.value,
      status,
      tokenAccounts,
    },
  };
}

/** `gte`/`gt`/`lte`/`lt` (and `eq` for block times) as one inclusive integer range. */
function readRange(name: string, value: unknown, allowEq: boolean): Checked<IntegerRange> {
  if (value === undefined || value === null) return { ok: true, value: {} };
  if (!isRecord(value)) return { ok: false, message: `filters.${name} must be an object` };

  const range: IntegerRange = {};
  const raise = (min: number) => {
    range.min = Math.max(range.min ?? min, min);
  };
  const lower = (max: number) => {
    range.max = Math.min(range.max ?? max, max);
  };
  for (const [operator, bound] of Object.entries(value)) {
    if (typeof bound !== "number" || !Number.isSafeInteger(bound) || bound < 0) {
      return { ok: false, message: `filters.${name}.${operator} must be an integer >= 0` };
    }
    if (operator === "gte") raise(bound);
    else if (operator === "gt") raise(bound + 1);
    else if (operator === "lte") lower(bound);
    else if (operator === "lt") lower(bound - 1);
    else if (operator === "eq" && allowEq) {
      raise(bound);
      lower(bound);
    } else return { ok: false, message: `unknown field \`filters.${name}.${operator}\`` };
  }
  return { ok: true, value: range };
}

function readSignatureBounds(value: unknown): Checked<SignatureBounds> {
  if (value === undefined || value === null) return { ok: true, value: {} };
  if (!isRecord(value)) return { ok: false, message: "filters.signature must be an object" };

  const bounds: SignatureBounds = {};
  for (const [operator, bound] of Object.entries(value)) {
    if (operator !== "gt" && operator !== "gte" && operator !== "lt" && operator !== "lte") {
      return { ok: false, message: `unknown field \`filters.signature.${operator}\`` };
    }
    if (typeof bound !== "string") {
      return { ok: false, message: `filters.signature.${operator} must be a string` };
    }
    bounds[operator] = bound;
  }
  return { ok: true, value: bounds };
}
