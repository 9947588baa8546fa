import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, type SyntheticWallet, startSimulator } from "../../src/simulator/index.js";
import { fetchParsed, postParse } from "./helpers.js";

let sim: Simulator;
let wallet: SyntheticWallet;
let signatures: string[];

beforeAll(async () => {
  sim = await startSimulator();
  wallet = sim.addWallet({ seed: "parse-test", transactions: 150 });
  signatures = wallet.transactions().map((t) => t.signature);
});

afterAll(async () => {
  await sim.close();
});

/** A valid signature no wallet has. */
const UNKNOWN_SIGNATURE =
  "5rfFLBUp5YPr6rC2g1KBBW8LGZBcZ8Lvs7gKAdgrBjmQvFf6EKkgc5cpAQUTwGxDJbNqtLYkjV5vS5zVK4tb6JtP";

describe("POST /v0/transactions", () => {
  it("returns the enhanced object of each requested signature, as generated", async () => {
    const requested = signatures.slice(0, 10);
    const served = await fetchParsed(sim, requested);
    const bySignature = new Map(served.map((object) => [object.signature, object]));
    expect([...bySignature.keys()].sort()).toEqual([...requested].sort());
    for (const transaction of wallet.transactions().slice(0, 10)) {
      expect(bySignature.get(transaction.signature)).toEqual(transaction.enhanced());
    }
  });

  it("does not keep the requested order, yet repeats its own order", async () => {
    const requested = signatures.slice(20, 120);
    const first = (await fetchParsed(sim, requested)).map((object) => object.signature);
    const second = (await fetchParsed(sim, requested)).map((object) => object.signature);
    expect(first).not.toEqual(requested);
    expect(second).toEqual(first);
  });

  it("shuffles even two signatures", async () => {
    const requested = signatures.slice(0, 2);
    const served = (await fetchParsed(sim, requested)).map((object) => object.signature);
    expect(served).toEqual([requested[1], requested[0]]);
  });

  it("leaves unknown signatures out and answers duplicates once", async () => {
    const requested = [signatures[0] as string, UNKNOWN_SIGNATURE, signatures[0] as string];
    const served = await fetchParsed(sim, requested);
    expect(served.map((object) => object.signature)).toEqual([signatures[0]]);
  });

  it("answers an empty list with []", async () => {
    expect(await fetchParsed(sim, [])).toEqual([]);
  });

  it("accepts 100 signatures and refuses 101 with HTTP 400", async () => {
    expect(await fetchParsed(sim, signatures.slice(0, 100))).toHaveLength(100);
    const response = await postParse(sim, { transactions: signatures.slice(0, 101) });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text)).toEqual({
      error: "too many transactions: 101 given, at most 100 per request",
    });
  });

  it.each([
    ["not json", "request body is not valid JSON"],
    [JSON.stringify({}), 'request body must be an object with a "transactions" array'],
    [
      JSON.stringify({ transactions: "abc" }),
      'request body must be an object with a "transactions" array',
    ],
    [
      JSON.stringify([UNKNOWN_SIGNATURE]),
      'request body must be an object with a "transactions" array',
    ],
    [
      JSON.stringify({ transactions: [UNKNOWN_SIGNATURE, 42] }),
      "invalid transaction signature at index 1",
    ],
    [JSON.stringify({ transactions: ["0OIl"] }), "invalid transaction signature at index 0"],
  ])("answers the body %j with HTTP 400", async (body, message) => {
    const response = await postParse(sim, body);
    expect([response.status, JSON.parse(response.text)]).toEqual([400, { error: message }]);
  });

  it("refuses processed commitment and accepts confirmed", async () => {
    const refused = await postParse(sim, { transactions: [] }, sim.apiKey, "&commitment=processed");
    expect(refused.status).toBe(400);
    const accepted = await postParse(
      sim,
      { transactions: [] },
      sim.apiKey,
      "&commitment=confirmed",
    );
    expect([accepted.status, accepted.text]).toEqual([200, "[]"]);
  });

  it("never returns signatures marked unavailable, which stay in the signature list", async () => {
    const other = sim.addWallet({ seed: "parse-test-unavailable", transactions: 5 });
    const [gone, kept] = other.transactions().map((t) => t.signature);
    sim.markUnavailable([gone as string]);
    const served = await fetchParsed(sim, [gone as string, kept as string]);
    expect(served.map((object) => object.signature)).toEqual([kept]);
    const again = await fetchParsed(sim, [gone as string]);
    expect(again).toEqual([]);
  });

  it("serves byte-identical responses from two simulators given the same wallet", async () => {
    const twin = await startSimulator();
    try {
      twin.addWallet({ seed: "parse-test", transactions: 150 });
      const requested = JSON.stringify({ transactions: signatures.slice(0, 30) });
      const [ours, theirs] = await Promise.all([
        postParse(sim, requested),
        postParse(twin, requested),
      ]);
      expect(theirs.text).toBe(ours.text);
    } finally {
      await twin.close();
    }
  });

  it("counts requests and returned transactions in the stats", async () => {
    sim.resetStats();
    await fetchParsed(sim, [signatures[0] as string, signatures[1] as string, UNKNOWN_SIGNATURE]);
    const { parse, totalRequests } = sim.stats();
    expect([totalRequests, parse.requests, parse.itemsReturned, parse.statuses]).toEqual([
      1,
      1,
      2,
      { 200: 1 },
    ]);
  });
});
