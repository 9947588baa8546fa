import type { MockAgent } from "undici";
import { HeliusClient } from "../../src/helius/client.js";
import type { Clock } from "../../src/helius/clock.js";
import { HttpTransport } from "../../src/helius/http-transport.js";
import { silentLogger } from "./logger.js";

/** Where a client under a MockAgent sends its requests, and the key it must never leak. */
export const MOCK_ORIGIN = "http://helius.test";
export const MOCK_KEY = "key-that-must-not-leak";

export const rpcPath = (path: string) => path === `/?api-key=${MOCK_KEY}`;
export const parsePath = (path: string) => path === `/v0/transactions?api-key=${MOCK_KEY}`;
export const rpcResult = (result: unknown) => JSON.stringify({ jsonrpc: "2.0", id: 1, result });

/** Sleeps return at once but move time on, so retries and pauses cost nothing to test. */
export class InstantClock implements Clock {
  time = 0;
  readonly sleeps: number[] = [];
  now = () => this.time;
  sleep = async (ms: number) => {
    this.sleeps.push(ms);
    this.time += Math.max(0, ms);
  };
}

export interface MockClientOptions {
  agent: MockAgent;
  clock: Clock;
  timeoutMs?: number;
  maxRetries?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  parseConcurrency?: number;
}

/** A client whose HTTP goes to `agent`, with jitter fixed at half the ceiling. */
export function createMockClient(options: MockClientOptions): HeliusClient {
  const timeoutMs = options.timeoutMs ?? 5000;
  return new HeliusClient({
    apiKey: MOCK_KEY,
    apiUrl: MOCK_ORIGIN,
    rpcUrl: MOCK_ORIGIN,
    concurrency: 4,
    ...(options.parseConcurrency === undefined
      ? {}
      : { parseConcurrency: options.parseConcurrency }),
    timeoutMs,
    retry: {
      maxRetries: options.maxRetries ?? 3,
      baseDelayMs: options.baseDelayMs ?? 100,
      maxDelayMs: options.maxDelayMs ?? 1000,
    },
    logger: silentLogger,
    clock: options.clock,
    random: () => 0.5,
    transport: new HttpTransport({ timeoutMs, connections: 4, dispatcher: options.agent }),
  });
}
