import type { Fault } from "./faults.js";
import { getSignaturesForAddress } from "./get-signatures.js";
import type { Reply } from "./http-exchange.js";
import { type RpcId, rpcErrorReply, rpcResultReply } from "./replies.js";
import { parseRpcEnvelope, RpcErrorCode, type RpcFailure } from "./rpc-envelope.js";
import type { TransactionStore } from "./wallet-store.js";

/** A reply and how many items (signatures or transactions) it carries, for the stats. */
export interface HandlerResult {
  reply: Reply;
  items: number;
}

/** One JSON-RPC method: its result and item count, or a JSON-RPC failure. */
type RpcMethod = (
  id: RpcId,
  params: unknown,
  fault: Fault,
  store: TransactionStore,
) => { result: unknown; items: number } | RpcFailure;

/** The methods served; any other name gets -32601. */
const METHODS: Readonly<Record<string, RpcMethod>> = {
  getSignaturesForAddress,
};

/** Answers one JSON-RPC request body; `fault` may distort a successful answer. */
export function handleRpc(body: string, fault: Fault, store: TransactionStore): HandlerResult {
  const call = parseRpcEnvelope(body);
  if (!call.ok) {
    return { reply: rpcErrorReply(call.id, call.code, call.message), items: 0 };
  }

  const method = Object.hasOwn(METHODS, call.method) ? METHODS[call.method] : undefined;
  if (method === undefined) {
    const reply = rpcErrorReply(call.id, RpcErrorCode.methodNotFound, "Method not found");
    return { reply, items: 0 };
  }

  const answer = method(call.id, call.params, fault, store);
  if ("ok" in answer) {
    return { reply: rpcErrorReply(answer.id, answer.code, answer.message), items: 0 };
  }
  return { reply: rpcResultReply(call.id, answer.result), items: answer.items };
}
