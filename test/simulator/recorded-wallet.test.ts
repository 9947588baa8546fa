import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RecordedWallet, type Simulator, startSimulator } from "../../src/simulator/index.js";
import { fetchParsed, fetchSignatures, postParse } from "./helpers.js";

/** Four real Helius objects (rows 1, 7, 22 and 26 of the shared swaps.json). */
const fixtureUrl = new URL("./fixtures/real-helius-sample.json", import.meta.url);
const realObjects = JSON.parse(readFileSync(fixtureUrl, "utf8")) as Record<string, unknown>[];
const ADDRESS = "69VVsmgtM1nDnS3Sdu7j2RswJoL5LoqvoW6sKkdFvChh";

let sim: Simulator;
let recorded: RecordedWallet;

beforeAll(async () => {
  sim = await startSimulator();
  recorded = sim.addRecordedWallet(ADDRESS, realObjects);
});

afterAll(async () => {
  await sim.close();
});

describe("recorded wallets", () => {
  it("lists the signatures newest slot first with err from transactionError", async () => {
    const page = await fetchSignatures(sim, ADDRESS);
    const expected = [...realObjects]
      .sort((a, b) => (b.slot as number) - (a.slot as number))
      .map((object) => ({
        signature: object.signature,
        slot: object.slot,
        err: object.transactionError ?? null,
        memo: null,
        blockTime: object.timestamp,
        confirmationStatus: "finalized",
      }));
    expect(page).toEqual(expected);
    expect(recorded.signatures).toEqual(expected.map((entry) => entry.signature));
    expect(page.find((entry) => entry.err !== null)?.err).toEqual({
      InstructionError: [5, { Custom: 6001 }],
    });
  });

  it("serves each object verbatim: same values, same key order, same number text", async () => {
    const response = await postParse(sim, { transactions: recorded.signatures });
    const served = JSON.parse(response.text) as Record<string, unknown>[];
    expect(served).toHaveLength(realObjects.length);
    const originals = new Map(
      realObjects.map((object) => [object.signature, JSON.stringify(object)]),
    );
    for (const object of served) {
      expect(JSON.stringify(object)).toBe(originals.get(object.signature));
    }
    for (const original of originals.values()) {
      expect(response.text).toContain(original);
    }
  });

  it("keeps webhook-style alphabetical keys and an events array as given", async () => {
    const [pumpSwap] = await fetchParsed(sim, [
      "2tyk5gjkr7io8t1vrN45TkRQzbKkDofvwhegeCh5G5ohGQXszH1oyVmESHrK4MQeeV7x6sUtmq76AXNaB4j4qe63",
    ]);
    expect(Object.keys(pumpSwap ?? {})[0]).toBe("accountData");
    const [devnetBuy] = await fetchParsed(sim, [
      "5gf6fduSgAssqxYpgRzcCHWcg7yKTdtynsYxU4x7B25YANEKZDFRvFtq22FaGaqReftbErAijndSfcNnSXiW2WZN",
    ]);
    expect(devnetBuy?.events).toEqual([]);
  });

  it("refuses objects without a signature, slot or timestamp, and bad addresses", () => {
    expect(() =>
      sim.addRecordedWallet("11111111111111111111111111111112", [{ slot: 1, timestamp: 1 }]),
    ).toThrow("recorded transaction 0 has no signature");
    expect(() => sim.addRecordedWallet("not-an-address", [])).toThrow(
      'recorded wallet address "not-an-address" is not a base58 public key',
    );
    expect(() => sim.addRecordedWallet(ADDRESS, [])).toThrow(
      `wallet ${ADDRESS} is already in the simulator`,
    );
  });

  it("forgets a removed wallet and its transactions, and can serve it again", async () => {
    const synthetic = sim.addWallet({ seed: "removed-wallet", transactions: 30 });
    const signatures = synthetic.transactions().map((transaction) => transaction.signature);
    expect(await fetchParsed(sim, signatures.slice(0, 5))).toHaveLength(5);

    expect(sim.removeWallet(synthetic.address)).toBe(true);
    expect(sim.removeWallet(synthetic.address)).toBe(false);
    expect(await fetchSignatures(sim, synthetic.address)).toEqual([]);
    expect(await fetchParsed(sim, signatures.slice(0, 5))).toEqual([]);
    expect(await fetchSignatures(sim, ADDRESS)).toHaveLength(realObjects.length);

    const again = sim.addWallet({ seed: "removed-wallet", transactions: 30 });
    expect((await fetchSignatures(sim, again.address)).map((entry) => entry.signature)).toEqual(
      signatures,
    );
  });
});
