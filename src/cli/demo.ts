import type { LevelWithSilent } from "pino";
import { UsageError } from "../errors.js";
import { startSimulator } from "../simulator/index.js";
import { createLogger } from "./logger.js";
import type { ParsedFlags } from "./program.js";
import { resolveExportOptions } from "./resolve-options.js";
import { runExport } from "./run-export.js";

export interface DemoContext {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  signal: AbortSignal;
}

/**
 * The real export, end to end, against the bundled Helius simulator: a synthetic wallet with
 * swaps of several venues (labelled and unlabelled), failed transactions and transfers, served
 * over loopback HTTP with realistic latency and a server-side concurrency limit. No key needed.
 */
export async function runDemo(
  flags: ParsedFlags & { transactions: string },
  context: DemoContext,
): Promise<void> {
  const transactions = Number(flags.transactions);
  if (!Number.isInteger(transactions) || transactions < 0 || transactions > 200_000) {
    throw new UsageError("--transactions must be an integer from 0 to 200000");
  }

  const simulator = await startSimulator({
    latency: { rpc: { ms: 40, jitterMs: 20 }, parse: { ms: 150, jitterMs: 100 } },
    limits: { maxParseInFlight: 10 },
  });
  try {
    const wallet = simulator.addWallet({ seed: "fetch-swaps demo", transactions });
    const options = await resolveExportOptions([wallet.address], flags, {
      HELIUS_API_KEY: simulator.apiKey,
      HELIUS_API_URL: simulator.apiUrl,
      HELIUS_RPC_URL: simulator.rpcUrl,
    });
    const logger = createLogger(
      options.logLevel as LevelWithSilent,
      context.stderr.isTTY === true,
      options.quiet,
    );
    logger.info(
      { simulator: simulator.url, wallet: wallet.address, transactions },
      "demo: exporting a synthetic wallet from the bundled Helius simulator",
    );

    const summary = await runExport(options, { ...context, logger });
    logger.info(
      { ...summary, simulatorRequests: simulator.stats().totalRequests },
      "export complete",
    );
  } finally {
    await simulator.close();
  }
}
