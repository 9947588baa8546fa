import type { Fault } from "./faults.js";
import type { Reply } from "./http-exchange.js";
import {
  creditsExhaustedReply,
  forbiddenReply,
  type RpcId,
  rateLimitedReply,
  serverErrorReply,
  unauthorizedReply,
} from "./replies.js";
import type { EndpointClass } from "./stats.js";

/**
 * The canned answer of a fault that replaces the handler entirely, or undefined when the
 * handler runs (possibly with its output distorted afterwards).
 */
export function cannedFaultReply(
  fault: Fault,
  endpoint: EndpointClass,
  id: RpcId,
): Reply | undefined {
  switch (fault.kind) {
    case "status":
      return fault.status === 429
        ? rateLimitedReply(fault.retryAfterSeconds)
        : serverErrorReply(endpoint, id, fault.status);
    case "credits-exhausted":
      return creditsExhaustedReply(fault.status ?? 429, fault.body ?? "json");
    case "unauthorized":
      return unauthorizedReply(endpoint, id);
    case "forbidden":
      return forbiddenReply(endpoint, id);
    default:
      return undefined;
  }
}

/** The first half of the body followed by bytes no JSON parser accepts. */
export function corruptedReply(reply: Reply): Reply {
  const half = reply.body.slice(0, Math.floor(reply.body.length / 2));
  return { ...reply, body: `${half}\u0000@@` };
}
