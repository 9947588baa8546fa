import { MockAgent } from "undici";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  MethodUnavailableError,
  RejectedKeyError,
  UpstreamError,
} from "../../src/helius/errors.js";
import {
  createMockClient,
  InstantClock,
  MOCK_KEY,
  MOCK_ORIGIN,
  rpcPath,
  rpcResult,
} from "../support/mock-helius.js";

const ORIGIN = MOCK_ORIGIN;
const KEY = MOCK_KEY;

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

function createClient() {
  return createMockClient({ agent, clock, maxRetries: 2, baseDelayMs: 10, maxDelayMs: 100 });
}

const entry = {
  signature: "sig1",
  slot: 5,
  transactionIndex: 3,
  err: null,
  memo: null,
  blockTime: 9,
  confirmationStatus: "finalized",
};
const signal = () => new AbortController().signal;

describe("HeliusClient.getTransactionsForAddress", () => {
  it("sends a signatures-mode request with its filters and returns the page", async () => {
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
      .reply(200, rpcResult({ data: [entry], paginationToken: "5:3" }));
    const client = createClient();

    const page = await client.getTransactionsForAddress(
      "W",
      {
        sortOrder: "asc",
        limit: 1000,
        paginationToken: "4:1",
        filters: { slot: { gte: 1, lt: 9 }, status: "succeeded", tokenAccounts: "balanceChanged" },
      },
      signal(),
    );

    expect(page).toEqual({ data: [entry], paginationToken: "5:3" });
    expect(sent).toEqual({
      jsonrpc: "2.0",
      id: 1,
      method: "getTransactionsForAddress",
      params: [
        "W",
        {
          transactionDetails: "signatures",
          sortOrder: "asc",
          limit: 1000,
          commitment: "finalized",
          paginationToken: "4:1",
          filters: {
            slot: { gte: 1, lt: 9 },
            status: "succeeded",
            tokenAccounts: "balanceChanged",
          },
        },
      ],
    });
    expect(client.stats()).toMatchObject({ requests: 1, walkRequests: 1, credits: 100 });
  });

  it("reads a missing token as the end", async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: rpcPath, method: "POST" })
      .reply(200, rpcResult({ data: [] }));
    const page = await createClient().getTransactionsForAddress(
      "W",
      { sortOrder: "desc", limit: 10 },
      signal(),
    );
    expect(page).toEqual({ data: [], paginationToken: null });
  });

  it("turns the free plan's 403 into MethodUnavailableError at once, without the key", async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: rpcPath, method: "POST" })
      .reply(403, '{"jsonrpc":"2.0","error":{"code":-32403,"message":"Forbidden"},"id":1}');
    const client = createClient();

    const failure = client.getTransactionsForAddress(
      "W",
      { sortOrder: "desc", limit: 10 },
      signal(),
    );
    await expect(failure).rejects.toBeInstanceOf(MethodUnavailableError);
    await expect(failure).rejects.toMatchObject({ exitCode: 3, code: "E_METHOD_UNAVAILABLE" });
    await expect(failure).rejects.not.toThrow(KEY);
    expect(client.stats()).toMatchObject({ requests: 1, retries: 0, credits: 0 });

    // The plan refused one method, not the key: the fallback walk still goes out.
    agent
      .get(ORIGIN)
      .intercept({ path: rpcPath, method: "POST" })
      .reply(200, rpcResult([entry]));
    const page = await client.getSignaturesPage("W", { limit: 10 }, signal());
    expect(page.map((info) => info.signature)).toEqual(["sig1"]);
  });

  it("treats a server that does not know the method (-32601) the same way", async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: rpcPath, method: "POST" })
      .reply(200, '{"jsonrpc":"2.0","error":{"code":-32601,"message":"Method not found"},"id":1}');
    await expect(
      createClient().getTransactionsForAddress("W", { sortOrder: "desc", limit: 10 }, signal()),
    ).rejects.toBeInstanceOf(MethodUnavailableError);
  });

  it("keeps a 401 a rejected key", async () => {
    agent
      .get(ORIGIN)
      .intercept({ path: rpcPath, method: "POST" })
      .reply(401, '{"jsonrpc":"2.0","error":{"code":-32001,"message":"Unauthorized"},"id":1}');
    await expect(
      createClient().getTransactionsForAddress("W", { sortOrder: "desc", limit: 10 }, signal()),
    ).rejects.toBeInstanceOf(RejectedKeyError);
  });

  it("retries a 429 and a page without transactionIndex like any other call", async () => {
    const pool = agent.get(ORIGIN);
    pool
      .intercept({ path: rpcPath, method: "POST" })
      .reply(429, '{"jsonrpc":"2.0","error":{"code":-32429,"message":"rate limited"}}');
    const { transactionIndex: _dropped, ...withoutIndex } = entry;
    pool
      .intercept({ path: rpcPath, method: "POST" })
      .reply(200, rpcResult({ data: [withoutIndex], paginationToken: null }));
    pool
      .intercept({ path: rpcPath, method: "POST" })
      .reply(200, rpcResult({ data: [entry], paginationToken: null }));
    const client = createClient();

    const page = await client.getTransactionsForAddress(
      "W",
      { sortOrder: "desc", limit: 1 },
      signal(),
    );
    expect(page.data).toEqual([entry]);
    expect(client.stats()).toMatchObject({ requests: 3, retries: 2, throttled: 1, credits: 100 });
  });

  it("gives up after the retries with an UpstreamError", async () => {
    const pool = agent.get(ORIGIN);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      pool.intercept({ path: rpcPath, method: "POST" }).reply(503, "unavailable");
    }
    await expect(
      createClient().getTransactionsForAddress("W", { sortOrder: "desc", limit: 1 }, signal()),
    ).rejects.toBeInstanceOf(UpstreamError);
  });
});
