import {
  createSyntheticWallet,
  type Simulator,
  type SimulatorStats,
  startSimulator,
} from "../simulator/index.js";
import type { ServerProfile } from "./profiles.js";

/** A wallet the bench server serves, and what the lower bound needs to know of it. */
export interface BenchWallet {
  address: string;
  /** Signatures the walk lists. */
  signatures: number;
  /** Walk-order positions of the signatures to parse (the ones that did not fail). */
  parsePositions: number[];
  /** Swaps a complete export holds (the answer key's, with the default detection). */
  swaps: number;
}

/** 429s and requests the server saw during one run. */
export interface ServerCounts {
  requests: number;
  parseRequests: number;
  walkRequests: number;
  /** 429s for the server's own limits (in-flight or rate), both endpoint classes. */
  throttled: number;
}

/**
 * One simulator for the whole bench, in this process (so its memory and CPU are not the CLI's),
 * serving one wallet at a time: a wallet is made on first use and kept while the next profiles
 * ask for it. A wallet of 300,000 pre-rendered transactions is over a gigabyte of text, and
 * keeping every profile's wallet made the simulator's garbage collection pause answers by
 * hundreds of milliseconds, slowing the server below its profile.
 *
 * The wallets are synthetic, but served as recorded ones: each transaction is rendered to its
 * JSON text once, up front, so the simulator answers a parse call by joining texts. Rendering
 * on every call costs it about 13 ms per 100 transactions, and that time, spent after the
 * profile's latency and queued behind other answers, would make the server slower than the
 * profile says and be charged to the client.
 */
export class BenchServer {
  readonly #simulator: Simulator;
  #current: { seed: string; wallet: BenchWallet } | undefined;

  private constructor(simulator: Simulator) {
    this.#simulator = simulator;
  }

  static async start(): Promise<BenchServer> {
    return new BenchServer(await startSimulator({ seed: "bench" }));
  }

  /** Environment that points the CLI at this server. */
  get environment(): Record<string, string> {
    return {
      HELIUS_API_KEY: this.#simulator.apiKey,
      HELIUS_API_URL: this.#simulator.apiUrl,
      HELIUS_RPC_URL: this.#simulator.rpcUrl,
    };
  }

  /** The wallet of this size, made and pre-rendered unless it is the one served already. */
  wallet(transactions: number, failedShare: number): BenchWallet {
    const seed = `bench/${transactions}/${failedShare}`;
    if (this.#current?.seed === seed) return this.#current.wallet;
    if (this.#current !== undefined) this.#simulator.removeWallet(this.#current.wallet.address);
    this.#current = undefined;

    const synthetic = createSyntheticWallet({ seed, transactions, failedShare });
    const history = synthetic.transactions();
    // JSON.stringify calls toJSON, so each object is rendered only while its text is made
    // and the whole history never sits in memory as objects.
    const recorded = history.map((transaction) => ({
      signature: transaction.signature,
      slot: transaction.slot,
      timestamp: transaction.blockTime,
      transactionError: transaction.err,
      toJSON: () => transaction.enhanced(),
    }));
    this.#simulator.addRecordedWallet(synthetic.address, recorded);

    const parsePositions: number[] = [];
    history.forEach((transaction, position) => {
      if (transaction.err === null) parsePositions.push(position);
    });
    const swaps = history.filter(
      ({ truth }) => !truth.failed && (truth.labelSwap || truth.balanceSwap),
    ).length;
    const wallet = {
      address: synthetic.address,
      signatures: history.length,
      parsePositions,
      swaps,
    };
    this.#current = { seed, wallet };
    return wallet;
  }

  /** Applies a profile's latency and limits (buckets start full) and zeroes the counters. */
  configure(server: ServerProfile | "instant"): void {
    if (server === "instant") {
      this.#simulator.setLatency({});
      this.#simulator.setLimits({});
    } else {
      this.#simulator.setLatency({
        rpc: { ms: server.walkLatencyMs },
        parse: { ms: server.parseLatencyMs },
      });
      this.#simulator.setLimits({
        ...(server.maxParseInFlight === undefined
          ? {}
          : { maxParseInFlight: server.maxParseInFlight }),
        ...(server.parseRatePerSecond === undefined
          ? {}
          : { parseRatePerSecond: server.parseRatePerSecond }),
        ...(server.parseBurst === undefined ? {} : { parseBurst: server.parseBurst }),
      });
    }
    this.#simulator.resetStats();
  }

  counts(): ServerCounts {
    return countsOf(this.#simulator.stats());
  }

  close(): Promise<void> {
    return this.#simulator.close();
  }
}

function countsOf(stats: SimulatorStats): ServerCounts {
  return {
    requests: stats.rpc.requests + stats.parse.requests,
    parseRequests: stats.parse.requests,
    walkRequests: stats.rpc.requests,
    throttled: stats.rpc.rateLimited + stats.parse.rateLimited,
  };
}
