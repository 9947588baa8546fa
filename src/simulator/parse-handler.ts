import type { Fault } from "./faults.js";
import { Prng } from "./prng.js";
import { restErrorReply } from "./replies.js";
import type { HandlerResult } from "./rpc-handler.js";
import { isSignature } from "./solana-keys.js";
import { enhancedJsonOf, type TransactionStore } from "./wallet-store.js";

/** OAS `ParseTransactionsRequest.transactions.maxItems`. */
export const MAX_PARSE_SIGNATURES = 100;

const JSON_TYPE = "application/json; charset=utf-8";

/**
 * Answers `POST /v0/transactions`: the known, available transactions among the requested
 * signatures, each once, in a deterministic order that is not the requested one (the real
 * endpoint promises no order). Unknown signatures are left out.
 */
export function handleParse(
  body: string,
  commitment: string | null,
  fault: Fault,
  store: TransactionStore,
): HandlerResult {
  const requested = parseSignatures(body, commitment);
  if (!requested.ok) {
    return { reply: restErrorReply(400, requested.message), items: 0 };
  }

  const prng = Prng.fromSeed(`parse-order/${requested.signatures.join(",")}`);
  const known = [...new Set(requested.signatures)].filter((signature) =>
    store.parseable(signature),
  );
  let served = scramble(known, prng);
  if (fault.kind === "omit-transactions") {
    const omitted = new Set(prng.shuffle(served).slice(0, fault.count));
    served = served.filter((signature) => !omitted.has(signature));
  }

  const texts = served.map((signature) => {
    const stored = store.parseable(signature);
    return stored === undefined ? "" : enhancedJsonOf(stored);
  });
  if (fault.kind === "bad-schema") {
    return { reply: { status: 200, body: misshapen(texts), contentType: JSON_TYPE }, items: 0 };
  }
  return {
    reply: { status: 200, body: `[${texts.join(",")}]`, contentType: JSON_TYPE },
    items: texts.length,
  };
}

type ParsedBody = { ok: true; signatures: string[] } | { ok: false; message: string };

function parseSignatures(body: string, commitment: string | null): ParsedBody {
  if (commitment !== null && commitment !== "finalized" && commitment !== "confirmed") {
    return { ok: false, message: `invalid commitment "${commitment}": use finalized or confirmed` };
  }

  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { ok: false, message: "request body is not valid JSON" };
  }
  const transactions =
    typeof value === "object" && value !== null
      ? (value as { transactions?: unknown }).transactions
      : undefined;
  if (!Array.isArray(transactions)) {
    return { ok: false, message: 'request body must be an object with a "transactions" array' };
  }
  const given = transactions.length;
  if (given > MAX_PARSE_SIGNATURES) {
    const limit = `at most ${MAX_PARSE_SIGNATURES} per request`;
    return { ok: false, message: `too many transactions: ${given} given, ${limit}` };
  }

  const invalid = transactions.findIndex((item) => typeof item !== "string" || !isSignature(item));
  if (invalid >= 0) {
    return { ok: false, message: `invalid transaction signature at index ${invalid}` };
  }
  return { ok: true, signatures: transactions as string[] };
}

/** Shuffles, and when that happens to keep the requested order, rotates by one. */
function scramble(signatures: readonly string[], prng: Prng): string[] {
  const shuffled = prng.shuffle(signatures);
  const unchanged = shuffled.every((signature, index) => signature === signatures[index]);
  return unchanged && shuffled.length > 1
    ? [...shuffled.slice(1), ...shuffled.slice(0, 1)]
    : shuffled;
}

/** Valid JSON of the wrong shape: the first object loses its signature, or `{}` for `[]`. */
function misshapen(texts: readonly string[]): string {
  const [first, ...rest] = texts;
  if (first === undefined) {
    return "{}";
  }
  const { signature: _dropped, ...withoutSignature } = JSON.parse(first) as Record<string, unknown>;
  return `[${[JSON.stringify(withoutSignature), ...rest].join(",")}]`;
}
