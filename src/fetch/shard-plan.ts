/** The order a walk produces: newest first (`desc`) or oldest first (`asc`). */
export type WalkOrder = "desc" | "asc";

/**
 * A half-open slot range [lo, hi): every slot belongs to exactly one of a set of adjacent
 * ranges, so shards cut this way can neither overlap nor leave a gap, whatever the slots hold.
 */
export interface SlotRange {
  lo: number;
  hi: number;
}

/** A place in the chain: (slot, transactionIndex) orders every transaction of an address. */
export interface BlockPosition {
  slot: number;
  transactionIndex: number;
}

/**
 * Positive when `a` comes later in the walk than `b`, negative when earlier, 0 when equal.
 * Newest first, a later entry has a lower (slot, transactionIndex).
 */
export function compareInWalk(a: BlockPosition, b: BlockPosition, order: WalkOrder): number {
  const ascending = a.slot - b.slot || a.transactionIndex - b.transactionIndex;
  return order === "asc" ? ascending : 0 - ascending;
}

/** Whether a slot lies past the far end of a range, in walk order. */
export function isBeyond(slot: number, range: SlotRange, order: WalkOrder): boolean {
  return order === "desc" ? slot < range.lo : slot >= range.hi;
}

/**
 * Cuts a range into `pieces` adjacent ranges of near-equal width, listed in walk order (the
 * newest first for `desc`). Never returns an empty range: a range narrower than `pieces` slots
 * gives one range per slot.
 */
export function splitRange(range: SlotRange, pieces: number, order: WalkOrder): SlotRange[] {
  const width = range.hi - range.lo;
  if (width <= 0) return [];
  const count = Math.max(1, Math.min(pieces, width));

  const ranges: SlotRange[] = [];
  for (let piece = 0; piece < count; piece += 1) {
    const lo = range.lo + Math.floor((width * piece) / count);
    const hi = range.lo + Math.floor((width * (piece + 1)) / count);
    ranges.push({ lo, hi });
  }
  return order === "asc" ? ranges : ranges.reverse();
}

/** What a chain has seen, for estimating what is left of its range. */
export interface ChainProgress {
  range: SlotRange;
  order: WalkOrder;
  /** Slot of the last entry the chain accepted. */
  cursorSlot: number;
  /** Entries the chain accepted so far. */
  entries: number;
}

export interface SplitTuning {
  /** Entries per page (gTFA's signatures limit, 1,000). */
  pageSize: number;
  /** Split once more than this many pages seem to remain beyond the cursor. */
  splitAbovePages: number;
  /** Pages the chain keeps for itself, and the size each new shard aims at. */
  targetPages: number;
  /** Most new shards one split creates; bigger ones split again when they run. */
  maxPieces: number;
}

/** The chain's new range, and the ranges of the new shards after it, in walk order. */
export interface SplitAdvice {
  keep: SlotRange;
  rest: SlotRange[];
}

/** What a chain's density so far says of the rest of its range. */
export interface DensityEstimate {
  /** Entries per slot walked. */
  perSlot: number;
  /** Pages that density puts beyond the cursor's slot. */
  pagesLeft: number;
}

/**
 * Estimates the pages left beyond a chain's cursor from the entries per slot it has walked, or
 * undefined when nothing is left or nothing was seen to estimate from.
 */
export function estimateBeyondCursor(
  progress: ChainProgress,
  pageSize: number,
): DensityEstimate | undefined {
  const { range, order, cursorSlot, entries } = progress;
  const walked = order === "desc" ? range.hi - cursorSlot : cursorSlot - range.lo + 1;
  const remaining = order === "desc" ? cursorSlot - range.lo : range.hi - cursorSlot - 1;
  if (entries <= 0 || walked <= 0 || remaining <= 0) return undefined;

  const perSlot = entries / walked;
  return { perSlot, pagesLeft: (remaining * perSlot) / pageSize };
}

