import { setImmediate as nextLoopTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { HeliusClient } from "../../src/helius/client.js";
import { type HttpResponse, HttpTransport } from "../../src/helius/http-transport.js";
import { silentLogger } from "../support/logger.js";
import { ManualClock } from "../support/manual-clock.js";

const RATE_LIMITED = JSON.stringify({
  jsonrpc: "2.0",
  error: { code: -32429, message: "rate limited" },
  id: "1",
});

/**
 * A Helius stand-in on the manual clock: parse calls pass a token bucket that starts full
 * (429 at once with Retry-After in whole seconds beyond it, as the simulator does) and take
 * `latencyMs`; walk calls take `latencyMs` and are never limited.
 */
class VirtualServer extends HttpTransport {
  readonly sent: Array<{ at: number; kind: "walk" | "parse"; status: number }> = [];
  #tokens: number;
  #updatedAt = 0;

  constructor(
    private readonly clock: ManualClock,
    private readonly ratePerSecond: number,
    private readonly latencyMs: number,
  ) {
    super({ timeoutMs: 60_000, connections: 1 });
    this.#tokens = ratePerSecond;
  }

  override async postJson(url: URL, _payload: unknown, signal: AbortSignal): Promise<HttpResponse> {
    const now = this.clock.now();
    const kind = url.pathname.endsWith("/v0/transactions") ? "parse" : "walk";
    if (kind === "parse" && !this.#admit(now)) {
      const waitSeconds = Math.max(1, Math.ceil((1 - this.#tokens) / this.ratePerSecond));
      this.sent.push({ at: now, kind, status: 429 });
      return { status: 429, retryAfter: String(waitSeconds), body: RATE_LIMITED };
    }

    this.sent.push({ at: now, kind, status: 200 });
    await this.clock.sleep(this.latencyMs, signal);
    const body = kind === "parse" ? "[]" : JSON.stringify({ jsonrpc: "2.0", id: 1, result: [] });
    return { status: 200, retryAfter: undefined, body };
  }

  #admit(now: number): boolean {
    const elapsed = (now - this.#updatedAt) / 1000;
    this.#tokens = Math.min(this.ratePerSecond, this.#tokens + elapsed * this.ratePerSecond);
    this.#updatedAt = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}

function createClient(clock: ManualClock, server: VirtualServer, enhancedRps?: number) {
  return new HeliusClient({
    apiKey: "key",
    apiUrl: "http://helius.test",
    rpcUrl: "http://helius.test",
    concurrency: 10,
    timeoutMs: 60_000,
    retry: { maxRetries: 20 },
    logger: silentLogger,
    clock,
    random: () => 0.5,
    transport: server,
    ...(enhancedRps === undefined ? {} : { enhancedRps }),
  });
}

/** Runs `calls` parse calls, 15 at a time, moving the clock on until all are done. */
async function parseAll(client: HeliusClient, clock: ManualClock, calls: number) {
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < calls) {
      next += 1;
      await client.parseTransactions([], new AbortController().signal);
      done += 1;
    }
  };
  const workers = Array.from({ length: 15 }, worker);

  while (done < calls) {
    await clock.advance(5);
    await nextLoopTurn();
    await nextLoopTurn();
  }
  await Promise.all(workers);
  return clock.now();
}

describe("HeliusClient pacing", () => {
  it("learns a rate it was not told from the 429s, keeping them few", async () => {
    const clock = new ManualClock();
    const server = new VirtualServer(clock, 8, 200);
    const client = createClient(clock, server);

    const finishedAt = await parseAll(client, clock, 240);

    // The best any client could do: 8 at once, then 8 a second, and the last one's latency.
    const boundMs = ((240 - 8) / 8) * 1000 + 200;
    expect(finishedAt).toBeLessThanOrEqual(boundMs * 1.2);
    const refused = server.sent.filter((request) => request.status === 429).length;
    expect(refused / server.sent.length).toBeLessThan(0.1);
    expect(client.stats().throttled).toBe(refused);
  });

  it("paces a known rate exactly, from the first call, without a single 429", async () => {
    const clock = new ManualClock();
    const server = new VirtualServer(clock, 2, 200);
    const client = createClient(clock, server, 2);

    await parseAll(client, clock, 6);

    expect(server.sent.map((request) => [request.at, request.status])).toEqual([
      [0, 200],
      [500, 200],
      [1000, 200],
      [1500, 200],
      [2000, 200],
      [2500, 200],
    ]);
  });

  it("holds a walk call back while a parse call's 429 pause lasts", async () => {
    const clock = new ManualClock();
    const server = new VirtualServer(clock, 1, 200);
    const client = createClient(clock, server);
    const signal = () => new AbortController().signal;

    void client.parseTransactions([], signal()); // takes the only token
    void client.parseTransactions([], signal()); // 429, Retry-After: 1
    for (let turn = 0; turn < 3; turn += 1) await nextLoopTurn();
    expect(client.stats().throttled).toBe(1);
    void client.getSignaturesPage("wallet", { limit: 100 }, signal());
    for (let step = 0; step < 300; step += 1) {
      await clock.advance(5);
      await nextLoopTurn();
    }

    const walk = server.sent.find((request) => request.kind === "walk");
    expect(walk?.at).toBe(1000);
  });
});
