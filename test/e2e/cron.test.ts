import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, type SyntheticWallet, startSimulator } from "../../src/simulator/index.js";
import { expectedSwaps } from "../support/expected-swaps.js";
import { runCli } from "../support/run-cli.js";
import { simulatorEnv } from "../support/simulator-env.js";

let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({ limits: { maxParseInFlight: 10 } });
});

afterAll(async () => {
  await simulator.close();
});

const env = () => simulatorEnv(simulator);

function folder(): string {
  return mkdtempSync(join(tmpdir(), "fetch-swaps-cron-"));
}

function ledgerSignatures(path: string): string[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line).signature);
}

/** The whole history oldest first, as a ledger kept by appending should hold it. */
function chronological(wallet: SyntheticWallet): string[] {
  return expectedSwaps(wallet)
    .map((transaction) => transaction.signature)
    .reverse();
}

function cronRun(wallets: string[], dir: string, extra: string[] = []) {
  const args = [
    ...wallets,
    "--state",
    join(dir, "state.json"),
    "--out",
    join(dir, "ledger.ndjson"),
  ];
  return runCli([...args, "--append", "--quiet", ...extra], { env: env() });
}

describe("incremental exports with --state and --append", () => {
  it("adds only the new swaps on each run and keeps the ledger in order", async () => {
    const wallet = simulator.addWallet({ seed: "cron-incremental", transactions: 450 });
    const dir = folder();
    const ledger = join(dir, "ledger.ndjson");

    expect(await cronRun([wallet.address], dir)).toMatchObject({ code: 0, stderr: "" });
    expect(ledgerSignatures(ledger)).toEqual(chronological(wallet));

    wallet.addNewer(130);
    simulator.resetStats();
    expect(await cronRun([wallet.address], dir)).toMatchObject({ code: 0, stderr: "" });
    expect(ledgerSignatures(ledger)).toEqual(chronological(wallet));
    // The second run walked only down to the bookmark: the 130 new transactions, plus at most
    // the bookmark's own slot, which a slot-ordered source reads whole.
    expect(simulator.stats().rpc.itemsReturned).toBeGreaterThanOrEqual(130);
    expect(simulator.stats().rpc.itemsReturned).toBeLessThan(150);

    const before = readFileSync(ledger, "utf8");
    expect(await cronRun([wallet.address], dir)).toMatchObject({ code: 0, stderr: "" });
    expect(readFileSync(ledger, "utf8")).toBe(before);

    const state = JSON.parse(readFileSync(join(dir, "state.json"), "utf8"));
    expect(state.wallets[wallet.address].signature).toBe(wallet.transactions()[0]?.signature);
  });

  it("survives a run killed half-way: nothing skipped, nothing doubled", async () => {
    const wallet = simulator.addWallet({ seed: "cron-killed", transactions: 300 });
    const dir = folder();
    const ledger = join(dir, "ledger.ndjson");
    expect((await cronRun([wallet.address], dir)).code).toBe(0);
    const stateBefore = readFileSync(join(dir, "state.json"), "utf8");

    wallet.addNewer(2000);
    simulator.setLatency({ parse: { ms: 300 } });
    simulator.resetStats();
    const killed = await runCli(
      [wallet.address, "--state", join(dir, "state.json"), "--out", ledger, "--append", "-q"],
      {
        env: env(),
        onSpawn: (child) => {
          const timer = setInterval(() => {
            if (simulator.stats().parse.requests >= 3) {
              clearInterval(timer);
              child.kill("SIGKILL");
            }
          }, 20);
        },
      },
    );
    simulator.setLatency({});

    expect(killed.signal).toBe("SIGKILL");
    expect(readFileSync(join(dir, "state.json"), "utf8")).toBe(stateBefore);
    expect(existsSync(join(dir, "state.json.lock"))).toBe(true); // left by the killed run

    wallet.addNewer(40);
    expect(await cronRun([wallet.address], dir)).toMatchObject({ code: 0, stderr: "" });
    expect(ledgerSignatures(ledger)).toEqual(chronological(wallet));
  });

  it("refuses a second run on the same state file while the first holds it", async () => {
    const wallet = simulator.addWallet({ seed: "cron-locked", transactions: 10 });
    const dir = folder();
    const lockPath = join(dir, "state.json.lock");
    writeFileSync(lockPath, JSON.stringify({ pid: process.pid }));

    const result = await cronRun([wallet.address], dir);

    expect(result.code).toBe(5);
    expect(result.stderr).toBe(
      `fetch-swaps: --state ${join(dir, "state.json")} is in use by another fetch-swaps run ` +
        `(pid ${process.pid}); if no such run exists, delete ${lockPath}\n`,
    );
    expect(existsSync(join(dir, "ledger.ndjson"))).toBe(false);
    expect(existsSync(join(dir, "state.json"))).toBe(false);
  });

  it("repairs a torn last line before appending", async () => {
    const wallet = simulator.addWallet({ seed: "cron-torn", transactions: 60 });
    const dir = folder();
    const ledger = join(dir, "ledger.ndjson");
    writeFileSync(ledger, '{"signature":"whole"}\n{"signature":"tor');

    const result = await runCli([wallet.address, "--out", ledger, "--append"], { env: env() });

    expect(result.code).toBe(0);
    expect(result.stderr).toContain("cut a torn last line");
    expect(ledgerSignatures(ledger)).toEqual(["whole", ...chronological(wallet)]);
  });

  it("keeps a CSV ledger with one header across runs", async () => {
    const wallet = simulator.addWallet({ seed: "cron-csv", transactions: 80 });
    const dir = folder();
    const ledger = join(dir, "ledger.csv");
    const args = [wallet.address, "--state", join(dir, "s.json"), "--out", ledger];
    const run = () => runCli([...args, "--append", "--format", "csv", "-q"], { env: env() });

    expect((await run()).code).toBe(0);
    wallet.addNewer(25);
    expect((await run()).code).toBe(0);

    const rows = readFileSync(ledger, "utf8")
      .split("\r\n")
      .filter((row) => row !== "");
    expect(rows[0]).toMatch(/^time,signature,wallet,/);
    expect(rows.slice(1).map((row) => row.split(",")[1])).toEqual(chronological(wallet));
  });
});

