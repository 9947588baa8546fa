import type { CpuSplit } from "./cpu-split.js";
import { boundRatio, type GoalOutcome } from "./goals.js";
import type { ProfileResult } from "./profile-run.js";

/** Everything one bench produced: what `bench/results.json` holds. */
export interface BenchReport {
  generatedAt: string;
  machine: {
    cpus: number;
    cpuModel: string;
    node: string;
    /** One-minute load average when the bench started and ended: other work skews timings. */
    loadAverage: { start: number; end: number };
  };
  startupMs: number;
  results: ProfileResult[];
  goals: GoalOutcome[];
  cpu?: { profile: string; transactions: number; split: CpuSplit };
}

/** Decimal megabytes (10^6 bytes): the stricter reading of "150 MB". */
const MEGABYTE = 1_000_000;

/** The report as Markdown: the results table, the goals and the CPU split. */
export function renderMarkdown(report: BenchReport): string {
  const { machine } = report;
  const lines = [
    `Generated ${report.generatedAt} on ${machine.cpus} x ${machine.cpuModel}, Node ` +
      `${machine.node}; load average ${machine.loadAverage.start.toFixed(2)} at the start, ` +
      `${machine.loadAverage.end.toFixed(2)} at the end.`,
    "",
    `Start-up (an empty export, median of 5): ${seconds(report.startupMs)} s, subtracted ` +
      "from every wall time to give the net time.",
    "",
    ...resultsTable(report.results),
    ...learnedPaces(report.results),
    "",
    ...goalsTable(report.goals),
  ];
  if (report.cpu !== undefined) lines.push("", ...cpuTable(report.cpu));
  return `${lines.join("\n")}\n`;
}

function resultsTable(results: readonly ProfileResult[]): string[] {
  const rows = results.map((result) => {
    const run = result.reported;
    const perThousand = (run.cpuMs / result.wallet.transactions) * 1000;
    return [
      result.profile.name,
      seconds(run.wallMs),
      seconds(run.netMs),
      String(run.requests),
      String(run.throttled),
      String(run.retries),
      (run.peakRssBytes / MEGABYTE).toFixed(1),
      Number.isFinite(perThousand) ? perThousand.toFixed(0) : "-",
      seconds(result.bound.ms),
      `${boundRatio(result).toFixed(3)}`,
    ];
  });
  return table(
    [
      "profile",
      "wall s",
      "net s",
      "requests",
      "429s",
      "retries",
      "peak RSS MB",
      "CPU ms / 1k tx",
      "lower bound s",
      "net / bound",
    ],
    rows,
  );
}

/** The pace a run learned from 429s, beside the server's true rate, for the profiles with one. */
function learnedPaces(results: readonly ProfileResult[]): string[] {
  const lines = results.flatMap((result) => {
    const learned = result.reported.learnedRates;
    const last = learned.at(-1);
    if (last === undefined) return [];
    const server = result.profile.server.parseRatePerSecond;
    const truth = server === undefined ? "" : ` (the server allows ${server})`;
    return [
      `- ${result.profile.name}: paced at ${learned.join(", then ")} calls a second, learned ` +
        `from its 429s${truth}.`,
    ];
  });
  return lines.length === 0 ? [] : ["", ...lines];
}

function goalsTable(goals: readonly GoalOutcome[]): string[] {
  return table(
    ["profile", "goal", "result", "met"],
    goals.map((outcome) => [
      outcome.profile,
      outcome.goal,
      outcome.actual,
      outcome.met ? "yes" : "**no**",
    ]),
  );
}

function cpuTable(cpu: NonNullable<BenchReport["cpu"]>): string[] {
  const { split, transactions } = cpu;
  const perThousand = (ms: number) => ((ms / transactions) * 1000).toFixed(1);
  return [
    `CPU split of a "${cpu.profile}" run under \`node --cpu-prof\` ` +
      `(${seconds(split.busyMs)} s busy; profiling adds some time of its own):`,
    "",
    ...table(
      ["where", "CPU ms", "share", "ms / 1k tx"],
      split.categories.map((category) => [
        category.name,
        category.ms.toFixed(0),
        `${(category.share * 100).toFixed(1)}%`,
        perThousand(category.ms),
      ]),
    ),
    "",
    "Hottest functions (own time):",
    "",
    ...table(
      ["function", "CPU ms"],
      split.hottest.map((entry) => [`\`${entry.name}\``, entry.ms.toFixed(0)]),
    ),
  ];
}

/** A Markdown table; `|` in cells is escaped. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell) => cell.replaceAll("|", "\\|")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)];
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(2);
}
