/**
 * Where a run's CPU time goes, from a V8 CPU profile (`node --cpu-prof`): each sample is put
 * in the category of the innermost frame on its stack that belongs to one.
 */

/** The parts of a `.cpuprofile` file read here. */
export interface CpuProfile {
  nodes: Array<{
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }>;
  samples: number[];
  /** Microseconds between one sample and the one before. */
  timeDeltas: number[];
}

export interface CpuCategory {
  name: string;
  ms: number;
  /** Share of the busy (non-idle) time. */
  share: number;
}

export interface CpuSplit {
  /** Sampled time the process was busy, milliseconds. */
  busyMs: number;
  categories: CpuCategory[];
  /** The functions with the most time of their own, busiest first. */
  hottest: Array<{ name: string; ms: number }>;
}

type Frame = CpuProfile["nodes"][number]["callFrame"];

/** Category rules, tried in order on each frame from the innermost out. */
const CATEGORIES: ReadonlyArray<{ name: string; matches: (frame: Frame) => boolean }> = [
  { name: "garbage collection", matches: (frame) => frame.functionName === "(garbage collector)" },
  { name: "idle", matches: (frame) => frame.functionName === "(idle)" },
  {
    name: "schema validation (zod)",
    matches: (frame) => frame.url.includes("/node_modules/zod/") || frame.url.includes("/schemas/"),
  },
  // JSON.parse is a builtin without a frame of its own: its time is its caller's.
  { name: "JSON.parse of response bodies", matches: (frame) => frame.url.includes("/response-") },
  { name: "swap record building", matches: (frame) => frame.url.includes("/swaps/") },
  { name: "output (encode and write)", matches: (frame) => frame.url.includes("/output/") },
  { name: "HTTP (undici, sockets, streams)", matches: isNetworking },
  { name: "logging", matches: (frame) => frame.url.includes("/node_modules/pino") },
  { name: "start-up (loading modules)", matches: isModuleLoading },
  {
    name: "pipeline and client",
    matches: (frame) => /\/(fetch|helius|cli)\//.test(frame.url),
  },
];

const OTHER = "other (V8, Node internals)";

/** Splits a profile's samples into categories and names its hottest functions. */
export function splitCpuProfile(profile: CpuProfile, hottest = 12): CpuSplit {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parents.set(child, node.id);
  }

  const byCategory = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const categoryOf = new Map<number, string>();
  profile.samples.forEach((id, index) => {
    // The time up to the next sample belongs to this one.
    const micros = profile.timeDeltas[index + 1] ?? 0;
    let category = categoryOf.get(id);
    if (category === undefined) {
      category = categorise(id, nodes, parents);
      categoryOf.set(id, category);
    }
    byCategory.set(category, (byCategory.get(category) ?? 0) + micros);

    const frame = nodes.get(id)?.callFrame;
    if (frame !== undefined && category !== "idle") {
      const name = describeFrame(frame);
      byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
    }
  });

  // Waiting on the network is not CPU time.
  byCategory.delete("idle");
  const busyMicros = [...byCategory.values()].reduce((total, micros) => total + micros, 0);
  const share = (micros: number) => (busyMicros === 0 ? 0 : micros / busyMicros);

  return {
    busyMs: busyMicros / 1000,
    categories: [...byCategory]
      .map(([name, micros]) => ({ name, ms: micros / 1000, share: share(micros) }))
      .sort((a, b) => b.ms - a.ms),
    hottest: [...byFunction]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, hottest)
      .map(([name, micros]) => ({ name, ms: micros / 1000 })),
  };
}

function categorise(
  id: number,
  nodes: ReadonlyMap<number, CpuProfile["nodes"][number]>,
  parents: ReadonlyMap<number, number>,
): string {
  for (let current: number | undefined = id; current !== undefined; ) {
    const frame = nodes.get(current)?.callFrame;
    const match = frame === undefined ? undefined : CATEGORIES.find((rule) => rule.matches(frame));
    if (match !== undefined) return match.name;
    current = parents.get(current);
  }
  return OTHER;
}

function isNetworking(frame: Frame): boolean {
  return (
    frame.url.includes("/node_modules/undici/") ||
    /^node:(net|_http|http|stream|buffer|internal\/(streams|stream_base|http|net))/.test(frame.url)
  );
}

function isModuleLoading(frame: Frame): boolean {
  return (
    frame.url.startsWith("node:internal/modules/") ||
    frame.url.startsWith("node:internal/bootstrap/") ||
    frame.functionName === "compileSourceTextModule"
  );
}

/** `name file:line`, with the path cut to what follows `dist/` or `node_modules/`. */
function describeFrame(frame: Frame): string {
  const file = frame.url.replace(/^.*\/(dist|node_modules)\//, "").replace(/^file:\/\//, "");
  const name = frame.functionName === "" ? "(anonymous)" : frame.functionName;
  return file === "" ? name : `${name} ${file}:${frame.lineNumber + 1}`;
}
