import type { Logger } from "pino";
import type { GtfaPageRequest } from "../helius/client.js";
import type { GtfaPage, GtfaSignatureInfo } from "../helius/schemas/gtfa-page.js";
import { Shard } from "./shard.js";
import { adviseSplit, compareInWalk, type SplitTuning, type WalkOrder } from "./shard-plan.js";
import { ShardedWalkError } from "./sharded-walk-error.js";

/** The part of the Helius client a sharded walk needs. */
export interface GtfaSource {
  getTransactionsForAddress(
    wallet: string,
    page: GtfaPageRequest,
    signal: AbortSignal,
  ): Promise<GtfaPage>;
}

export interface SchedulerSettings {
  source: GtfaSource;
  wallet: string;
  order: WalkOrder;
  /** Filters every request carries (status, block time, token accounts). */
  filters: NonNullable<GtfaPageRequest["filters"]>;
  /**
   * Chains walking at once at most; the head shard may start beyond it. A chain waiting for
   * room does not count: it sends nothing, and the shards it would hold back are the ones the
   * output needs sooner (split pieces sit nearer the head than the chains already running).
   */
  chains: number;
  /**
   * Pages held for the output before a chain ahead of it waits, counting the shards from the
   * head up to the chain's own (so the shards nearest the output go first); all shards together
   * hold at most twice this.
   */
  bufferPages: number;
  /** Pages the head shard may hold before its chain waits for the output. */
  headPages: number;
  /** Split dense shards as they are walked; off for a fixed set of shards. */
  adaptive: boolean;
  tuning: SplitTuning;
  logger: Logger;
  signal: AbortSignal;
}

/**
 * Runs the chains of a sharded walk and hands their pages out in walk order. Shards sit in walk
 * order and cover adjacent half-open slot ranges, so the merge of their sorted chains is a
 * hand-off: all of the head shard, then the next. Chains start earliest shard first, at most
 * `chains` walking at a time. A chain ahead of the output stops while `bufferPages` pages wait
 * between the head and its own shard: pages far ahead never starve the shards the output needs
 * next, and memory follows the window, not the history. The head shard always runs, so the
 * output never waits on a chain that is itself waiting for room.
 */
export class ShardScheduler {
  readonly #settings: SchedulerSettings;
  readonly #shards: Shard[];
  readonly #tasks = new Set<Promise<void>>();
  #head = 0;
  #running = 0;
  /** Running chains waiting for room, not walking. */
  #waiting = 0;
  #buffered = 0;
  #requests = 0;
  #failure: { error: unknown } | undefined;
  #wakers: Array<() => void> = [];
  #last: GtfaSignatureInfo | undefined;

