import { chmodSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type FaultOptions,
  type ParseFault,
  type RpcFault,
  type SimulatorStats,
  type SyntheticWallet,
  startSimulator,
} from "../../src/simulator/index.js";
import { comparablePart, expectedRecord, expectedSwaps } from "../support/expected-swaps.js";
import { type CliResult, runCli } from "../support/run-cli.js";
import { simulatorEnv } from "../support/simulator-env.js";
import { REAL_CASES } from "../swaps/real-swap-cases.js";
import { readRealTransactions } from "../swaps/real-transactions.js";

/**
 * Every fault Helius and the network produce, injected by the simulator into a real run of the
 * built CLI: the run either returns the exact history or fails with the documented exit code
 * and message, and a failed run leaves `--out` as it was. Each test has its own simulator, so
 * the tests run concurrently. Signatures come from the getSignaturesForAddress walk unless a
 * test says otherwise; the getTransactionsForAddress source has a section of its own.
 */

const KEY = "fault-suite-key-5Vq9";
/** 250 transactions: walk pages of 100, 150 and an empty one; three parse calls. */
const TRANSACTIONS = 250;
/** Small budgets keep failing runs short: hung requests give up after 1 s. */
const FAST = ["--timeout", "1", "--max-retries", "3", "--signatures", "rpc"];

interface Run {
  result: CliResult;
  stats: SimulatorStats;
  wallet: SyntheticWallet;
}

interface RunOptions {
  faults: FaultOptions;
  /** Size of the wallet's history; TRANSACTIONS by default. */
  transactions?: number;
  args?: readonly string[];
  /** Signatures the parse endpoint never returns, picked by the test from the wallet. */
  unavailable?: (wallet: SyntheticWallet) => string[];
  /** Latency of the RPC class, to hold a walk page in flight. */
  rpcLatencyMs?: number;
  cliTimeoutMs?: number;
}

async function exportUnder(options: RunOptions): Promise<Run> {
  const simulator = await startSimulator({
    apiKey: KEY,
    ...(options.rpcLatencyMs === undefined
      ? {}
      : { latency: { rpc: { ms: options.rpcLatencyMs } } }),
  });
  try {
    const transactions = options.transactions ?? TRANSACTIONS;
    const wallet = simulator.addWallet({ seed: "fault-suite", transactions });
    if (options.unavailable !== undefined) simulator.markUnavailable(options.unavailable(wallet));
    simulator.setFaults(options.faults);

    const result = await runCli([wallet.address, ...FAST, ...(options.args ?? [])], {
      env: simulatorEnv(simulator),
      ...(options.cliTimeoutMs === undefined ? {} : { timeoutMs: options.cliTimeoutMs }),
    });
    return { result, stats: simulator.stats(), wallet };
  } finally {
    await simulator.close();
  }
}

