import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { sleep, waitForAbort } from "./abortable-wait.js";
import { PARSE_CALL } from "./credits.js";
import { cannedFaultReply, corruptedReply } from "./fault-replies.js";
import { type Fault, FaultSource, type ParseFault, type RpcFault } from "./faults.js";
import { Exchange, type Reply, readBody } from "./http-exchange.js";
import { LatencyModel } from "./latency.js";
import { handleParse } from "./parse-handler.js";
import { retryAfterSeconds, TokenBucket } from "./rate-limit.js";
import {
  forbiddenReply,
  notFoundReply,
  type RpcId,
  rateLimitedReply,
  restErrorReply,
  unauthorizedReply,
} from "./replies.js";
import { peekRpcId } from "./rpc-envelope.js";
import { type HandlerResult, handleRpc } from "./rpc-handler.js";
import {
  DEFAULT_PLAN,
  type FaultOptions,
  type LatencyOptions,
  type LimitOptions,
  type SimulatedPlan,
} from "./simulator-options.js";
import { type EndpointClass, StatsRecorder } from "./stats.js";
import type { TransactionStore } from "./wallet-store.js";

/** Settings fixed for the life of a server. */
export interface ServerSettings {
  apiKey: string;
  seed: string;
  clock: () => number;
  maxBodyBytes: number;
}

/** Per-class runtime configuration, replaced wholesale by the setters. */
interface ClassConfig {
  maxInFlight: number | undefined;
  bucket: TokenBucket | undefined;
  latency: LatencyModel | undefined;
}

/**
 * The HTTP side of the simulator. Each request goes through: route, body, key, in-flight
 * limit, rate limit, fault choice, latency, then the handler (or the fault's answer).
 */
export class SimulatorServer {
  readonly stats = new StatsRecorder();
  readonly http: Server;
  forbidden = false;
  plan: SimulatedPlan = DEFAULT_PLAN;
  private retryAfterHeader = true;
  private rpcFaults = new FaultSource<RpcFault>({}, "");
  private parseFaults = new FaultSource<ParseFault>({}, "");
  private readonly config: Record<EndpointClass, ClassConfig> = {
    rpc: { maxInFlight: undefined, bucket: undefined, latency: undefined },
    parse: { maxInFlight: undefined, bucket: undefined, latency: undefined },
  };
  private readonly closing = new AbortController();

  constructor(
    private readonly store: TransactionStore,
    private readonly settings: ServerSettings,
  ) {
    this.http = createServer((req, res) => {
      void this.handle(req, res);
    });
  }

  setLimits(limits: LimitOptions): void {
    this.retryAfterHeader = limits.retryAfterHeader ?? true;
    this.applyLimits("rpc", limits.maxRpcInFlight, limits.rpcRatePerSecond, limits.rpcBurst);
    this.applyLimits(
      "parse",
      limits.maxParseInFlight,
      limits.parseRatePerSecond,
      limits.parseBurst,
    );
  }

  setLatency(latency: LatencyOptions): void {
    for (const endpoint of ["rpc", "parse"] as const) {
      const spec = latency[endpoint];
      this.config[endpoint].latency =
        spec === undefined
          ? undefined
          : new LatencyModel(spec, `${this.settings.seed}/latency/${endpoint}`);
    }
  }

  setFaults(faults: FaultOptions): void {
    this.rpcFaults = new FaultSource(faults.rpc ?? {}, `${this.settings.seed}/faults/rpc`);
    this.parseFaults = new FaultSource(faults.parse ?? {}, `${this.settings.seed}/faults/parse`);
  }

