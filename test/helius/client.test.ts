import { readFileSync } from "node:fs";
import { MockAgent } from "undici";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CreditsExhaustedError,
  RejectedKeyError,
  RequestRejectedError,
  UpstreamError,
} from "../../src/helius/errors.js";
import {
  createMockClient,
  InstantClock,
  MOCK_KEY,
  MOCK_ORIGIN,
  parsePath,
  rpcPath,
  rpcResult,
} from "../support/mock-helius.js";

const ORIGIN = MOCK_ORIGIN;
const KEY = MOCK_KEY;
const realTransactions = JSON.parse(
  readFileSync(new URL("../../../shared/real-helius/swaps.json", import.meta.url), "utf8"),
) as Array<{ signature: string }>;

let agent: MockAgent;
let clock: InstantClock;

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  clock = new InstantClock();
});

afterEach(async () => {
  await agent.close();
});

function createClient(
  overrides: { timeoutMs?: number; maxRetries?: number; parseConcurrency?: number } = {},
) {
  return createMockClient({ agent, clock, ...overrides });
}

const page = [{ signature: "sig1", slot: 5, err: null, memo: null, blockTime: 9 }];
const signal = () => new AbortController().signal;

describe("HeliusClient.getSignaturesPage", () => {
  it("sends a JSON-RPC request with the key in the query and returns the page", async () => {
    let sent: unknown;
    agent
      .get(ORIGIN)
      .intercept({
        path: rpcPath,
        method: "POST",
        body: (body) => {
          sent = JSON.parse(body);
          return true;
        },
      })
      .reply(200, rpcResult(page));

    const result = await createClient().getSignaturesPage(
      "W",
      { limit: 1000, before: "b" },
      signal(),
    );

    expect(result).toEqual(page);
    expect(sent).toEqual({
      jsonrpc: "2.0",
      id: 1,
      method: "getSignaturesForAddress",
      params: ["W", { limit: 1000, commitment: "finalized", before: "b" }],
    });
  });

  it("retries a 503 and counts the retry", async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: rpcPath, method: "POST" }).reply(503, "unavailable");
    pool.intercept({ path: rpcPath, method: "POST" }).reply(200, rpcResult(page));
    const client = createClient();

    expect(await client.getSignaturesPage("W", { limit: 10 }, signal())).toEqual(page);
    expect(client.stats()).toMatchObject({ requests: 2, retries: 1, throttled: 0 });
    expect(clock.sleeps).toContain(50); // full jitter at 0.5 of the 100 ms first ceiling
  });

  it("waits out Retry-After on a 429 before trying again", async () => {
    const pool = agent.get(ORIGIN);
    pool
      .intercept({ path: rpcPath, method: "POST" })
      .reply(429, '{"jsonrpc":"2.0","error":{"code":-32429,"message":"rate limited"}}', {
        headers: { "retry-after": "1" },
      });
    pool.intercept({ path: rpcPath, method: "POST" }).reply(200, rpcResult(page));
    const client = createClient();

    await client.getSignaturesPage("W", { limit: 10 }, signal());
    expect(client.stats()).toMatchObject({ requests: 2, throttled: 1, retries: 1 });
    expect(clock.sleeps).toContain(1000);
  });

  it("treats a JSON-RPC rate-limit error over HTTP 200 as throttling", async () => {
    const pool = agent.get(ORIGIN);
    pool
      .intercept({ path: rpcPath, method: "POST" })
      .reply(200, '{"jsonrpc":"2.0","error":{"code":-32005,"message":"Too many requests"}}');
    pool.intercept({ path: rpcPath, method: "POST" }).reply(200, rpcResult(page));
    const client = createClient();

    await client.getSignaturesPage("W", { limit: 10 }, signal());
    expect(client.stats().throttled).toBe(1);
  });

  it("gives up at once on a rejected key", async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: rpcPath, method: "POST" })
      .reply(401, '{"jsonrpc":"2.0","error":{"code":-32001,"message":"Unauthorized"}}');
    const client = createClient();

    await expect(client.getSignaturesPage("W", { limit: 10 }, signal())).rejects.toBeInstanceOf(
      RejectedKeyError,
    );
    expect(client.stats().requests).toBe(1);
  });

  it.each([200, 429])("ends the run at once when credits are used up (HTTP %i)", async (status) => {
    agent
      .get(ORIGIN)
      .intercept({ path: rpcPath, method: "POST" })
      .reply(status, '{"jsonrpc":"2.0","error":{"code":-32429,"message":"max usage reached"}}');
    const client = createClient();

    const failure = client.getSignaturesPage("W", { limit: 10 }, signal());
    await expect(failure).rejects.toBeInstanceOf(CreditsExhaustedError);
    await expect(failure).rejects.toThrow(/credits are used up/);
    expect(client.stats().requests).toBe(1);
  });

  it("reports a body that fails the schema by its field path, after retrying", async () => {
    const pool = agent.get(ORIGIN);
    const bad = rpcResult([{ signature: "s", slot: "5" }]);
    pool.intercept({ path: rpcPath, method: "POST" }).reply(200, bad).times(3);
    const client = createClient({ maxRetries: 2 });

    await expect(client.getSignaturesPage("W", { limit: 10 }, signal())).rejects.toThrow(
      /getSignaturesForAddress failed after 3 attempts: response failed the schema at result\[0\]\.slot/,
    );
  });

  it("retries malformed JSON and names it when retries run out", async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: rpcPath, method: "POST" }).reply(200, '{"jsonrpc":').times(2);
    const client = createClient({ maxRetries: 1 });

    const failure = client.getSignaturesPage("W", { limit: 10 }, signal());
    await expect(failure).rejects.toBeInstanceOf(UpstreamError);
    await expect(failure).rejects.toThrow(/malformed JSON/);
  });

  it("does not retry a request Helius refuses as invalid", async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: rpcPath, method: "POST" })
      .reply(200, '{"jsonrpc":"2.0","error":{"code":-32602,"message":"Invalid params"}}');
    const client = createClient();

    await expect(client.getSignaturesPage("W", { limit: 10 }, signal())).rejects.toBeInstanceOf(
      RequestRejectedError,
    );
    expect(client.stats().requests).toBe(1);
  });

  it("aborts a hung request after the timeout and retries it", async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: rpcPath, method: "POST" }).reply(200, rpcResult(page)).delay(2000);
    pool.intercept({ path: rpcPath, method: "POST" }).reply(200, rpcResult(page));
    const client = createClient({ timeoutMs: 50 });

    expect(await client.getSignaturesPage("W", { limit: 10 }, signal())).toEqual(page);
    expect(client.stats().retries).toBe(1);
  });

  it("never puts the API key in an error message", async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: rpcPath, method: "POST" })
      .reply(400, `bad request to ${ORIGIN}/?api-key=${KEY}`);
    const client = createClient();

    const error = await client.getSignaturesPage("W", { limit: 10 }, signal()).catch((e) => e);
    expect(error).toBeInstanceOf(RequestRejectedError);
    expect(String(error.message)).not.toContain(KEY);
    expect(error.message).toContain("api-key=[REDACTED]");
  });

  it("stops at once when the run is aborted", async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: rpcPath, method: "POST" })
      .reply(200, rpcResult(page))
      .delay(5000);
    const controller = new AbortController();
    const pending = createClient().getSignaturesPage("W", { limit: 10 }, controller.signal);

    controller.abort(new Error("interrupted"));
    await expect(pending).rejects.toThrow("interrupted");
  });
});

