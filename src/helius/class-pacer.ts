import type { Clock } from "./clock.js";
import { RateLearner, type SentRequest } from "./rate-learner.js";
import { TokenBucket } from "./token-bucket.js";

export interface ClassPacerOptions {
  clock: Clock;
  /** The plan's rate for this API class (`--rps`, `--rpc-rps`, `--plan`), if known. */
  knownRate?: number;
}

/**
 * The pace of one API class (Helius limits RPC and Enhanced calls separately). A known rate
 * spaces requests exactly 1/rate apart from the first one; an unknown one is learned from the
 * server's 429s (see {@link RateLearner}), and until the first 429 nothing is paced.
 */
export class ClassPacer {
  readonly #clock: Clock;
  readonly #learner: RateLearner;
  #bucket: TokenBucket | undefined;

  constructor(options: ClassPacerOptions) {
    this.#clock = options.clock;
    this.#learner = new RateLearner({
      clock: options.clock,
      ...(options.knownRate === undefined ? {} : { ceiling: options.knownRate }),
    });
  }

  /** The pace in force, requests per second; undefined while unpaced. */
  get rate(): number | undefined {
    return this.#learner.rate();
  }

  /** Waits for this class's next turn. Call `sent` once the request is about to go. */
  async take(signal?: AbortSignal): Promise<void> {
    const rate = this.#learner.rate();
    if (rate === undefined) return;

    if (this.#bucket === undefined) {
      this.#bucket = new TokenBucket({ ratePerSecond: rate, clock: this.#clock });
    } else {
      this.#bucket.setRate(rate);
    }
    await this.#bucket.take(signal);
  }

  /** Records a request leaving now; hand the result back to `throttled` if it gets a 429. */
  sent(): SentRequest {
    return this.#learner.noteSent();
  }

  /**
   * Records a 429 for a request. Returns the newly learned rate (requests per second) when the
   * 429 changed it, for the log.
   */
  throttled(request: SentRequest): number | undefined {
    return this.#learner.noteThrottled(request) ? this.#learner.learnedRate : undefined;
  }
}
