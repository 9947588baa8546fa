import { Command, InvalidArgumentError, Option } from "commander";
import type { ParseFault, RpcFault } from "./faults.js";
import {
  DEFAULT_API_KEY,
  DEFAULT_PLAN,
  SIMULATED_PLANS,
  type SimulatedPlan,
  type SimulatorOptions,
} from "./simulator-options.js";
import type { WalletSpec } from "./wallet-spec.js";

/** A recorded wallet to load: its address and a JSON file holding an array of enhanced objects. */
export interface RecordedSource {
  address: string;
  path: string;
}

/** Everything the runnable simulator needs, resolved from its command line. */
export interface SimulatorCliConfig {
  options: SimulatorOptions;
  wallets: WalletSpec[];
  recorded: RecordedSource[];
}

/** Faults a flaky network and a busy upstream produce; `--*-fault-rate` draws from these. */
export const TRANSIENT_FAULTS = [
  { kind: "status", status: 429, retryAfterSeconds: 1 },
  { kind: "status", status: 500 },
  { kind: "status", status: 502 },
  { kind: "status", status: 503 },
  { kind: "status", status: 504 },
  { kind: "connection-reset" },
  { kind: "truncated-body" },
] as const satisfies readonly (RpcFault & ParseFault)[];

interface RawOptions {
  port: number;
  apiKey: string;
  seed: string;
  wallet: WalletSpec[];
  recorded: RecordedSource[];
  rpcLatency: number;
  parseLatency: number;
  jitter: number;
  maxRpcInFlight?: number;
  maxParseInFlight?: number;
  rpcRate?: number;
  parseRate?: number;
  retryAfter: boolean;
  rpcFaultRate: number;
  parseFaultRate: number;
  forbidden: boolean;
  plan?: SimulatedPlan;
}

/** The commander program of `node dist/simulator/main.js`. */
export function createSimulatorCommand(): Command {
  return new Command("helius-simulator")
    .description("Serve a Helius stand-in on 127.0.0.1 and print its URLs as one JSON line.")
    .option("--port <n>", "TCP port (0 picks a free one)", integerFrom(0, 65_535), 0)
    .option("--api-key <key>", "the only API key accepted", DEFAULT_API_KEY)
    .option("--seed <text>", "seed of latency jitter and random faults", "simulator")
    .option("--wallet <seed:count>", "add a synthetic wallet (repeatable)", collectWallet, [])
    .option(
      "--recorded <address=file>",
      "serve a JSON array of enhanced transactions (repeatable)",
      collectRecorded,
      [],
    )
    .option("--rpc-latency <ms>", "time to answer JSON-RPC calls", numberFrom(0), 0)
    .option("--parse-latency <ms>", "time to answer POST /v0/transactions", numberFrom(0), 0)
    .option("--jitter <ms>", "extra random latency, 0 to this many ms", numberFrom(0), 0)
    .option(
      "--max-rpc-in-flight <n>",
      "concurrent RPC requests before 429",
      integerFrom(1, 1_000_000),
    )
    .option(
      "--max-parse-in-flight <n>",
      "concurrent parse requests before 429",
      integerFrom(1, 1_000_000),
    )
    .option("--rpc-rate <rps>", "RPC requests per second before 429", positiveNumber)
    .option("--parse-rate <rps>", "parse requests per second before 429", positiveNumber)
    .option("--no-retry-after", "omit Retry-After on rate-limit 429s")
    .option("--rpc-fault-rate <p>", "share of RPC requests given a transient fault", shareOf, 0)
    .option("--parse-fault-rate <p>", "share of parse requests given a transient fault", shareOf, 0)
    .option("--forbidden", "answer 403 to every request", false)
    .addOption(
      new Option(
        "--plan <plan>",
        `the key's plan; free refuses getTransactionsForAddress (default: ${DEFAULT_PLAN})`,
      ).choices(SIMULATED_PLANS),
    );
}

/** Parses argv (without node and script) into a resolved configuration. */
export function parseSimulatorArgs(
  args: readonly string[],
  command = createSimulatorCommand(),
): SimulatorCliConfig {
  command.parse([...args], { from: "user" });
  const raw = command.opts<RawOptions>();

  const options: SimulatorOptions = {
    port: raw.port,
    apiKey: raw.apiKey,
    seed: raw.seed,
    forbidden: raw.forbidden,
    ...(raw.plan === undefined ? {} : { plan: raw.plan }),
    latency: {
      rpc: { ms: raw.rpcLatency, jitterMs: raw.jitter },
      parse: { ms: raw.parseLatency, jitterMs: raw.jitter },
    },
    limits: {
      ...(raw.maxRpcInFlight === undefined ? {} : { maxRpcInFlight: raw.maxRpcInFlight }),
      ...(raw.maxParseInFlight === undefined ? {} : { maxParseInFlight: raw.maxParseInFlight }),
      ...(raw.rpcRate === undefined ? {} : { rpcRatePerSecond: raw.rpcRate }),
      ...(raw.parseRate === undefined ? {} : { parseRatePerSecond: raw.parseRate }),
      retryAfterHeader: raw.retryAfter,
    },
    faults: {
      rpc: { random: { probability: raw.rpcFaultRate, kinds: TRANSIENT_FAULTS } },
      parse: { random: { probability: raw.parseFaultRate, kinds: TRANSIENT_FAULTS } },
    },
  };
  return { options, wallets: raw.wallet, recorded: raw.recorded };
}

function collectWallet(value: string, previous: WalletSpec[]): WalletSpec[] {
  const separator = value.lastIndexOf(":");
  const seed = value.slice(0, separator);
  const count = Number(value.slice(separator + 1));
  if (separator <= 0 || !Number.isSafeInteger(count) || count < 0 || count > 1_000_000) {
    throw new InvalidArgumentError(
      "expected <seed>:<count> with a count from 0 to 1000000, e.g. demo:2000",
    );
  }
  return [...previous, { seed, transactions: count }];
}

function collectRecorded(value: string, previous: RecordedSource[]): RecordedSource[] {
  const separator = value.indexOf("=");
  if (separator <= 0 || separator === value.length - 1) {
    throw new InvalidArgumentError("expected <address>=<file.json>");
  }
  return [...previous, { address: value.slice(0, separator), path: value.slice(separator + 1) }];
}

function integerFrom(min: number, max: number): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      throw new InvalidArgumentError(`must be an integer from ${min} to ${max}`);
    }
    return parsed;
  };
}

function numberFrom(min: number): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (value.trim() === "" || !Number.isFinite(parsed) || parsed < min) {
      throw new InvalidArgumentError(`must be a number >= ${min}`);
    }
    return parsed;
  };
}

function positiveNumber(value: string): number {
  const parsed = Number(value);
  if (value.trim() === "" || !Number.isFinite(parsed) || parsed <= 0) {
    throw new InvalidArgumentError("must be a number > 0");
  }
  return parsed;
}

function shareOf(value: string): number {
  const parsed = Number(value);
  if (value.trim() === "" || !Number.isFinite(parsed) || parsed < 0 || parsed > 1) {
    throw new InvalidArgumentError("must be a number from 0 to 1");
  }
  return parsed;
}
