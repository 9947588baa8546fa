import { afterEach, describe, expect, it } from "vitest";
import {
  type Simulator,
  type SimulatorOptions,
  startSimulator,
} from "../../src/simulator/index.js";
import { retryAfterSeconds, TokenBucket } from "../../src/simulator/rate-limit.js";
import { postParse, postRpc, signaturesRequest, waitUntil } from "./helpers.js";

const running: Simulator[] = [];

async function start(options: SimulatorOptions): Promise<Simulator> {
  const sim = await startSimulator(options);
  running.push(sim);
  return sim;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

/** A clock the test moves by hand (milliseconds). */
function manualClock() {
  let now = 0;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const RATE_LIMITED = { jsonrpc: "2.0", error: { code: -32429, message: "rate limited" } };

describe("in-flight limit", () => {
  it("answers 429 at once to a request beyond maxParseInFlight", async () => {
    const sim = await start({
      limits: { maxParseInFlight: 2 },
      faults: { parse: { script: [{ kind: "hang" }, { kind: "hang" }] } },
    });
    const abort = new AbortController();
    const hung = [1, 2].map(() =>
      fetch(`${sim.apiUrl}/v0/transactions?api-key=${sim.apiKey}`, {
        method: "POST",
        body: JSON.stringify({ transactions: [] }),
        signal: abort.signal,
      }).catch(() => "aborted"),
    );
    await waitUntil(() => sim.stats().parse.inFlight === 2, "two requests are in flight");

    const refused = await postParse(sim, { transactions: [] });
    expect([refused.status, JSON.parse(refused.text), refused.headers.get("retry-after")]).toEqual([
      429,
      RATE_LIMITED,
      null,
    ]);

    abort.abort();
    expect(await Promise.all(hung)).toEqual(["aborted", "aborted"]);
    await waitUntil(() => sim.stats().parse.inFlight === 0, "the hung requests are released");
    expect((await postParse(sim, { transactions: [] })).status).toBe(200);

    const { parse } = sim.stats();
    expect([parse.maxInFlight, parse.rejectedInFlight, parse.rateLimited, parse.statuses]).toEqual([
      2,
      1,
      1,
      { 200: 1, 429: 1 },
    ]);
  });

  it("limits the RPC class on its own with maxRpcInFlight", async () => {
    const sim = await start({
      limits: { maxRpcInFlight: 1 },
      faults: { rpc: { script: [{ kind: "hang" }] } },
    });
    const abort = new AbortController();
    const body = JSON.stringify(
      signaturesRequest("11111111111111111111111111111111", undefined, 9),
    );
    const held = fetch(`${sim.rpcUrl}?api-key=${sim.apiKey}`, {
      method: "POST",
      body,
      signal: abort.signal,
    })
      .then(() => "answered")
      .catch(() => "aborted");
    await waitUntil(() => sim.stats().rpc.inFlight === 1, "one RPC request is held");

    const refused = await postRpc(sim, body);
    expect([refused.status, JSON.parse(refused.text)]).toEqual([429, RATE_LIMITED]);
    expect((await postParse(sim, { transactions: [] })).status).toBe(200);

    abort.abort();
    expect(await held).toBe("aborted");
  });
});

describe("rate limit", () => {
  it("admits a burst, then answers 429 with Retry-After until a token refills", async () => {
    const clock = manualClock();
    const sim = await start({ clock: clock.now, limits: { parseRatePerSecond: 2 } });
    const statuses = [];
    for (let request = 0; request < 3; request += 1) {
      statuses.push((await postParse(sim, { transactions: [] })).status);
    }
    expect(statuses).toEqual([200, 200, 429]);

    const refused = await postParse(sim, { transactions: [] });
    expect([JSON.parse(refused.text), refused.headers.get("retry-after")]).toEqual([
      RATE_LIMITED,
      "1",
    ]);

    clock.advance(500);
    expect((await postParse(sim, { transactions: [] })).status).toBe(200);
    expect(sim.stats().parse.rejectedRate).toBe(2);
  });

  it("rounds Retry-After up to whole seconds", async () => {
    const clock = manualClock();
    const sim = await start({ clock: clock.now, limits: { rpcRatePerSecond: 0.25 } });
    expect((await postRpc(sim, signaturesRequest("11111111111111111111111111111111"))).status).toBe(
      200,
    );
    clock.advance(1_000);
    const refused = await postRpc(sim, signaturesRequest("11111111111111111111111111111111"));
    expect([refused.status, refused.headers.get("retry-after")]).toEqual([429, "3"]);
  });

  it("uses the burst size when given", async () => {
    const clock = manualClock();
    const sim = await start({ clock: clock.now, limits: { parseRatePerSecond: 1, parseBurst: 3 } });
    const statuses = [];
    for (let request = 0; request < 4; request += 1) {
      statuses.push((await postParse(sim, { transactions: [] })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it("omits Retry-After when retryAfterHeader is false", async () => {
    const clock = manualClock();
    const sim = await start({
      clock: clock.now,
      limits: { parseRatePerSecond: 1, retryAfterHeader: false },
    });
    await postParse(sim, { transactions: [] });
    const refused = await postParse(sim, { transactions: [] });
    expect([refused.status, refused.headers.get("retry-after")]).toEqual([429, null]);
  });

  it("changes at runtime with setLimits and starts with a full bucket", async () => {
    const clock = manualClock();
    const sim = await start({ clock: clock.now, limits: { parseRatePerSecond: 1 } });
    await postParse(sim, { transactions: [] });
    expect((await postParse(sim, { transactions: [] })).status).toBe(429);
    sim.setLimits({ parseRatePerSecond: 5 });
    expect((await postParse(sim, { transactions: [] })).status).toBe(200);
    sim.setLimits({});
    for (let request = 0; request < 10; request += 1) {
      expect((await postParse(sim, { transactions: [] })).status).toBe(200);
    }
  });

  it.each([
    [{ maxParseInFlight: 0 }, "maxParseInFlight must be an integer >= 1"],
    [{ rpcRatePerSecond: -1 }, "rpcRatePerSecond must be a number > 0"],
    [
      { parseRatePerSecond: 1, parseBurst: 0.5 },
      "parseBurst must be >= 1 so that a request can ever pass",
    ],
  ])("rejects limits %j", async (limits, message) => {
    await expect(startSimulator({ limits })).rejects.toThrow(message);
  });
});

describe("TokenBucket", () => {
  it("refills continuously and reports the wait for the next token", () => {
    const clock = manualClock();
    const bucket = new TokenBucket(4, 2, clock.now);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([
      { admitted: true },
      { admitted: true },
      { admitted: false, retryAfterMs: 250 },
    ]);
    clock.advance(250);
    expect(bucket.take()).toEqual({ admitted: true });
  });

  it.each([
    [1, 1],
    [1000, 1],
    [1001, 2],
    [0, 1],
  ])("turns a wait of %d ms into Retry-After %d", (waitMs, seconds) => {
    expect(retryAfterSeconds(waitMs)).toBe(seconds);
  });
});
