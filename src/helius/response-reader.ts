import type { z } from "zod";
import type { ParsedTransaction } from "./client.js";
import { classifyStatus, type FailureKind } from "./retry-policy.js";
import { describeIssue } from "./schemas/describe-issue.js";
import { enhancedTransactionSchema } from "./schemas/enhanced-transaction.js";
import { rpcEnvelopeSchema } from "./schemas/signature-page.js";

/** What one attempt came to: a validated value, or a classified failure. */
export type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; kind: FailureKind; message: string; status?: number };

/**
 * Helius's "credits exhausted" answer, recognised by its text whatever the status or shape:
 * it has been seen as JSON-RPC over HTTP 429, over HTTP 200, and as plain text (facts §5).
 * Only answers that are not a valid result are searched, so a transaction whose description
 * happens to hold these words (a token named so) cannot pass for it.
 */
const CREDITS_EXHAUSTED = /max usage reached/i;

/** JSON-RPC error codes that mean "slow down" (Helius uses both). */
const THROTTLED_RPC_CODES = new Set([-32429, -32005]);
/** JSON-RPC codes for a request the server will never accept as sent. */
const INVALID_REQUEST_RPC_CODES = new Set([-32600, -32601, -32602]);
const UNAUTHORIZED_RPC_CODE = -32001;

/** Reads a JSON-RPC answer and validates its `result` with `schema`. */
export function readRpcResponse<S extends z.ZodType>(
  status: number,
  body: string,
  schema: S,
): Outcome<z.output<S>> {
  const json = readJsonBody(status, body);
  if (!json.ok) return json;

  const envelope = rpcEnvelopeSchema.safeParse(json.value);
  if (!envelope.success) {
    if (CREDITS_EXHAUSTED.test(JSON.stringify(json.value))) return creditsExhausted(status);
    return schemaFailure(status, `not a JSON-RPC response: ${describeIssue(envelope.error)}`);
  }

  const rpcError = envelope.data.error;
  if (rpcError !== undefined) {
    if (CREDITS_EXHAUSTED.test(rpcError.message)) return creditsExhausted(status);
    return {
      ok: false,
      kind: classifyRpcError(rpcError.code),
      message: `JSON-RPC error ${rpcError.code}: ${rpcError.message}`,
      status,
    };
  }

  const result = schema.safeParse(envelope.data.result);
  if (!result.success) {
    return schemaFailure(
      status,
      `response failed the schema at ${describeIssue(result.error, "result")}`,
    );
  }
  return { ok: true, value: result.data };
}

/** Reads `POST /v0/transactions`: an array of enhanced transactions, each kept raw as well. */
export function readParseResponse(status: number, body: string): Outcome<ParsedTransaction[]> {
  const json = readJsonBody(status, body);
  if (!json.ok) return json;
  if (!Array.isArray(json.value)) {
    // An error object in place of the array, such as the credits answer over HTTP 200.
    if (CREDITS_EXHAUSTED.test(JSON.stringify(json.value))) return creditsExhausted(status);
    return schemaFailure(status, "response failed the schema at (root): expected an array");
  }

  const parsed: ParsedTransaction[] = [];
  for (const [index, raw] of json.value.entries()) {
    const result = enhancedTransactionSchema.safeParse(raw);
    if (!result.success) {
      return schemaFailure(
        status,
        `response failed the schema at ${describeIssue(result.error, `[${index}]`)}`,
      );
    }
    parsed.push({ raw, transaction: result.data });
  }
  return { ok: true, value: parsed };
}

/** Status, credits and JSON checks shared by both endpoints. */
function readJsonBody(status: number, body: string): Outcome<unknown> {
  const kind = classifyStatus(status);
  if (kind !== undefined) {
    if (CREDITS_EXHAUSTED.test(body)) return creditsExhausted(status);
    return { ok: false, kind, message: `HTTP ${status}: ${summarise(body)}`, status };
  }

  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    if (CREDITS_EXHAUSTED.test(body)) return creditsExhausted(status);
    return {
      ok: false,
      kind: "transient",
      message: `malformed JSON in a ${body.length}-byte body: ${summarise(body)}`,
      status,
    };
  }
}

function creditsExhausted(status: number): Outcome<never> {
  return { ok: false, kind: "credits", message: "max usage reached", status };
}

function classifyRpcError(code: number): FailureKind {
  if (THROTTLED_RPC_CODES.has(code)) return "throttled";
  if (code === UNAUTHORIZED_RPC_CODE) return "rejected-key";
  if (INVALID_REQUEST_RPC_CODES.has(code)) return "fatal";
  return "transient";
}

/** A body that parsed but does not have the documented shape: retried, in case it was cut. */
function schemaFailure(status: number, message: string): Outcome<never> {
  return { ok: false, kind: "transient", message, status };
}

/** The start of a body on one line, enough to recognise it in an error message. */
function summarise(body: string): string {
  const oneLine = body.replace(/\s+/g, " ").trim();
  if (oneLine === "") return "(empty body)";
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}...` : oneLine;
}
