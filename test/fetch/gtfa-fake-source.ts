import type { GtfaPageRequest, GtfaRange } from "../../src/helius/client.js";
import type { GtfaPage, GtfaSignatureInfo } from "../../src/helius/schemas/gtfa-page.js";

/** How the fake departs from the documented behaviour, to test the walk's guards. */
export interface FakeQuirks {
  /** The entry at the token comes back first, as if the token were inclusive. */
  inclusiveToken?: boolean;
  /** Slot filters are ignored. */
  ignoreSlotFilter?: boolean;
  /** Every page after the first repeats the request's own token with no data. */
  stuckToken?: boolean;
  /** A full page always carries a token, even when nothing follows. */
  lazyEnd?: boolean;
}

/** Builds entries newest first from per-slot counts, e.g. `{ 100: 3, 90: 1 }`. */
export function historyOf(counts: Record<number, number>, failedEvery = 0): GtfaSignatureInfo[] {
  const entries: GtfaSignatureInfo[] = [];
  let serial = 0;
  const slots = Object.keys(counts)
    .map(Number)
    .sort((a, b) => b - a);
  for (const slot of slots) {
    for (let member = (counts[slot] ?? 0) - 1; member >= 0; member -= 1) {
      serial += 1;
      const failed = failedEvery > 0 && serial % failedEvery === 0;
      entries.push({
        signature: `s${slot}-${member}`,
        slot,
        transactionIndex: member * 3 + 1,
        err: failed ? { InstructionError: [0, "Custom"] } : null,
        blockTime: 1_700_000_000 + Math.floor(slot / 2),
      });
    }
  }
  return entries;
}

/**
 * An in-memory getTransactionsForAddress over a fixed history (newest first), with the
 * documented semantics: (slot, transactionIndex) order both ways, "slot:index" tokens, slot,
 * block-time and status filters. It records requests and the most requests in flight at once.
 */
export class FakeGtfaSource {
  readonly requests: GtfaPageRequest[] = [];
  inFlight = 0;
  maxInFlight = 0;
  /** Requests in flight when each request was sent, itself included. */
  readonly inFlightAtSend: number[] = [];
  /** When set, each call waits for this before answering (tests hold the chains back). */
  gate: Promise<void> | undefined;
  /** When set, the next call fails with it. */
  failNext: Error | undefined;

  constructor(
    private readonly history: readonly GtfaSignatureInfo[],
    private readonly quirks: FakeQuirks = {},
  ) {}

  async getTransactionsForAddress(
    _wallet: string,
    request: GtfaPageRequest,
    signal: AbortSignal,
  ): Promise<GtfaPage> {
    this.requests.push(request);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    this.inFlightAtSend.push(this.inFlight);
    try {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (this.gate !== undefined) await this.gate;
      signal.throwIfAborted();
      const failure = this.failNext;
      if (failure !== undefined) {
        this.failNext = undefined;
        throw failure;
      }
      return this.answer(request);
    } finally {
      this.inFlight -= 1;
    }
  }

  private answer(request: GtfaPageRequest): GtfaPage {
    const { filters = {} } = request;
    if (this.quirks.stuckToken && request.paginationToken !== undefined) {
      return { data: [], paginationToken: request.paginationToken };
    }

    const ordered = request.sortOrder === "desc" ? this.history : [...this.history].reverse();
    const matching = ordered.filter(
      (entry) =>
        (this.quirks.ignoreSlotFilter || within(entry.slot, filters.slot)) &&
        within(entry.blockTime ?? 0, filters.blockTime) &&
        (filters.status !== "succeeded" || entry.err === null),
    );

    let start = 0;
    if (request.paginationToken !== undefined) {
      const [slot, index] = request.paginationToken.split(":").map(Number) as [number, number];
      const position = matching.findIndex(
        (entry) => entry.slot === slot && entry.transactionIndex === index,
      );
      start = this.quirks.inclusiveToken ? position : position + 1;
    }
    const data = matching.slice(start, start + request.limit);
    const last = data.at(-1);
    const more = start + request.limit < matching.length;
    const full = data.length === request.limit;
    const token =
      last !== undefined && (more || (this.quirks.lazyEnd === true && full))
        ? `${last.slot}:${last.transactionIndex}`
        : null;
    return { data, paginationToken: token };
  }
}

function within(value: number, range: GtfaRange | undefined): boolean {
  if (range === undefined) return true;
  if (range.gte !== undefined && value < range.gte) return false;
  if (range.gt !== undefined && value <= range.gt) return false;
  if (range.lte !== undefined && value > range.lte) return false;
  return range.lt === undefined || value < range.lt;
}
