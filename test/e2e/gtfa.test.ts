import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Simulator,
  type SyntheticTransaction,
  type SyntheticWallet,
  startSimulator,
  TOKEN_ACCOUNTS_FIRST_SLOT,
  type WalletSpec,
} from "../../src/simulator/index.js";
import { comparablePart, expectedRecord, expectedSwaps } from "../support/expected-swaps.js";
import { runCli } from "../support/run-cli.js";

/** Wallets whose shapes stress the shard edges. */
const SPECS = {
  // A long history with shared slots and token-account fills around it.
  long: { seed: "gtfa-e2e-long", transactions: 6_000, tokenAccountShare: 0.05 },
  // Every slot holds 1 to 8 transactions and no slot is empty: every shard edge falls
  // between two busy slots, and pages end inside slots.
  packed: {
    seed: "gtfa-e2e-packed",
    transactions: 3_000,
    maxSlotGap: 1,
    maxTransactionsPerSlot: 8,
  },
  // All 2,500 transactions in slot 0: one chain must page through a single busy slot.
  "single slot": { seed: "gtfa-e2e-one-slot", transactions: 2_500, newestSlot: 0 },
  // Far apart, then bunched at slot 0 where the history runs out of slots: most shards of a
  // fixed cut are empty, and the oldest slot is busy.
  "sparse with a floor": { seed: "gtfa-e2e-sparse", transactions: 400, maxSlotGap: 6_000_000 },
  empty: { seed: "gtfa-e2e-empty", transactions: 0 },
} satisfies Record<string, WalletSpec>;

type WalletName = keyof typeof SPECS;

let simulator: Simulator;
const wallets = new Map<WalletName, SyntheticWallet>();

beforeAll(async () => {
  simulator = await startSimulator({ limits: { maxParseInFlight: 10 } });
  for (const [name, spec] of Object.entries(SPECS)) {
    wallets.set(name as WalletName, simulator.addWallet(spec));
  }
});

afterAll(async () => {
  await simulator.close();
});

function env(sim = simulator) {
  return { HELIUS_API_KEY: sim.apiKey, HELIUS_API_URL: sim.apiUrl, HELIUS_RPC_URL: sim.rpcUrl };
}

function records(stdout: string): Array<Record<string, unknown>> {
  return stdout
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line));
}

const newestFirst = (a: SyntheticTransaction, b: SyntheticTransaction) =>
  b.slot - a.slot || b.transactionIndex - a.transactionIndex;

/** The answer key's swaps, newest first; with token accounts, the fills gTFA can see too. */
function expected(wallet: SyntheticWallet, options: { tokenAccounts?: boolean } = {}) {
  const own = expectedSwaps(wallet);
  if (options.tokenAccounts !== true) return own;
  const fills = wallet
    .tokenAccountTransactions()
    .filter(
      (t) =>
        t.truth.balanceSwap &&
        t.listedWith === "balanceChanged" &&
        t.slot >= TOKEN_ACCOUNTS_FIRST_SLOT,
    );
  return [...own, ...fills].sort(newestFirst);
}

async function exportWallet(name: WalletName, args: string[]) {
  const wallet = wallets.get(name) as SyntheticWallet;
  const result = await runCli([wallet.address, "--quiet", ...args], { env: env() });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return { wallet, records: records(result.stdout) };
}

function expectExactly(
  wallet: SyntheticWallet,
  output: Array<Record<string, unknown>>,
  order: string,
  options: { tokenAccounts?: boolean } = {},
) {
  const want = expected(wallet, options);
  if (order === "asc") want.reverse();
  expect(output.map((record) => record.signature)).toEqual(want.map((t) => t.signature));
  expect(output.map(comparablePart)).toEqual(want.map((t) => expectedRecord(wallet, t)));
}

