import type { Reply } from "./http-exchange.js";
import type { EndpointClass } from "./stats.js";

/** A JSON-RPC request id as echoed back: a number, a string, or null when unknown. */
export type RpcId = number | string | null;

const JSON_TYPE = "application/json; charset=utf-8";

export function jsonReply(status: number, value: unknown, headers?: Record<string, string>): Reply {
  return {
    status,
    body: JSON.stringify(value),
    contentType: JSON_TYPE,
    ...(headers ? { headers } : {}),
  };
}

/** A JSON-RPC error, HTTP 200 unless told otherwise (Solana nodes answer errors with 200). */
export function rpcErrorReply(id: RpcId, code: number, message: string, status = 200): Reply {
  return jsonReply(status, { jsonrpc: "2.0", error: { code, message }, id });
}

export function rpcResultReply(id: RpcId, result: unknown): Reply {
  return jsonReply(200, { jsonrpc: "2.0", result, id });
}

/** The REST endpoints' own errors, in the `{"error": "..."}` shape Helius uses (facts §1.3). */
export function restErrorReply(status: number, message: string): Reply {
  return jsonReply(status, { error: message });
}

/**
 * Gateway-level errors (401, 403, 5xx). On RPC the request id is echoed. On REST the OAS
 * documents the same JSON-RPC envelope for these statuses, with `"id": "1"` in its examples
 * (facts §1.4 and §5), so the REST answers use that envelope too.
 */
function gatewayError(
  endpoint: EndpointClass,
  id: RpcId,
  status: number,
  code: number,
  message: string,
): Reply {
  return rpcErrorReply(endpoint === "rpc" ? id : "1", code, message, status);
}

/** 401: documented by the OAS as code -32001 "Unauthorized" for both endpoints. */
export function unauthorizedReply(endpoint: EndpointClass, id: RpcId): Reply {
  return gatewayError(endpoint, id, 401, -32001, "Unauthorized");
}

/**
 * 403: no source gives the body. Code -32403 follows the pattern of the observed -32429 for
 * HTTP 429; only the status is meant to matter to a client.
 */
export function forbiddenReply(endpoint: EndpointClass, id: RpcId): Reply {
  return gatewayError(endpoint, id, 403, -32403, "Forbidden");
}

/** 429 exactly as observed from Helius's throttle (no id); `Retry-After` in whole seconds. */
export function rateLimitedReply(retryAfterSeconds?: number): Reply {
  const headers =
    retryAfterSeconds === undefined ? undefined : { "retry-after": String(retryAfterSeconds) };
  return jsonReply(
    429,
    { jsonrpc: "2.0", error: { code: -32429, message: "rate limited" } },
    headers,
  );
}

/** Credits exhausted: seen with HTTP 429 and with 200, and once as plain text (facts §5). */
export function creditsExhaustedReply(status: 200 | 429, body: "json" | "text"): Reply {
  if (body === "text") {
    return { status, body: "max usage reached", contentType: "text/plain; charset=utf-8" };
  }
  return jsonReply(status, {
    jsonrpc: "2.0",
    error: { code: -32429, message: "max usage reached" },
  });
}

/**
 * Server errors as the layers in front of an API produce them: the application's JSON-RPC
 * "Internal error" for 500, a proxy's HTML page for 502 and 504, a load balancer's plain text
 * for 503. Clients must not assume an error body is JSON.
 */
export function serverErrorReply(
  endpoint: EndpointClass,
  id: RpcId,
  status: 500 | 502 | 503 | 504,
): Reply {
  switch (status) {
    case 500:
      return gatewayError(endpoint, id, 500, -32603, "Internal error");
    case 502:
      return htmlErrorPage(502, "Bad Gateway");
    case 503:
      return {
        status,
        body: "upstream connect error or disconnect/reset before headers. reset reason: overflow",
        contentType: "text/plain",
      };
    case 504:
      return htmlErrorPage(504, "Gateway Time-out");
  }
}

function htmlErrorPage(status: number, reason: string): Reply {
  const title = `${status} ${reason}`;
  const lines = [
    "<html>",
    `<head><title>${title}</title></head>`,
    "<body>",
    `<center><h1>${title}</h1></center>`,
    "</body>",
    "</html>",
  ];
  const body = `${lines.join("\r\n")}\r\n`;
  return { status, body, contentType: "text/html" };
}

export function notFoundReply(): Reply {
  return restErrorReply(404, "Not Found");
}
