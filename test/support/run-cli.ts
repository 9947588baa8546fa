import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const CLI_PATH = fileURLToPath(new URL("../../bin/fetch-swaps.js", import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunCliOptions {
  /** Variables on top of a bare environment (PATH only): nothing leaks in from the shell. */
  env?: Record<string, string>;
  /** Working directory; by default a fresh empty folder, so no developer's .env is read. */
  cwd?: string;
  /** Called once the process is running, e.g. to send it a signal. */
  onSpawn?: (child: import("node:child_process").ChildProcess) => void;
  timeoutMs?: number;
}

/** Runs the built CLI as a child process, the way a user or cron would. */
export function runCli(args: readonly string[], options: RunCliOptions = {}): Promise<CliResult> {
  const cwd = options.cwd ?? mkdtempSync(join(tmpdir(), "fetch-swaps-cwd-"));
  const child = spawn(process.execPath, [CLI_PATH, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? "", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  options.onSpawn?.(child);

  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`fetch-swaps ${args.join(" ")} did not finish; stderr: ${stderr}`));
    }, options.timeoutMs ?? 50_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}
