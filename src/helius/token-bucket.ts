import type { Clock } from "./clock.js";

export interface TokenBucketOptions {
  /** Requests allowed per second. */
  ratePerSecond: number;
  /**
   * Requests that may go back to back after a quiet spell. 1 (the default) spaces every request
   * by exactly 1/rate, which a server's own bucket of any size accepts without a 429.
   */
  burst?: number;
  clock: Clock;
}

/**
 * Paces requests to a plan's rate limit. It keeps the time at which the next request may go
 * (a virtual schedule, as in GCRA), so waiting callers are served in order and never bunch up.
 */
export class TokenBucket {
  readonly #clock: Clock;
  #intervalMs: number;
  #burst: number;
  /** Theoretical arrival time: when the schedule would be idle again, on the clock's scale. */
  #idleAt = Number.NEGATIVE_INFINITY;

  constructor(options: TokenBucketOptions) {
    this.#clock = options.clock;
    this.#intervalMs = 1000 / options.ratePerSecond;
    this.#burst = options.burst ?? 1;
  }

  get ratePerSecond(): number {
    return 1000 / this.#intervalMs;
  }

  /** Changes the pace for requests not yet scheduled (used when a server's rate is learned). */
  setRate(ratePerSecond: number): void {
    this.#intervalMs = 1000 / ratePerSecond;
  }

  /** Waits until a request may be sent, reserving its slot in the schedule. */
  async take(signal?: AbortSignal): Promise<void> {
    const now = this.#clock.now();
    const idleAt = Math.max(this.#idleAt, now);
    const burstSlackMs = (this.#burst - 1) * this.#intervalMs;
    const sendAt = Math.max(now, idleAt - burstSlackMs);
    this.#idleAt = idleAt + this.#intervalMs;

    const waitMs = sendAt - now;
    if (waitMs > 0) await this.#clock.sleep(waitMs, signal);
  }
}
