import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, type SyntheticWallet, startSimulator } from "../../src/simulator/index.js";
import { comparablePart, expectedRecord, expectedSwaps } from "../support/expected-swaps.js";
import { runCli } from "../support/run-cli.js";
import { simulatorEnv } from "../support/simulator-env.js";

const SIZES = [0, 1, 99, 100, 101, 1000, 1001, 10_000] as const;
const FORMATS = ["ndjson", "json"] as const;
const ORDERS = ["desc", "asc"] as const;

let simulator: Simulator;
const wallets = new Map<number, SyntheticWallet>();

beforeAll(async () => {
  simulator = await startSimulator({ limits: { maxParseInFlight: 10 } });
  for (const size of SIZES) {
    wallets.set(size, simulator.addWallet({ seed: `e2e-${size}`, transactions: size }));
  }
});

afterAll(async () => {
  await simulator.close();
});

const env = () => simulatorEnv(simulator);

function parseOutput(format: string, stdout: string): Array<Record<string, unknown>> {
  if (format === "json") return JSON.parse(stdout);
  return stdout
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line));
}

const matrix = SIZES.flatMap((size) =>
  FORMATS.flatMap((format) =>
    ORDERS.flatMap((order) =>
      [false, true].map((includeFailed) => ({ size, format, order, includeFailed })),
    ),
  ),
);

describe("fetch-swaps against the simulator", () => {
  it.each(matrix)(
    "exports every swap of a $size-transaction wallet exactly once ($format, $order, failed: $includeFailed)",
    async ({ size, format, order, includeFailed }) => {
      const wallet = wallets.get(size) as SyntheticWallet;
      const args = [wallet.address, "--format", format, "--order", order, "--quiet"];
      if (includeFailed) args.push("--include-failed");

      const result = await runCli(args, { env: env() });

      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const records = parseOutput(format, result.stdout);
      const expected = expectedSwaps(wallet, { includeFailed });
      if (order === "asc") expected.reverse();

      expect(records.map((record) => record.signature)).toEqual(
        expected.map((transaction) => transaction.signature),
      );
      expect(records.map(comparablePart)).toEqual(
        expected.map((transaction) => expectedRecord(wallet, transaction)),
      );
    },
  );
});