describe("--signatures gtfa against the simulator", () => {
  it.each(["desc", "asc"])("exports exactly what the RPC walk exports (%s)", async (order) => {
    const rpc = await exportWallet("long", ["--signatures", "rpc", "--order", order]);
    const gtfa = await exportWallet("long", ["--signatures", "gtfa", "--order", order]);

    expect(gtfa.records).toEqual(rpc.records);
    expectExactly(gtfa.wallet, gtfa.records, order);
  });

  it("lists failed transactions only when they are exported (--include-failed)", async () => {
    const wallet = wallets.get("long") as SyntheticWallet;
    const failed = wallet.transactions().filter((t) => t.truth.failed).length;
    expect(failed).toBeGreaterThan(0);
    const folder = mkdtempSync(join(tmpdir(), "gtfa-failed-"));
    const exportListing = async (name: string, args: string[]) => {
      const summaryPath = join(folder, `${name}.json`);
      const run = await exportWallet("long", [
        "--signatures",
        "gtfa",
        "--summary-json",
        summaryPath,
        ...args,
      ]);
      const summary = JSON.parse(readFileSync(summaryPath, "utf8"));
      return { records: run.records, listed: summary.signatures as number };
    };

    const plain = await exportListing("plain", []);
    expect(plain.listed).toBe(wallet.transactions().length - failed);
    expectExactly(wallet, plain.records, "desc");

    const withFailed = await exportListing("with-failed", ["--include-failed"]);
    expect(withFailed.listed).toBe(wallet.transactions().length);
    const rpc = await exportWallet("long", ["--signatures", "rpc", "--include-failed"]);
    expect(withFailed.records).toEqual(rpc.records);
    const want = expectedSwaps(wallet, { includeFailed: true });
    expect(withFailed.records.map((record) => record.signature)).toEqual(
      want.map((t) => t.signature),
    );
  });

  const shardCases = (Object.keys(SPECS) as WalletName[])
    .filter((name) => name !== "long")
    .flatMap((name) =>
      ["adaptive", "1", "2", "7", "64", "5000"].flatMap((shards) =>
        ["desc", "asc"].map((order) => ({ name, shards, order })),
      ),
    );

  it.each(shardCases)(
    "$name wallet, $shards shards, $order: every swap once, in order",
    async ({ name, shards, order }) => {
      const args = ["--signatures", "gtfa", "--order", order];
      if (shards !== "adaptive") args.push("--gtfa-shards", shards);
      const { wallet, records: output } = await exportWallet(name, args);
      expectExactly(wallet, output, order);
    },
  );

  it.each(["desc", "asc"])(
    "--token-accounts adds exactly the swaps filled into token accounts (%s)",
    async (order) => {
      const plain = await exportWallet("long", ["--signatures", "gtfa", "--order", order]);
      const withFills = await exportWallet("long", ["--token-accounts", "--order", order]);

      expectExactly(withFills.wallet, withFills.records, order, { tokenAccounts: true });
      const added = withFills.records.length - plain.records.length;
      const fills = withFills.wallet
        .tokenAccountTransactions()
        .filter((t) => t.truth.kind === "token-account-fill");
      expect(added).toBe(fills.length);
      expect(added).toBeGreaterThan(100);
    },
  );

  it("reports the credits it used, as the simulator counted them", async () => {
    const wallet = wallets.get("long") as SyntheticWallet;
    const folder = mkdtempSync(join(tmpdir(), "gtfa-summary-"));
    const summaryPath = join(folder, "summary.json");
    simulator.resetStats();

    const result = await runCli(
      [
        wallet.address,
        "--quiet",
        "--summary-json",
        summaryPath,
        "--out",
        join(folder, "out.ndjson"),
      ],
      { env: env() },
    );

    expect(result.code).toBe(0);
    const summary = JSON.parse(readFileSync(summaryPath, "utf8"));
    const stats = simulator.stats();
    expect(summary.credits).toBe(stats.credits);
    expect(summary.perWallet[0].signatureMethod).toBe("gtfa");
    expect(stats.methods.getSignaturesForAddress).toBeUndefined();
    expect(stats.methods.getTransactionsForAddress?.credits).toBeGreaterThan(0);
  });
});

describe("--signatures auto on the free plan", () => {
  let free: Simulator;
  let wallet: SyntheticWallet;

  beforeAll(async () => {
    free = await startSimulator({ plan: "free", limits: { maxParseInFlight: 10 } });
    wallet = free.addWallet({ seed: "gtfa-e2e-free", transactions: 1_500 });
  });

  afterAll(async () => {
    await free.close();
  });

  it("falls back to getSignaturesForAddress and says so once", async () => {
    const result = await runCli([wallet.address, "--order", "asc", "--log-level", "info"], {
      env: env(free),
    });

    expect(result.code).toBe(0);
    expectExactly(wallet, records(result.stdout), "asc");
    const fallbacks = result.stderr
      .split("\n")
      .filter((line) => line.includes("getTransactionsForAddress is not available"));
    expect(fallbacks).toHaveLength(1);
    expect(free.stats().methods.getTransactionsForAddress?.calls).toBeGreaterThanOrEqual(1);
  });

  it("fails with --signatures gtfa, naming the plan", async () => {
    const result = await runCli([wallet.address, "--signatures", "gtfa", "--quiet"], {
      env: env(free),
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/getTransactionsForAddress.*Developer plan or higher/);
    expect(result.stdout).toBe("");
  });

  it("refuses --token-accounts with --signatures rpc before any request", async () => {
    free.resetStats();
    const result = await runCli(
      [wallet.address, "--signatures", "rpc", "--token-accounts", "--quiet"],
      { env: env(free) },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--token-accounts needs getTransactionsForAddress/);
    expect(free.stats().totalRequests).toBe(0);
  });
});
