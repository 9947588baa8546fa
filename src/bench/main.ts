#!/usr/bin/env node
/**
 * `npm run bench`: runs the real CLI, as a child process, against the simulator under each
 * profile, prints the results as Markdown and writes them to bench/results.md and
 * bench/results.json. Exits with 1 when a goal is not met.
 *
 * Flags: `--only <name,name>` runs some profiles (nothing is written unless `--out` is given),
 * `--out <folder>` writes elsewhere, `--no-cpu-profile` skips the profiled run.
 */
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { BenchServer } from "./bench-server.js";
import { boundRatio, checkGoals } from "./goals.js";
import { measureStartup, type ProfileResult, profileCpu, runProfile } from "./profile-run.js";
import { CPU_PROFILED, PROFILES } from "./profiles.js";
import { type BenchReport, renderMarkdown } from "./report.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const CLI_PATH = join(ROOT, "bin", "fetch-swaps.js");
/** A run that takes this long is stuck, not slow: 5 min. */
const RUN_TIMEOUT_MS = 300_000;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: "string" },
      out: { type: "string" },
      "no-cpu-profile": { type: "boolean", default: false },
    },
  });
  const selected = selectProfiles(values.only);
  const outFolder = values.out ?? (values.only === undefined ? join(ROOT, "bench") : undefined);
  const loadAtStart = loadavg()[0] ?? 0;

  const server = await BenchServer.start();
  try {
    const base = { server, cliPath: CLI_PATH, timeoutMs: RUN_TIMEOUT_MS };
    const startupMs = await measureStartup(base);
    log(`start-up: ${(startupMs / 1000).toFixed(2)} s`);

    const results: ProfileResult[] = [];
    for (const profile of selected) {
      const result = await runProfile(profile, { ...base, startupMs });
      results.push(result);
      log(
        `${profile.name}: ${(result.reported.wallMs / 1000).toFixed(2)} s wall, ` +
          `${boundRatio(result).toFixed(3)} x the bound`,
      );
    }

    const cpu = values["no-cpu-profile"] ? undefined : await splitCpu(selected, base, startupMs);
    const report: BenchReport = {
      generatedAt: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model.trim() ?? "unknown CPU",
        node: process.version,
        loadAverage: { start: loadAtStart, end: loadavg()[0] ?? 0 },
      },
      startupMs,
      results,
      goals: checkGoals(results),
      ...(cpu === undefined ? {} : { cpu }),
    };

    const markdown = renderMarkdown(report);
    process.stdout.write(markdown);
    if (outFolder !== undefined) {
      await mkdir(outFolder, { recursive: true });
      await writeFile(join(outFolder, "results.md"), markdown);
      await writeFile(join(outFolder, "results.json"), `${JSON.stringify(report, null, 2)}\n`);
      log(`wrote ${join(outFolder, "results.md")} and results.json`);
    }
    return report.goals.every((outcome) => outcome.met) ? 0 : 1;
  } finally {
    await server.close();
  }
}

function selectProfiles(only: string | undefined) {
  if (only === undefined) return PROFILES;
  const names = only.split(",").map((name) => name.trim());
  const unknown = names.filter((name) => !PROFILES.some((profile) => profile.name === name));
  if (unknown.length > 0) {
    const known = PROFILES.map((profile) => `"${profile.name}"`).join(", ");
    throw new Error(`unknown profile ${unknown.join(", ")}; the profiles are ${known}`);
  }
  return PROFILES.filter((profile) => names.includes(profile.name));
}

async function splitCpu(
  selected: typeof PROFILES,
  base: Omit<Parameters<typeof profileCpu>[1], "startupMs">,
  startupMs: number,
): Promise<BenchReport["cpu"]> {
  const profile = selected.find((candidate) => candidate.name === CPU_PROFILED);
  if (profile === undefined) return undefined;

  const folder = await mkdtemp(join(tmpdir(), "fetch-swaps-cpu-"));
  try {
    const split = await profileCpu(profile, { ...base, startupMs }, folder);
    log(`${profile.name}: CPU profile split`);
    return { profile: profile.name, transactions: profile.transactions, split };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
