import { describe, expect, it } from "vitest";
import { type CpuProfile, splitCpuProfile } from "../../src/bench/cpu-split.js";

const frame = (functionName: string, url = "") => ({ functionName, url, lineNumber: 9 });

/**
 * (root) -> main (dist/fetch) -> readJsonBody (dist/helius/response-reader) -> zod parse
 *        -> (garbage collector), (idle); main -> RegExp (native, no url)
 */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame("(root)"), children: [2, 5, 6] },
    { id: 2, callFrame: frame("main", "file:///app/dist/fetch/fetch-swaps.js"), children: [3, 7] },
    {
      id: 3,
      callFrame: frame("readJsonBody", "file:///app/dist/helius/response-reader.js"),
      children: [4, 8],
    },
    { id: 4, callFrame: frame("parse", "file:///app/node_modules/zod/v4/core/schemas.js") },
    { id: 5, callFrame: frame("(garbage collector)") },
    { id: 6, callFrame: frame("(idle)") },
    { id: 7, callFrame: frame("toSwapRecord", "file:///app/dist/swaps/to-swap-record.js") },
    { id: 8, callFrame: frame("RegExp: max usage reached") },
  ],
  // Each sample's time is the delta before the next one, in microseconds.
  samples: [3, 3, 4, 5, 6, 7, 8, 2],
  timeDeltas: [0, 2000, 1000, 3000, 1000, 50_000, 2000, 1000],
};

describe("splitCpuProfile", () => {
  it("puts each sample in the category of its innermost known frame and leaves idle out", () => {
    const split = splitCpuProfile(profile);

    expect(split.busyMs).toBe(10);
    expect(split.categories).toEqual([
      { name: "JSON.parse of response bodies", ms: 4, share: 0.4 },
      { name: "schema validation (zod)", ms: 3, share: 0.3 },
      { name: "swap record building", ms: 2, share: 0.2 },
      { name: "garbage collection", ms: 1, share: 0.1 },
      { name: "pipeline and client", ms: 0, share: 0 },
    ]);
  });

  it("names the functions with the most time of their own", () => {
    const split = splitCpuProfile(profile, 2);

    expect(split.hottest).toEqual([
      { name: "parse zod/v4/core/schemas.js:10", ms: 3 },
      { name: "readJsonBody helius/response-reader.js:10", ms: 3 },
    ]);
  });
});
