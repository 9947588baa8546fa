/**
 * How a failed attempt is treated. `throttled` pauses the whole client; `transient` retries just
 * the one request; the `fatal` kinds end the run at once.
 */
export type FailureKind = "throttled" | "transient" | "rejected-key" | "credits" | "fatal";

export interface RetryPolicyOptions {
  /** Retries after the first attempt (`--max-retries`). */
  maxRetries: number;
  /** First backoff ceiling; doubles with every attempt. */
  baseDelayMs: number;
  /** Upper bound on any single backoff, and on a server's Retry-After. */
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicyOptions = {
  maxRetries: 6,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
};

/** Statuses worth another attempt: throttling, and the gateway or server being unwell. */
const TRANSIENT_STATUSES = new Set([408, 500, 502, 503, 504]);

export function classifyStatus(status: number): FailureKind | undefined {
  if (status === 429) return "throttled";
  if (status === 401 || status === 403) return "rejected-key";
  if (TRANSIENT_STATUSES.has(status)) return "transient";
  if (status >= 200 && status < 300) return undefined;
  return "fatal";
}

export function isRetryable(kind: FailureKind): boolean {
  return kind === "throttled" || kind === "transient";
}

/**
 * Delay before retry number `attempt` (1 for the first retry): the server's Retry-After when it
 * sent one, else exponential backoff with full jitter (a uniform draw below the ceiling), which
 * spreads a crowd of clients apart instead of having them retry in lock step.
 */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicyOptions,
  random: () => number,
  retryAfterMs?: number,
): number {
  if (retryAfterMs !== undefined) return Math.min(retryAfterMs, policy.maxDelayMs);

  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Reads a Retry-After header: delta-seconds or an HTTP date. Undefined when absent or bad. */
export function parseRetryAfter(value: string | undefined, nowMs = Date.now()): number | undefined {
  if (value === undefined || value.trim() === "") return undefined;

  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;

  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
