import { describe, expect, it } from "vitest";
import { cutAtBookmark } from "../../src/fetch/bookmark-cut.js";
import type { SignatureInfo } from "../../src/helius/schemas/signature-page.js";

const entry = (signature: string, slot: number): SignatureInfo => ({ signature, slot, err: null });

async function cut(
  pages: SignatureInfo[][],
  order: "desc" | "asc",
  bookmark = { signature: "b", slot: 5 },
) {
  async function* source() {
    yield* pages;
  }
  const out: string[][] = [];
  for await (const page of cutAtBookmark(source(), bookmark, order)) {
    out.push(page.map((e) => e.signature));
  }
  return out;
}

describe("cutAtBookmark", () => {
  it("ends a newest-first walk just before the bookmark, inside its slot", async () => {
    const pages = [
      [entry("x", 7), entry("y", 5)],
      [entry("b", 5), entry("old", 5)],
      [entry("older", 5)],
    ];
    expect(await cut(pages, "desc")).toEqual([["x", "y"]]);
  });

  it("drops an oldest-first walk's entries up to and including the bookmark", async () => {
    const pages = [[entry("old", 5)], [entry("b", 5), entry("y", 5), entry("x", 7)]];
    expect(await cut(pages, "asc")).toEqual([["y", "x"]]);
  });

  it("keeps the bookmark's whole slot when the bookmark is gone, never losing a record", async () => {
    expect(await cut([[entry("p", 5), entry("q", 5)], [entry("x", 7)]], "asc")).toEqual([
      ["p", "q", "x"],
    ]);
    expect(await cut([[entry("p", 5)]], "asc")).toEqual([["p"]]);
    expect(await cut([[entry("x", 7), entry("p", 5)]], "desc")).toEqual([["x", "p"]]);
  });
});
