import { ExitCode, FetchSwapsError, type FetchSwapsErrorOptions } from "../errors.js";

/** Which Helius endpoint a request went to, named without its host or key. */
export type Endpoint =
  | "getSignaturesForAddress"
  | "getTransactionsForAddress"
  | "POST /v0/transactions";

export interface HeliusErrorOptions extends FetchSwapsErrorOptions {
  endpoint: Endpoint;
  status?: number;
  attempts?: number;
}

/** A failure talking to Helius. Messages are redacted before they get here. */
export abstract class HeliusError extends FetchSwapsError {
  readonly endpoint: Endpoint;
  readonly status: number | undefined;
  readonly attempts: number | undefined;

  constructor(message: string, options: HeliusErrorOptions) {
    super(message, options);
    this.endpoint = options.endpoint;
    this.status = options.status;
    this.attempts = options.attempts;
  }
}

/** 401/403: the key is wrong, revoked, or not allowed this method. Not retried. */
export class RejectedKeyError extends HeliusError {
  readonly code = "E_REJECTED_KEY";
  readonly exitCode = ExitCode.rejectedKey;
}

/** "max usage reached": the plan's monthly credits are spent. Retrying only burns time. */
export class CreditsExhaustedError extends HeliusError {
  readonly code = "E_CREDITS_EXHAUSTED";
  readonly exitCode = ExitCode.upstream;
}

/** A request kept failing (5xx, 429, resets, timeouts, bad bodies) until retries ran out. */
export class UpstreamError extends HeliusError {
  readonly code = "E_UPSTREAM";
  readonly exitCode = ExitCode.upstream;
}

/** Helius refused the request itself (400, or a JSON-RPC parameter error): not retried. */
export class RequestRejectedError extends HeliusError {
  readonly code = "E_REQUEST_REJECTED";
  readonly exitCode = ExitCode.upstream;
}

/**
 * The method is not offered to this key: getTransactionsForAddress on the free plan (HTTP 403,
 * facts §4), or an RPC URL that does not serve it at all (-32601). Not retried; `--signatures
 * auto` falls back to getSignaturesForAddress on it.
 */
export class MethodUnavailableError extends HeliusError {
  readonly code = "E_METHOD_UNAVAILABLE";
  readonly exitCode = ExitCode.rejectedKey;
}
