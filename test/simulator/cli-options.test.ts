import { describe, expect, it } from "vitest";
import {
  createSimulatorCommand,
  parseSimulatorArgs,
  TRANSIENT_FAULTS,
} from "../../src/simulator/cli-options.js";

/** A command that throws instead of exiting and keeps its messages out of the test output. */
function quietCommand() {
  return createSimulatorCommand()
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: () => {} });
}

describe("simulator command line", () => {
  it("resolves wallets, latency, limits and faults", () => {
    const config = parseSimulatorArgs(
      [
        "--wallet",
        "demo:2000",
        "--wallet",
        "a:b:5",
        "--recorded",
        "So11111111111111111111111111111111111111112=/tmp/x.json",
        "--parse-latency",
        "200",
        "--jitter",
        "20",
        "--max-parse-in-flight",
        "4",
        "--parse-rate",
        "10",
        "--no-retry-after",
        "--parse-fault-rate",
        "0.1",
      ],
      quietCommand(),
    );
    expect(config.wallets).toEqual([
      { seed: "demo", transactions: 2000 },
      { seed: "a:b", transactions: 5 },
    ]);
    expect(config.recorded).toEqual([
      { address: "So11111111111111111111111111111111111111112", path: "/tmp/x.json" },
    ]);
    expect(config.options).toEqual({
      port: 0,
      apiKey: "sim-key",
      seed: "simulator",
      forbidden: false,
      latency: { rpc: { ms: 0, jitterMs: 20 }, parse: { ms: 200, jitterMs: 20 } },
      limits: { maxParseInFlight: 4, parseRatePerSecond: 10, retryAfterHeader: false },
      faults: {
        rpc: { random: { probability: 0, kinds: TRANSIENT_FAULTS } },
        parse: { random: { probability: 0.1, kinds: TRANSIENT_FAULTS } },
      },
    });
  });

  it.each([
    [["--wallet", "demo"], "expected <seed>:<count>"],
    [["--wallet", "demo:-1"], "expected <seed>:<count>"],
    [["--port", "70000"], "must be an integer from 0 to 65535"],
    [["--parse-fault-rate", "1.5"], "must be a number from 0 to 1"],
    [["--parse-rate", "0"], "must be a number > 0"],
    [["--recorded", "abc"], "expected <address>=<file.json>"],
  ])("rejects %j", (args, message) => {
    expect(() => parseSimulatorArgs(args, quietCommand())).toThrow(message);
  });
});
