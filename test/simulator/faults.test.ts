import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type ParseFault,
  type RpcFault,
  type Simulator,
  type SyntheticWallet,
  startSimulator,
} from "../../src/simulator/index.js";
import { fetchSignatures, postParse, postRpc, signaturesRequest, waitUntil } from "./helpers.js";

let sim: Simulator;
let wallet: SyntheticWallet;
let signatures: string[];

beforeAll(async () => {
  sim = await startSimulator({ latency: { rpc: { ms: 1 }, parse: { ms: 1, jitterMs: 2 } } });
  wallet = sim.addWallet({ seed: "faults-test", transactions: 50 });
  signatures = wallet.transactions().map((t) => t.signature);
});

afterAll(async () => {
  await sim.close();
});

beforeEach(() => {
  sim.setFaults({});
  sim.resetStats();
});

const rpcOnce = (fault: RpcFault) => sim.setFaults({ rpc: { script: [fault] } });
const parseOnce = (fault: ParseFault) => sim.setFaults({ parse: { script: [fault] } });
const page = (config?: Record<string, unknown>) =>
  postRpc(sim, signaturesRequest(wallet.address, config, 11));
const parseFirst = (count: number) => postParse(sim, { transactions: signatures.slice(0, count) });

describe("status faults", () => {
  it("sends 429 with the observed body and the given Retry-After", async () => {
    rpcOnce({ kind: "status", status: 429, retryAfterSeconds: 7 });
    const response = await page();
    expect([
      response.status,
      response.headers.get("retry-after"),
      JSON.parse(response.text),
    ]).toEqual([429, "7", { jsonrpc: "2.0", error: { code: -32429, message: "rate limited" } }]);
  });

  it("sends 429 without Retry-After when none is given", async () => {
    parseOnce({ kind: "status", status: 429 });
    const response = await parseFirst(1);
    expect([response.status, response.headers.get("retry-after")]).toEqual([429, null]);
  });

  it("sends 500 as a JSON-RPC internal error, echoing the RPC id", async () => {
    rpcOnce({ kind: "status", status: 500 });
    const response = await page();
    expect([response.status, JSON.parse(response.text)]).toEqual([
      500,
      { jsonrpc: "2.0", error: { code: -32603, message: "Internal error" }, id: 11 },
    ]);
  });

  it.each([
    [502, "text/html", "<title>502 Bad Gateway</title>"],
    [503, "text/plain", "upstream connect error"],
    [504, "text/html", "<title>504 Gateway Time-out</title>"],
  ] as const)("sends %d with a non-JSON %s body", async (status, type, excerpt) => {
    parseOnce({ kind: "status", status });
    const response = await parseFirst(1);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe(type);
    expect(response.text).toContain(excerpt);
    expect(() => JSON.parse(response.text)).toThrow(SyntaxError);
  });

  it("passes the next request once the script is used up", async () => {
    rpcOnce({ kind: "status", status: 503 });
    expect((await page()).status).toBe(503);
    expect((await page()).status).toBe(200);
  });
});

describe("credits and key faults", () => {
  const exhausted = { jsonrpc: "2.0", error: { code: -32429, message: "max usage reached" } };

  it.each([
    [{ kind: "credits-exhausted" } as const, 429],
    [{ kind: "credits-exhausted", status: 200 } as const, 200],
  ])("answers %j with status %d and the max-usage body", async (fault, status) => {
    parseOnce(fault);
    const response = await parseFirst(3);
    expect([response.status, JSON.parse(response.text)]).toEqual([status, exhausted]);
  });

  it("can answer credits exhausted as plain text", async () => {
    rpcOnce({ kind: "credits-exhausted", status: 200, body: "text" });
    const response = await page();
    expect([response.status, response.text]).toEqual([200, "max usage reached"]);
  });

  it("injects 401 and 403", async () => {
    sim.setFaults({ rpc: { script: [{ kind: "unauthorized" }, { kind: "forbidden" }] } });
    expect([(await page()).status, (await page()).status, (await page()).status]).toEqual([
      401, 403, 200,
    ]);
  });
});

describe("transport faults", () => {
  it("resets the connection before any response", async () => {
    parseOnce({ kind: "connection-reset" });
    await expect(parseFirst(1)).rejects.toThrow("fetch failed");
    expect(sim.stats().parse.statuses).toEqual({});
  });

  it("hangs until the client gives up", async () => {
    rpcOnce({ kind: "hang" });
    const abort = new AbortController();
    const pending = fetch(`${sim.rpcUrl}?api-key=${sim.apiKey}`, {
      method: "POST",
      body: JSON.stringify(signaturesRequest(wallet.address)),
      signal: abort.signal,
    });
    await waitUntil(() => sim.stats().rpc.inFlight === 1, "the request is held");
    abort.abort();
    await expect(pending).rejects.toThrow("aborted");
    await waitUntil(() => sim.stats().rpc.inFlight === 0, "the hung request is released");
  });

  it("sends a complete body that is not JSON", async () => {
    rpcOnce({ kind: "malformed-json" });
    const response = await page({ limit: 5 });
    expect(response.status).toBe(200);
    expect(response.text.startsWith('{"jsonrpc":"2.0","result":[')).toBe(true);
    expect(() => JSON.parse(response.text)).toThrow(SyntaxError);
  });

  it("declares the full length and cuts the body off half-way", async () => {
    parseOnce({ kind: "truncated-body" });
    const response = await fetch(`${sim.apiUrl}/v0/transactions?api-key=${sim.apiKey}`, {
      method: "POST",
      body: JSON.stringify({ transactions: signatures.slice(0, 5) }),
    });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get("content-length"))).toBeGreaterThan(1_000);
    await expect(response.text()).rejects.toThrow();
  });
});