/**
 * Decides whether a chain's range is too dense for one chain. Past `splitAbovePages` left
 * beyond its cursor (`estimateBeyondCursor`), the chain keeps about `targetPages` of them and
 * the rest is cut into new shards of about `targetPages` each (at most `maxPieces`). The
 * cursor's own slot always stays with the chain: only its pagination token can continue inside
 * a slot.
 */
export function adviseSplit(progress: ChainProgress, tuning: SplitTuning): SplitAdvice | undefined {
  const { range, order, cursorSlot } = progress;
  const estimate = estimateBeyondCursor(progress, tuning.pageSize);
  if (estimate === undefined || estimate.pagesLeft <= tuning.splitAbovePages) return undefined;
  const { perSlot } = estimate;

  const keepSlots = Math.floor((tuning.targetPages * tuning.pageSize) / perSlot);
  const cut =
    order === "desc"
      ? Math.max(range.lo, cursorSlot - keepSlots)
      : Math.min(range.hi, cursorSlot + 1 + keepSlots);
  const keep = order === "desc" ? { lo: cut, hi: range.hi } : { lo: range.lo, hi: cut };
  const restRange = order === "desc" ? { lo: range.lo, hi: cut } : { lo: cut, hi: range.hi };
  const restWidth = restRange.hi - restRange.lo;
  if (restWidth <= 0) return undefined;

  const restPages = (restWidth * perSlot) / tuning.pageSize;
  const pieces = Math.min(tuning.maxPieces, Math.ceil(restPages / tuning.targetPages));
  return { keep, rest: splitRange(restRange, pieces, order) };
}

/**
 * Part of a page the ramp's shards leave unfilled. A range estimated at exactly one page holds
 * a few entries more about half the time, and those few cost the chain a second call, which
 * the output, waiting on the shards nearest it, would feel.
 */
const RAMP_SLACK = 0.2;

/**
 * Sizes of the ramp's waves, in pages, before `RAMP_SLACK`: each wave is one shard per chain.
 * Two waves of one page: the first wave's pages are all handed on within about one parse
 * call's time, and a wave of two-page shards started then would come back a walk call too late,
 * its head shard holding every later page back. The second one-page wave arrives in time, and
 * the two-page shards behind it have its length to be walked.
 */
const RAMP_WAVES = [1, 1, 2] as const;

/** How the opening cut grows its shards along the walk. */
export interface RampPlan {
  /** Entries per slot, as the first page found them. */
  perSlot: number;
  pageSize: number;
  /** Shards in each wave of the ramp: the chains that can walk them at once. */
  chains: number;
  /** The size the ramp ends at, in pages. */
  targetPages: number;
  /** Most shards to cut; the last takes whatever remains and is split as it is walked. */
  maxPieces: number;
}

/**
 * Cuts the history beyond the first page into shards that grow along the walk: waves of
 * `chains` shards sized by `RAMP_WAVES`, then shards of `targetPages`. The output needs the
 * nearest pages first and all of them soon; shards of one page come back within one call's
 * latency, all at once, so the parse calls are fed from the start instead of waiting for the
 * first chain to walk several pages alone. Farther shards can be bigger: they are walked while
 * the output works through the near ones, and fewer shards end in fewer part-filled pages.
 */
export function rampRanges(range: SlotRange, order: WalkOrder, plan: RampPlan): SlotRange[] {
  const ranges: SlotRange[] = [];
  let lo = range.lo;
  let hi = range.hi;

  while (hi > lo) {
    const piece = ranges.length;
    const wave = RAMP_WAVES[Math.floor(piece / plan.chains)];
    const pages = wave === undefined ? plan.targetPages : wave - RAMP_SLACK;
    const width = Math.max(1, Math.floor((pages * plan.pageSize) / plan.perSlot));
    const isLast = piece + 1 >= plan.maxPieces || hi - lo <= width;

    if (isLast) {
      ranges.push({ lo, hi });
      break;
    }
    if (order === "desc") {
      ranges.push({ lo: hi - width, hi });
      hi -= width;
    } else {
      ranges.push({ lo, hi: lo + width });
      lo += width;
    }
  }
  return ranges;
}
