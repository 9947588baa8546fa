import type { Logger } from "pino";
import type { GtfaPageRequest } from "../helius/client.js";
import type { GtfaPage, GtfaSignatureInfo } from "../helius/schemas/gtfa-page.js";
import { Shard } from "./shard.js";
import {
  estimateBeyondCursor,
  rampRanges,
  type SlotRange,
  type SplitTuning,
  splitRange,
  type WalkOrder,
} from "./shard-plan.js";
import { type GtfaSource, ShardScheduler } from "./shard-scheduler.js";

/** Block-time bounds in Unix seconds, both inclusive (the CLI's `--since` / `--until`). */
export interface BlockTimeWindow {
  sinceUnix?: number;
  untilUnix?: number;
}

export interface ShardedWalkOptions {
  wallet: string;
  order: WalkOrder;
  /** Add transactions that reach the wallet only through its token accounts (`balanceChanged`). */
  tokenAccounts: boolean;
  /**
   * List failed transactions too. Without it the walk asks for succeeded ones only
   * (`filters.status`), which no export without `--include-failed` misses.
   */
  listFailed: boolean;
  /** Pushed down as `filters.blockTime`. */
  timeWindow?: BlockTimeWindow;
  /** Only this slot and later ones (an incremental run's bookmark slot). */
  fromSlot?: number;
  /** Chains walking at once at most (1 to 64). */
  chains: number;
  /**
   * Cut the history into exactly this many shards once, and never split again: for tests and
   * diagnosis. When absent, shards are cut and re-cut by the density the chains meet.
   */
  shards?: number;
  /** Pages held ahead of the output (default `DEFAULT_BUFFER_PAGES`). */
  bufferPages?: number;
  tuning?: Partial<SplitTuning>;
  logger: Logger;
}

/** A sharded walk whose first page is in hand. */
export interface ShardedWalk {
  readonly order: WalkOrder;
  /** The wallet's signatures in walk order, each exactly once. Iterate it once. */
  pages(signal: AbortSignal): AsyncGenerator<GtfaSignatureInfo[]>;
  /** Requests sent (the opening pair included) and shards made; final once `pages` ended. */
  stats(): { requests: number; shards: number };
}

/** gTFA's signatures-mode page limit (facts §4). */
export const GTFA_PAGE_SIZE = 1000;

/**
 * Pages the walk may hold ahead of the output, 1,000 signatures each. The walk lists only the
 * transactions to parse (failed ones are filtered out unless they are exported), so a page is
 * ten parse calls: with 10 parse calls of 200 ms in flight, 16 pages are over three seconds of
 * parsing, far more than the time a chain takes to walk a shard of `targetPages`. More would
 * only hold more memory: 64 pages cost a 100,000-transaction export some 15 MB of peak RSS.
 */
const DEFAULT_BUFFER_PAGES = 16;

const DEFAULT_TUNING: SplitTuning = {
  pageSize: GTFA_PAGE_SIZE,
  // A chain walks a few pages alone: each shard ends with a part-filled page, so smaller
  // shards cost more requests (measured on 200,000 signatures and 16 chains: 2 pages a
  // shard took 256 requests, 4 pages 208).
  splitAbovePages: 6,
  targetPages: 4,
  maxPieces: 16,
};

/**
 * Opens a sharded getTransactionsForAddress walk: asks for the first page in walk order (no slot
 * filter) and, at the same time, for the one entry at the other end of the history, which
 * bounds the slot range to cut. Resolves once the first page is in, so a plan that refuses the
 * method fails here (MethodUnavailableError) before anything is written.
 */
export async function openShardedWalk(
  source: GtfaSource,
  options: ShardedWalkOptions,
  signal: AbortSignal,
): Promise<ShardedWalk> {
  const filters = baseFilters(options);
  const opening = new Shard({ lo: 0, hi: Number.MAX_SAFE_INTEGER }, undefined);
  const reverse = options.order === "desc" ? "asc" : "desc";
  const farEnd = source.getTransactionsForAddress(
    options.wallet,
    { sortOrder: reverse, limit: 1, filters },
    signal,
  );
  // Awaited only once the first page is in; until then its failure must not go unhandled.
  farEnd.catch(() => {});

  const first = await source.getTransactionsForAddress(
    options.wallet,
    { sortOrder: options.order, limit: GTFA_PAGE_SIZE, filters },
    signal,
  );
  opening.accept(first, options.order, options.wallet);

  let scheduler: ShardScheduler | undefined;
  let iterated = false;
  return {
    order: options.order,
    stats: () => {
      const made = scheduler?.stats() ?? { requests: 0, shards: 1 };
      return { requests: made.requests + 2, shards: made.shards };
    },
    async *pages(pageSignal) {
      if (iterated) throw new Error("a sharded walk can be iterated only once");
      iterated = true;

      const controller = new AbortController();
      const walkSignal = AbortSignal.any([pageSignal, controller.signal]);
      const shards = [opening];
      if (opening.state !== "done") planOpening(opening, await farEnd, shards, options);

      scheduler = new ShardScheduler(
        {
          source,
          wallet: options.wallet,
          order: options.order,
          filters,
          chains: options.chains,
          bufferPages: options.bufferPages ?? DEFAULT_BUFFER_PAGES,
          headPages: 4,
          adaptive: options.shards === undefined,
          tuning: { ...DEFAULT_TUNING, ...options.tuning },
          logger: options.logger,
          signal: walkSignal,
        },
        shards,
      );
      try {
        yield* scheduler.drain();
      } finally {
        controller.abort();
        await scheduler.settle();
        options.logger.debug(
          { wallet: options.wallet, ...scheduler.stats() },
          "sharded walk ended",
        );
      }
    },
  };
}

