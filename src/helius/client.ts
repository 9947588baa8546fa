import type { Logger } from "pino";
import { type Clock, systemClock } from "./clock.js";
import {
  CreditsExhaustedError,
  type Endpoint,
  RejectedKeyError,
  RequestRejectedError,
  UpstreamError,
} from "./errors.js";
import { HttpTransport } from "./http-transport.js";
import { createRedactor } from "./redact.js";
import { RequestGate, type RequestPriority } from "./request-gate.js";
import { type Outcome, readParseResponse, readRpcResponse } from "./response-reader.js";
import {
  defaultRetryPolicy,
  type FailureKind,
  isRetryable,
  parseRetryAfter,
  type RetryPolicyOptions,
  retryDelayMs,
} from "./retry-policy.js";
import type { EnhancedTransaction } from "./schemas/enhanced-transaction.js";
import { type SignatureInfo, signaturePageSchema } from "./schemas/signature-page.js";
import { TokenBucket } from "./token-bucket.js";

export interface HeliusClientOptions {
  apiKey: string;
  /** Enhanced API base, e.g. https://api.helius.xyz */
  apiUrl: string;
  /** JSON-RPC endpoint, e.g. https://mainnet.helius-rpc.com */
  rpcUrl: string;
  /** Hard bound on requests in flight, walk and parse together. */
  concurrency: number;
  /** Per-attempt timeout. */
  timeoutMs: number;
  retry?: Partial<RetryPolicyOptions>;
  /** Pace for Enhanced API calls (requests per second); unpaced when absent. */
  enhancedRps?: number;
  /** Pace for JSON-RPC calls; unpaced when absent. */
  rpcRps?: number;
  logger: Logger;
  clock?: Clock;
  random?: () => number;
  transport?: HttpTransport;
}

export interface SignaturePageRequest {
  limit: number;
  /** Exclusive cursor: return signatures older than this one. */
  before?: string;
  /** Exclusive lower bound: stop at this signature. */
  until?: string;
}

/** An enhanced transaction as Helius sent it (`raw`) and as validated (`transaction`). */
export interface ParsedTransaction {
  raw: unknown;
  transaction: EnhancedTransaction;
}

export interface ClientStats {
  requests: number;
  walkRequests: number;
  parseRequests: number;
  throttled: number;
  retries: number;
}

type ApiClass = "rpc" | "enhanced";

interface Call<T> {
  endpoint: Endpoint;
  apiClass: ApiClass;
  priority: RequestPriority;
  url: URL;
  payload: unknown;
  read: (status: number, body: string) => Outcome<T>;
}

/**
 * The one way fetch-swaps talks to Helius. Every request, walk and parse alike, goes through a
 * shared gate (bounded, adaptive, paused as a whole on a 429) and the pacer of its API class,
 * and is retried within the policy. Errors and log records never contain the API key.
 */
