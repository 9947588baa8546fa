/** Outcome of asking a {@link TokenBucket} for one request. */
export type TakeResult = { admitted: true } | { admitted: false; retryAfterMs: number };

/**
 * A token bucket: it holds up to `burst` tokens, refills at `ratePerSecond`, and each request
 * takes one. Time comes from `now` (milliseconds) so tests can drive it without waiting.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    private readonly now: () => number,
  ) {
    this.tokens = burst;
    this.updatedAt = now();
  }

  take(): TakeResult {
    const now = this.now();
    const elapsedSeconds = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.burst, this.tokens + elapsedSeconds * this.ratePerSecond);
    this.updatedAt = now;

    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { admitted: true };
    }
    return { admitted: false, retryAfterMs: ((1 - this.tokens) / this.ratePerSecond) * 1000 };
  }
}

/** The `Retry-After` value for a wait: whole seconds, rounded up, at least 1. */
export function retryAfterSeconds(waitMs: number): number {
  return Math.max(1, Math.ceil(waitMs / 1000));
}
