import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../src/simulator/index.js";
import { runCli } from "../support/run-cli.js";
import { simulatorEnv } from "../support/simulator-env.js";

const WALLET = "BY1rqtWsr3R2BWixQpqUYjM1kFuhfVzA5frLqDvjgaT8";
const KEY = "sim-key-for-usage-tests";

let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({ apiKey: KEY });
});

afterAll(async () => {
  await simulator.close();
});

const env = (overrides: Record<string, string> = {}) => simulatorEnv(simulator, overrides);

describe("bad input", () => {
  it.each([
    [["not-base58-0OIl"], '"not-base58-0OIl" is not a Solana address: it is not base58'],
    [["abc"], '"abc" is not a Solana address: it decodes to 3 bytes, not 32'],
    [[WALLET, "--concurrency", "0"], "--concurrency must be an integer from 1 to 100"],
    [[WALLET, "--concurrency", "many"], "--concurrency must be an integer from 1 to 100"],
    [[WALLET, "--parallel-pages", "101"], "--parallel-pages must be an integer from 1 to 100"],
    [[WALLET, "--timeout", "-3"], "--timeout must be a number above 0 and at most 600"],
    [[WALLET, "--max-retries", "2.5"], "--max-retries must be an integer from 0 to 20"],
    [
      [WALLET, "--format", "xml"],
      "option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are ndjson, json, csv.",
    ],
    [
      [WALLET, "--order", "random"],
      "option '--order <order>' argument 'random' is invalid. Allowed choices are desc, asc.",
    ],
    [[WALLET, "--bogus"], "unknown option '--bogus'"],
    [[], "no wallet given: pass one or more addresses, or --wallets FILE"],
    [
      [WALLET, "--raw", "--format", "csv"],
      "--raw objects cannot be written as CSV: use --format ndjson or json",
    ],
    [[WALLET, "--api-url", "ftp://x"], "--api-url / HELIUS_API_URL must be an http(s) URL"],
  ])("rejects %j with one line naming the problem, exit 2", async (args, message) => {
    const result = await runCli(args, { env: env() });

    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`fetch-swaps: ${message}\n`);
    expect(result.code).toBe(2);
    expect(simulator.stats().totalRequests).toBe(0);
  });

  it("names HELIUS_API_KEY when no key is set", async () => {
    const result = await runCli([WALLET], { env: env({ HELIUS_API_KEY: "" }) });

    expect(result).toMatchObject({ code: 2, stdout: "" });
    expect(result.stderr).toBe("fetch-swaps: no API key: set HELIUS_API_KEY (or pass --api-key)\n");
  });

  it("checks that the --out folder exists before any request", async () => {
    const folder = join(mkdtempSync(join(tmpdir(), "fetch-swaps-")), "missing");
    const result = await runCli([WALLET, "--out", join(folder, "swaps.json")], { env: env() });

    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")).toHaveLength(2);
    expect(result.stderr).toContain(folder);
    expect(simulator.stats().totalRequests).toBe(0);
  });
});

describe("the API key", () => {
  it("exits 3 when Helius rejects it, without printing it", async () => {
    const result = await runCli([WALLET], { env: env({ HELIUS_API_KEY: "wrong-secret-key" }) });

    expect(result.code).toBe(3);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^fetch-swaps: Helius rejected the API key/);
    expect(result.stderr).not.toContain("wrong-secret-key");
  });

  it("reads the key from a .env file in the working directory", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "fetch-swaps-env-"));
    writeFileSync(join(cwd, ".env"), `HELIUS_API_KEY=${KEY}\n`);
    const { HELIUS_API_KEY: _, ...rest } = env();

    const result = await runCli([WALLET, "--quiet"], { env: rest, cwd });
    expect(result).toMatchObject({ code: 0, stdout: "", stderr: "" });
  });

  it("accepts --api-key with a warning that other users can see it", async () => {
    const { HELIUS_API_KEY: _, ...rest } = env();
    const result = await runCli([WALLET, "--api-key", KEY], { env: rest });

    expect(result.code).toBe(0);
    expect(result.stderr).toContain("--api-key is visible to other users of this machine");
    expect(result.stderr).not.toContain(KEY);
  });
});

describe("help and version", () => {
  it("prints help on stdout with exit 0", async () => {
    const result = await runCli(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: fetch-swaps [options] [command] [wallets...]");
    expect(result.stdout).toContain("HELIUS_API_KEY");
  });

  it("prints the package version", async () => {
    const result = await runCli(["--version"]);
    expect(result).toMatchObject({ code: 0, stdout: "0.1.0\n", stderr: "" });
  });
});

describe("--out", () => {
  it("writes the file and nothing to stdout, leaving no temporary file", async () => {
    const wallet = simulator.addWallet({ seed: "out-file", transactions: 250 });
    const folder = mkdtempSync(join(tmpdir(), "fetch-swaps-out-"));
    const target = join(folder, "swaps.json");

    const result = await runCli([wallet.address, "--out", target, "--format", "json", "-q"], {
      env: env(),
    });

    expect(result).toMatchObject({ code: 0, stdout: "", stderr: "" });
    expect(readdirSync(folder)).toEqual(["swaps.json"]);
  });
});
