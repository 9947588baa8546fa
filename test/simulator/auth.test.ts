import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../src/simulator/index.js";
import { post, postParse, postRpc, signaturesRequest } from "./helpers.js";

let sim: Simulator;
let address: string;

beforeAll(async () => {
  sim = await startSimulator({ apiKey: "right-key" });
  address = sim.addWallet({ seed: "auth-test", transactions: 3 }).address;
});

afterAll(async () => {
  await sim.close();
});

describe("API key", () => {
  it("uses sim-key by default and serves the base URLs on 127.0.0.1", async () => {
    const fresh = await startSimulator();
    try {
      expect(fresh.apiKey).toBe("sim-key");
      expect(fresh.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect([fresh.rpcUrl, fresh.apiUrl]).toEqual([`${fresh.url}/`, fresh.url]);
    } finally {
      await fresh.close();
    }
  });

  it.each([
    ["a wrong key", "wrong-key"],
    ["no key", null],
  ])(
    "answers RPC with %s by 401 and a JSON-RPC Unauthorized error echoing the id",
    async (_case, key) => {
      const response = await postRpc(sim, signaturesRequest(address, undefined, 42), key);
      expect([response.status, JSON.parse(response.text)]).toEqual([
        401,
        { jsonrpc: "2.0", error: { code: -32001, message: "Unauthorized" }, id: 42 },
      ]);
    },
  );

  it("answers the parse endpoint with a wrong key by 401 in the OAS envelope", async () => {
    const response = await postParse(sim, { transactions: [] }, "wrong-key");
    expect([response.status, JSON.parse(response.text)]).toEqual([
      401,
      { jsonrpc: "2.0", error: { code: -32001, message: "Unauthorized" }, id: "1" },
    ]);
  });

  it("answers 403 to a valid key while forbidden mode is on", async () => {
    sim.setForbidden(true);
    try {
      const rpc = await postRpc(sim, signaturesRequest(address, undefined, 5));
      const parse = await postParse(sim, { transactions: [] });
      expect([rpc.status, JSON.parse(rpc.text)]).toEqual([
        403,
        { jsonrpc: "2.0", error: { code: -32403, message: "Forbidden" }, id: 5 },
      ]);
      expect(parse.status).toBe(403);
    } finally {
      sim.setForbidden(false);
    }
    expect((await postRpc(sim, signaturesRequest(address))).status).toBe(200);
  });

  it("starts in forbidden mode when asked", async () => {
    const forbidden = await startSimulator({ forbidden: true });
    try {
      expect((await postParse(forbidden, { transactions: [] })).status).toBe(403);
    } finally {
      await forbidden.close();
    }
  });
});

describe("routing", () => {
  it.each([
    ["POST", "/v0/addresses/x/transactions"],
    ["POST", "/v1/transactions"],
    ["GET", "/"],
    ["GET", "/v0/transactions"],
  ])("answers %s %s with 404", async (method, path) => {
    const response = await fetch(`${sim.url}${path}?api-key=right-key`, {
      method,
      ...(method === "POST" ? { body: "{}" } : {}),
    });
    expect([response.status, await response.json()]).toEqual([404, { error: "Not Found" }]);
  });

  it("counts 404s apart from the endpoint classes", async () => {
    sim.resetStats();
    await post(`${sim.url}/nowhere`, "{}");
    const stats = sim.stats();
    expect([stats.totalRequests, stats.notFound, stats.rpc.requests, stats.parse.requests]).toEqual(
      [1, 1, 0, 0],
    );
  });
});