describe("time windows", () => {
  it("exports exactly the swaps inside --since and --until", async () => {
    const wallet = simulator.addWallet({ seed: "window", transactions: 1500 });
    const times = wallet.transactions().map((transaction) => transaction.blockTime);
    const since = times[1200] as number;
    const until = times[300] as number;

    const result = await runCli(
      [
        wallet.address,
        "--since",
        `${since}`,
        "--until",
        new Date(until * 1000).toISOString(),
        "-q",
      ],
      { env: env() },
    );

    expect(result.code).toBe(0);
    const expected = expectedSwaps(wallet)
      .filter((transaction) => transaction.blockTime >= since && transaction.blockTime <= until)
      .map((transaction) => transaction.signature);
    expect(expected.length).toBeGreaterThan(100);
    expect(
      result.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line).signature),
    ).toEqual(expected);
  });

  it("rejects an unreadable time with the forms it accepts", async () => {
    const result = await runCli(
      ["BY1rqtWsr3R2BWixQpqUYjM1kFuhfVzA5frLqDvjgaT8", "--since", "soon"],
      {
        env: env(),
      },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^fetch-swaps: --since must be an ISO 8601 date-time/);
  });
});

describe("many wallets", () => {
  it("exports each wallet in turn, tagged, from arguments and a --wallets file", async () => {
    const first = simulator.addWallet({ seed: "many-1", transactions: 120 });
    const second = simulator.addWallet({ seed: "many-2", transactions: 0 });
    const third = simulator.addWallet({ seed: "many-3", transactions: 230 });
    const dir = folder();
    const list = join(dir, "wallets.txt");
    writeFileSync(
      list,
      `# desk wallets\n${second.address}\n\n${third.address}  # main\n${first.address}\n`,
    );

    const result = await runCli([first.address, "--wallets", list, "-q"], { env: env() });

    expect(result).toMatchObject({ code: 0, stderr: "" });
    const records = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    const expected = [first, second, third].flatMap((wallet) =>
      expectedSwaps(wallet).map((transaction) => [wallet.address, transaction.signature]),
    );
    expect(records.map((record) => [record.wallet, record.signature])).toEqual(expected);
  });

  it("keeps the other wallets' output and bookmarks when one wallet fails", async () => {
    const good = simulator.addWallet({ seed: "partial-good", transactions: 150 });
    const bad = simulator.addWallet({ seed: "partial-bad", transactions: 150 });
    const lost = expectedSwaps(bad)[3]?.signature as string;
    simulator.markUnavailable([lost]);
    const dir = folder();
    const summaryPath = join(dir, "summary.json");

    const result = await cronRun([bad.address, good.address], dir, [
      "--max-retries",
      "1",
      "--summary-json",
      summaryPath,
    ]);

    expect(result.code).toBe(4);
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe(
      `fetch-swaps: ${bad.address}: Helius did not return 1 transaction(s) after 2 attempts: ${lost}`,
    );
    expect(ledgerSignatures(join(dir, "ledger.ndjson"))).toEqual(chronological(good));
    const state = JSON.parse(readFileSync(join(dir, "state.json"), "utf8"));
    expect(Object.keys(state.wallets)).toEqual([good.address]);

    const summary = JSON.parse(readFileSync(summaryPath, "utf8"));
    expect(summary).toMatchObject({
      status: "partial",
      wallets: 2,
      failedWallets: 1,
      swaps: chronological(good).length,
    });
    expect(summary.perWallet.map((entry: { status: string }) => entry.status)).toEqual([
      "failed",
      "ok",
    ]);
  });
});