  constructor(settings: SchedulerSettings, shards: Shard[]) {
    this.#settings = settings;
    this.#shards = shards;
    this.#buffered = shards.reduce((sum, shard) => sum + shard.pages.length, 0);
    settings.signal.addEventListener("abort", () => this.#wake(), { once: true });
  }

  /** Requests sent by the chains, and shards made (splits included). */
  stats(): { requests: number; shards: number } {
    return { requests: this.#requests, shards: this.#shards.length };
  }

  /** Pages in walk order until every shard is done; throws a chain's failure. */
  async *drain(): AsyncGenerator<GtfaSignatureInfo[]> {
    for (;;) {
      if (this.#failure !== undefined) throw this.#failure.error;
      this.#settings.signal.throwIfAborted();
      const head = this.#shards[this.#head];
      if (head === undefined) return;

      const page = head.pages.shift();
      if (page !== undefined) {
        this.#buffered -= 1;
        this.#checkFollows(page);
        this.#wake();
        yield page;
        continue;
      }
      if (head.state === "done") {
        this.#head += 1;
        this.#pump();
        continue;
      }
      this.#pump();
      await this.#changed();
    }
  }

  /** Waits for every chain to end (after an abort, they end at their next await). */
  async settle(): Promise<void> {
    this.#wake();
    await Promise.allSettled([...this.#tasks]);
  }

  /** Starts pending shards, earliest first, while there is room. */
  #pump(): void {
    const { chains } = this.#settings;
    let before = 0;
    for (let index = this.#head; index < this.#shards.length; index += 1) {
      const shard = this.#shards[index] as Shard;
      before += shard.pages.length;
      if (shard.state !== "pending") continue;
      const isHead = index === this.#head;
      const walking = this.#running - this.#waiting;
      if (!isHead && (walking >= chains || !this.#hasRoom(before))) return;
      this.#start(shard);
    }
  }

  /** Room for one more page with `before` pages waiting from the head up to the shard. */
  #hasRoom(before: number): boolean {
    const { bufferPages } = this.#settings;
    return before < bufferPages && this.#buffered < bufferPages * 2;
  }

  /** Pages waiting in the shards from the head up to and including `shard`. */
  #pagesUpTo(shard: Shard): number {
    let pages = 0;
    for (let index = this.#head; index < this.#shards.length; index += 1) {
      const current = this.#shards[index] as Shard;
      pages += current.pages.length;
      if (current === shard) break;
    }
    return pages;
  }

  #start(shard: Shard): void {
    shard.state = "running";
    this.#running += 1;
    const task = this.#runChain(shard)
      .catch((error: unknown) => {
        this.#failure ??= { error };
      })
      .finally(() => {
        this.#running -= 1;
        this.#tasks.delete(task);
        if (this.#failure === undefined) this.#pump();
        this.#wake();
      });
    this.#tasks.add(task);
  }

  async #runChain(shard: Shard): Promise<void> {
    const { source, wallet, order, signal } = this.#settings;
    while (!shard.done) {
      await this.#roomFor(shard);
      this.#requests += 1;
      const page = await source.getTransactionsForAddress(wallet, this.#request(shard), signal);
      if (this.#failure !== undefined) return;

      if (shard.accept(page, order, wallet)) this.#buffered += 1;
      if (this.#settings.adaptive && !shard.done) this.#splitIfDense(shard);
      this.#wake();
    }
  }

  #request(shard: Shard): GtfaPageRequest {
    const { filters, order, tuning } = this.#settings;
    const slot =
      shard.filter === undefined ? {} : { slot: { gte: shard.filter.lo, lt: shard.filter.hi } };
    return {
      sortOrder: order,
      limit: tuning.pageSize,
      ...(shard.token === undefined ? {} : { paginationToken: shard.token }),
      filters: { ...filters, ...slot },
    };
  }

  /** The head waits only for the output to take its pages; the others also for the budget. */
  async #roomFor(shard: Shard): Promise<void> {
    const { headPages, signal } = this.#settings;
    for (;;) {
      signal.throwIfAborted();
      const isHead = this.#shards[this.#head] === shard;
      if (isHead ? shard.pages.length < headPages : this.#hasRoom(this.#pagesUpTo(shard))) return;

      this.#waiting += 1;
      try {
        this.#pump();
        await this.#changed();
      } finally {
        this.#waiting -= 1;
      }
    }
  }

  /** Cuts off what looks like more than the chain should walk alone, as new shards after it. */
  #splitIfDense(shard: Shard): void {
    const cursor = shard.cursor;
    if (cursor === undefined) return;
    const advice = adviseSplit(
      {
        range: shard.range,
        order: this.#settings.order,
        cursorSlot: cursor.slot,
        entries: shard.entries,
      },
      this.#settings.tuning,
    );
    if (advice === undefined) return;

    shard.range = advice.keep;
    const added = advice.rest.map((range) => new Shard(range, range));
    this.#shards.splice(this.#shards.indexOf(shard) + 1, 0, ...added);
    this.#settings.logger.debug(
      { wallet: this.#settings.wallet, kept: advice.keep, added: added.length },
      "split a dense shard",
    );
    this.#pump();
  }

  /** Guards the promise of exactly once: every page starts after the last one handed out. */
  #checkFollows(page: GtfaSignatureInfo[]): void {
    const first = page[0];
    const last = this.#last;
    if (first !== undefined && last !== undefined) {
      if (compareInWalk(first, last, this.#settings.order) <= 0) {
        throw new ShardedWalkError(
          this.#settings.wallet,
          `shards overlap: ${first.signature} does not follow ${last.signature}`,
        );
      }
    }
    this.#last = page.at(-1) ?? last;
  }

  #changed(): Promise<void> {
    return new Promise((resolve) => this.#wakers.push(resolve));
  }

  #wake(): void {
    const wakers = this.#wakers;
    this.#wakers = [];
    for (const wake of wakers) wake();
  }
}
