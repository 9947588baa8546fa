import { describe, expect, it } from "vitest";
import { openShardedWalk, type ShardedWalkOptions } from "../../src/fetch/sharded-walk.js";
import { ShardedWalkError } from "../../src/fetch/sharded-walk-error.js";
import { MethodUnavailableError } from "../../src/helius/errors.js";
import type { GtfaSignatureInfo } from "../../src/helius/schemas/gtfa-page.js";
import { silentLogger } from "../support/logger.js";
import { FakeGtfaSource, type FakeQuirks, historyOf } from "./gtfa-fake-source.js";

type Order = "desc" | "asc";

function options(overrides: Partial<ShardedWalkOptions> = {}): ShardedWalkOptions {
  return {
    wallet: "W",
    order: "desc",
    tokenAccounts: false,
    listFailed: true,
    chains: 4,
    logger: silentLogger,
    ...overrides,
  };
}

async function walk(source: FakeGtfaSource, overrides: Partial<ShardedWalkOptions> = {}) {
  const signal = new AbortController().signal;
  const opened = await openShardedWalk(source, options(overrides), signal);
  const pages: GtfaSignatureInfo[][] = [];
  for await (const page of opened.pages(signal)) pages.push(page);
  return { signatures: pages.flat().map((entry) => entry.signature), pages, walk: opened };
}

function expected(history: readonly GtfaSignatureInfo[], order: Order): string[] {
  const signatures = history.map((entry) => entry.signature);
  return order === "desc" ? signatures : signatures.reverse();
}

/** Slot → count maps for the shapes that stress shard edges. */
function uniform(slots: number, perSlot: number, from = 1_000): Record<number, number> {
  const counts: Record<number, number> = {};
  for (let slot = from; slot < from + slots; slot += 1) counts[slot] = perSlot;
  return counts;
}

const HISTORIES: Record<string, Record<number, number>> = {
  empty: {},
  "one entry": { 500: 1 },
  "one page exactly": uniform(250, 4),
  // Every slot holds five transactions, so every shard edge sits between two busy slots.
  "busy slots everywhere": uniform(1_500, 5),
  "a single busy slot": { 7777: 3_500 },
  "busy slot at each end": { 10: 1_200, 11: 1, 5000000: 1, 5000001: 1_300 },
  // Dense clusters far apart: most shards of a fixed cut are empty.
  "clusters and a long gap": { ...uniform(300, 6, 1_000), ...uniform(200, 7, 90_000_000) },
  sparse: Object.fromEntries(Array.from({ length: 2_400 }, (_, i) => [i * 9_973 + 17, 1])),
};

const SHARDINGS: Array<{ name: string; shards?: number; chains: number }> = [
  { name: "adaptive", chains: 4 },
  { name: "adaptive, one chain", chains: 1 },
  { name: "1 shard", shards: 1, chains: 4 },
  { name: "2 shards", shards: 2, chains: 2 },
  { name: "7 shards", shards: 7, chains: 3 },
  { name: "64 shards", shards: 64, chains: 8 },
  { name: "5000 shards", shards: 5_000, chains: 16 },
];

const cases = Object.keys(HISTORIES).flatMap((history) =>
  SHARDINGS.flatMap((sharding) =>
    (["desc", "asc"] as const).map((order) => ({ history, sharding, order })),
  ),
);

describe("sharded walk: exactly the history, in order", () => {
  it.each(cases)("$history, $sharding.name, $order", async ({ history, sharding, order }) => {
    const entries = historyOf(HISTORIES[history] ?? {});
    const source = new FakeGtfaSource(entries);

    const result = await walk(source, {
      order,
      chains: sharding.chains,
      ...(sharding.shards === undefined ? {} : { shards: sharding.shards }),
    });

    expect(result.signatures).toEqual(expected(entries, order));
    expect(source.maxInFlight).toBeLessThanOrEqual(Math.max(2, sharding.chains + 1));
  });

  it.each<[string, FakeQuirks]>([
    ["a token read as inclusive", { inclusiveToken: true }],
    ["a full last page that still carries a token", { lazyEnd: true }],
  ])("stays exact with %s", async (_name, quirks) => {
    const entries = historyOf(uniform(2_000, 3));
    for (const order of ["desc", "asc"] as const) {
      const result = await walk(new FakeGtfaSource(entries, quirks), { order, shards: 9 });
      expect(result.signatures).toEqual(expected(entries, order));
      const adaptive = await walk(new FakeGtfaSource(entries, quirks), { order });
      expect(adaptive.signatures).toEqual(expected(entries, order));
    }
  });
});

