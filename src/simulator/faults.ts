import { Prng } from "./prng.js";

/** Faults both endpoint classes can suffer. */
export type CommonFault =
  /** Passes: the request is served normally (useful in a scripted queue). */
  | { kind: "none" }
  /** An error status with a realistic body; a 429 may carry `Retry-After` (seconds). */
  | { kind: "status"; status: 429 | 500 | 502 | 503 | 504; retryAfterSeconds?: number }
  /** The socket is destroyed before any response byte. */
  | { kind: "connection-reset" }
  /** No response at all, until the client gives up or the simulator closes. */
  | { kind: "hang" }
  /** HTTP 200 with a complete body that is not valid JSON. */
  | { kind: "malformed-json" }
  /** The full Content-Length is declared, half the body is sent, then the socket is destroyed. */
  | { kind: "truncated-body" }
  /** Valid JSON of the wrong shape: a missing field or a wrong type, or a wrong container. */
  | { kind: "bad-schema" }
  /**
   * Helius's credits-exhausted answer.
   * `status` 429 (default) or 200; `body` JSON (default) or plain text.
   */
  | { kind: "credits-exhausted"; status?: 200 | 429; body?: "json" | "text" }
  | { kind: "unauthorized" }
  | { kind: "forbidden" };

/** Faults of `getSignaturesForAddress`. */
export type RpcFault =
  | CommonFault
  /** A page shorter than `limit` (but not empty) although older signatures exist. */
  | { kind: "short-page" }
  /** The page starts with a signature the previous page already returned (the `before` cursor). */
  | { kind: "repeat-signature" };

/** Faults of the parse endpoint. */
export type ParseFault =
  | CommonFault
  /** Leaves `count` of the known requested transactions out of the answer. */
  | { kind: "omit-transactions"; count: number };

export type Fault = RpcFault | ParseFault;
export type FaultKind = Fault["kind"];

/**
 * What happens to successive requests of one endpoint class: first the `script`, one fault per
 * request in order, then a seeded random mix where each request draws a fault with
 * `probability`, choosing uniformly among `kinds`.
 */
export interface FaultPlan<F extends Fault = Fault> {
  script?: readonly F[];
  random?: { probability: number; kinds: readonly F[] };
}

/** Hands out the fault for each admitted request of one endpoint class. */
export class FaultSource<F extends Fault> {
  private readonly script: F[];
  private readonly prng: Prng;

  constructor(
    private readonly plan: FaultPlan<F>,
    seed: string,
  ) {
    checkFaultPlan(plan);
    this.script = [...(plan.script ?? [])];
    this.prng = Prng.fromSeed(seed);
  }

  /** The fault for the next request; `{kind: "none"}` when it should be served normally. */
  next(): F | { kind: "none" } {
    const scripted = this.script.shift();
    if (scripted !== undefined) {
      return scripted;
    }

    const random = this.plan.random;
    if (
      random === undefined ||
      random.kinds.length === 0 ||
      !this.prng.chance(random.probability)
    ) {
      return { kind: "none" };
    }
    return this.prng.pick(random.kinds);
  }

  /** Scripted faults not yet used. */
  get pending(): number {
    return this.script.length;
  }
}

function checkFaultPlan(plan: FaultPlan): void {
  const probability = plan.random?.probability;
  if (
    probability !== undefined &&
    (!Number.isFinite(probability) || probability < 0 || probability > 1)
  ) {
    throw new RangeError("fault plan random.probability must be a number from 0 to 1");
  }
  for (const fault of [...(plan.script ?? []), ...(plan.random?.kinds ?? [])]) {
    if (
      fault.kind === "omit-transactions" &&
      (!Number.isSafeInteger(fault.count) || fault.count < 1)
    ) {
      throw new RangeError("omit-transactions count must be an integer >= 1");
    }
  }
}
