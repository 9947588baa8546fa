import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, type SyntheticWallet, startSimulator } from "../../src/simulator/index.js";
import { fetchGtfaPage, gtfaRequest, postGtfa } from "./gtfa-helpers.js";
import { fetchParsed, fetchSignatures, postRpc } from "./helpers.js";

let sim: Simulator;
let wallet: SyntheticWallet;

beforeAll(async () => {
  sim = await startSimulator();
  wallet = sim.addWallet({ seed: "gtfa-access", transactions: 120, maxTransactionsPerSlot: 4 });
});

afterEach(() => {
  sim.setPlan("developer");
  sim.setFaults({});
  sim.resetStats();
});

afterAll(async () => {
  await sim.close();
});

describe("getTransactionsForAddress on the free plan", () => {
  it("is refused with HTTP 403 while the other methods keep working", async () => {
    sim.setPlan("free");

    const response = await postRpc(sim, gtfaRequest(wallet.address, { limit: 5 }, 41));
    expect(response.status).toBe(403);
    expect(JSON.parse(response.text)).toEqual({
      jsonrpc: "2.0",
      error: {
        code: -32403,
        message:
          "Forbidden: getTransactionsForAddress is not part of this plan (Developer plan or higher)",
      },
      id: 41,
    });
    expect(await fetchSignatures(sim, wallet.address, { limit: 2 })).toHaveLength(2);
  });

  it("can also be chosen when the simulator starts", async () => {
    const free = await startSimulator({ plan: "free" });
    try {
      const response = await postRpc(free, gtfaRequest(wallet.address));
      expect(response.status).toBe(403);
    } finally {
      await free.close();
    }
    await expect(startSimulator({ plan: "gold" as "free" })).rejects.toThrow(/plan must be one of/);
  });
});

describe("getTransactionsForAddress parameters", () => {
  it.each([
    [{ limit: 1001 }, "Invalid params: limit must be at most 1000 for signatures"],
    [{ limit: 0 }, "Invalid params: limit must be a positive integer"],
    [{ sortOrder: "up" }, "Invalid params: sortOrder must be asc or desc"],
    [{ paginationToken: "abc" }, "Invalid params: invalid paginationToken"],
    [{ before: "x" }, "Invalid params: unknown field `before`"],
    [{ filters: { slots: {} } }, "Invalid params: unknown field `filters.slots`"],
    [{ filters: { slot: { ne: 3 } } }, "Invalid params: unknown field `filters.slot.ne`"],
    [
      { filters: { slot: { gte: -1 } } },
      "Invalid params: filters.slot.gte must be an integer >= 0",
    ],
    [
      { filters: { tokenAccounts: "some" } },
      "Invalid params: filters.tokenAccounts must be none, balanceChanged or all",
    ],
    [
      { commitment: "processed" },
      "Invalid params: commitment must be finalized or confirmed (processed is not supported)",
    ],
    [
      { transactionDetails: "full", limit: 100 },
      'Invalid params: this simulator serves transactionDetails "signatures" only',
    ],
  ])("refuses %j with -32602", async (config, message) => {
    const response = await postGtfa(sim, wallet.address, config);
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text).error).toEqual({ code: -32602, message });
  });
});

describe("credits in the stats", () => {
  it("bills each answered call at Helius's price per method", async () => {
    await fetchGtfaPage(sim, wallet.address, { limit: 10 });
    await fetchGtfaPage(sim, wallet.address, { limit: 10 });
    await fetchSignatures(sim, wallet.address, { limit: 10 });
    await fetchParsed(
      sim,
      wallet
        .transactions()
        .slice(0, 3)
        .map((t) => t.signature),
    );
    await postGtfa(sim, wallet.address, { limit: 5000 });

    const stats = sim.stats();
    expect(stats.methods).toEqual({
      getTransactionsForAddress: { calls: 3, billed: 2, credits: 200 },
      getSignaturesForAddress: { calls: 1, billed: 1, credits: 10 },
      "POST /v0/transactions": { calls: 1, billed: 1, credits: 100 },
    });
    expect(stats.credits).toBe(310);
  });

  it("does not bill the free plan's refusals", async () => {
    sim.setPlan("free");
    await postGtfa(sim, wallet.address);
    expect(sim.stats().methods.getTransactionsForAddress).toEqual({
      calls: 1,
      billed: 0,
      credits: 0,
    });
  });
});

describe("getTransactionsForAddress faults", () => {
  const all = () => wallet.transactions().map((t) => t.signature);

  it("short-page sends half a page with a token after its last entry", async () => {
    sim.setFaults({ rpc: { script: [{ kind: "short-page" }] } });
    const page = await fetchGtfaPage(sim, wallet.address, { limit: 10 });
    expect(page.data.map((entry) => entry.signature)).toEqual(all().slice(0, 5));
    const last = page.data[4];
    expect(page.paginationToken).toBe(`${last?.slot}:${last?.transactionIndex}`);
  });

  it("repeat-signature starts the next page with the entry at the token", async () => {
    const first = await fetchGtfaPage(sim, wallet.address, { limit: 4 });
    sim.setFaults({ rpc: { script: [{ kind: "repeat-signature" }] } });
    const next = await fetchGtfaPage(sim, wallet.address, {
      limit: 4,
      paginationToken: first.paginationToken,
    });
    expect(next.data.map((entry) => entry.signature)).toEqual(all().slice(3, 7));
  });

  it("bad-schema drops transactionIndex from the entries", async () => {
    sim.setFaults({ rpc: { script: [{ kind: "bad-schema" }] } });
    const page = await fetchGtfaPage(sim, wallet.address, { limit: 2 });
    expect(page.data.map((entry) => Object.keys(entry))).toEqual([
      ["signature", "slot", "err", "memo", "blockTime", "confirmationStatus"],
      ["signature", "slot", "err", "memo", "blockTime", "confirmationStatus"],
    ]);
  });
});
