import type { Clock } from "./clock.js";

/**
 * The lane a request travels in. Signature-walk calls ("high") are the critical path: they have
 * a lane of their own, so they never queue behind parse calls ("low"), and they go first when a
 * shared pause ends.
 */
export type RequestPriority = "high" | "low";

export interface RequestGateOptions {
  /** Bound on the requests in flight in each lane (`--concurrency`). */
  maxInFlight: number;
  /**
   * A tighter bound for one lane: parse calls are also held to `--parallel-pages`. It is kept
   * here, where a slot frees as soon as an answer is in, rather than around the whole call.
   */
  laneLimits?: Partial<Record<RequestPriority, number>>;
  /** Window to start each lane from; defaults to `maxInFlight`. */
  initialWindow?: number;
  clock: Clock;
}

/** A granted slot. `release` may be called more than once; only the first call counts. */
export interface Permit {
  /** Order in which slots were granted, over both lanes, starting at 1. */
  readonly serial: number;
  readonly priority: RequestPriority;
  release(): void;
}

interface Waiter {
  grant: (permit: Permit) => void;
}

/** One lane's adaptive window and the requests waiting for it. */
interface Lane {
  /** The most the window may grow to. */
  max: number;
  window: number;
  inFlight: number;
  /** Serial of the last permit granted (in any lane) before this lane's window was last cut. */
  grantedBeforeCut: number;
  queue: Waiter[];
}

/**
 * The limiter every request passes through. Walk calls and parse calls each have a lane with
 * an adaptive window (one more slot per window's worth of successes, halved on a 429, never
 * above `maxInFlight`), because Helius limits the two API classes separately and a walk call
 * must not wait for a parse call to finish. A 429 in either lane pauses every request, not
 * just the throttled one, until the server's Retry-After (or a backoff) has passed.
 */
export class RequestGate {
  readonly #clock: Clock;
  readonly #lanes: Record<RequestPriority, Lane>;
  #pausedUntil = Number.NEGATIVE_INFINITY;
  #pauses = 0;
  #granted = 0;
  #resumeTimer: Promise<void> | undefined;
  /** Cancels the resume timer on `close`, so a pause left over never holds the process open. */
  readonly #closing = new AbortController();

  constructor(options: RequestGateOptions) {
    this.#clock = options.clock;
    const lane = (priority: RequestPriority): Lane => {
      const max = Math.min(options.maxInFlight, options.laneLimits?.[priority] ?? Infinity);
      const window = Math.min(options.initialWindow ?? max, max);
      return { max, window, inFlight: 0, grantedBeforeCut: 0, queue: [] };
    };
    this.#lanes = { high: lane("high"), low: lane("low") };
  }

  /** Requests a lane currently allows in flight. */
  windowOf(priority: RequestPriority): number {
    return Math.floor(this.#lanes[priority].window);
  }

  /** Requests in flight, both lanes together. */
  get inFlight(): number {
    return this.#lanes.high.inFlight + this.#lanes.low.inFlight;
  }

  /** How many times a 429 started or extended the shared pause. */
  get pauses(): number {
    return this.#pauses;
  }

  /** Milliseconds until a shared pause ends (0 when not paused). */
  pauseRemaining(): number {
    return Math.max(0, this.#pausedUntil - this.#clock.now());
  }

  /** Waits for a slot in the lane. Rejects with the signal's reason if it aborts first. */
  acquire(priority: RequestPriority, signal?: AbortSignal): Promise<Permit> {
    if (signal?.aborted) return Promise.reject(signal.reason);

    return new Promise<Permit>((resolve, reject) => {
      const queue = this.#lanes[priority].queue;
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

  /** A call succeeded: widen its lane by about one slot per window's worth of successes. */
  recordSuccess(permit: Permit): void {
    const lane = this.#lanes[permit.priority];
    const current = Math.max(1, Math.floor(lane.window));
    lane.window = Math.min(lane.max, lane.window + 1 / current);
    this.#pump();
  }

  /**
   * A call was throttled: halve its lane and pause everyone for `pauseMs`. Requests granted
   * before the lane's previous cut belong to the same burst and do not cut it again.
   */
  recordThrottled(permit: Permit, pauseMs: number): void {
    const lane = this.#lanes[permit.priority];
    if (permit.serial > lane.grantedBeforeCut) {
      lane.window = Math.max(1, Math.floor(lane.window / 2));
      lane.grantedBeforeCut = this.#granted;
    }
    this.#pausedUntil = Math.max(this.#pausedUntil, this.#clock.now() + pauseMs);
    this.#pauses += 1;
  }

  /**
   * Drops the timer of a pause still in force. A run that ends during a long Retry-After
   * (credits spent, interrupted) must exit now, not when the pause would have ended.
   */
  close(): void {
    this.#closing.abort();
  }

  #pump(): void {
    if (this.pauseRemaining() > 0) {
      this.#scheduleResume();
      return;
    }
    this.#grantWithin("high");
    this.#grantWithin("low");
  }

  #grantWithin(priority: RequestPriority): void {
    const lane = this.#lanes[priority];
    while (lane.inFlight < Math.floor(lane.window)) {
      const waiter = lane.queue.shift();
      if (waiter === undefined) return;
      lane.inFlight += 1;
      waiter.grant(this.#createPermit(priority, lane));
    }
  }

  #createPermit(priority: RequestPriority, lane: Lane): Permit {
    let released = false;
    this.#granted += 1;
    return {
      serial: this.#granted,
      priority,
      release: () => {
        if (released) return;
        released = true;
        lane.inFlight -= 1;
        this.#pump();
      },
    };
  }

  #scheduleResume(): void {
    if (this.#resumeTimer !== undefined || this.#closing.signal.aborted) return;
    this.#resumeTimer = this.#clock.sleep(this.pauseRemaining(), this.#closing.signal).then(
      () => {
        this.#resumeTimer = undefined;
        this.#pump();
      },
      () => {
        this.#resumeTimer = undefined; // closed: nobody is waiting for the pause to end
      },
    );
  }
}
