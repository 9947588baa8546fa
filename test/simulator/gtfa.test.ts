import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createSyntheticWallet,
  type Simulator,
  type SyntheticTransaction,
  type SyntheticWallet,
  startSimulator,
} from "../../src/simulator/index.js";
import { fetchAllGtfa, fetchGtfaPage } from "./gtfa-helpers.js";
import { fetchParsed, fetchSignatures } from "./helpers.js";

const TOKEN_ACCOUNTS_FIRST_SLOT = 111_491_819;

let sim: Simulator;
let busy: SyntheticWallet;
let old: SyntheticWallet;

beforeAll(async () => {
  sim = await startSimulator();
  busy = sim.addWallet({
    seed: "gtfa-busy",
    transactions: 700,
    maxTransactionsPerSlot: 6,
    failedShare: 0.1,
    tokenAccountShare: 0.2,
  });
  // Straddles the slot where token-account history starts.
  old = sim.addWallet({
    seed: "gtfa-old",
    transactions: 300,
    newestSlot: TOKEN_ACCOUNTS_FIRST_SLOT + 1_000,
    maxSlotGap: 30,
    tokenAccountShare: 0.5,
  });
});

afterAll(async () => {
  await sim.close();
});

const newestFirst = (a: SyntheticTransaction, b: SyntheticTransaction) =>
  b.slot - a.slot || b.transactionIndex - a.transactionIndex;

/** What gTFA must list for a wallet under a `tokenAccounts` filter, newest first. */
function listed(wallet: SyntheticWallet, filter: "none" | "balanceChanged" | "all" = "none") {
  const extras = wallet.tokenAccountTransactions().filter((transaction) => {
    if (filter === "none" || transaction.slot < TOKEN_ACCOUNTS_FIRST_SLOT) return false;
    return filter === "all" || transaction.listedWith === "balanceChanged";
  });
  return [...wallet.transactions(), ...extras].sort(newestFirst);
}

const signaturesOf = (list: ReadonlyArray<{ signature: string }>) =>
  list.map((entry) => entry.signature);

