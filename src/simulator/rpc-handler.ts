import type { Fault } from "./faults.js";
import { getSignaturesForAddress } from "./get-signatures.js";
import { getTransactionsForAddress } from "./get-transactions.js";
import type { Reply } from "./http-exchange.js";
import { type RpcId, rpcErrorReply, rpcResultReply } from "./replies.js";
import { parseRpcEnvelope, RpcErrorCode, type RpcFailure } from "./rpc-envelope.js";
import type { SimulatedPlan } from "./simulator-options.js";
import type { TransactionStore } from "./wallet-store.js";

/** A reply and how many items (signatures or transactions) it carries, for the stats. */
export interface HandlerResult {
  reply: Reply;
  items: number;
  /** The method that handled it, and whether it answered with a result (a billed call). */
  call?: { method: string; billed: boolean };
}

/** What a method may consult besides its params. */
export interface RpcContext {
  store: TransactionStore;
  plan: SimulatedPlan;
}

/** One JSON-RPC method: its result and item count, or a JSON-RPC failure. */
export type RpcMethod = (
  id: RpcId,
  params: unknown,
  fault: Fault,
  context: RpcContext,
) => { result: unknown; items: number } | RpcFailure;

/** The methods served; any other name gets -32601. */
const METHODS: Readonly<Record<string, RpcMethod>> = {
  getSignaturesForAddress: (id, params, fault, { store }) =>
    getSignaturesForAddress(id, params, fault, store),
  getTransactionsForAddress,
};

/** Answers one JSON-RPC request body; `fault` may distort a successful answer. */
export function handleRpc(body: string, fault: Fault, context: RpcContext): HandlerResult {
  const call = parseRpcEnvelope(body);
  if (!call.ok) {
    return { reply: rpcErrorReply(call.id, call.code, call.message), items: 0 };
  }

  const method = Object.hasOwn(METHODS, call.method) ? METHODS[call.method] : undefined;
  if (method === undefined) {
    const reply = rpcErrorReply(call.id, RpcErrorCode.methodNotFound, "Method not found");
    return { reply, items: 0 };
  }

  const answer = method(call.id, call.params, fault, context);
  if ("ok" in answer) {
    const reply = rpcErrorReply(answer.id, answer.code, answer.message, answer.httpStatus);
    return { reply, items: 0, call: { method: call.method, billed: false } };
  }
  const reply = rpcResultReply(call.id, answer.result);
  return { reply, items: answer.items, call: { method: call.method, billed: true } };
}
