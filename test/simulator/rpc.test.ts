import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, type SyntheticWallet, startSimulator } from "../../src/simulator/index.js";
import { fetchSignatures, postRpc, signaturesRequest } from "./helpers.js";

let sim: Simulator;
let wallet: SyntheticWallet;
let all: string[];

beforeAll(async () => {
  sim = await startSimulator();
  wallet = sim.addWallet({ seed: "rpc-test", transactions: 250 });
  all = wallet.transactions().map((t) => t.signature);
});

afterAll(async () => {
  await sim.close();
});

const UNKNOWN_ADDRESS = "So11111111111111111111111111111111111111112";

async function rpcError(body: unknown): Promise<{ status: number; error: unknown; id: unknown }> {
  const response = await postRpc(sim, body);
  const parsed = JSON.parse(response.text) as { error: unknown; id: unknown };
  return { status: response.status, error: parsed.error, id: parsed.id };
}

describe("getSignaturesForAddress", () => {
  it("answers newest first with the Solana entry shape and echoes the id", async () => {
    const response = await postRpc(sim, signaturesRequest(wallet.address, { limit: 2 }, "abc"));
    const [first] = wallet.transactions();
    expect(response.status).toBe(200);
    const body = JSON.parse(response.text) as { jsonrpc: string; result: unknown[]; id: string };
    expect(body.jsonrpc).toBe("2.0");
    expect(body.id).toBe("abc");
    expect(body.result).toHaveLength(2);
    expect(body.result[0]).toEqual({
      signature: first?.signature,
      slot: first?.slot,
      err: first?.err,
      memo: null,
      blockTime: first?.blockTime,
      confirmationStatus: "finalized",
    });
    expect(Object.keys(body.result[0] as object)).toEqual([
      "signature",
      "slot",
      "err",
      "memo",
      "blockTime",
      "confirmationStatus",
    ]);
  });

  it("returns 1000 signatures when no limit is given", async () => {
    const big = sim.addWallet({ seed: "rpc-test-big", transactions: 1_200 });
    const page = await fetchSignatures(sim, big.address);
    expect(page.map((entry) => entry.signature)).toEqual(
      big
        .transactions()
        .slice(0, 1_000)
        .map((t) => t.signature),
    );
  });

  it("paginates with an exclusive before cursor until an empty page", async () => {
    const collected: string[] = [];
    let before: string | undefined;
    // 250 signatures in pages of 100: three pages and an empty one; more means a loop.
    for (let pages = 0; pages < 5; pages += 1) {
      const page = await fetchSignatures(sim, wallet.address, {
        limit: 100,
        ...(before ? { before } : {}),
      });
      if (page.length === 0) {
        break;
      }
      collected.push(...page.map((entry) => entry.signature));
      before = page.at(-1)?.signature;
    }
    expect(collected).toEqual(all);
  });

  it("stops before an exclusive until signature", async () => {
    const page = await fetchSignatures(sim, wallet.address, { until: all[5] });
    expect(page.map((entry) => entry.signature)).toEqual(all.slice(0, 5));
  });

  it("combines before and until, both exclusive", async () => {
    const page = await fetchSignatures(sim, wallet.address, { before: all[10], until: all[20] });
    expect(page.map((entry) => entry.signature)).toEqual(all.slice(11, 20));
  });

  it("returns nothing when until is not older than before", async () => {
    expect(await fetchSignatures(sim, wallet.address, { before: all[10], until: all[10] })).toEqual(
      [],
    );
    expect(await fetchSignatures(sim, wallet.address, { before: all[10], until: all[3] })).toEqual(
      [],
    );
  });

  it("returns [] for a foreign before signature and ignores a foreign until", async () => {
    const foreign = sim
      .addWallet({ seed: "rpc-test-foreign", transactions: 1 })
      .transactions()[0]?.signature;
    expect(await fetchSignatures(sim, wallet.address, { before: foreign })).toEqual([]);
    const page = await fetchSignatures(sim, wallet.address, { until: foreign, limit: 3 });
    expect(page.map((entry) => entry.signature)).toEqual(all.slice(0, 3));
  });

  it("returns [] for a wallet it does not know", async () => {
    expect(await fetchSignatures(sim, UNKNOWN_ADDRESS)).toEqual([]);
  });

  it("reports failed transactions with their error", async () => {
    const failed = wallet.transactions().find((t) => t.err !== null);
    expect(failed?.err).toEqual({ InstructionError: [expect.any(Number), expect.anything()] });
    const page = await fetchSignatures(sim, wallet.address);
    expect(page.find((entry) => entry.signature === failed?.signature)?.err).toEqual(failed?.err);
  });

  it("accepts confirmed and finalized commitment", async () => {
    for (const commitment of ["confirmed", "finalized"]) {
      expect(await fetchSignatures(sim, wallet.address, { limit: 1, commitment })).toHaveLength(1);
    }
  });
});

