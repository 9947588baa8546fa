#!/usr/bin/env node
/**
 * Runnable simulator: `node dist/simulator/main.js --wallet demo:2000 --parse-latency 200`.
 * Prints one JSON line (URLs, key, wallet addresses) on stdout and serves until SIGINT/SIGTERM.
 */
import { readFile } from "node:fs/promises";
import { parseSimulatorArgs } from "./cli-options.js";
import { startSimulator } from "./simulator.js";

async function main(): Promise<void> {
  const config = parseSimulatorArgs(process.argv.slice(2));
  const recordedFiles = await Promise.all(
    config.recorded.map(async (source) => ({
      address: source.address,
      objects: JSON.parse(await readFile(source.path, "utf8")) as unknown,
    })),
  );

  const simulator = await startSimulator(config.options);
  const wallets = config.wallets.map((spec) => {
    const wallet = simulator.addWallet(spec);
    return { seed: spec.seed, address: wallet.address, transactions: spec.transactions };
  });
  const recorded = recordedFiles.map(({ address, objects }) => {
    if (!Array.isArray(objects)) {
      throw new TypeError(`recorded file for ${address} must hold a JSON array`);
    }
    const wallet = simulator.addRecordedWallet(address, objects);
    return { address, transactions: wallet.signatures.length };
  });

  const { url, rpcUrl, apiUrl, apiKey } = simulator;
  process.stdout.write(`${JSON.stringify({ url, rpcUrl, apiUrl, apiKey, wallets, recorded })}\n`);

  const stop = () => {
    void simulator.close();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`simulator: ${message}\n`);
  process.exitCode = 1;
});