  /** Stops listening, ends hung and delayed requests, and closes keep-alive connections. */
  close(): Promise<void> {
    this.closing.abort();
    const closed = new Promise<void>((resolve) => {
      this.http.close(() => resolve());
    });
    this.http.closeAllConnections();
    return closed;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrivedAt = performance.now();
    this.stats.totals.totalRequests += 1;
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const endpoint = routeOf(req.method, url.pathname);
    const exchange = new Exchange(req, res, endpoint, this.stats);
    if (endpoint === null) {
      this.stats.totals.notFound += 1;
      req.resume();
      exchange.send(notFoundReply());
      return;
    }
    this.stats.endpoint(endpoint).requests += 1;

    const body = await readBody(req, this.settings.maxBodyBytes);
    if (!body.ok) {
      if (body.reason === "too-large") {
        exchange.send(restErrorReply(413, "request body too large"));
      }
      return;
    }
    const id = endpoint === "rpc" ? peekRpcId(body.text) : null;

    const refusal = this.admissionRefusal(endpoint, url, id);
    if (refusal !== undefined) {
      exchange.send(refusal);
      return;
    }

    this.stats.enter(endpoint);
    const requestGone = new AbortController();
    res.once("close", () => {
      this.stats.leave(endpoint);
      requestGone.abort();
    });
    const signal = AbortSignal.any([this.closing.signal, requestGone.signal]);

    const fault = endpoint === "rpc" ? this.rpcFaults.next() : this.parseFaults.next();
    if (fault.kind !== "none") {
      this.stats.recordFault(endpoint, fault.kind);
    }
    if (fault.kind === "hang") {
      // Never answer; the socket goes when the client gives up or the simulator closes.
      await waitForAbort(signal);
      exchange.destroy();
      return;
    }

    // The answer is worked out first and sent once the latency has passed since the request
    // arrived: a profile's latency is the time to answer, the server's own work included. Done
    // after the wait instead, that work (milliseconds for a page of 1,000 signatures) would be
    // added to every call, and queue behind other calls' work, making the server slower than
    // its profile says.
    const answer = this.prepare(endpoint, fault, body.text, url, id);
    const latencyMs = this.config[endpoint].latency?.nextDelayMs() ?? 0;
    const delayed = await sleep(latencyMs - (performance.now() - arrivedAt), signal);
    if (!delayed) {
      exchange.destroy();
      return;
    }
    this.deliver(exchange, endpoint, fault, answer);
  }

  private applyLimits(
    endpoint: EndpointClass,
    maxInFlight: number | undefined,
    rate: number | undefined,
    burst: number | undefined,
  ): void {
    const config = this.config[endpoint];
    config.maxInFlight = maxInFlight;
    // A bucket smaller than one token would refuse everything, hence the floor of 1.
    const size = burst ?? Math.max(1, rate ?? 1);
    config.bucket =
      rate === undefined ? undefined : new TokenBucket(rate, size, this.settings.clock);
  }

  /** The reply that turns a request away before any work, or undefined to admit it. */
  private admissionRefusal(endpoint: EndpointClass, url: URL, id: RpcId): Reply | undefined {
    if (url.searchParams.get("api-key") !== this.settings.apiKey) {
      return unauthorizedReply(endpoint, id);
    }
    if (this.forbidden) {
      return forbiddenReply(endpoint, id);
    }

    const stats = this.stats.endpoint(endpoint);
    const { maxInFlight, bucket } = this.config[endpoint];
    if (maxInFlight !== undefined && stats.inFlight >= maxInFlight) {
      stats.rejectedInFlight += 1;
      stats.rateLimited += 1;
      return rateLimitedReply();
    }
    const taken = bucket?.take();
    if (taken !== undefined && !taken.admitted) {
      stats.rejectedRate += 1;
      stats.rateLimited += 1;
      return rateLimitedReply(
        this.retryAfterHeader ? retryAfterSeconds(taken.retryAfterMs) : undefined,
      );
    }
    return undefined;
  }

  /** The reply to a request, or undefined when the fault drops the connection instead. */
  private prepare(
    endpoint: EndpointClass,
    fault: Fault,
    body: string,
    url: URL,
    id: RpcId,
  ): HandlerResult | undefined {
    if (fault.kind === "connection-reset") return undefined;
    const canned = cannedFaultReply(fault, endpoint, id);
    if (canned !== undefined) return { reply: canned, items: 0 };

    return endpoint === "rpc"
      ? handleRpc(body, fault, { store: this.store, plan: this.plan })
      : handleParse(body, url.searchParams.get("commitment"), fault, this.store);
  }

  /** Sends a prepared answer, counting what it carries (a call is billed only if answered). */
  private deliver(
    exchange: Exchange,
    endpoint: EndpointClass,
    fault: Fault,
    answer: HandlerResult | undefined,
  ): void {
    if (answer === undefined) {
      exchange.destroy();
      return;
    }

    this.stats.endpoint(endpoint).itemsReturned += answer.items;
    const call =
      endpoint === "parse"
        ? { method: PARSE_CALL, billed: answer.reply.status === 200 }
        : answer.call;
    if (call !== undefined) this.stats.recordCall(call.method, call.billed);

    if (fault.kind === "malformed-json") {
      exchange.send(corruptedReply(answer.reply));
    } else if (fault.kind === "truncated-body") {
      exchange.sendTruncated(answer.reply);
    } else {
      exchange.send(answer.reply);
    }
  }
}

function routeOf(method: string | undefined, pathname: string): EndpointClass | null {
  if (method !== "POST") {
    return null;
  }
  if (pathname === "/") {
    return "rpc";
  }
  return pathname === "/v0/transactions" ? "parse" : null;
}