describe("HeliusClient.parseTransactions", () => {
  it("posts the signatures and keeps each object both raw and validated", async () => {
    const objects = realTransactions.slice(0, 3);
    let sent: unknown;
    agent
      .get(ORIGIN)
      .intercept({
        path: parsePath,
        method: "POST",
        body: (body) => {
          sent = JSON.parse(body);
          return true;
        },
      })
      .reply(200, JSON.stringify(objects));
    const signatures = objects.map((object) => object.signature);

    const result = await createClient().parseTransactions(signatures, signal());

    expect(sent).toEqual({ transactions: signatures });
    expect(result.map((entry) => entry.transaction.signature)).toEqual(signatures);
    expect(result.map((entry) => entry.raw)).toEqual(objects);
  });

  it("reads the words 'max usage reached' inside a valid answer as data, not as spent credits", async () => {
    const object = {
      ...(realTransactions[0] as { signature: string }),
      description: "bot said: max usage reached",
    };
    agent
      .get(ORIGIN)
      .intercept({ path: parsePath, method: "POST" })
      .reply(200, JSON.stringify([object]));

    const result = await createClient().parseTransactions([object.signature], signal());
    expect(result.map((entry) => entry.raw)).toEqual([object]);
  });

  it("lets no queued call out after a refusal that ends the run", async () => {
    // The caller aborts the run on the refusal; the call waiting for the one slot must then
    // never be sent, although the slot freed the moment the 403 arrived.
    agent
      .get(ORIGIN)
      .intercept({ path: parsePath, method: "POST" })
      .reply(403, '{"error":"Forbidden"}');
    agent
      .get(ORIGIN)
      .intercept({ path: parsePath, method: "POST" })
      .reply(200, JSON.stringify(realTransactions.slice(0, 1)));
    const client = createClient({ parseConcurrency: 1 });
    const run = new AbortController();
    const abortRun = (error: unknown) => {
      run.abort(error);
      throw error;
    };

    const first = client.parseTransactions(["a"], run.signal).catch(abortRun);
    const second = client.parseTransactions(["b"], run.signal).catch(abortRun);

    await expect(first).rejects.toBeInstanceOf(RejectedKeyError);
    await expect(second).rejects.toBeInstanceOf(RejectedKeyError);
    expect(client.stats().requests).toBe(1);
  });

  it("names the transaction and field that fail the schema", async () => {
    const broken = { ...realTransactions[0], slot: "not a number" };
    agent
      .get(ORIGIN)
      .intercept({ path: parsePath, method: "POST" })
      .reply(200, JSON.stringify([realTransactions[1], broken]))
      .times(2);

    await expect(
      createClient({ maxRetries: 1 }).parseTransactions(["a", "b"], signal()),
    ).rejects.toThrow(/response failed the schema at \[1\]\.slot/);
  });
});
