import type { ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import {
  type FaultOptions,
  type SimulatorStats,
  startSimulator,
} from "../../src/simulator/index.js";
import { type CliResult, runCli } from "../support/run-cli.js";
import { simulatorEnv } from "../support/simulator-env.js";

/**
 * SIGINT and SIGTERM in the middle of a run: dispatching stops, requests in flight are aborted,
 * the process exits 130, and `--out` is left as it was (absent, or its earlier content) with no
 * temporary file beside it. The run is held in a known state by the simulator (a parse request
 * that never answers, or a long Retry-After) before the signal is sent.
 */

const KEY = "interrupt-suite-key";
/** Far above how long an interrupted run takes to exit; only a run that ignores it is slower. */
const EXIT_BOUND_MS = 10_000;

const EARLIER = '{"earlier":"export"}\n';

interface InterruptOptions {
  faults: FaultOptions;
  /** Sends the signal(s) once this holds for the simulator's counters. */
  ready: (stats: SimulatorStats) => boolean;
  signals: readonly NodeJS.Signals[];
  earlierExport: boolean;
}

interface Interrupted {
  result: CliResult;
  folder: string;
  target: string;
  /** From the first signal to the end of the process. */
  exitMs: number;
}

async function interruptRun(options: InterruptOptions): Promise<Interrupted> {
  const simulator = await startSimulator({ apiKey: KEY });
  try {
    const wallet = simulator.addWallet({ seed: "interrupt-suite", transactions: 400 });
    simulator.setFaults(options.faults);
    const folder = mkdtempSync(join(tmpdir(), "fetch-swaps-interrupt-"));
    const target = join(folder, "swaps.json");
    if (options.earlierExport) writeFileSync(target, EARLIER);

    let child: ChildProcess | undefined;
    const running = runCli(
      [wallet.address, "--out", target, "--format", "json", "--timeout", "30", "--quiet"],
      {
        env: simulatorEnv(simulator),
        onSpawn: (spawned) => {
          child = spawned;
        },
        timeoutMs: EXIT_BOUND_MS * 2,
      },
    );

    await waitFor(() => options.ready(simulator.stats()));
    const signalledAt = performance.now();
    for (const [index, signal] of options.signals.entries()) {
      // A pause between signals keeps the kernel from merging two of the same kind into one.
      if (index > 0) await delay(5);
      child?.kill(signal);
    }
    const result = await running;

    return { result, folder, target, exitMs: performance.now() - signalledAt };
  } finally {
    await simulator.close();
  }
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > EXIT_BOUND_MS) throw new Error("the run never reached the state to interrupt");
    await delay(10);
  }
}

function expectInterrupted(run: Interrupted, signal: NodeJS.Signals, earlierExport: boolean) {
  expect(run.result).toMatchObject({ code: 130, stdout: "" });
  expect(run.result.stderr).toBe(`fetch-swaps: interrupted by ${signal}\n`);
  expect(run.exitMs).toBeLessThan(EXIT_BOUND_MS);

  // The target as it was, and nothing else in the folder: no temporary file left behind.
  if (earlierExport) {
    expect(readdirSync(run.folder)).toEqual(["swaps.json"]);
    expect(readFileSync(run.target, "utf8")).toBe(EARLIER);
  } else {
    expect(readdirSync(run.folder)).toEqual([]);
  }
}

/** Parse requests never answer: the run has swaps in flight and nothing written yet. */
const PARSE_HANGS: FaultOptions = {
  parse: { random: { probability: 1, kinds: [{ kind: "hang" }] } },
};
const parseInFlight = (stats: SimulatorStats) => stats.parse.inFlight >= 1;

describe.concurrent("an interrupted run", () => {
  it.each([
    ["SIGINT", true],
    ["SIGTERM", true],
    ["SIGINT", false],
    ["SIGTERM", false],
  ] as const)(
    "exits 130 on %s with requests in flight (earlier export: %s), leaving --out as it was",
    async (signal, earlierExport) => {
      const run = await interruptRun({
        faults: PARSE_HANGS,
        ready: parseInFlight,
        signals: [signal],
        earlierExport,
      });

      expectInterrupted(run, signal, earlierExport);
    },
  );

  it("exits 130 during a 20 s Retry-After pause without sitting it out", async () => {
    const run = await interruptRun({
      faults: {
        parse: {
          random: {
            probability: 1,
            kinds: [{ kind: "status", status: 429, retryAfterSeconds: 20 }],
          },
        },
      },
      ready: (stats) => (stats.parse.statuses[429] ?? 0) >= 1,
      signals: ["SIGTERM"],
      earlierExport: true,
    });

    expectInterrupted(run, "SIGTERM", true);
  });

  it("still rolls back when a second SIGINT follows at once (a double Ctrl-C)", async () => {
    const run = await interruptRun({
      faults: PARSE_HANGS,
      ready: parseInFlight,
      signals: ["SIGINT", "SIGINT"],
      earlierExport: true,
    });

    expectInterrupted(run, "SIGINT", true);
  });
});
