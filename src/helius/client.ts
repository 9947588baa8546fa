import type { Logger } from "pino";
import { ClassPacer } from "./class-pacer.js";
import { type Clock, systemClock } from "./clock.js";
import {
  CreditsExhaustedError,
  type Endpoint,
  MethodUnavailableError,
  RejectedKeyError,
  RequestRejectedError,
  UpstreamError,
} from "./errors.js";
import { HttpTransport } from "./http-transport.js";
import { LoopTurns } from "./loop-turns.js";
import type { SentRequest } from "./rate-learner.js";
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
import { type GtfaPage, gtfaPageSchema } from "./schemas/gtfa-page.js";
import { type SignatureInfo, signaturePageSchema } from "./schemas/signature-page.js";

/** Answers at least this long free their gate slot before they are read (see `#send`). */
const LARGE_ANSWER_CHARS = 8_192;

export interface HeliusClientOptions {
  apiKey: string;
  /** Enhanced API base, e.g. https://api.helius.xyz */
  apiUrl: string;
  /** JSON-RPC endpoint, e.g. https://mainnet.helius-rpc.com */
  rpcUrl: string;
  /** Bound on walk calls in flight, and on parse calls in flight (`--concurrency`). */
  concurrency: number;
  /** A tighter bound on parse calls in flight (`--parallel-pages`), when there is one. */
  parseConcurrency?: number;
  /** Per-attempt timeout. */
  timeoutMs: number;
  retry?: Partial<RetryPolicyOptions>;
  /**
   * Known pace for Enhanced API calls (requests per second). Absent, the pace is learned from
   * the server's 429s, and nothing is paced until one comes.
   */
  enhancedRps?: number;
  /** Known pace for JSON-RPC calls; learned from 429s when absent. */
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

/** Inclusive (`gte`, `lte`) and exclusive (`gt`, `lt`) integer bounds of a gTFA filter. */
export interface GtfaRange {
  gte?: number;
  gt?: number;
  lte?: number;
  lt?: number;
}

/** One `getTransactionsForAddress` page in signatures mode (facts §4). */
export interface GtfaPageRequest {
  sortOrder: "desc" | "asc";
  /** 1 to 1000. */
  limit: number;
  /** The previous page's token; the filters must stay the same along one chain. */
  paginationToken?: string;
  filters?: {
    slot?: GtfaRange;
    /** Unix seconds. */
    blockTime?: GtfaRange;
    status?: "succeeded" | "failed" | "any";
    tokenAccounts?: "none" | "balanceChanged" | "all";
  };
}

/**
 * Helius's credit prices per call (facts §5, DOCS billing/credits.mdx): archival
 * getSignaturesForAddress 10, getTransactionsForAddress 100, Enhanced parsing 100.
 */
export const CREDITS_PER_CALL: Readonly<Record<Endpoint, number>> = {
  getSignaturesForAddress: 10,
  getTransactionsForAddress: 100,
  "POST /v0/transactions": 100,
};

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
  /** Credits of the successful calls at Helius's list prices: an estimate of the bill. */
  credits: number;
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
 * shared gate (a lane each for walk and parse calls, adaptive, paused as a whole on a 429) and
 * the pace of its API class (known up front, or learned from 429s), and is retried within the
 * policy. Errors and log records never contain the API key.
 */
export class HeliusClient {
  readonly #transport: HttpTransport;
  readonly #gate: RequestGate;
  readonly #pacers: Record<ApiClass, ClassPacer>;
  readonly #turns = new LoopTurns();
  readonly #retry: RetryPolicyOptions;
  readonly #clock: Clock;
  readonly #random: () => number;
  readonly #logger: Logger;
  readonly #redact: (text: string) => string;
  readonly #rpcUrl: URL;
  readonly #parseUrl: URL;
  /** The key or the plan was refused: every later call would be too, so none is sent. */
  #refusal: Error | undefined;
  readonly #stats: ClientStats = {
    requests: 0,
    walkRequests: 0,
    parseRequests: 0,
    throttled: 0,
    retries: 0,
    credits: 0,
  };

