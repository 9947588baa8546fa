import { Prng } from "./prng.js";

/**
 * Time to answer for one endpoint class, counted from the request's arrival and the server's
 * own work included: `ms`, plus a seeded uniform jitter from 0 to `jitterMs`.
 */
export interface LatencySpec {
  ms: number;
  jitterMs?: number;
}

/** Produces the latency of each successive request, deterministically from its seed. */
export class LatencyModel {
  private readonly prng: Prng;

  constructor(
    private readonly spec: LatencySpec,
    seed: string,
  ) {
    this.prng = Prng.fromSeed(seed);
  }

  nextDelayMs(): number {
    const jitter = this.spec.jitterMs ?? 0;
    return this.spec.ms + (jitter > 0 ? this.prng.float() * jitter : 0);
  }
}

/** Checks a latency spec, naming the field and its range on error. */
export function checkLatencySpec(name: string, spec: LatencySpec): LatencySpec {
  if (!Number.isFinite(spec.ms) || spec.ms < 0) {
    throw new RangeError(`${name}.ms must be a number >= 0`);
  }
  if (spec.jitterMs !== undefined && (!Number.isFinite(spec.jitterMs) || spec.jitterMs < 0)) {
    throw new RangeError(`${name}.jitterMs must be a number >= 0`);
  }
  return spec;
}
