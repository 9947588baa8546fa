import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { openOutput } from "../../src/output/open-output.js";
import type { OutputFormat } from "../../src/output/output-format.js";
import { encodeSwapCsvRow, SWAP_CSV_HEADER } from "../../src/output/swap-csv.js";
import { collectingStream, failedSwap, raydiumSwap, twoAssetSwap } from "./swap-fixtures.js";

/** Writes `records` to a collecting stream in `format` and returns the exact text. */
async function render(format: OutputFormat, records: readonly unknown[]): Promise<string> {
  const { stream, text } = collectingStream();
  const sink = await openOutput({ format, target: { kind: "stdout", stream } });
  for (const record of records) {
    expect(await sink.write(record)).toBe("written");
  }
  const summary = await sink.close();
  expect(summary).toEqual({
    records: records.length,
    bytes: Buffer.byteLength(text()),
    readerClosed: false,
  });
  return text();
}

const raw = [{ a: 1, s: "é\n" }, [2], "x", null];

describe("NDJSON", () => {
  it("writes nothing for an empty history", async () => {
    expect(await render("ndjson", [])).toBe("");
  });

  it("writes one record per line, each ended by a line feed", async () => {
    expect(await render("ndjson", raw)).toBe('{"a":1,"s":"é\\n"}\n[2]\n"x"\nnull\n');
  });

  it("writes lines that each parse back to their swap record", async () => {
    const text = await render("ndjson", [raydiumSwap, twoAssetSwap]);
    const lines = text.split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.map((line) => JSON.parse(line))).toEqual([raydiumSwap, twoAssetSwap]);
  });
});

describe("JSON", () => {
  it("writes an empty array for an empty history", async () => {
    expect(await render("json", [])).toBe("[]\n");
  });

  it("writes one record as a one-element array", async () => {
    expect(await render("json", [{ a: 1 }])).toBe('[{"a":1}]\n');
  });

  it("separates records with a comma and a line feed", async () => {
    expect(await render("json", raw)).toBe('[{"a":1,"s":"é\\n"},\n[2],\n"x",\nnull]\n');
  });

  it("writes one array that JSON.parse reads back", async () => {
    const records = [raydiumSwap, twoAssetSwap, failedSwap];
    expect(JSON.parse(await render("json", records))).toEqual(records);
  });
});

describe("CSV", () => {
  it("writes only the header for an empty history", async () => {
    expect(await render("csv", [])).toBe(SWAP_CSV_HEADER);
  });

  it("writes the header, then one CRLF-ended row per swap", async () => {
    expect(await render("csv", [raydiumSwap])).toBe(
      SWAP_CSV_HEADER + encodeSwapCsvRow(raydiumSwap),
    );
    expect(await render("csv", [raydiumSwap, twoAssetSwap, failedSwap])).toBe(
      SWAP_CSV_HEADER +
        encodeSwapCsvRow(raydiumSwap) +
        encodeSwapCsvRow(twoAssetSwap) +
        encodeSwapCsvRow(failedSwap),
    );
  });

  it("refuses a raw transaction with a usage error", async () => {
    const { stream } = collectingStream();
    const sink = await openOutput({ format: "csv", target: { kind: "stdout", stream } });
    await expect(sink.write({ signature: "x", type: "SWAP" })).rejects.toThrow(
      new UsageError(
        "CSV output holds swap records only; write --raw transactions as ndjson or json",
      ),
    );
  });
});

describe("records that are not JSON", () => {
  it.each(["ndjson", "json"] as const)(
    "%s rejects undefined, naming the record",
    async (format) => {
      const { stream } = collectingStream();
      const sink = await openOutput({ format, target: { kind: "stdout", stream } });
      await sink.write({ a: 1 });
      await expect(sink.write(undefined)).rejects.toThrow("record 1 is not a JSON value");
    },
  );
});
