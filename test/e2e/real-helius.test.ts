import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Simulator, startSimulator } from "../../src/simulator/index.js";
import { runCli } from "../support/run-cli.js";
import { simulatorEnv } from "../support/simulator-env.js";
import { REAL_CASES, type RealCase } from "../swaps/real-swap-cases.js";
import { readRealTransactions } from "../swaps/real-transactions.js";

interface RealObject {
  signature: string;
  feePayer: string;
  slot: number;
}

let simulator: Simulator;
/** Each fee payer's real transactions, as the simulator serves them: newest first. */
const histories = new Map<string, RealObject[]>();

beforeAll(async () => {
  simulator = await startSimulator();
  const objects = readRealTransactions() as RealObject[];
  for (const object of objects) {
    const history = histories.get(object.feePayer) ?? [];
    history.push(object);
    histories.set(object.feePayer, history);
  }
  for (const [feePayer, history] of histories) {
    const served = objects.filter((object) => object.feePayer === feePayer);
    const recorded = simulator.addRecordedWallet(feePayer, served);
    histories.set(
      feePayer,
      recorded.signatures.map(
        (signature) => history.find((object) => object.signature === signature) as RealObject,
      ),
    );
  }
});

afterAll(async () => {
  await simulator.close();
});

function caseOf(signature: string): RealCase {
  const found = REAL_CASES.find((entry) => entry.signature === signature);
  if (found === undefined) throw new Error(`no expectation for ${signature}`);
  return found;
}

/** The records a correct export holds, from the hand-derived table, wallet by wallet. */
function expectedRecords(detect: "labels" | "both") {
  return [...histories].flatMap(([wallet, history]) =>
    history
      .map((object) => caseOf(object.signature))
      .filter((entry) => entry.swap !== undefined && (detect === "both" || entry.byLabels))
      .map((entry) => ({
        wallet,
        signature: entry.signature,
        sold: entry.swap?.sold,
        bought: entry.swap?.bought,
        detectedBy: entry.swap?.detectedBy,
      })),
  );
}

describe("real Helius responses, served verbatim for their fee payers", () => {
  it.each(["both", "labels"] as const)(
    "exports exactly the hand-checked swaps with --detect %s",
    async (detect) => {
      const wallets = [...histories.keys()];
      const result = await runCli([...wallets, "--detect", detect, "--quiet"], {
        env: simulatorEnv(simulator),
      });

      expect(result).toMatchObject({ code: 0, stderr: "" });
      const records = result.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line));
      expect(
        records.map(({ wallet, signature, sold, bought, detectedBy }) => ({
          wallet,
          signature,
          sold,
          bought,
          detectedBy,
        })),
      ).toEqual(expectedRecords(detect));
    },
  );

  it("finds every real swap with labels and balances, and fewer with labels alone", () => {
    expect(expectedRecords("both")).toHaveLength(21);
    expect(expectedRecords("labels")).toHaveLength(15);
  });
});
