import { CREDITS_PER_CALL } from "./credits.js";

/** The two endpoint classes the simulator serves, each with its own limits, latency and faults. */
export type EndpointClass = "rpc" | "parse";

/** Counters for one endpoint class. */
export interface EndpointStats {
  /** Requests routed to this class, whatever their outcome. */
  requests: number;
  /** Responses by HTTP status code (a reset or hung request has none). */
  statuses: Record<string, number>;
  /** 429s sent because of `maxInFlight` or the rate limit (injected 429s are faults). */
  rateLimited: number;
  rejectedInFlight: number;
  rejectedRate: number;
  /** Faults injected, in total and by kind. */
  faults: number;
  faultsByKind: Record<string, number>;
  /** Requests admitted and not yet answered (including hung ones). */
  inFlight: number;
  maxInFlight: number;
  /** Signatures returned by `getSignaturesForAddress`, or transactions by the parse endpoint. */
  itemsReturned: number;
}

/** Calls of one method (or of the parse endpoint) that reached its handler. */
export interface MethodStats {
  calls: number;
  /** Calls answered with a result, each billed at the method's credit price. */
  billed: number;
  credits: number;
}

export interface SimulatorStats {
  /** Every HTTP request received, including 404s. */
  totalRequests: number;
  notFound: number;
  /** Credits the answered calls would cost on Helius (see `CREDITS_PER_CALL`). */
  credits: number;
  /** By JSON-RPC method name, and "POST /v0/transactions" for the parse endpoint. */
  methods: Record<string, MethodStats>;
  rpc: EndpointStats;
  parse: EndpointStats;
}

function emptyEndpointStats(inFlight = 0): EndpointStats {
  return {
    requests: 0,
    statuses: {},
    rateLimited: 0,
    rejectedInFlight: 0,
    rejectedRate: 0,
    faults: 0,
    faultsByKind: {},
    inFlight,
    maxInFlight: inFlight,
    itemsReturned: 0,
  };
}

/** Mutable counters behind `stats()` and `resetStats()`. */
export class StatsRecorder {
  private current: SimulatorStats = {
    totalRequests: 0,
    notFound: 0,
    credits: 0,
    methods: {},
    rpc: emptyEndpointStats(),
    parse: emptyEndpointStats(),
  };

  get totals(): SimulatorStats {
    return this.current;
  }

  endpoint(endpoint: EndpointClass): EndpointStats {
    return this.current[endpoint];
  }

  recordStatus(endpoint: EndpointClass | null, status: number): void {
    if (endpoint === null) {
      return;
    }
    const statuses = this.current[endpoint].statuses;
    statuses[status] = (statuses[status] ?? 0) + 1;
  }

  recordFault(endpoint: EndpointClass, kind: string): void {
    const stats = this.current[endpoint];
    stats.faults += 1;
    stats.faultsByKind[kind] = (stats.faultsByKind[kind] ?? 0) + 1;
  }

  /** A call reached its handler; `billed` when it was answered with a result. */
  recordCall(method: string, billed: boolean): void {
    const stats = this.current.methods[method] ?? { calls: 0, billed: 0, credits: 0 };
    this.current.methods[method] = stats;
    stats.calls += 1;
    if (!billed) return;
    const credits = CREDITS_PER_CALL[method] ?? 0;
    stats.billed += 1;
    stats.credits += credits;
    this.current.credits += credits;
  }

  enter(endpoint: EndpointClass): void {
    const stats = this.current[endpoint];
    stats.inFlight += 1;
    stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
  }

  leave(endpoint: EndpointClass): void {
    this.current[endpoint].inFlight -= 1;
  }

  /** A deep copy, safe to keep and compare. */
  snapshot(): SimulatorStats {
    return structuredClone(this.current);
  }

  /** Zeroes every counter but keeps requests still in flight counted as in flight. */
  reset(): void {
    this.current = {
      totalRequests: 0,
      notFound: 0,
      credits: 0,
      methods: {},
      rpc: emptyEndpointStats(this.current.rpc.inFlight),
      parse: emptyEndpointStats(this.current.parse.inFlight),
    };
  }
}
