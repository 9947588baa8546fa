import { describe, expect, it } from "vitest";
import { PaginationStuckError } from "../../src/fetch/errors.js";
import {
  growingPageSizes,
  type SignatureSource,
  walkSignatures,
} from "../../src/fetch/signature-walk.js";
import type { SignaturePageRequest } from "../../src/helius/client.js";
import type { SignatureInfo } from "../../src/helius/schemas/signature-page.js";
import { silentLogger } from "../support/logger.js";

const info = (signature: string): SignatureInfo => ({ signature, slot: 1, err: null });

/** Serves scripted pages and records each request. */
function scriptedSource(pages: string[][]) {
  const requests: SignaturePageRequest[] = [];
  const source: SignatureSource = {
    getSignaturesPage: async (_wallet, request) => {
      requests.push(request);
      return (pages[requests.length - 1] ?? []).map(info);
    },
  };
  return { source, requests };
}

async function walk(source: SignatureSource, pageSizes = [2]) {
  const pages: string[][] = [];
  const options = { wallet: "W", pageSizes, signal: new AbortController().signal };
  for await (const page of walkSignatures(source, { ...options, logger: silentLogger })) {
    pages.push(page.map((entry) => entry.signature));
  }
  return pages;
}

describe("walkSignatures", () => {
  it("follows the cursor until an empty page, through short pages in the middle", async () => {
    const { source, requests } = scriptedSource([["a", "b"], ["c"], ["d", "e"], []]);

    expect(await walk(source)).toEqual([["a", "b"], ["c"], ["d", "e"]]);
    expect(requests.map((request) => request.before)).toEqual([undefined, "b", "c", "e"]);
  });

  it("drops signatures it has already seen", async () => {
    const { source } = scriptedSource([["a", "b"], ["b", "c"], []]);
    expect(await walk(source)).toEqual([["a", "b"], ["c"]]);
  });

  it("drops a signature repeated within one page", async () => {
    const { source } = scriptedSource([["a", "b", "a"], ["c"], []]);
    expect(await walk(source)).toEqual([["a", "b"], ["c"]]);
  });

  it("ends on a page holding nothing but the cursor, as a server with an inclusive before gives", async () => {
    const { source, requests } = scriptedSource([["a", "b"], ["b"], ["never asked"]]);
    expect(await walk(source)).toEqual([["a", "b"]]);
    expect(requests).toHaveLength(2);
  });

  it("fails instead of looping when the same page comes back", async () => {
    const { source } = scriptedSource([
      ["a", "b"],
      ["a", "b"],
      ["a", "b"],
    ]);
    await expect(walk(source)).rejects.toBeInstanceOf(PaginationStuckError);
  });

  it("asks for growing page sizes, then repeats the last", async () => {
    const { source, requests } = scriptedSource([["a"], ["b"], ["c"], ["d"], []]);
    await walk(source, [100, 200, 1000]);
    expect(requests.map((request) => request.limit)).toEqual([100, 200, 1000, 1000, 1000]);
  });

  it("passes the until bookmark on every page", async () => {
    const { source, requests } = scriptedSource([["a"], []]);
    const options = { wallet: "W", pageSizes: [5], until: "z", logger: silentLogger };
    for await (const _ of walkSignatures(source, {
      ...options,
      signal: AbortSignal.timeout(1000),
    })) {
      // drain
    }
    expect(requests.map((request) => request.until)).toEqual(["z", "z"]);
  });
});

describe("growingPageSizes", () => {
  it("doubles from the first size up to the 1,000 maximum", () => {
    expect(growingPageSizes()).toEqual([100, 200, 400, 800, 1000]);
    expect(growingPageSizes(1000)).toEqual([1000]);
  });
});