function records(ndjson: string): Array<Record<string, unknown>> {
  return ndjson
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The whole history, newest first, each swap once, with the answer key's values. */
function expectExactHistory({ result, wallet }: Run): void {
  expect(result.code, result.stderr).toBe(0);
  const exported = records(result.stdout);
  const expected = expectedSwaps(wallet);

  expect(exported.map((record) => record.signature)).toEqual(
    expected.map((transaction) => transaction.signature),
  );
  expect(exported.map(comparablePart)).toEqual(
    expected.map((transaction) => expectedRecord(wallet, transaction)),
  );
}

/** The error message of a failed run: its last stderr line, without the program name. */
function failureMessage(result: CliResult): string {
  const lines = result.stderr.trimEnd().split("\n");
  return (lines.at(-1) ?? "").replace(/^fetch-swaps: /, "").replace(/^\w{32,44}: /, "");
}

/** A folder holding an earlier export, which a failed run must leave exactly as it was. */
function earlierExport(): { folder: string; target: string; content: string } {
  const folder = mkdtempSync(join(tmpdir(), "fetch-swaps-faults-"));
  const target = join(folder, "swaps.ndjson");
  const content = '{"earlier":"export"}\n';
  writeFileSync(target, content);
  return { folder, target, content };
}

const twice = <F>(fault: F) => ({ script: [fault, fault] });
const always = <F>(...kinds: F[]) => ({ random: { probability: 1, kinds } });

const COMMON_FAULTS: Array<[string, RpcFault & ParseFault]> = [
  ["429 without Retry-After", { kind: "status", status: 429 }],
  ["500", { kind: "status", status: 500 }],
  ["502 with an HTML page", { kind: "status", status: 502 }],
  ["503 with a plain-text body", { kind: "status", status: 503 }],
  ["504 with an HTML page", { kind: "status", status: 504 }],
  ["a connection reset", { kind: "connection-reset" }],
  ["a request that hangs (--timeout 1)", { kind: "hang" }],
  ["malformed JSON", { kind: "malformed-json" }],
  ["a body cut off mid-way", { kind: "truncated-body" }],
  ["a response that fails the schema", { kind: "bad-schema" }],
];

describe.concurrent("faults that a run survives with the exact history", () => {
  it.each(COMMON_FAULTS)("%s, twice in a row on each endpoint", async (_, fault) => {
    const run = await exportUnder({ faults: { rpc: twice(fault), parse: twice(fault) } });

    expectExactHistory(run);
    expect(run.stats.rpc.faultsByKind).toEqual({ [fault.kind]: 2 });
    expect(run.stats.parse.faultsByKind).toEqual({ [fault.kind]: 2 });
  });

  it("waits out a 429's Retry-After on both endpoints, logging the delay", async () => {
    const throttled: RpcFault & ParseFault = { kind: "status", status: 429, retryAfterSeconds: 1 };
    const run = await exportUnder({
      faults: { rpc: { script: [throttled] }, parse: { script: [throttled] } },
      args: ["--log-level", "debug", "--concurrency", "1"],
    });

    expectExactHistory(run);
    const retries = records(run.result.stderr).filter((line) => line.msg === "retrying request");
    expect(
      retries.map(({ endpoint, attempt, delayMs }) => ({ endpoint, attempt, delayMs })),
    ).toEqual([
      { endpoint: "getSignaturesForAddress", attempt: 1, delayMs: 1000 },
      { endpoint: "POST /v0/transactions", attempt: 1, delayMs: 1000 },
    ]);
  });

  it("asks again for transactions the parse endpoint left out", async () => {
    const run = await exportUnder({
      faults: { parse: twice({ kind: "omit-transactions", count: 7 }) },
    });

    expectExactHistory(run);
    expect(run.stats.parse.faultsByKind).toEqual({ "omit-transactions": 2 });
  });

  it("goes on past a short signature page in the middle of the history", async () => {
    const run = await exportUnder({
      faults: { rpc: { script: [{ kind: "none" }, { kind: "short-page" }] } },
    });

    expectExactHistory(run);
    // 100, then 75 of 150 (short), the other 75, then the empty page that ends the walk.
    expect(run.stats.rpc).toMatchObject({ requests: 4, itemsReturned: TRANSACTIONS });
  });

  it.each([
    ["the first page (which then lists one signature twice)", [] as RpcFault[]],
    [
      "the page past the end (the cursor alone)",
      [{ kind: "none" }, { kind: "none" }] as RpcFault[],
    ],
  ])("drops a repeated signature on %s and emits each swap once", async (_, before) => {
    const run = await exportUnder({
      faults: { rpc: { script: [...before, { kind: "repeat-signature" }] } },
    });

    expectExactHistory(run);
    expect(run.stats.rpc.faultsByKind).toEqual({ "repeat-signature": 1 });
  });

  it("goes on when every signature page is short or repeats its cursor", async () => {
    const run = await exportUnder({
      faults: {
        rpc: always<RpcFault>({ kind: "short-page" }, { kind: "repeat-signature" }),
      },
    });

    expectExactHistory(run);
    expect(run.stats.rpc.faults).toBe(run.stats.rpc.requests);
  });
});

describe.concurrent("faults that end a run with a precise exit code and message", () => {
  it("exits 4 naming the endpoint, the attempts and the last fault when retries run out", async () => {
    const earlier = earlierExport();
    const run = await exportUnder({
      faults: { rpc: always({ kind: "status", status: 503 }) },
      args: ["--max-retries", "2", "--out", earlier.target],
    });

    expect(run.result.code).toBe(4);
    expect(run.result.stdout).toBe("");
    expect(failureMessage(run.result)).toBe(
      "getSignaturesForAddress failed after 3 attempts: HTTP 503: upstream connect error or " +
        "disconnect/reset before headers. reset reason: overflow",
    );
    expect(run.stats.rpc.requests).toBe(3);
    expect(readdirSync(earlier.folder)).toEqual(["swaps.ndjson"]);
    expect(readFileSync(earlier.target, "utf8")).toBe(earlier.content);
  });

  it.each([
    ["getSignaturesForAddress", "rpc", "result[0].signature"],
    ["POST /v0/transactions", "parse", "[0].signature"],
  ] as const)(
    "reports the field path when %s keeps failing the schema",
    async (endpoint, endpointClass, path) => {
      const run = await exportUnder({
        faults: { [endpointClass]: always({ kind: "bad-schema" }) },
        args: ["--max-retries", "1", "--parallel-pages", "1"],
      });

      expect(run.result.code).toBe(4);
      expect(failureMessage(run.result)).toBe(
        `${endpoint} failed after 2 attempts: response failed the schema at ${path}: ` +
          "Invalid input: expected string, received undefined",
      );
    },
  );

  it("exits 4 when requests keep hanging past --timeout", async () => {
    const run = await exportUnder({
      faults: { parse: always({ kind: "hang" }) },
      args: ["--max-retries", "1", "--parallel-pages", "1"],
    });

    expect(run.result.code).toBe(4);
    expect(failureMessage(run.result)).toBe(
      "POST /v0/transactions failed after 2 attempts: no complete response within 1000 ms",
    );
  });

  it("exits 4 when 429s outlast the retries", async () => {
    const run = await exportUnder({
      faults: { rpc: always({ kind: "status", status: 429 }) },
      args: ["--max-retries", "2"],
    });

    expect(run.result.code).toBe(4);
    expect(failureMessage(run.result)).toBe(
      "getSignaturesForAddress failed after 3 attempts: HTTP 429: " +
        '{"jsonrpc":"2.0","error":{"code":-32429,"message":"rate limited"}}',
    );
    expect(run.stats.rpc.requests).toBe(3);
  });

  it("exits 4 naming how many transactions Helius never returned, and which", async () => {
    const earlier = earlierExport();
    let missing: string[] = [];
    const run = await exportUnder({
      faults: {},
      unavailable: (wallet) => {
        missing = expectedSwaps(wallet)
          .slice(3, 5)
          .map((transaction) => transaction.signature);
        return missing;
      },
      // Asked again once, a second after the first answer left them out.
      args: ["--out", earlier.target, "--max-retries", "1"],
    });

    expect(run.result.code).toBe(4);
    expect(failureMessage(run.result)).toBe(
      `Helius did not return 2 transaction(s) after 2 attempts: ${missing.join(", ")}`,
    );
    expect(readdirSync(earlier.folder)).toEqual(["swaps.ndjson"]);
    expect(readFileSync(earlier.target, "utf8")).toBe(earlier.content);
  });

  it.each([
    ["getSignaturesForAddress", 429, "json", "rpc"],
    ["POST /v0/transactions", 200, "json", "parse"],
    ["getSignaturesForAddress", 200, "text", "rpc"],
  ] as const)(
    "stops at once, exit 4, when %s answers 'max usage reached' (HTTP %s, %s body)",
    async (endpoint, status, body, endpointClass) => {
      const earlier = earlierExport();
      const fault = { kind: "credits-exhausted", status, body } as const;
      const run = await exportUnder({
        faults: { [endpointClass]: { script: [{ kind: "none" }, fault] } },
        args: ["--out", earlier.target, "--parallel-pages", "1"],
      });

      expect(run.result.code).toBe(4);
      expect(failureMessage(run.result)).toBe(
        `Helius says the plan's credits are used up ("max usage reached") on ${endpoint}; ` +
          "wait for the monthly reset or upgrade the plan",
      );
      // Not retried: the request that heard it was the last one of its endpoint.
      expect(run.stats[endpointClass].requests).toBe(2);
      expect(readFileSync(earlier.target, "utf8")).toBe(earlier.content);
    },
  );

  it("exits 4 at once when credits run out during a long Retry-After pause", async () => {
    // The parse call is told to wait 20 s while the third walk page, held 300 ms, is in flight;
    // that page then reports the credits spent. The run must not sit out the pause.
    const run = await exportUnder({
      faults: {
        rpc: { script: [{ kind: "none" }, { kind: "none" }, { kind: "credits-exhausted" }] },
        parse: { script: [{ kind: "status", status: 429, retryAfterSeconds: 20 }] },
      },
      rpcLatencyMs: 300,
      cliTimeoutMs: 10_000,
    });

    expect(run.result.code).toBe(4);
    expect(failureMessage(run.result)).toMatch(/^Helius says the plan's credits are used up/);
    expect(run.stats.parse.statuses[429]).toBe(1);
  });

  it.each([
    ["401", "getSignaturesForAddress", "rpc", { kind: "unauthorized" }],
    ["403", "POST /v0/transactions", "parse", { kind: "forbidden" }],
  ] as const)(
    "exits 3 at once on a %s from %s mid-run",
    async (status, endpoint, endpointClass, fault) => {
      const earlier = earlierExport();
      const script = endpointClass === "rpc" ? [{ kind: "none" } as const, fault] : [fault];
      const run = await exportUnder({
        faults: { [endpointClass]: { script } },
        args: ["--out", earlier.target, "--parallel-pages", "1"],
      });

      expect(run.result.code).toBe(3);
      expect(failureMessage(run.result)).toMatch(
        new RegExp(
          `^Helius rejected the API key \\(${endpoint.replace("/", "\\/")}, HTTP ${status}\\)`,
        ),
      );
      expect(run.stats[endpointClass].requests).toBe(script.length);
      expect(readFileSync(earlier.target, "utf8")).toBe(earlier.content);
    },
  );
});

describe.concurrent("faults on the getTransactionsForAddress source", () => {
  const GTFA = ["--signatures", "gtfa"];

  it("retries 429s, resets, cut and misshapen bodies and hangs, and the history is exact", async () => {
    // The client's retry loop is shared with the other endpoints; what differs is the page
    // reader and the walk, which these faults reach through a retried gTFA call.
    const faults: RpcFault[] = [
      { kind: "status", status: 429 },
      { kind: "truncated-body" },
      { kind: "bad-schema" },
      { kind: "hang" },
    ];
    const run = await exportUnder({
      faults: { rpc: { script: faults } },
      args: [...GTFA, "--max-retries", "4"],
    });

    expectExactHistory(run);
    expect(run.stats.rpc.faults).toBe(faults.length);
  });

  it("goes on when every page is short or repeats the entry at its token", async () => {
    // More than one full page (1,000 signatures), so that the walk follows tokens.
    const run = await exportUnder({
      faults: { rpc: always<RpcFault>({ kind: "short-page" }, { kind: "repeat-signature" }) },
      transactions: 2100,
      args: GTFA,
    });

    expectExactHistory(run);
    expect(run.stats.rpc.faults).toBe(run.stats.rpc.requests);
  });

  it("exits 4 naming getTransactionsForAddress when retries run out", async () => {
    const earlier = earlierExport();
    const run = await exportUnder({
      faults: { rpc: always({ kind: "status", status: 502 }) },
      args: [...GTFA, "--max-retries", "1", "--out", earlier.target],
    });

    expect(run.result.code).toBe(4);
    expect(failureMessage(run.result)).toMatch(
      /^getTransactionsForAddress failed after 2 attempts: HTTP 502: <html>/,
    );
    expect(readFileSync(earlier.target, "utf8")).toBe(earlier.content);
  });
});

describe.concurrent("an --out that cannot be written, found before any request", () => {
  it("exits 2 when the folder is a file", async () => {
    const { folder, target } = earlierExport();
    const out = join(target, "swaps.json");
    const run = await exportUnder({ faults: {}, args: ["--out", out] });

    expect(run.result).toMatchObject({ code: 2, stdout: "" });
    expect(run.result.stderr).toBe(
      `fetch-swaps: --out ${out}: ${target} is a file, not a folder\n`,
    );
    expect(run.stats.totalRequests).toBe(0);
    expect(readdirSync(folder)).toEqual(["swaps.ndjson"]);
  });

  // Permission bits do not bind root, so this one runs only as an ordinary user (as in CI).
  it.skipIf(process.getuid?.() === 0)("exits 2 when the folder is not writable", async () => {
    const folder = mkdtempSync(join(tmpdir(), "fetch-swaps-readonly-"));
    chmodSync(folder, 0o555);
    const out = join(folder, "swaps.json");
    const run = await exportUnder({ faults: {}, args: ["--out", out] });

    expect(run.result).toMatchObject({ code: 2, stdout: "" });
    expect(run.result.stderr).toBe(`fetch-swaps: --out ${out}: folder ${folder} is not writable\n`);
    expect(run.stats.totalRequests).toBe(0);
  });
});

describe.concurrent("data that only looks like a fault", () => {
  it("exports a swap whose description holds the words 'max usage reached'", async () => {
    // A token can be named anything; only an answer that is not a valid result may be read
    // as Helius's "credits used up".
    const real = REAL_CASES.find((entry) => entry.swap !== undefined && entry.byLabels);
    const object = readRealTransactions().find(
      (candidate) => (candidate as { signature: string }).signature === real?.signature,
    ) as { signature: string; feePayer: string; description: string };
    const disguised = { ...object, description: `${object.description} for max usage reached` };

    const simulator = await startSimulator({ apiKey: KEY });
    try {
      simulator.addRecordedWallet(object.feePayer, [disguised]);
      const result = await runCli([object.feePayer, ...FAST, "--quiet"], {
        env: simulatorEnv(simulator),
      });

      expect(result).toMatchObject({ code: 0, stderr: "" });
      expect(records(result.stdout).map((record) => record.signature)).toEqual([object.signature]);
    } finally {
      await simulator.close();
    }
  });
});

describe.concurrent("the API key under faults", () => {
  const MIXED: FaultOptions = {
    rpc: {
      script: [
        { kind: "status", status: 429 },
        { kind: "connection-reset" },
        { kind: "malformed-json" },
      ],
    },
    parse: {
      script: [
        { kind: "truncated-body" },
        { kind: "status", status: 502 },
        { kind: "bad-schema" },
        { kind: "hang" },
      ],
      random: { probability: 1, kinds: [{ kind: "status", status: 500 }] },
    },
  };

  it("never appears on stderr at --log-level trace, not even given as --api-key", async () => {
    const run = await exportUnder({
      faults: MIXED,
      args: ["--log-level", "trace", "--api-key", KEY],
    });

    expect(run.result.code).toBe(4);
    const retryLines = run.result.stderr
      .split("\n")
      .filter((line) => line.includes('"msg":"retrying request"'));
    expect(retryLines.length).toBeGreaterThanOrEqual(6);
    expect(run.result.stderr).toContain("--api-key is visible to other users of this machine");
    expect(run.result.stderr).not.toContain(KEY);
  });
});