/**
 * The filters every request of the walk carries. Failed transactions are left to Helius to
 * drop unless they are wanted: a bot's wallet can hold ten failed attempts for every
 * transaction that landed, and listing them only to drop them before parsing would cost ten
 * times the calls, credits and time (getSignaturesForAddress has no such filter).
 */
function baseFilters(options: ShardedWalkOptions): NonNullable<GtfaPageRequest["filters"]> {
  const { sinceUnix, untilUnix } = options.timeWindow ?? {};
  const blockTime = {
    ...(sinceUnix === undefined ? {} : { gte: sinceUnix }),
    ...(untilUnix === undefined ? {} : { lte: untilUnix }),
  };
  return {
    ...(options.tokenAccounts ? { tokenAccounts: "balanceChanged" as const } : {}),
    ...(options.listFailed ? {} : { status: "succeeded" as const }),
    ...(Object.keys(blockTime).length === 0 ? {} : { blockTime }),
    // Shards replace it with their own range, which lies inside it: the far end came with it.
    ...(options.fromSlot === undefined ? {} : { slot: { gte: options.fromSlot } }),
  };
}

/**
 * Bounds the opening chain's range by the far end of the history, then hands what lies beyond
 * its cursor's slot to new shards: `shards - 1` equal ones for a fixed walk, or shards growing
 * along the walk at the density of the first page. The cursor's slot stays with the opening
 * chain: only its pagination token can go on inside that slot.
 */
function planOpening(
  opening: Shard,
  farEnd: GtfaPage,
  shards: Shard[],
  options: ShardedWalkOptions,
): void {
  const cursor = opening.cursor;
  const start = opening.pages[0]?.[0];
  if (cursor === undefined || start === undefined) return;

  // With no far entry (the history changed underneath), the cursor is the far end.
  const farSlot = farEnd.data[0]?.slot ?? cursor.slot;
  const desc = options.order === "desc";
  opening.range = desc
    ? { lo: Math.min(farSlot, cursor.slot), hi: start.slot + 1 }
    : { lo: start.slot, hi: Math.max(farSlot, cursor.slot) + 1 };

  const beyond = desc
    ? { lo: opening.range.lo, hi: cursor.slot }
    : { lo: cursor.slot + 1, hi: opening.range.hi };
  let rest: SlotRange[] = [];
  if (options.shards === undefined) rest = rampBeyond(beyond, opening, cursor.slot, options);
  else if (options.shards > 1) rest = splitRange(beyond, options.shards - 1, options.order);
  if (rest.length === 0) return;

  opening.range = desc
    ? { lo: cursor.slot, hi: opening.range.hi }
    : { lo: opening.range.lo, hi: cursor.slot + 1 };
  shards.push(...rest.map((range) => new Shard(range, range)));
}

/**
 * Shards for the history beyond the opening chain's cursor slot, growing along the walk, or
 * none when what is left looks short enough for the opening chain to walk alone.
 */
function rampBeyond(
  beyond: SlotRange,
  opening: Shard,
  cursorSlot: number,
  options: ShardedWalkOptions,
): SlotRange[] {
  const tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const progress = {
    range: opening.range,
    order: options.order,
    cursorSlot,
    entries: opening.entries,
  };
  const estimate = estimateBeyondCursor(progress, tuning.pageSize);
  if (estimate === undefined || estimate.pagesLeft <= tuning.splitAbovePages) return [];

  return rampRanges(beyond, options.order, {
    perSlot: estimate.perSlot,
    pageSize: tuning.pageSize,
    chains: options.chains,
    targetPages: tuning.targetPages,
    maxPieces: Math.max(tuning.maxPieces, options.chains * 4),
  });
}
