import { describe, expect, it } from "vitest";
import { startSimulator } from "../../src/simulator/index.js";
import { postParse, signaturesRequest, waitUntil } from "./helpers.js";

describe("close()", () => {
  it("ends a hung request and lets the client see the connection close", async () => {
    const sim = await startSimulator({ faults: { rpc: { script: [{ kind: "hang" }] } } });
    const hung = fetch(`${sim.rpcUrl}?api-key=${sim.apiKey}`, {
      method: "POST",
      body: JSON.stringify(signaturesRequest("11111111111111111111111111111111")),
    });
    await waitUntil(() => sim.stats().rpc.inFlight === 1, "the request is held");

    await sim.close();
    await expect(hung).rejects.toThrow("fetch failed");
  });

  it("ends requests waiting out their latency", async () => {
    const sim = await startSimulator({ latency: { parse: { ms: 600_000 } } });
    const delayed = postParse(sim, { transactions: [] });
    await waitUntil(() => sim.stats().parse.inFlight === 1, "the request is delayed");

    await sim.close();
    await expect(delayed).rejects.toThrow("fetch failed");
  });

  it("closes idle keep-alive connections and refuses new requests", async () => {
    const sim = await startSimulator();
    expect((await postParse(sim, { transactions: [] })).status).toBe(200);

    await sim.close();
    await expect(postParse(sim, { transactions: [] })).rejects.toThrow("fetch failed");
  });

  it("can be called twice", async () => {
    const sim = await startSimulator();
    await sim.close();
    await expect(sim.close()).resolves.toBeUndefined();
  });
});
