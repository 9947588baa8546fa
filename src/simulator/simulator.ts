import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import type { PlacedTransaction } from "./batch-placement.js";
import { type RecordedWallet, recordedTransactions } from "./recorded-wallet.js";
import { SimulatorServer } from "./server.js";
import {
  checkLatency,
  checkLimits,
  checkPlan,
  DEFAULT_API_KEY,
  DEFAULT_PLAN,
  type FaultOptions,
  type LatencyOptions,
  type LimitOptions,
  type SimulatedPlan,
  type SimulatorOptions,
} from "./simulator-options.js";
import { isAddress } from "./solana-keys.js";
import type { SimulatorStats } from "./stats.js";
import { createSyntheticWallet, type SyntheticWallet } from "./synthetic-wallet.js";
import type { WalletSpec } from "./wallet-spec.js";
import { type StoredTransaction, TransactionStore } from "./wallet-store.js";

/** A running Helius stand-in on 127.0.0.1. */
export interface Simulator {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** The JSON-RPC endpoint, `http://127.0.0.1:PORT/` (send `?api-key=KEY`). */
  readonly rpcUrl: string;
  /** The REST base, `http://127.0.0.1:PORT`, as `https://api.helius.xyz` (append `/v0/...`). */
  readonly apiUrl: string;
  readonly apiKey: string;
  /** Generates a deterministic synthetic wallet and serves it. */
  addWallet(spec: WalletSpec): SyntheticWallet;
  /** Serves real enhanced objects verbatim as the history of `address`. */
  addRecordedWallet(address: string, enhancedObjects: readonly unknown[]): RecordedWallet;
  /** Stops serving a wallet; false when it was not served. */
  removeWallet(address: string): boolean;
  /** The parse endpoint never returns these signatures again; signature lists keep them. */
  markUnavailable(signatures: Iterable<string>): void;
  /** Replaces every fault plan (a class left out gets none). Random mixes restart their seed. */
  setFaults(faults: FaultOptions): void;
  /** Replaces every limit (left out means unlimited); token buckets start full. */
  setLimits(limits: LimitOptions): void;
  /** Replaces the latency of both classes (left out means none). */
  setLatency(latency: LatencyOptions): void;
  /** Turns the 403 mode on or off. */
  setForbidden(forbidden: boolean): void;
  /** The plan the key is on; "free" refuses getTransactionsForAddress with a 403. */
  setPlan(plan: SimulatedPlan): void;
  /** A copy of the counters. */
  stats(): SimulatorStats;
  resetStats(): void;
  /** Stops the server, ending hung requests and keep-alive connections. Idempotent. */
  close(): Promise<void>;
}

/** Default largest request body: far above 100 signatures (~9 KB). */
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Starts a simulator on an ephemeral port of 127.0.0.1 (or `options.port`). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const apiKey = options.apiKey ?? DEFAULT_API_KEY;
  if (apiKey.length === 0) {
    throw new RangeError("apiKey must not be empty");
  }
  const store = new TransactionStore();
  const server = new SimulatorServer(store, {
    apiKey,
    seed: options.seed ?? "simulator",
    clock: options.clock ?? (() => performance.now()),
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
  });
  server.forbidden = options.forbidden ?? false;
  server.plan = checkPlan(options.plan ?? DEFAULT_PLAN);
  server.setLimits(checkLimits(options.limits ?? {}));
  server.setLatency(checkLatency(options.latency ?? {}));
  server.setFaults(options.faults ?? {});

  await new Promise<void>((resolve, reject) => {
    server.http.once("error", reject);
    server.http.listen(options.port ?? 0, "127.0.0.1", () => {
      server.http.off("error", reject);
      resolve();
    });
  });
  const { port } = server.http.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  let closed: Promise<void> | undefined;
  return {
    url,
    rpcUrl: `${url}/`,
    apiUrl: url,
    apiKey,
    addWallet: (spec) => addSyntheticWallet(store, spec),
    addRecordedWallet: (address, objects) => addRecordedWallet(store, address, objects),
    removeWallet: (address) => store.removeHistory(address),
    markUnavailable: (signatures) => store.markUnavailable(signatures),
    setFaults: (faults) => server.setFaults(faults),
    setLimits: (limits) => server.setLimits(checkLimits(limits)),
    setLatency: (latency) => server.setLatency(checkLatency(latency)),
    setForbidden: (forbidden) => {
      server.forbidden = forbidden;
    },
    setPlan: (plan) => {
      server.plan = checkPlan(plan);
    },
    stats: () => server.stats.snapshot(),
    resetStats: () => server.stats.reset(),
    close: () => {
      closed ??= server.close();
      return closed;
    },
  };
}

function addSyntheticWallet(store: TransactionStore, spec: WalletSpec): SyntheticWallet {
  let history: ReturnType<TransactionStore["createHistory"]> | undefined;
  return createSyntheticWallet(spec, (batch, wallet) => {
    history ??= store.createHistory(wallet);
    store.prepend(
      history,
      batch.map((placed) => storedOf(placed, wallet)),
    );
  });
}

function storedOf(placed: PlacedTransaction, wallet: string): StoredTransaction {
  const { plan, transactionIndex, listedWith } = placed;
  const common = { signature: plan.signature, slot: plan.slot, blockTime: plan.blockTime };
  if (placed.origin === "token-account") {
    const entry = { ...common, err: null, transactionIndex, listedWith };
    return { origin: "token-account", entry, wallet, plan: placed.plan };
  }
  const err = placed.plan.failure?.error ?? null;
  const entry = { ...common, err, transactionIndex, listedWith };
  return { origin: "synthetic", entry, wallet, plan: placed.plan };
}

function addRecordedWallet(
  store: TransactionStore,
  address: string,
  objects: readonly unknown[],
): RecordedWallet {
  if (!isAddress(address)) {
    throw new RangeError(
      `recorded wallet address ${JSON.stringify(address)} is not a base58 public key`,
    );
  }
  const transactions = recordedTransactions(objects);
  store.prepend(store.createHistory(address), transactions);
  return { address, signatures: transactions.map((stored) => stored.entry.signature) };
}
