import { describe, expect, it } from "vitest";
import {
  adviseSplit,
  compareInWalk,
  isBeyond,
  rampRanges,
  type SlotRange,
  type SplitTuning,
  splitRange,
} from "../../src/fetch/shard-plan.js";

const tuning: SplitTuning = { pageSize: 1000, splitAbovePages: 3, targetPages: 2, maxPieces: 16 };

describe("splitRange", () => {
  it("cuts into adjacent half-open ranges that cover the range exactly, newest first", () => {
    expect(splitRange({ lo: 100, hi: 110 }, 3, "desc")).toEqual([
      { lo: 106, hi: 110 },
      { lo: 103, hi: 106 },
      { lo: 100, hi: 103 },
    ]);
    expect(splitRange({ lo: 100, hi: 110 }, 3, "asc")).toEqual([
      { lo: 100, hi: 103 },
      { lo: 103, hi: 106 },
      { lo: 106, hi: 110 },
    ]);
  });

  it("never makes an empty range: one slot each when the range is narrow", () => {
    expect(splitRange({ lo: 5, hi: 7 }, 10, "asc")).toEqual([
      { lo: 5, hi: 6 },
      { lo: 6, hi: 7 },
    ]);
    expect(splitRange({ lo: 5, hi: 5 }, 3, "desc")).toEqual([]);
    expect(splitRange({ lo: 5, hi: 9 }, 0, "desc")).toEqual([{ lo: 5, hi: 9 }]);
  });
});

describe("walk order", () => {
  it("orders by slot, then transactionIndex, reversed newest first", () => {
    const a = { slot: 10, transactionIndex: 2 };
    const b = { slot: 10, transactionIndex: 5 };
    expect(compareInWalk(b, a, "asc")).toBeGreaterThan(0);
    expect(compareInWalk(b, a, "desc")).toBeLessThan(0);
    expect(compareInWalk(a, { slot: 9, transactionIndex: 900 }, "desc")).toBeLessThan(0);
    expect(compareInWalk(a, a, "desc")).toBe(0);
  });

  it("puts a slot beyond a range by its far end only", () => {
    expect(isBeyond(99, { lo: 100, hi: 200 }, "desc")).toBe(true);
    expect(isBeyond(100, { lo: 100, hi: 200 }, "desc")).toBe(false);
    expect(isBeyond(200, { lo: 100, hi: 200 }, "asc")).toBe(true);
    expect(isBeyond(199, { lo: 100, hi: 200 }, "asc")).toBe(false);
  });
});

describe("adviseSplit", () => {
  it("leaves a chain alone when little seems to remain", () => {
    // 1,000 entries over 1,000 slots; 3,000 slots left is 3 pages: not more than 3.
    const progress = {
      range: { lo: 0, hi: 4000 },
      order: "desc" as const,
      cursorSlot: 3000,
      entries: 1000,
    };
    expect(adviseSplit(progress, tuning)).toBeUndefined();
  });

  it("keeps about targetPages for the chain and cuts the rest into adjacent shards", () => {
    // 1 entry per slot; 20,000 slots left beyond the cursor is 20 pages.
    const advice = adviseSplit(
      { range: { lo: 0, hi: 21_000 }, order: "desc", cursorSlot: 20_000, entries: 1000 },
      tuning,
    );
    expect(advice?.keep).toEqual({ lo: 18_000, hi: 21_000 });
    expect(advice?.rest).toEqual(splitRange({ lo: 0, hi: 18_000 }, 9, "desc"));
  });

  it("mirrors the cut for an oldest-first chain", () => {
    const advice = adviseSplit(
      { range: { lo: 0, hi: 21_000 }, order: "asc", cursorSlot: 999, entries: 1000 },
      tuning,
    );
    expect(advice?.keep).toEqual({ lo: 0, hi: 3000 });
    expect(advice?.rest).toEqual(splitRange({ lo: 3000, hi: 21_000 }, 9, "asc"));
  });

  it("caps the shards one split makes", () => {
    const advice = adviseSplit(
      { range: { lo: 0, hi: 1_000_000 }, order: "desc", cursorSlot: 999_000, entries: 1000 },
      tuning,
    );
    expect(advice?.rest).toHaveLength(16);
  });

  it("keeps the cursor's slot with the chain even in a very dense range", () => {
    // 3,000 entries in one slot: the chain keeps just that slot, the rest goes to new shards.
    const advice = adviseSplit(
      { range: { lo: 0, hi: 501 }, order: "desc", cursorSlot: 500, entries: 3000 },
      tuning,
    );
    expect(advice?.keep).toEqual({ lo: 500, hi: 501 });
    expect(advice?.rest[0]).toEqual(expect.objectContaining({ hi: 500 }));
  });

  it("has nothing to cut when the cursor is at the far end", () => {
    expect(
      adviseSplit(
        { range: { lo: 0, hi: 10 }, order: "desc", cursorSlot: 0, entries: 5000 },
        tuning,
      ),
    ).toBeUndefined();
  });
});

describe("rampRanges", () => {
  // One entry per 10 slots: a page of 1,000 entries spans 10,000 slots.
  const plan = { perSlot: 0.1, pageSize: 1000, chains: 2, targetPages: 4, maxPieces: 100 };

  function widths(ranges: SlotRange[]): number[] {
    return ranges.map((range) => range.hi - range.lo);
  }

  it("grows shards along the walk, the first ones a little under a page, newest first", () => {
    const ranges = rampRanges({ lo: 0, hi: 100_000 }, "desc", plan);

    // Two waves of 2 shards of 0.8 page, one of 2 of 1.8 pages, then shards of 4 pages; the
    // last, narrower than that, takes what is left.
    expect(widths(ranges)).toEqual([8000, 8000, 8000, 8000, 18_000, 18_000, 32_000]);
    expect(ranges[0]).toEqual({ lo: 92_000, hi: 100_000 });
    expect(ranges.at(-1)).toEqual({ lo: 0, hi: 32_000 });
  });

  it("covers the range exactly with adjacent ranges, in walk order, both ways", () => {
    for (const order of ["asc", "desc"] as const) {
      const ranges = rampRanges({ lo: 5, hi: 77_777 }, order, plan);
      const sorted = order === "asc" ? ranges : [...ranges].reverse();

      expect(sorted[0]?.lo).toBe(5);
      expect(sorted.at(-1)?.hi).toBe(77_777);
      for (let index = 1; index < sorted.length; index += 1) {
        expect(sorted[index]?.lo).toBe(sorted[index - 1]?.hi);
      }
      expect(widths(ranges).every((width) => width > 0)).toBe(true);
    }
  });

  it("stops at maxPieces: the last shard takes the rest, to be split as it is walked", () => {
    const ranges = rampRanges({ lo: 0, hi: 1_000_000 }, "asc", { ...plan, maxPieces: 3 });
    expect(ranges).toEqual([
      { lo: 0, hi: 8000 },
      { lo: 8000, hi: 16_000 },
      { lo: 16_000, hi: 1_000_000 },
    ]);
  });

  it("never cuts a shard narrower than one slot, however dense the history", () => {
    const ranges = rampRanges({ lo: 0, hi: 3 }, "desc", { ...plan, perSlot: 50_000 });
    expect(ranges).toEqual([
      { lo: 2, hi: 3 },
      { lo: 1, hi: 2 },
      { lo: 0, hi: 1 },
    ]);
  });
});