export class HeliusClient {
  readonly #transport: HttpTransport;
  readonly #gate: RequestGate;
  readonly #buckets: Partial<Record<ApiClass, TokenBucket>> = {};
  readonly #retry: RetryPolicyOptions;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #logger: Logger;
  readonly #redact: (text: string) => string;
  readonly #rpcUrl: URL;
  readonly #parseUrl: URL;
  readonly #stats: ClientStats = {
    requests: 0,
    walkRequests: 0,
    parseRequests: 0,
    throttled: 0,
    retries: 0,
  };

  constructor(options: HeliusClientOptions) {
    this.#clock = options.clock ?? systemClock;
    this.#random = options.random ?? Math.random;
    this.#logger = options.logger;
    this.#redact = createRedactor(options.apiKey);
    this.#retry = { ...defaultRetryPolicy, ...options.retry };
    this.#gate = new RequestGate({ maxInFlight: options.concurrency, clock: this.#clock });
    this.#transport =
      options.transport ??
      new HttpTransport({ timeoutMs: options.timeoutMs, connections: options.concurrency });

    this.#rpcUrl = withApiKey(options.rpcUrl, "/", options.apiKey);
    this.#parseUrl = withApiKey(options.apiUrl, "/v0/transactions", options.apiKey);

    if (options.enhancedRps !== undefined) {
      this.#buckets.enhanced = new TokenBucket({
        ratePerSecond: options.enhancedRps,
        clock: this.#clock,
      });
    }
    if (options.rpcRps !== undefined) {
      this.#buckets.rpc = new TokenBucket({ ratePerSecond: options.rpcRps, clock: this.#clock });
    }
  }

  /** One page of a wallet's signatures, newest first. An empty page means the walk is over. */
  getSignaturesPage(
    wallet: string,
    page: SignaturePageRequest,
    signal: AbortSignal,
  ): Promise<SignatureInfo[]> {
    const config: Record<string, unknown> = { limit: page.limit, commitment: "finalized" };
    if (page.before !== undefined) config.before = page.before;
    if (page.until !== undefined) config.until = page.until;

    this.#stats.walkRequests += 1;
    return this.#send(
      {
        endpoint: "getSignaturesForAddress",
        apiClass: "rpc",
        priority: "high",
        url: this.#rpcUrl,
        payload: {
          jsonrpc: "2.0",
          id: 1,
          method: "getSignaturesForAddress",
          params: [wallet, config],
        },
        read: (status, body) => readRpcResponse(status, body, signaturePageSchema),
      },
      signal,
    );
  }

  /**
   * Parses up to 100 signatures. Helius may answer in any order and may leave some out; the
   * caller joins by signature and asks again for what is missing.
   */
  parseTransactions(
    signatures: readonly string[],
    signal: AbortSignal,
  ): Promise<ParsedTransaction[]> {
    this.#stats.parseRequests += 1;
    return this.#send(
      {
        endpoint: "POST /v0/transactions",
        apiClass: "enhanced",
        priority: "low",
        url: this.#parseUrl,
        payload: { transactions: signatures },
        read: readParseResponse,
      },
      signal,
    );
  }

  stats(): ClientStats {
    return { ...this.#stats };
  }

  async close(): Promise<void> {
    await this.#transport.close();
  }

  async #send<T>(call: Call<T>, signal: AbortSignal): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const permit = await this.#gate.acquire(call.priority, signal);
      let outcome: Outcome<T>;
      let retryAfterMs: number | undefined;

      try {
        await this.#buckets[call.apiClass]?.take(signal);
        await this.#gate.whilePaused(signal);
        this.#stats.requests += 1;

        const response = await this.#transport.postJson(call.url, call.payload, signal);
        retryAfterMs = parseRetryAfter(response.retryAfter);
        outcome = call.read(response.status, response.body);
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        outcome = { ok: false, kind: "transient", message: describeNetworkError(error) };
      } finally {
        permit.release();
      }

      if (outcome.ok) {
        this.#gate.recordSuccess();
        return outcome.value;
      }

      const message = this.#redact(outcome.message);
      const delayMs = retryDelayMs(attempt, this.#retry, this.#random, retryAfterMs);
      if (outcome.kind === "throttled") {
        this.#stats.throttled += 1;
        this.#gate.recordThrottled(permit, delayMs);
      }

      if (!isRetryable(outcome.kind) || attempt > this.#retry.maxRetries) {
        throw this.#toError(call.endpoint, outcome.kind, message, attempt, outcome.status);
      }

      this.#stats.retries += 1;
      this.#logger.debug(
        {
          endpoint: call.endpoint,
          attempt,
          retriesLeft: this.#retry.maxRetries - attempt + 1,
          delayMs,
          reason: message,
        },
        "retrying request",
      );
      // A throttled request waits out the shared pause in the gate; others back off alone.
      if (outcome.kind !== "throttled") await this.#clock.sleep(delayMs, signal);
    }
  }

  #toError(
    endpoint: Endpoint,
    kind: FailureKind,
    message: string,
    attempts: number,
    status: number | undefined,
  ): Error {
    const context = { endpoint, attempts, ...(status === undefined ? {} : { status }) };
    switch (kind) {
      case "rejected-key":
        return new RejectedKeyError(
          `Helius rejected the API key (${endpoint}, HTTP ${status ?? "?"}): ${message}`,
          context,
        );
      case "credits":
        return new CreditsExhaustedError(
          `Helius says the plan's credits are used up ("max usage reached") on ${endpoint}; ` +
            "wait for the monthly reset or upgrade the plan",
          context,
        );
      case "fatal":
        return new RequestRejectedError(`${endpoint} was refused: ${message}`, context);
      default:
        return new UpstreamError(
          `${endpoint} failed after ${attempts} attempts: ${message}`,
          context,
        );
    }
  }
}

function withApiKey(base: string, path: string, apiKey: string): URL {
  const url = new URL(base);
  if (path !== "/" || url.pathname === "") url.pathname = url.pathname.replace(/\/$/, "") + path;
  url.searchParams.set("api-key", apiKey);
  return url;
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? `${error.message} (${code})` : error.message;
}