  constructor(options: HeliusClientOptions) {
    this.#clock = options.clock ?? systemClock;
    this.#random = options.random ?? Math.random;
    this.#logger = options.logger;
    this.#redact = createRedactor(options.apiKey);
    this.#retry = { ...defaultRetryPolicy, ...options.retry };
    this.#gate = new RequestGate({
      maxInFlight: options.concurrency,
      ...(options.parseConcurrency === undefined
        ? {}
        : { laneLimits: { low: options.parseConcurrency } }),
      clock: this.#clock,
    });
    this.#transport =
      options.transport ??
      // Walk and parse calls each have `concurrency` slots (see RequestGate), so twice the
      // sockets: a walk call must never wait for a socket held by a parse call.
      new HttpTransport({ timeoutMs: options.timeoutMs, connections: options.concurrency * 2 });

    this.#rpcUrl = withApiKey(options.rpcUrl, "/", options.apiKey);
    this.#parseUrl = withApiKey(options.apiUrl, "/v0/transactions", options.apiKey);

    this.#pacers = {
      enhanced: new ClassPacer({ clock: this.#clock, ...knownRate(options.enhancedRps) }),
      rpc: new ClassPacer({ clock: this.#clock, ...knownRate(options.rpcRps) }),
    };
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

    return this.#walkCall(
      "getSignaturesForAddress",
      [wallet, config],
      (status, body) => readRpcResponse(status, body, signaturePageSchema),
      signal,
    );
  }

  /**
   * One page of a wallet's signatures from getTransactionsForAddress (a paid-plan method),
   * ordered by (slot, transactionIndex). It goes through the same gate, pacing and retries as
   * every other call, on the RPC pace. A plan that does not include the method (HTTP 403), or
   * an RPC URL that does not know it (-32601), ends in a MethodUnavailableError.
   */
  async getTransactionsForAddress(
    wallet: string,
    page: GtfaPageRequest,
    signal: AbortSignal,
  ): Promise<GtfaPage> {
    const config: Record<string, unknown> = {
      transactionDetails: "signatures",
      sortOrder: page.sortOrder,
      limit: page.limit,
      commitment: "finalized",
    };
    if (page.paginationToken !== undefined) config.paginationToken = page.paginationToken;
    if (page.filters !== undefined) config.filters = page.filters;

    let unavailable: string | undefined;
    try {
      return await this.#walkCall(
        "getTransactionsForAddress",
        [wallet, config],
        (status, body) => {
          const outcome = readRpcResponse(status, body, gtfaPageSchema);
          if (outcome.ok || !isMethodRefusal(status, outcome.message)) return outcome;

          // The plan refuses this one method, not the key: the RPC walk may still run.
          unavailable = outcome.message;
          return { ...outcome, kind: "fatal" };
        },
        signal,
      );
    } catch (error) {
      if (unavailable === undefined || signal.aborted) throw error;
      throw new MethodUnavailableError(
        "Helius does not offer getTransactionsForAddress to this key " +
          `(${this.#redact(unavailable)}); it needs a Developer plan or higher: ` +
          "use --signatures rpc on the free plan",
        { endpoint: "getTransactionsForAddress", cause: error },
      );
    }
  }

  /** A JSON-RPC call of the signature walk: the RPC pace, and the walk's lane of the gate. */
  #walkCall<T>(
    method: "getSignaturesForAddress" | "getTransactionsForAddress",
    params: unknown[],
    read: (status: number, body: string) => Outcome<T>,
    signal: AbortSignal,
  ): Promise<T> {
    this.#stats.walkRequests += 1;
    return this.#send(
      {
        endpoint: method,
        apiClass: "rpc",
        priority: "high",
        url: this.#rpcUrl,
        payload: { jsonrpc: "2.0", id: 1, method, params },
        read,
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
    this.#gate.close();
    await this.#transport.close();
  }

  async #send<T>(call: Call<T>, signal: AbortSignal): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      const permit = await this.#gate.acquire(call.priority, signal);
      const pacer = this.#pacers[call.apiClass];
      let outcome: Outcome<T>;
      let retryAfterMs: number | undefined;
      let sent: SentRequest | undefined;

      try {
        await this.#waitForTurn(pacer, signal);
        if (this.#refusal !== undefined) throw this.#refusal;
        sent = pacer.sent();
        this.#stats.requests += 1;

        const response = await this.#transport.postJson(call.url, call.payload, signal);
        // The server's slot is free once the answer is in. A large answer takes milliseconds
        // to parse and validate (100 transactions), so the next request goes out first. A
        // small one is read before its slot frees: refusals are all small (401, 403, spent
        // credits), and one that ends the run must stop it before another request leaves.
        if (response.body.length >= LARGE_ANSWER_CHARS) permit.release();
        await this.#turns.next();
        retryAfterMs = parseRetryAfter(response.retryAfter);
        outcome = call.read(response.status, response.body);
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        if (error === this.#refusal) throw error;
        outcome = { ok: false, kind: "transient", message: describeNetworkError(error) };
      } finally {
        permit.release();
      }

      if (outcome.ok) {
        this.#gate.recordSuccess(permit);
        this.#stats.credits += CREDITS_PER_CALL[call.endpoint];
        return outcome.value;
      }

      const message = this.#redact(outcome.message);
      const delayMs = retryDelayMs(attempt, this.#retry, this.#random, retryAfterMs);
      if (outcome.kind === "throttled") {
        this.#stats.throttled += 1;
        this.#gate.recordThrottled(permit, delayMs);
        this.#learnFromThrottle(call.apiClass, pacer, sent);
      }

      if (!isRetryable(outcome.kind) || attempt > this.#retry.maxRetries) {
        const error = this.#toError(call.endpoint, outcome.kind, message, attempt, outcome.status);
        if (outcome.kind === "rejected-key" || outcome.kind === "credits") this.#refusal = error;
        throw error;
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

  /**
   * Waits out any shared pause, then this class's pace. A 429 that arrives while the request
   * waits for its turn starts a pause: the turn is taken again after it, so requests that
   * waited through a pause do not all leave at once when it ends.
   */
  async #waitForTurn(pacer: ClassPacer, signal: AbortSignal): Promise<void> {
    for (;;) {
      await this.#gate.whilePaused(signal);
      const pauses = this.#gate.pauses;
      await pacer.take(signal);
      if (this.#gate.pauses === pauses) return;
    }
  }

  #learnFromThrottle(apiClass: ApiClass, pacer: ClassPacer, sent: SentRequest | undefined): void {
    if (sent === undefined) return;
    const learned = pacer.throttled(sent);
    if (learned === undefined) return;
    this.#logger.info(
      { apiClass, requestsPerSecond: Math.round(learned * 100) / 100 },
      "pacing to the rate the server's 429s show",
    );
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

/** HTTP 403 (a plan without the method) or JSON-RPC -32601 (a server without it). */
function isMethodRefusal(status: number, message: string): boolean {
  return status === 403 || message.startsWith("JSON-RPC error -32601:");
}

function knownRate(rate: number | undefined): { knownRate?: number } {
  return rate === undefined ? {} : { knownRate: rate };
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
