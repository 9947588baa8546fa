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

/**
 * Decides whether a chain's range is too dense for one chain. The density it has seen so far
 * (entries per slot walked) estimates the pages left beyond its cursor; past `splitAbovePages`
 * the chain keeps about `targetPages` of them and the rest is cut into new shards of about
 * `targetPages` each (at most `maxPieces`). The cursor's own slot always stays with the chain:
 * only its pagination token can continue inside a slot.
 */
export function adviseSplit(progress: ChainProgress, tuning: SplitTuning): SplitAdvice | undefined {
  const { range, order, cursorSlot, entries } = progress;
  const walked = order === "desc" ? range.hi - cursorSlot : cursorSlot - range.lo + 1;
  const remaining = order === "desc" ? cursorSlot - range.lo : range.hi - cursorSlot - 1;
  if (entries <= 0 || walked <= 0 || remaining <= 0) return undefined;

  const perSlot = entries / walked;
  if ((remaining * perSlot) / tuning.pageSize <= tuning.splitAbovePages) return undefined;

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
