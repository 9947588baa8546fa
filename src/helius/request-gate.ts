import type { Clock } from "./clock.js";

/** Signature-walk requests are the critical path, so they never queue behind parse requests. */
export type RequestPriority = "high" | "low";

export interface RequestGateOptions {
  /** Hard bound on requests in flight (`--concurrency`). */
  maxInFlight: number;
  /** Window to start from; defaults to `maxInFlight`. */
  initialWindow?: number;
  clock: Clock;
}

/** A granted slot. `release` must be called exactly once, whatever the request's outcome. */
export interface Permit {
  /** Order in which slots were granted, starting at 1. */
  readonly serial: number;
  release(): void;
}

interface Waiter {
  grant: (permit: Permit) => void;
}

/**
 * The shared limiter every request passes through. It bounds requests in flight by an adaptive
 * window (additive increase while calls succeed, halved on a 429, never above `maxInFlight`),
 * serves high-priority waiters first, and pauses every request, not just the throttled one,
 * until a server's Retry-After (or a backoff) has passed.
 */
export class RequestGate {
  readonly #clock: Clock;
  readonly #maxInFlight: number;
  #window: number;
  #inFlight = 0;
  #pausedUntil = Number.NEGATIVE_INFINITY;
  #granted = 0;
  /** Serial of the last permit granted before the window was last cut. */
  #grantedBeforeCut = 0;
  #resumeTimer: Promise<void> | undefined;
  readonly #queues: Record<RequestPriority, Waiter[]> = { high: [], low: [] };

  constructor(options: RequestGateOptions) {
    this.#clock = options.clock;
    this.#maxInFlight = options.maxInFlight;
    this.#window = Math.min(options.initialWindow ?? options.maxInFlight, options.maxInFlight);
  }

  /** Requests currently allowed in flight. */
  get window(): number {
    return Math.floor(this.#window);
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Milliseconds until a shared pause ends (0 when not paused). */
  pauseRemaining(): number {
    return Math.max(0, this.#pausedUntil - this.#clock.now());
  }

  /** Waits for a slot. Rejects with the signal's reason if it aborts while waiting. */
  acquire(priority: RequestPriority, signal?: AbortSignal): Promise<Permit> {
    if (signal?.aborted) return Promise.reject(signal.reason);

    return new Promise<Permit>((resolve, reject) => {
      const queue = this.#queues[priority];
      const onAbort = () => {
        const index = queue.indexOf(waiter);
        if (index >= 0) queue.splice(index, 1);
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        grant: (permit) => {
          signal?.removeEventListener("abort", onAbort);
          resolve(permit);
        },
      };
      queue.push(waiter);
      signal?.addEventListener("abort", onAbort, { once: true });
      this.#pump();
    });
  }

  /** Waits until no shared pause is in force (a 429 may arrive while a request was queued). */
  async whilePaused(signal?: AbortSignal): Promise<void> {
    for (let remaining = this.pauseRemaining(); remaining > 0; ) {
      await this.#clock.sleep(remaining, signal);
      remaining = this.pauseRemaining();
    }
  }

  /** A call succeeded: widen the window by about one slot per window's worth of successes. */
  recordSuccess(): void {
    const current = Math.max(1, Math.floor(this.#window));
    this.#window = Math.min(this.#maxInFlight, this.#window + 1 / current);
    this.#pump();
  }

  /**
   * A call was throttled: halve the window and pause everyone for `pauseMs`. Requests that were
   * granted before the previous cut belong to the same burst and do not cut the window again.
   */
  recordThrottled(permit: Permit, pauseMs: number): void {
    if (permit.serial > this.#grantedBeforeCut) {
      this.#window = Math.max(1, Math.floor(this.#window / 2));
      this.#grantedBeforeCut = this.#granted;
    }
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#clock.now() + pauseMs);
  }

  #pump(): void {
    if (this.pauseRemaining() > 0) {
      this.#scheduleResume();
      return;
    }

    while (this.#inFlight < Math.floor(this.#window)) {
      const waiter = this.#queues.high.shift() ?? this.#queues.low.shift();
      if (waiter === undefined) return;
      this.#inFlight += 1;
      waiter.grant(this.#createPermit());
    }
  }

  #createPermit(): Permit {
    let released = false;
    this.#granted += 1;
    return {
      serial: this.#granted,
      release: () => {
        if (released) return;
        released = true;
        this.#inFlight -= 1;
        this.#pump();
      },
    };
  }

  #scheduleResume(): void {
    if (this.#resumeTimer !== undefined) return;
    this.#resumeTimer = this.#clock.sleep(this.pauseRemaining()).then(() => {
      this.#resumeTimer = undefined;
      this.#pump();
    });
  }
}
