import type { FaultPlan, ParseFault, RpcFault } from "./faults.js";
import { checkLatencySpec, type LatencySpec } from "./latency.js";

/** The API key the simulator accepts unless told otherwise. */
export const DEFAULT_API_KEY = "sim-key";

/** Helius plans (facts §5); only whether gTFA is allowed differs here. */
export const SIMULATED_PLANS = ["free", "developer", "business", "professional"] as const;
export type SimulatedPlan = (typeof SIMULATED_PLANS)[number];

/** A paid plan, so every method is served unless a test asks for the free plan. */
export const DEFAULT_PLAN: SimulatedPlan = "developer";

/**
 * Admission limits per endpoint class; a missing value means no limit. A request beyond
 * `max*InFlight` or beyond the token bucket gets HTTP 429 at once.
 */
export interface LimitOptions {
  maxRpcInFlight?: number;
  maxParseInFlight?: number;
  /** Token-bucket refill rate, requests per second. */
  rpcRatePerSecond?: number;
  parseRatePerSecond?: number;
  /** Bucket size; defaults to the rate (one second's worth of requests). */
  rpcBurst?: number;
  parseBurst?: number;
  /** Send `Retry-After` (whole seconds until a token is free) on rate-limit 429s. Default true. */
  retryAfterHeader?: boolean;
}

/** Time to answer per endpoint class. Default: as fast as the server can. */
export interface LatencyOptions {
  rpc?: LatencySpec;
  parse?: LatencySpec;
}

/** Fault plans per endpoint class. Default: none. */
export interface FaultOptions {
  rpc?: FaultPlan<RpcFault>;
  parse?: FaultPlan<ParseFault>;
}

export interface SimulatorOptions {
  /** The only key accepted in `?api-key=`. Default "sim-key". */
  apiKey?: string;
  /** Answer 403 to every request with a valid key (a plan without access). Default false. */
  forbidden?: boolean;
  /**
   * The plan the key is on. "free" answers getTransactionsForAddress with a 403 (facts §4:
   * Developer plan or higher); everything else is the same on every plan. Default "developer".
   */
  plan?: SimulatedPlan;
  /** TCP port on 127.0.0.1; default 0 (an ephemeral port). */
  port?: number;
  /** Seeds jitter and random faults. Default "simulator". */
  seed?: string;
  latency?: LatencyOptions;
  limits?: LimitOptions;
  faults?: FaultOptions;
  /** Milliseconds clock for the rate limiter; inject one to test without waiting. */
  clock?: () => number;
  /** Largest request body accepted, in bytes; larger ones get 413. Default 1 MiB. */
  maxBodyBytes?: number;
}

/** Checks limit values, naming the option and its range on error. */
export function checkLimits(limits: LimitOptions): LimitOptions {
  const positiveIntegers = ["maxRpcInFlight", "maxParseInFlight"] as const;
  for (const name of positiveIntegers) {
    const value = limits[name];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 1)) {
      throw new RangeError(`${name} must be an integer >= 1`);
    }
  }
  const positiveNumbers = [
    "rpcRatePerSecond",
    "parseRatePerSecond",
    "rpcBurst",
    "parseBurst",
  ] as const;
  for (const name of positiveNumbers) {
    const value = limits[name];
    if (value !== undefined && (!Number.isFinite(value) || value <= 0)) {
      throw new RangeError(`${name} must be a number > 0`);
    }
  }
  for (const prefix of ["rpc", "parse"] as const) {
    const burst = limits[`${prefix}Burst`];
    if (burst !== undefined && burst < 1) {
      throw new RangeError(`${prefix}Burst must be >= 1 so that a request can ever pass`);
    }
  }
  return { ...limits };
}

export function checkPlan(plan: SimulatedPlan): SimulatedPlan {
  if (!(SIMULATED_PLANS as readonly string[]).includes(plan)) {
    throw new RangeError(`plan must be one of ${SIMULATED_PLANS.join(", ")}`);
  }
  return plan;
}

export function checkLatency(latency: LatencyOptions): LatencyOptions {
  return {
    ...(latency.rpc ? { rpc: checkLatencySpec("latency.rpc", latency.rpc) } : {}),
    ...(latency.parse ? { parse: checkLatencySpec("latency.parse", latency.parse) } : {}),
  };
}
