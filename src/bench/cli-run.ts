import { spawn } from "node:child_process";
import { closeSync, openSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The part of the CLI's end-of-run summary (`--summary-json`) the bench reads. */
export interface CliSummary {
  status: string;
  swaps: number;
  signatures: number;
  requests: number;
  throttled: number;
  retries: number;
  peakRssBytes: number;
  cpuUserMs: number;
  cpuSystemMs: number;
}

export interface CliRunOptions {
  cliPath: string;
  /** Everything after `node <cli>`. */
  args: readonly string[];
  /** Added to a bare environment (PATH only), so nothing leaks in from the shell. */
  env: Record<string, string>;
  /** Flags for node itself, before the script (e.g. `--cpu-prof`). */
  nodeFlags?: readonly string[];
  /** Working directory; a fresh empty one when absent (so no .env is read). */
  cwd?: string;
  timeoutMs: number;
}

export interface CliRun {
  /** From spawning the process to its exit, milliseconds. */
  wallMs: number;
  summary: CliSummary;
  /** Standard error, one log record per line (JSON: stderr is not a terminal). */
  stderr: string;
}

/**
 * Runs the real CLI as a child process, the way a user would, with standard output going to
 * /dev/null, and reads its summary from `--summary-json`. A failed run is an error: its figures
 * would mean nothing.
 */
export async function runCli(options: CliRunOptions): Promise<CliRun> {
  const folder = await mkdtemp(join(tmpdir(), "fetch-swaps-bench-"));
  const summaryPath = join(folder, "summary.json");
  const devNull = openSync("/dev/null", "w");

  try {
    const startedAt = performance.now();
    const child = spawn(
      process.execPath,
      [
        ...(options.nodeFlags ?? []),
        options.cliPath,
        ...options.args,
        "--summary-json",
        summaryPath,
      ],
      {
        cwd: options.cwd ?? folder,
        env: { PATH: process.env.PATH ?? "", ...options.env },
        stdio: ["ignore", devNull, "pipe"],
      },
    );

    let stderr = "";
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const exitCode = await waitForExit(child, options.timeoutMs);
    const wallMs = performance.now() - startedAt;

    if (exitCode !== 0) {
      throw new Error(`fetch-swaps exited with ${exitCode}: ${lastLines(stderr)}`);
    }
    const summary = JSON.parse(await readFile(summaryPath, "utf8")) as CliSummary;
    if (summary.status !== "ok") {
      throw new Error(`fetch-swaps ended with status ${summary.status}: ${lastLines(stderr)}`);
    }
    return { wallMs, summary, stderr };
  } finally {
    closeSync(devNull);
    await rm(folder, { recursive: true, force: true });
  }
}

function waitForExit(
  child: ReturnType<typeof spawn>,
  timeoutMs: number,
): Promise<number | string | null> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`fetch-swaps did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? signal);
    });
  });
}

function lastLines(text: string): string {
  return text.trim().split("\n").slice(-3).join(" | ");
}