describe("content faults", () => {
  it("breaks the RPC result schema: string slots and a missing signature", async () => {
    rpcOnce({ kind: "bad-schema" });
    const body = JSON.parse((await page({ limit: 2 })).text) as {
      result: Record<string, unknown>[];
    };
    expect(body.result[0]?.signature).toBeUndefined();
    expect(body.result.map((entry) => typeof entry.slot)).toEqual(["string", "string"]);
  });

  it("breaks an empty RPC result by sending null", async () => {
    rpcOnce({ kind: "bad-schema" });
    const response = await postRpc(
      sim,
      signaturesRequest("11111111111111111111111111111111", undefined, 1),
    );
    expect(JSON.parse(response.text)).toEqual({ jsonrpc: "2.0", result: null, id: 1 });
  });

  it("breaks the parse schema: the first transaction lacks its signature", async () => {
    parseOnce({ kind: "bad-schema" });
    const served = JSON.parse((await parseFirst(3)).text) as Record<string, unknown>[];
    expect(served.map((object) => typeof object.signature)).toEqual([
      "undefined",
      "string",
      "string",
    ]);
  });

  it("leaves some requested transactions out of the parse answer", async () => {
    parseOnce({ kind: "omit-transactions", count: 2 });
    const served = JSON.parse((await parseFirst(5)).text) as { signature: string }[];
    expect(served).toHaveLength(3);
    expect(served.every((object) => signatures.slice(0, 5).includes(object.signature))).toBe(true);
  });

  it("answers a short page in the middle of the history", async () => {
    rpcOnce({ kind: "short-page" });
    const short = await fetchSignatures(sim, wallet.address, { limit: 10 });
    expect(short.map((entry) => entry.signature)).toEqual(signatures.slice(0, 5));
    const next = await fetchSignatures(sim, wallet.address, {
      limit: 10,
      before: short.at(-1)?.signature,
    });
    expect(next.map((entry) => entry.signature)).toEqual(signatures.slice(5, 15));
  });

  it("repeats the before signature at the top of the next page", async () => {
    rpcOnce({ kind: "repeat-signature" });
    const repeated = await fetchSignatures(sim, wallet.address, {
      limit: 10,
      before: signatures[9],
    });
    expect(repeated.map((entry) => entry.signature)).toEqual(signatures.slice(9, 19));
  });
});

describe("fault plans", () => {
  it("lets scripted none entries pass and then draws from the seeded random mix", async () => {
    const plan = {
      script: [{ kind: "none" }, { kind: "status", status: 502 }] as RpcFault[],
      random: { probability: 0.5, kinds: [{ kind: "status", status: 500 }] as RpcFault[] },
    };
    const run = async () => {
      sim.setFaults({ rpc: plan });
      const statuses: number[] = [];
      for (let request = 0; request < 20; request += 1) {
        statuses.push((await page({ limit: 1 })).status);
      }
      return statuses;
    };

    const first = await run();
    expect(first.slice(0, 2)).toEqual([200, 502]);
    expect(new Set(first.slice(2))).toEqual(new Set([200, 500]));
    expect(await run()).toEqual(first);
  });

  it("records every injected fault by kind", async () => {
    sim.setFaults({
      rpc: { script: [{ kind: "short-page" }, { kind: "none" }] },
      parse: {
        script: [
          { kind: "status", status: 500 },
          { kind: "omit-transactions", count: 1 },
        ],
      },
    });
    await page({ limit: 4 });
    await page({ limit: 4 });
    await parseFirst(2);
    await parseFirst(2);
    const stats = sim.stats();
    expect([stats.rpc.faults, stats.rpc.faultsByKind]).toEqual([1, { "short-page": 1 }]);
    expect([stats.parse.faults, stats.parse.faultsByKind]).toEqual([
      2,
      { status: 1, "omit-transactions": 1 },
    ]);
  });

  it("accepts fault plans in the start options", async () => {
    const faulty = await startSimulator({
      faults: { parse: { script: [{ kind: "status", status: 504 }] } },
    });
    try {
      expect((await postParse(faulty, { transactions: [] })).status).toBe(504);
    } finally {
      await faulty.close();
    }
  });

  it("rejects a probability outside 0 to 1", () => {
    expect(() => sim.setFaults({ rpc: { random: { probability: 2, kinds: [] } } })).toThrow(
      "fault plan random.probability must be a number from 0 to 1",
    );
  });
});
