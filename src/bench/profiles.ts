/**
 * The benchmark's named profiles: a wallet, a server (latency and limits) and the command line
 * fetch-swaps runs with, plus the goals the run must meet.
 */

export interface ServerProfile {
  /** Latency of every `getSignaturesForAddress` call, milliseconds. */
  walkLatencyMs: number;
  /** Latency of every `POST /v0/transactions` call, milliseconds. */
  parseLatencyMs: number;
  /** Parse calls served at once; one more gets a 429 without Retry-After. */
  maxParseInFlight?: number;
  /** Parse calls a second (a token bucket, 429 with Retry-After in whole seconds beyond). */
  parseRatePerSecond?: number;
  /** The bucket's size; the simulator's default is one second's worth. */
  parseBurst?: number;
}

export type Goal =
  /** Wall time less start-up, over the lower bound. */
  | { kind: "ratio-at-most"; limit: number }
  /** 429s as a share of all requests sent. */
  | { kind: "throttled-share-below"; limit: number }
  | { kind: "no-throttling" }
  | { kind: "peak-rss-at-most"; megabytes: number }
  /** Wall time less start-up of the named profile, over this one's. */
  | { kind: "speedup-at-least"; factor: number; baseline: string };

export interface BenchProfile {
  name: string;
  /** One line for the README: what the profile stands for. */
  description: string;
  transactions: number;
  /** Share of failed transactions (listed by the walk, not parsed). */
  failedShare: number;
  server: ServerProfile;
  /** Flags after the wallet address; output always goes to /dev/null. */
  args: readonly string[];
  /** Runs to make; the one with the median wall time is reported. */
  repeats: number;
  goals: readonly Goal[];
  /**
   * How the lower bound lets a client walk: `chain` (getSignaturesForAddress, one page after
   * another; the default) or `parallel` (getTransactionsForAddress over slot ranges: every
   * page could be asked for at once).
   */
  walk?: "chain" | "parallel";
}

/** Walk and parse latency of the seed case, 1/6 of the real calls' time scale. */
const SEED_SERVER: ServerProfile = { walkLatencyMs: 50, parseLatencyMs: 200, maxParseInFlight: 10 };

/**
 * The walk-dominated whale's server: 150 ms walk calls, and parse calls served fast enough
 * (10 at once, 200 ms) that the getSignaturesForAddress chain sets the pace.
 */
const WALK_SERVER: ServerProfile = {
  walkLatencyMs: 150,
  parseLatencyMs: 200,
  maxParseInFlight: 10,
};

/** The profiles, in the order they run and are reported. */
export const PROFILES: readonly BenchProfile[] = [
  {
    name: "seed",
    description:
      "an earlier attempt's real case (86 pages, 107 s sequential) at 1/6 of its time scale: " +
      "8,600 transactions, the server refusing more than 10 parse calls at once",
    transactions: 8600,
    failedShare: 0,
    server: SEED_SERVER,
    args: [],
    repeats: 5,
    goals: [
      { kind: "ratio-at-most", limit: 1.1 },
      { kind: "speedup-at-least", factor: 8, baseline: "seed --concurrency 1" },
    ],
  },
  {
    name: "seed --concurrency 1",
    description: "the same, one call at a time in each lane: the side-by-side baseline",
    transactions: 8600,
    failedShare: 0,
    server: SEED_SERVER,
    args: ["--concurrency", "1"],
    repeats: 1,
    goals: [],
  },
  {
    name: "rate-limited",
    description:
      "a server that admits 8 parse calls a second (429 with Retry-After beyond), a rate the " +
      "client is not told: 24,000 transactions",
    transactions: 24_000,
    failedShare: 0,
    server: { walkLatencyMs: 50, parseLatencyMs: 200, parseRatePerSecond: 8 },
    args: [],
    repeats: 1,
    goals: [
      { kind: "ratio-at-most", limit: 1.2 },
      { kind: "throttled-share-below", limit: 0.1 },
    ],
  },
  {
    name: "free plan",
    description:
      "the Free plan's Enhanced limit of 2 calls a second, known up front (`--rps 2`): 4,000 " +
      "transactions",
    transactions: 4000,
    failedShare: 0,
    server: { walkLatencyMs: 50, parseLatencyMs: 200, parseRatePerSecond: 2 },
    args: ["--rps", "2"],
    repeats: 1,
    goals: [{ kind: "no-throttling" }, { kind: "ratio-at-most", limit: 1.05 }],
  },
  {
    name: "whale",
    description: "100,000 transactions, NDJSON newest first to /dev/null, on the seed's server",
    transactions: 100_000,
    failedShare: 0,
    server: SEED_SERVER,
    args: [],
    repeats: 1,
    goals: [{ kind: "peak-rss-at-most", megabytes: 150 }],
  },
  {
    name: "whale --order asc",
    description: "the same, oldest first (records go through the disk spool)",
    transactions: 100_000,
    failedShare: 0,
    server: SEED_SERVER,
    args: ["--order", "asc"],
    repeats: 1,
    goals: [{ kind: "peak-rss-at-most", megabytes: 150 }],
  },
  {
    name: "walk whale --signatures rpc",
    description:
      "a bot's wallet where the walk is the work: 300,000 transactions, 90% failed attempts " +
      "(listed, not parsed), walk calls of 150 ms; the getSignaturesForAddress chain",
    transactions: 300_000,
    failedShare: 0.9,
    server: WALK_SERVER,
    args: ["--signatures", "rpc"],
    repeats: 1,
    goals: [],
  },
  {
    name: "walk whale --signatures gtfa",
    description:
      "the same through the sharded getTransactionsForAddress walk, which lists only the " +
      "30,000 that succeeded: 16 chains, parse calls held to the server's 10",
    transactions: 300_000,
    failedShare: 0.9,
    server: WALK_SERVER,
    args: ["--signatures", "gtfa", "--concurrency", "16", "--parallel-pages", "10"],
    repeats: 3,
    walk: "parallel",
    goals: [
      { kind: "ratio-at-most", limit: 1.15 },
      { kind: "speedup-at-least", factor: 4, baseline: "walk whale --signatures rpc" },
    ],
  },
];

/** The profile whose run is profiled for the CPU split (`node --cpu-prof`). */
export const CPU_PROFILED = "whale";
