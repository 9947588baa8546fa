import { describe, expect, it } from "vitest";
import { withinTimeWindow } from "../../src/fetch/time-window.js";
import type { SignatureInfo } from "../../src/helius/schemas/signature-page.js";

const entry = (signature: string, blockTime: number | null): SignatureInfo => ({
  signature,
  slot: 1,
  err: null,
  blockTime,
});

/** Serves pages newest first and counts how many were pulled. */
function pagesOf(pages: SignatureInfo[][]) {
  const state = { pulled: 0 };
  async function* generate() {
    for (const page of pages) {
      state.pulled += 1;
      yield page;
    }
  }
  return { pages: generate(), state };
}

async function collect(iterable: AsyncIterable<SignatureInfo[]>) {
  const out: string[][] = [];
  for await (const page of iterable) out.push(page.map((item) => item.signature));
  return out;
}

describe("withinTimeWindow", () => {
  const history = [
    [entry("a", 500), entry("b", 400)],
    [entry("c", 300), entry("d", null), entry("e", 200)],
    [entry("f", 100)],
  ];

  it("skips signatures newer than until and keeps the rest", async () => {
    const { pages } = pagesOf(history);
    expect(await collect(withinTimeWindow(pages, { untilUnix: 400 }))).toEqual([
      ["b"],
      ["c", "d", "e"],
      ["f"],
    ]);
  });

  it("stops pulling pages once it passes since", async () => {
    const { pages, state } = pagesOf(history);
    expect(await collect(withinTimeWindow(pages, { sinceUnix: 250 }))).toEqual([
      ["a", "b"],
      ["c", "d"],
    ]);
    expect(state.pulled).toBe(2);
  });

  it("treats both bounds as inclusive", async () => {
    const { pages } = pagesOf(history);
    expect(await collect(withinTimeWindow(pages, { sinceUnix: 300, untilUnix: 400 }))).toEqual([
      ["b"],
      ["c", "d"],
    ]);
  });
});