describe("sharded walk: splitting", () => {
  it("splits a dense history so that no chain walks much of it alone", async () => {
    const entries = historyOf(uniform(40_000, 1));
    const source = new FakeGtfaSource(entries);

    const result = await walk(source, { chains: 6 });

    expect(result.signatures).toEqual(expected(entries, "desc"));
    const { shards, requests } = result.walk.stats();
    expect(shards).toBeGreaterThanOrEqual(10);
    // Each chain (one slot filter; the opening chain has none) walks a few pages at most:
    // splits leave it about 4 pages, and it splits once more than 6 seem to remain.
    const perChain = new Map<string, number>();
    for (const request of source.requests.slice(2)) {
      const key = JSON.stringify(request.filters?.slot ?? "opening");
      perChain.set(key, (perChain.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perChain.values())).toBeLessThanOrEqual(8);
    // Six chains, and the head shard may start beside them.
    expect(source.maxInFlight).toBeGreaterThanOrEqual(6);
    expect(source.maxInFlight).toBeLessThanOrEqual(7);
    // 40 pages of data; splits cost at most about one extra request per shard.
    expect(requests).toBeLessThanOrEqual(40 + shards + 2);
    expect(requests).toBe(source.requests.length);
  });

  it("pushes block times and token accounts down, and lists failed transactions too", async () => {
    const entries = historyOf(uniform(3_000, 1), 4);
    const source = new FakeGtfaSource(entries);
    const window = { sinceUnix: 1_700_000_600, untilUnix: 1_700_001_000 };

    const result = await walk(source, { tokenAccounts: true, timeWindow: window, shards: 3 });

    const kept = entries.filter(
      (entry) =>
        (entry.blockTime ?? 0) >= window.sinceUnix && (entry.blockTime ?? 0) <= window.untilUnix,
    );
    expect(kept.some((entry) => entry.err !== null)).toBe(true);
    expect(result.signatures).toEqual(expected(kept, "desc"));
    for (const request of source.requests) {
      expect(request.filters).toMatchObject({
        tokenAccounts: "balanceChanged",
        blockTime: { gte: window.sinceUnix, lte: window.untilUnix },
      });
      expect(request.filters?.status).toBeUndefined();
    }
    expect(
      source.requests.slice(0, 2).map((request) => [request.sortOrder, request.limit]),
    ).toEqual([
      ["asc", 1],
      ["desc", 1000],
    ]);
  });

  it("pushes a bookmark's slot down", async () => {
    const source = new FakeGtfaSource(historyOf(uniform(3_000, 1)));
    const result = await walk(source, { fromSlot: 3_500, shards: 4 });
    expect(result.signatures).toEqual(expected(historyOf(uniform(500, 1, 3_500)), "desc"));
    expect(source.requests[0]?.filters?.slot).toEqual({ gte: 3_500 });
  });

  it("keeps its chains busy: pages far ahead never hold back the shards next in line", async () => {
    const source = new FakeGtfaSource(historyOf(uniform(120_000, 1)));
    const result = await walk(source, { chains: 8, bufferPages: 12 });

    expect(result.signatures).toHaveLength(120_000);
    const alone = source.inFlightAtSend.filter((inFlight) => inFlight === 1).length;
    // The opening page, and the last shards as the walk runs out of work (3 here).
    // A budget shared by all shards let pages far ahead stall the next shards: 12 of them.
    expect(alone).toBeLessThanOrEqual(5);
  });

  it("holds a bounded number of pages when the output stops reading", async () => {
    const source = new FakeGtfaSource(historyOf(uniform(60_000, 1)));
    const signal = new AbortController().signal;
    const opened = await openShardedWalk(source, options({ chains: 4, bufferPages: 6 }), signal);
    const pages = opened.pages(signal);

    await pages.next();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const asked = source.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(source.requests.length).toBe(asked);
    // 60 pages exist; the window is the budget plus the chains' pages in flight and the head's.
    expect(asked).toBeLessThanOrEqual(2 + 6 + 4 + 4 + 1);
    await pages.return(undefined);
  });
});

describe("sharded walk: failures", () => {
  it("refuses a server that ignores the slot filter", async () => {
    const source = new FakeGtfaSource(historyOf(uniform(3_000, 1)), { ignoreSlotFilter: true });
    await expect(walk(source, { shards: 4 })).rejects.toThrow(ShardedWalkError);
    await expect(walk(source, { shards: 4 })).rejects.toThrow(/outside the requested slots/);
  });

  it("stops on a token that does not move", async () => {
    const source = new FakeGtfaSource(historyOf(uniform(3_000, 1)), { stuckToken: true });
    await expect(walk(source, { shards: 1 })).rejects.toThrow(/pagination is not advancing/);
  });

  it("fails at open when the plan refuses the method, with no stray rejection", async () => {
    const source = new FakeGtfaSource(historyOf({ 5: 1 }));
    const refusal = new MethodUnavailableError("refused", {
      endpoint: "getTransactionsForAddress",
    });
    source.getTransactionsForAddress = async () => {
      throw refusal;
    };
    await expect(openShardedWalk(source, options(), new AbortController().signal)).rejects.toBe(
      refusal,
    );
  });

  it("passes a chain's failure on and stops the other chains", async () => {
    const source = new FakeGtfaSource(historyOf(uniform(20_000, 1)));
    const signal = new AbortController().signal;
    const opened = await openShardedWalk(source, options({ shards: 8 }), signal);
    const failure = new Error("upstream gone");
    source.failNext = failure;

    const drained = (async () => {
      for await (const _page of opened.pages(signal)) {
        // read on
      }
    })();
    await expect(drained).rejects.toBe(failure);
    expect(source.inFlight).toBe(0);
  });

  it("ends every chain when the reader stops early", async () => {
    const source = new FakeGtfaSource(historyOf(uniform(20_000, 1)));
    const signal = new AbortController().signal;
    const opened = await openShardedWalk(source, options({ chains: 5 }), signal);

    for await (const _page of opened.pages(signal)) break;

    expect(source.inFlight).toBe(0);
    const asked = source.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(source.requests.length).toBe(asked);
  });
});