describe("getTransactionsForAddress in signatures mode", () => {
  it("answers newest first with transactionIndex and the documented entry shape", async () => {
    const page = await fetchGtfaPage(sim, busy.address, { limit: 3 });
    const [first] = busy.transactions();

    expect(page.data[0]).toEqual({
      signature: first?.signature,
      slot: first?.slot,
      transactionIndex: first?.transactionIndex,
      err: first?.err,
      memo: null,
      blockTime: first?.blockTime,
      confirmationStatus: "finalized",
    });
    expect(Object.keys(page.data[0] as object)).toEqual([
      "signature",
      "slot",
      "transactionIndex",
      "err",
      "memo",
      "blockTime",
      "confirmationStatus",
    ]);
    const third = page.data[2];
    expect(page.paginationToken).toBe(`${third?.slot}:${third?.transactionIndex}`);
  });

  it("lists exactly what getSignaturesForAddress lists, in the same order", async () => {
    const rpc: string[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await fetchSignatures(sim, busy.address, before ? { before } : {});
      if (page.length === 0) break;
      rpc.push(...signaturesOf(page));
      before = page.at(-1)?.signature;
    }

    const gtfa = await fetchAllGtfa(sim, busy.address);
    expect(signaturesOf(gtfa)).toEqual(rpc);
    expect(rpc).toEqual(signaturesOf(busy.transactions()));
  });

  it("keeps transactionIndex unique within a slot and falling down the newest-first list", () => {
    const all = [...busy.transactions(), ...busy.tokenAccountTransactions()];
    const positions = new Set(all.map((t) => `${t.slot}:${t.transactionIndex}`));
    expect(positions.size).toBe(all.length);

    const own = busy.transactions();
    const sharedSlots = own.filter((t, i) => own[i + 1]?.slot === t.slot);
    expect(sharedSlots.length).toBeGreaterThan(50);
    for (const [i, t] of own.entries()) {
      const next = own[i + 1];
      if (next?.slot === t.slot) expect(t.transactionIndex).toBeGreaterThan(next.transactionIndex);
    }
  });

  it.each([1, 7, 1000])(
    "pages through shared slots with limit %i, both orders, each entry once",
    async (limit) => {
      const expected = signaturesOf(listed(busy));
      const desc = await fetchAllGtfa(sim, busy.address, { limit });
      const asc = await fetchAllGtfa(sim, busy.address, { limit, sortOrder: "asc" });

      expect(signaturesOf(desc)).toEqual(expected);
      expect(signaturesOf(asc)).toEqual([...expected].reverse());
    },
  );

  it("ends with a null token, and answers an unknown address with an empty page", async () => {
    const all = listed(busy).length;
    const last = await fetchGtfaPage(sim, busy.address, { limit: 1000 });
    expect(last.data).toHaveLength(all);
    expect(last.paginationToken).toBeNull();

    const unknown = await fetchGtfaPage(sim, "So11111111111111111111111111111111111111112");
    expect(unknown).toEqual({ data: [], paginationToken: null });
  });

  it("splits into half-open slot ranges that neither overlap nor leave gaps", async () => {
    const expected = listed(busy);
    // Cut at slots holding several transactions, so an edge falls where a slot is shared.
    const busySlots = expected
      .filter((t, i) => expected[i + 1]?.slot === t.slot)
      .map((t) => t.slot);
    const cuts = [busySlots[3], busySlots[40], busySlots[90]] as number[];
    const bounds = [Number.MAX_SAFE_INTEGER, ...cuts, 0];

    const pieces: string[] = [];
    for (let i = 0; i + 1 < bounds.length; i += 1) {
      const slot = { gte: bounds[i + 1], lt: bounds[i] };
      pieces.push(
        ...signaturesOf(await fetchAllGtfa(sim, busy.address, { limit: 5, filters: { slot } })),
      );
    }
    expect(pieces).toEqual(signaturesOf(expected));
  });

  it("applies each slot operator exactly", async () => {
    const expected = listed(busy);
    const slot = expected[100]?.slot as number;
    const query = (filter: Record<string, number>) =>
      fetchAllGtfa(sim, busy.address, { filters: { slot: filter } }).then(signaturesOf);

    expect(await query({ gte: slot })).toEqual(
      signaturesOf(expected.filter((t) => t.slot >= slot)),
    );
    expect(await query({ gt: slot })).toEqual(signaturesOf(expected.filter((t) => t.slot > slot)));
    expect(await query({ lte: slot })).toEqual(
      signaturesOf(expected.filter((t) => t.slot <= slot)),
    );
    expect(await query({ lt: slot })).toEqual(signaturesOf(expected.filter((t) => t.slot < slot)));
    expect(await query({ gte: slot, lte: slot })).toEqual(
      signaturesOf(expected.filter((t) => t.slot === slot)),
    );
  });

  it("filters by block time, including eq, in both orders", async () => {
    const expected = listed(busy);
    const from = expected[300]?.blockTime as number;
    const to = expected[120]?.blockTime as number;
    const inRange = expected.filter((t) => t.blockTime >= from && t.blockTime <= to);

    const desc = await fetchAllGtfa(sim, busy.address, {
      limit: 9,
      filters: { blockTime: { gte: from, lte: to } },
    });
    const asc = await fetchAllGtfa(sim, busy.address, {
      limit: 9,
      sortOrder: "asc",
      filters: { blockTime: { gte: from, lte: to } },
    });
    expect(signaturesOf(desc)).toEqual(signaturesOf(inRange));
    expect(signaturesOf(asc)).toEqual(signaturesOf(inRange).reverse());

    const exact = await fetchAllGtfa(sim, busy.address, { filters: { blockTime: { eq: to } } });
    expect(signaturesOf(exact)).toEqual(signaturesOf(expected.filter((t) => t.blockTime === to)));
  });

  it("filters by status", async () => {
    const expected = listed(busy);
    const succeeded = await fetchAllGtfa(sim, busy.address, { filters: { status: "succeeded" } });
    const failed = await fetchAllGtfa(sim, busy.address, { filters: { status: "failed" } });

    expect(signaturesOf(succeeded)).toEqual(signaturesOf(expected.filter((t) => t.err === null)));
    expect(signaturesOf(failed)).toEqual(signaturesOf(expected.filter((t) => t.err !== null)));
    expect(failed.length).toBeGreaterThan(30);
  });

  it("compares signatures as strings", async () => {
    const expected = listed(busy);
    const pivot = expected[50]?.signature as string;
    const below = await fetchAllGtfa(sim, busy.address, { filters: { signature: { lt: pivot } } });
    expect(signaturesOf(below)).toEqual(signaturesOf(expected.filter((t) => t.signature < pivot)));
  });
});

