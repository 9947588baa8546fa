import { readFileSync } from "node:fs";
import { CommanderError } from "commander";
import type { LevelWithSilent } from "pino";
import { ExitCode, InterruptedError, isFetchSwapsError } from "../errors.js";
import { checkOutputPath } from "../output/index.js";
import { readEnvironment } from "./environment.js";
import { createLogger } from "./logger.js";
import type { ExportOptions } from "./options.js";
import { createProgram } from "./program.js";
import { resolveExportOptions } from "./resolve-options.js";
import { runExport } from "./run-export.js";
import { exitStatusOf } from "./summary.js";

export interface CliIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

/**
 * Runs the command line and returns the exit status. Every failure ends here as one line on
 * stderr; the exit status comes from the error itself (see src/errors.ts).
 */
export async function main(
  argv: readonly string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env },
): Promise<number> {
  const controller = new AbortController();
  const stopSignals = trapSignals(controller);
  // A reader that goes away early (`--help | head`) is no failure; the record writer notices
  // it on its own and stops the export. The listener stays: the error can arrive after return.
  io.stdout.on("error", ignoreBrokenPipe);

  let status: number = ExitCode.ok;
  const program = createProgram(readVersion(), {
    exportWallets: async (wallets, flags) => {
      const options = await resolveExportOptions(wallets, flags, readEnvironment(io.env));
      const logger = createLogger(
        options.logLevel as LevelWithSilent,
        io.stderr.isTTY === true,
        options.quiet,
      );
      if (flags.apiKey !== undefined) {
        logger.warn("--api-key is visible to other users of this machine; prefer HELIUS_API_KEY");
      }
      await checkWritablePaths(options);

      const summary = await runExport(options, {
        stdout: io.stdout,
        stderr: io.stderr,
        logger,
        signal: controller.signal,
      });
      logger.info(summary, "export complete");
      for (const { wallet, error } of summary.perWallet) {
        if (error !== undefined) io.stderr.write(`fetch-swaps: ${wallet}: ${error.message}\n`);
      }
      status = exitStatusOf(summary);
    },
    // Loaded on demand: the simulator is not needed, or paid for at start-up, by real exports.
    demo: async (flags) => {
      const { runDemo } = await import("./demo.js");
      await runDemo(flags, { ...io, signal: controller.signal });
    },
  });
  for (const command of [program, ...program.commands]) {
    command.configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: () => {}, // errors are reported below, as one line
    });
  }

  try {
    await program.parseAsync([...argv], { from: "user" });
    return status;
  } catch (error) {
    return report(error, io.stderr);
  } finally {
    stopSignals();
  }
}

function ignoreBrokenPipe(error: NodeJS.ErrnoException): void {
  if (error.code !== "EPIPE") throw error;
}

/** Every file the run will write is checked before the first request. */
async function checkWritablePaths(options: ExportOptions): Promise<void> {
  if (options.out !== undefined) await checkOutputPath(options.out, { append: options.append });
  if (options.state !== undefined) await checkOutputPath(options.state, { flag: "--state" });
  if (options.summaryJson !== undefined) {
    await checkOutputPath(options.summaryJson, { flag: "--summary-json" });
  }
}

function report(error: unknown, stderr: NodeJS.WriteStream): number {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return ExitCode.ok; // --help, --version
    stderr.write(`fetch-swaps: ${error.message.replace(/^error: /, "")}\n`);
    return ExitCode.usage;
  }
  if (isFetchSwapsError(error)) {
    stderr.write(`fetch-swaps: ${error.message}\n`);
    return error.exitCode;
  }

  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`fetch-swaps: unexpected failure: ${message}\n`);
  return ExitCode.internal;
}

/**
 * SIGINT and SIGTERM abort the run: dispatching stops, requests in flight are aborted and the
 * output is rolled back. Another signal exits at once, for a run that will not stop, but not
 * within a second of the first: a quick double Ctrl-C would otherwise cut the rollback short
 * and leave the temporary output file behind. Either way the exit status is 130.
 */
function trapSignals(controller: AbortController): () => void {
  const graceMs = 1000; // 1 s for the run to honour a signal before another forces the exit
  let firstSignalAt: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (firstSignalAt === undefined) {
      firstSignalAt = performance.now();
      controller.abort(new InterruptedError(signal));
      return;
    }
    if (performance.now() - firstSignalAt >= graceMs) process.exit(ExitCode.interrupted);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return () => {
    if (firstSignalAt !== undefined) {
      // Interrupted and rolled back: a late signal needs no grace, only the status saying why.
      firstSignalAt = Number.NEGATIVE_INFINITY;
      return;
    }
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
}

function readVersion(): string {
  const packageJson = new URL("../../package.json", import.meta.url);
  const { version } = JSON.parse(readFileSync(packageJson, "utf8")) as { version: string };
  return version;
}
