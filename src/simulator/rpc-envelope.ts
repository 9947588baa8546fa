import type { RpcId } from "./replies.js";

/** Standard JSON-RPC 2.0 error codes. */
export const RpcErrorCode = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
} as const;

/** A JSON-RPC error before it is written: the request id, a code and a message. */
export interface RpcFailure {
  ok: false;
  id: RpcId;
  code: number;
  message: string;
  /** HTTP status of the answer; JSON-RPC errors come with 200 unless a gateway refuses. */
  httpStatus?: number;
}

/** A well-formed single JSON-RPC call whose params are not checked yet. */
export interface RpcCall {
  ok: true;
  id: RpcId;
  method: string;
  params: unknown;
}

export function rpcFailure(id: RpcId, code: number, message: string): RpcFailure {
  return { ok: false, id, code, message };
}

/** Reads the id of a request body for error replies; null when there is none. */
export function peekRpcId(body: string): RpcId {
  try {
    const value: unknown = JSON.parse(body);
    return isRecord(value) && isRpcId(value.id) ? value.id : null;
  } catch {
    return null;
  }
}

/**
 * Checks the envelope the way a Solana node does: malformed JSON is -32700, anything but a
 * single `{"jsonrpc":"2.0","method":...}` object is -32600. Helius does not batch the archival
 * methods served here, so an array body is refused rather than answered per element.
 */
export function parseRpcEnvelope(body: string): RpcCall | RpcFailure {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return rpcFailure(null, RpcErrorCode.parseError, "Parse error");
  }

  if (Array.isArray(value)) {
    const message =
      value.length === 0 ? "Invalid request" : "Batch requests are not supported for this method";
    return rpcFailure(null, RpcErrorCode.invalidRequest, message);
  }
  if (!isRecord(value)) {
    return rpcFailure(null, RpcErrorCode.invalidRequest, "Invalid request");
  }

  const id = value.id ?? null;
  if (!isRpcId(id)) {
    return rpcFailure(null, RpcErrorCode.invalidRequest, "Invalid request");
  }
  if (value.jsonrpc !== "2.0" || typeof value.method !== "string") {
    return rpcFailure(id, RpcErrorCode.invalidRequest, "Invalid request");
  }
  return { ok: true, id, method: value.method, params: value.params };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isRpcId(value: unknown): value is RpcId {
  return (
    value === null ||
    typeof value === "string" ||
    (typeof value === "number" && Number.isFinite(value))
  );
}