describe("token-account transactions", () => {
  it("lists fills and deposits with balanceChanged, touches only with all", async () => {
    for (const filter of ["balanceChanged", "all"] as const) {
      const entries = await fetchAllGtfa(sim, busy.address, { filters: { tokenAccounts: filter } });
      expect(signaturesOf(entries)).toEqual(signaturesOf(listed(busy, filter)));
    }
    const kinds = new Set(busy.tokenAccountTransactions().map((t) => t.truth.kind));
    expect([...kinds].sort()).toEqual([
      "token-account-deposit",
      "token-account-fill",
      "token-account-touch",
    ]);
    expect(listed(busy, "all").length).toBeGreaterThan(listed(busy, "balanceChanged").length);
  });

  it("never appear in getSignaturesForAddress", async () => {
    const page = await fetchSignatures(sim, busy.address);
    const extras = new Set(signaturesOf(busy.tokenAccountTransactions()));
    expect(page.filter((entry) => extras.has(entry.signature))).toEqual([]);
  });

  it("are invisible before slot 111,491,819, where token-account history starts", async () => {
    const extras = old.tokenAccountTransactions();
    expect(extras.some((t) => t.slot < TOKEN_ACCOUNTS_FIRST_SLOT)).toBe(true);
    expect(extras.some((t) => t.slot >= TOKEN_ACCOUNTS_FIRST_SLOT)).toBe(true);

    const entries = await fetchAllGtfa(sim, old.address, { filters: { tokenAccounts: "all" } });
    expect(signaturesOf(entries)).toEqual(signaturesOf(listed(old, "all")));
  });

  it("parse to fills that move the wallet's token accounts without naming the wallet", async () => {
    const fills = busy
      .tokenAccountTransactions()
      .filter((t) => t.truth.kind === "token-account-fill")
      .slice(0, 5);
    const parsed = await fetchParsed(sim, signaturesOf(fills));
    expect(parsed).toHaveLength(fills.length);

    for (const fill of fills) {
      const enhanced = fill.enhanced();
      expect(parsed).toContainEqual(JSON.parse(JSON.stringify(enhanced)));
      expect(fill.truth).toMatchObject({ labelSwap: true, balanceSwap: true, failed: false });
      expect(enhanced.feePayer).not.toBe(busy.address);
      expect(enhanced.accountData.map((entry) => entry.account)).not.toContain(busy.address);
      const accounts = enhanced.instructions.flatMap((i) => [
        ...i.accounts,
        ...i.innerInstructions.flatMap((inner) => inner.accounts),
      ]);
      expect(accounts).not.toContain(busy.address);

      const changes = enhanced.accountData
        .flatMap((entry) => entry.tokenBalanceChanges)
        .filter((change) => change.userAccount === busy.address)
        .map((change) => ({ mint: change.mint, amount: change.rawTokenAmount.tokenAmount }));
      const [sold] = fill.truth.sold;
      const [bought] = fill.truth.bought;
      expect(changes).toEqual([
        { mint: sold?.mint, amount: `-${sold?.amount}` },
        { mint: bought?.mint, amount: bought?.amount },
      ]);
    }
  });

  it("leave the wallet's own transactions exactly as without them", () => {
    const spec = { seed: "gtfa-twin", transactions: 400, maxTransactionsPerSlot: 5 };
    const without = createSyntheticWallet(spec);
    const withShare = createSyntheticWallet({ ...spec, tokenAccountShare: 0.4 });
    const snapshot = (wallet: SyntheticWallet) =>
      wallet.transactions().map((t) => ({
        signature: t.signature,
        slot: t.slot,
        transactionIndex: t.transactionIndex,
        truth: t.truth,
        enhanced: JSON.stringify(t.enhanced()),
      }));

    expect(snapshot(withShare)).toEqual(snapshot(without));
    expect(without.tokenAccountTransactions()).toEqual([]);
    expect(withShare.tokenAccountTransactions()).toHaveLength(160);
  });

  it("come with newer batches too, and are served", async () => {
    const wallet = sim.addWallet({ seed: "gtfa-newer", transactions: 50, tokenAccountShare: 0.5 });
    const added = wallet.addNewer(40);
    expect(added.every((t) => t.listedWith === "none")).toBe(true);
    expect(wallet.tokenAccountTransactions()).toHaveLength(45);

    const entries = await fetchAllGtfa(sim, wallet.address, {
      limit: 13,
      filters: { tokenAccounts: "all" },
    });
    expect(signaturesOf(entries)).toEqual(signaturesOf(listed(wallet, "all")));
  });
});
