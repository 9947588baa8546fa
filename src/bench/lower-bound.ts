/**
 * The fastest any client could export a profile's wallet from its server: the bound that a
 * benchmark run is compared with. It follows from the server's parameters alone (latencies,
 * limits) and the wallet's size, never from how fetch-swaps happens to work.
 */

/** A server-side token bucket: `ratePerSecond` refill, `burst` tokens, full at the start. */
export interface RateLimit {
  ratePerSecond: number;
  burst: number;
}

export interface BoundInput {
  /** Signatures the walk lists, newest first. */
  signatures: number;
  /**
   * Positions (0-based, in walk order) of the signatures that need parsing, ascending: the
   * failed ones are not parsed by default.
   */
  parsePositions: readonly number[];
  walkLatencyMs: number;
  parseLatencyMs: number;
  /** Parse calls the server accepts at once (429 beyond); unlimited when absent. */
  parseConcurrency?: number;
  parseRate?: RateLimit;
  walkRate?: RateLimit;
  /**
   * getTransactionsForAddress: pages over slot ranges need not wait for each other, and a null
   * token (no empty page) ends each one, so every page could end one latency in.
   */
  parallelWalk?: boolean;
}

export interface LowerBound {
  /** The bound itself, milliseconds from the first request. */
  ms: number;
  /** Walk calls: full pages of 1,000 and the empty page that proves the end. */
  walkCalls: number;
  /** When the walk's last call could end at the earliest. */
  walkMs: number;
  parseCalls: number;
  /** When the last parse call could end at the earliest. */
  parseMs: number;
  /** What the bound is set by: the walk, or the parse calls behind it. */
  limitedBy: "walk" | "parse";
}

/** `getSignaturesForAddress` returns at most 1,000 signatures a call. */
export const MAX_WALK_PAGE = 1000;
/** `POST /v0/transactions` parses at most 100 signatures a call. */
export const MAX_PARSE_BATCH = 100;

/**
 * Computes the bound with the best schedule any client could follow:
 * - the walk is a chain: page k (of 1,000 signatures, the largest allowed) can only be asked
 *   for once page k - 1 is in, and the end is known only from an empty page;
 * - a parse call of 100 signatures can start once the page holding its last signature is in;
 * - at most `parseConcurrency` parse calls run at once, and the server's token bucket admits
 *   at most `burst + rate * t` calls by time t;
 * - every call takes exactly its latency; the client spends no time at all.
 * Starting each parse call as early as these rules allow is optimal for calls of equal length,
 * so the last one's end (or the walk's, if later) is a true lower bound.
 */
export function computeLowerBound(input: BoundInput): LowerBound {
  const walkEnds = walkPageEnds(input);
  const walkMs = walkEnds.at(-1) ?? 0;

  const parseCalls = Math.ceil(input.parsePositions.length / MAX_PARSE_BATCH);
  const slots = new SlotPool(input.parseConcurrency ?? Number.POSITIVE_INFINITY);
  let parseMs = 0;

  for (let call = 0; call < parseCalls; call += 1) {
    const lastIndex = Math.min((call + 1) * MAX_PARSE_BATCH, input.parsePositions.length) - 1;
    const position = input.parsePositions[lastIndex] ?? 0;
    const releasedAt = walkEnds[Math.floor(position / MAX_WALK_PAGE)] ?? walkMs;
    const start = Math.max(releasedAt, admissionTime(call, input.parseRate), slots.freeAt());

    const end = start + input.parseLatencyMs;
    slots.occupyUntil(end);
    parseMs = Math.max(parseMs, end);
  }

  return {
    ms: Math.max(walkMs, parseMs),
    walkCalls: walkEnds.length,
    walkMs,
    parseCalls,
    parseMs,
    limitedBy: parseMs > walkMs ? "parse" : "walk",
  };
}

/** When each walk call could end at the earliest; the last one is the empty page. */
function walkPageEnds(input: BoundInput): number[] {
  const pages = Math.ceil(input.signatures / MAX_WALK_PAGE);
  const calls = input.parallelWalk === true ? Math.max(1, pages) : pages + 1;
  const ends: number[] = [];
  let previousEnd = 0;
  for (let call = 0; call < calls; call += 1) {
    const chained = input.parallelWalk === true ? 0 : previousEnd;
    const start = Math.max(chained, admissionTime(call, input.walkRate));
    previousEnd = start + input.walkLatencyMs;
    ends.push(previousEnd);
  }
  return ends;
}

/** The earliest time a bucket that starts full admits its call number `index` (0-based). */
export function admissionTime(index: number, limit: RateLimit | undefined): number {
  if (limit === undefined) return 0;
  return (Math.max(0, index + 1 - limit.burst) / limit.ratePerSecond) * 1000;
}

/** The server's parse slots: when the next one frees up. */
class SlotPool {
  readonly #size: number;
  /** End times of the calls holding slots, ascending. */
  #busyUntil: number[] = [];

  constructor(size: number) {
    this.#size = size;
  }

  freeAt(): number {
    return this.#busyUntil.length < this.#size ? 0 : (this.#busyUntil[0] ?? 0);
  }

  occupyUntil(end: number): void {
    if (this.#busyUntil.length >= this.#size) this.#busyUntil.shift();
    const index = this.#busyUntil.findIndex((other) => other > end);
    this.#busyUntil.splice(index < 0 ? this.#busyUntil.length : index, 0, end);
  }
}
