import type { Clock } from "./clock.js";

/** A request as the learner saw it leave: its place in the sending order and the time. */
export interface SentRequest {
  readonly seq: number;
  /** On the clock's scale, milliseconds. */
  readonly sentAt: number;
}

export interface RateLearnerOptions {
  clock: Clock;
  /** A pace known up front (`--rps`, `--plan`): learning may go below it, never above. */
  ceiling?: number;
  /**
   * How fast a learned pace creeps up while no 429 comes, compounded per second (default
   * 0.01: +1% a second, twice the pace in 70 s). Without it, a pace learned too low would stay
   * too low, for only a 429 tells the learner anything.
   */
  probeGrowthPerSecond?: number;
}

/** Throttle events closer than this say little about a rate; their gap is not a sample. */
const MIN_SAMPLE_MS = 200;
/**
 * A gap in which the server admitted fewer requests than this tells of a client that was
 * paused or had little to send, not of how fast the server refills (a 429 that is not about
 * a rate at all, such as a fault, looks the same); taking it as a rate would stall the run.
 */
const MIN_SAMPLE_ADMITTED = 2;
/** Weight kept by the older samples when a new one comes: recent behaviour counts most. */
const SAMPLE_DECAY = 0.5;
/** Span of the first guess, before two throttle events allow a measurement. */
const FIRST_GUESS_SPAN_MS = 1000;
/** A pace below one request a minute would look like a hang; a server that strict is broken. */
const MIN_RATE = 1 / 60;

/**
 * Learns a server's request rate from its 429s, for a rate limit the client is not told.
 *
 * A token bucket refuses a request only when it is empty, so between two refusals ("throttle
 * events") it admitted what it refilled: the requests sent in between that were not refused,
 * divided by the time between the two refusals, is the refill rate, to within one request over
 * the gap. Several gaps are pooled, the newest weighing most. Until a second event gives a
 * gap, the requests sent in the second up to the first refusal serve as a first guess (an
 * overestimate when the server's bucket started full, which the next gap corrects). Refusals
 * of requests sent before the client knew of the last event are the same burst and are not
 * events of their own. A learned pace creeps up slowly while no 429 comes, so a rate that was
 * underestimated, or that the server raised, is found again.
 */
export class RateLearner {
  readonly #clock: Clock;
  readonly #ceiling: number | undefined;
  readonly #growth: number;
  #seq = 0;
  /** Send times of the last second's requests, oldest first, for the first guess. */
  #recent: SentRequest[] = [];
  #event: { seq: number; sentAt: number; refusedSince: number } | undefined;
  #eventSeenAt = Number.NEGATIVE_INFINITY;
  #admitted = 0;
  #spanMs = 0;
  #learned: number | undefined;
  #learnedAt = 0;

  constructor(options: RateLearnerOptions) {
    this.#clock = options.clock;
    this.#ceiling = options.ceiling;
    this.#growth = options.probeGrowthPerSecond ?? 0.01;
  }

  /** The pace to keep now, requests per second; undefined while nothing calls for one. */
  rate(): number | undefined {
    if (this.#learned === undefined) return this.#ceiling;

    const seconds = Math.max(0, this.#clock.now() - this.#learnedAt) / 1000;
    const probing = this.#learned * (1 + this.#growth) ** seconds;
    return this.#ceiling === undefined ? probing : Math.min(this.#ceiling, probing);
  }

  /** The rate measured from 429s, before any probing; undefined until a 429 came. */
  get learnedRate(): number | undefined {
    return this.#learned;
  }

  /** Records a request leaving now. */
  noteSent(): SentRequest {
    this.#seq += 1;
    const sent = { seq: this.#seq, sentAt: this.#clock.now() };
    this.#recent.push(sent);
    while ((this.#recent[0]?.sentAt ?? sent.sentAt) <= sent.sentAt - FIRST_GUESS_SPAN_MS) {
      this.#recent.shift();
    }
    return sent;
  }

  /** Records a 429 for `sent`. Returns true when it changed the learned rate. */
  noteThrottled(sent: SentRequest): boolean {
    const event = this.#event;
    if (sent.sentAt <= this.#eventSeenAt) {
      // Sent before the client knew of the last event: part of the same burst.
      if (event !== undefined && sent.seq > event.seq) event.refusedSince += 1;
      return false;
    }

    this.#event = { seq: sent.seq, sentAt: sent.sentAt, refusedSince: 0 };
    this.#eventSeenAt = this.#clock.now();
    if (event === undefined) return this.#guessFirst(sent);

    const spanMs = sent.sentAt - event.sentAt;
    const admitted = Math.max(0, sent.seq - event.seq - 1 - event.refusedSince);
    if (spanMs < MIN_SAMPLE_MS || admitted < MIN_SAMPLE_ADMITTED) return false;

    this.#admitted = this.#admitted * SAMPLE_DECAY + admitted;
    this.#spanMs = this.#spanMs * SAMPLE_DECAY + spanMs;
    return this.#learn((this.#admitted * 1000) / this.#spanMs);
  }

  #guessFirst(sent: SentRequest): boolean {
    // Requests sent together reach the server in any order, so all of the last second's
    // count, not only those sent before the refused one: a guess too high is corrected by the
    // next 429, while one too low would hold the pace down with no 429 to say so.
    const since = this.#clock.now() - FIRST_GUESS_SPAN_MS;
    const others = this.#recent.filter((other) => other.sentAt > since && other.seq !== sent.seq);
    // A refusal of the first request says nothing of a rate; the next gap will.
    if (others.length === 0) return false;
    return this.#learn(others.length * (1000 / FIRST_GUESS_SPAN_MS));
  }

  #learn(rate: number): boolean {
    const bounded = this.#ceiling === undefined ? rate : Math.min(this.#ceiling, rate);
    const floored = Math.max(bounded, MIN_RATE);
    this.#learnedAt = this.#clock.now();
    const changed = floored !== this.#learned;
    this.#learned = floored;
    return changed;
  }
}