describe("getSignaturesForAddress validation (HTTP 200 with a JSON-RPC error)", () => {
  it.each([
    [{ limit: 0 }, "Invalid limit; max 1000"],
    [{ limit: 1001 }, "Invalid limit; max 1000"],
    [{ limit: -1 }, "Invalid params: invalid value: -1, expected usize"],
    [{ limit: 2.5 }, "Invalid params: invalid value: 2.5, expected usize"],
    [{ before: "not-base58!" }, "Invalid param: Invalid"],
    [{ until: "abc" }, "Invalid param: WrongSize"],
    [{ commitment: "processed" }, "Method does not support commitment below `confirmed`"],
  ])("rejects config %j with -32602", async (config, message) => {
    expect(await rpcError(signaturesRequest(wallet.address, config, 7))).toEqual({
      status: 200,
      error: { code: -32602, message },
      id: 7,
    });
  });

  it.each([
    ["0OIl", "Invalid param: Invalid"],
    ["abc", "Invalid param: WrongSize"],
  ])("rejects the address %j with -32602", async (address, message) => {
    expect((await rpcError(signaturesRequest(address, undefined, 1))).error).toEqual({
      code: -32602,
      message,
    });
  });

  it("answers another method with -32601", async () => {
    const body = { jsonrpc: "2.0", id: 3, method: "getTransaction", params: [] };
    expect(await rpcError(body)).toEqual({
      status: 200,
      error: { code: -32601, message: "Method not found" },
      id: 3,
    });
  });

  it("answers a malformed body with -32700 and a null id", async () => {
    expect(await rpcError('{"jsonrpc":"2.0",')).toEqual({
      status: 200,
      error: { code: -32700, message: "Parse error" },
      id: null,
    });
  });

  it("refuses a batch (an array body): this archival method is not batched", async () => {
    const batch = [
      signaturesRequest(wallet.address, undefined, 1),
      signaturesRequest(wallet.address, undefined, 2),
    ];
    expect(await rpcError(batch)).toEqual({
      status: 200,
      error: { code: -32600, message: "Batch requests are not supported for this method" },
      id: null,
    });
  });

  it("answers a request without jsonrpc 2.0 with -32600", async () => {
    const body = { id: 4, method: "getSignaturesForAddress", params: [wallet.address] };
    expect((await rpcError(body)).error).toEqual({ code: -32600, message: "Invalid request" });
  });
});

describe("newer transactions added later", () => {
  it("appear on top, and until the previous newest returns exactly them", async () => {
    const growing = sim.addWallet({ seed: "rpc-test-growing", transactions: 30 });
    const previousNewest = growing.transactions()[0]?.signature;
    const added = growing.addNewer(4).map((t) => t.signature);
    const page = await fetchSignatures(sim, growing.address, { until: previousNewest });
    expect(page.map((entry) => entry.signature)).toEqual(added);
    const top = await fetchSignatures(sim, growing.address, { limit: 5 });
    expect(top.map((entry) => entry.signature)).toEqual([...added, previousNewest]);
  });
});
