import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { openOutput } from "../../src/output/open-output.js";
import type { AppendableFormat } from "../../src/output/output-format.js";
import { encodeSwapCsvRow, SWAP_CSV_HEADER } from "../../src/output/swap-csv.js";
import {
  listFolder,
  makeTempFolder,
  raydiumSwap,
  rejectionOf,
  twoAssetSwap,
} from "./swap-fixtures.js";

let folder: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ folder, cleanup } = await makeTempFolder());
});

afterEach(async () => {
  await cleanup();
});

/** Appends `records` to `path` in `format` and returns the summary. */
async function append(format: AppendableFormat, path: string, records: readonly unknown[]) {
  const sink = await openOutput({ format, target: { kind: "file", path, append: true } });
  for (const record of records) await sink.write(record);
  return sink.close();
}

const raydiumRow = encodeSwapCsvRow(raydiumSwap);
const twoAssetRow = encodeSwapCsvRow(twoAssetSwap);

describe("appending NDJSON", () => {
  it("adds new lines after the existing ones", async () => {
    const path = join(folder, "swaps.ndjson");
    await writeFile(path, '{"a":1}\n');

    expect(await append("ndjson", path, [{ b: 2 }])).toEqual({
      records: 1,
      bytes: 8,
      path,
      readerClosed: false,
    });
    expect(await readFile(path, "utf8")).toBe('{"a":1}\n{"b":2}\n');
    expect(await listFolder(folder)).toEqual(["swaps.ndjson"]);
  });

  it("creates the file when it does not exist", async () => {
    const path = join(folder, "swaps.ndjson");
    await append("ndjson", path, [{ b: 2 }]);
    expect(await readFile(path, "utf8")).toBe('{"b":2}\n');
  });

  it("cuts a torn last line back to the last complete one and reports what it cut", async () => {
    const path = join(folder, "swaps.ndjson");
    await writeFile(path, '{"a":1}\n{"b":2}\n{"c":');

    const summary = await append("ndjson", path, [{ d: 4 }]);
    expect(summary.repairedTail).toEqual({ offset: 16, bytes: 5, preview: '{"c":' });
    expect(await readFile(path, "utf8")).toBe('{"a":1}\n{"b":2}\n{"d":4}\n');
  });

  it("cuts everything when not even the first line was completed", async () => {
    const path = join(folder, "swaps.ndjson");
    await writeFile(path, '{"a');

    const summary = await append("ndjson", path, [{ d: 4 }]);
    expect(summary.repairedTail).toEqual({ offset: 0, bytes: 3, preview: '{"a' });
    expect(await readFile(path, "utf8")).toBe('{"d":4}\n');
  });

  it("finds the last line end across scan blocks of a large file", async () => {
    const path = join(folder, "swaps.ndjson");
    const longTorn = "x".repeat(200_000);
    await writeFile(path, `{"a":1}\n${longTorn}`);

    const summary = await append("ndjson", path, [{ d: 4 }]);
    expect(summary.repairedTail).toMatchObject({ offset: 8, bytes: 200_000 });
    expect(summary.repairedTail?.preview).toBe("x".repeat(4096));
    expect(await readFile(path, "utf8")).toBe('{"a":1}\n{"d":4}\n');
  });

  it("leaves the file exactly as it was, torn line included, when the run aborts", async () => {
    const path = join(folder, "swaps.ndjson");
    await writeFile(path, '{"a":1}\n{"c":');
    const sink = await openOutput({
      format: "ndjson",
      target: { kind: "file", path, append: true },
      batchBytes: 1,
    });
    await sink.write({ d: 4 });

    await sink.abort();
    expect(await readFile(path, "utf8")).toBe('{"a":1}\n{"c":');
    expect(await listFolder(folder)).toEqual(["swaps.ndjson"]);
  });
});

describe("appending CSV", () => {
  it("writes the header first when the file is new", async () => {
    const path = join(folder, "swaps.csv");
    await append("csv", path, [raydiumSwap]);
    expect(await readFile(path, "utf8")).toBe(SWAP_CSV_HEADER + raydiumRow);
  });

  it("writes the header first when the file is empty", async () => {
    const path = join(folder, "swaps.csv");
    await writeFile(path, "");
    await append("csv", path, [raydiumSwap]);
    expect(await readFile(path, "utf8")).toBe(SWAP_CSV_HEADER + raydiumRow);
  });

  it("adds rows without a second header when the header is there", async () => {
    const path = join(folder, "swaps.csv");
    await writeFile(path, SWAP_CSV_HEADER + raydiumRow);

    const summary = await append("csv", path, [twoAssetSwap]);
    expect(summary.bytes).toBe(Buffer.byteLength(twoAssetRow));
    expect(await readFile(path, "utf8")).toBe(SWAP_CSV_HEADER + raydiumRow + twoAssetRow);
  });

  it("cuts a torn row, even one torn right after a line break inside quotes", async () => {
    const path = join(folder, "swaps.csv");
    const tornRow = '2025-02-18T07:12:03.000Z,5sig,w,"RAY\r\n';
    await writeFile(path, SWAP_CSV_HEADER + raydiumRow + tornRow);

    const summary = await append("csv", path, [twoAssetSwap]);
    expect(summary.repairedTail).toEqual({
      offset: Buffer.byteLength(SWAP_CSV_HEADER + raydiumRow),
      bytes: Buffer.byteLength(tornRow),
      preview: tornRow,
    });
    expect(await readFile(path, "utf8")).toBe(SWAP_CSV_HEADER + raydiumRow + twoAssetRow);
  });

  it("keeps a complete row whose quoted field holds a line break", async () => {
    const path = join(folder, "swaps.csv");
    const quotedRow = encodeSwapCsvRow({ ...raydiumSwap, source: 'A\r\n"B"' });
    await writeFile(path, SWAP_CSV_HEADER + quotedRow);

    const summary = await append("csv", path, [twoAssetSwap]);
    expect(summary.repairedTail).toBeUndefined();
    expect(await readFile(path, "utf8")).toBe(SWAP_CSV_HEADER + quotedRow + twoAssetRow);
  });

  it("writes a fresh header when only part of the header had been written", async () => {
    const path = join(folder, "swaps.csv");
    await writeFile(path, "time,signa");

    const summary = await append("csv", path, [raydiumSwap]);
    expect(summary.repairedTail).toEqual({ offset: 0, bytes: 10, preview: "time,signa" });
    expect(await readFile(path, "utf8")).toBe(SWAP_CSV_HEADER + raydiumRow);
  });

  it("refuses a file with another header and leaves it untouched", async () => {
    const path = join(folder, "trades.csv");
    await writeFile(path, "date,amount\r\n2024-01-01,5\r\n");

    const error = await rejectionOf(
      openOutput({ format: "csv", target: { kind: "file", path, append: true } }),
    );
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      `--out ${path}: its CSV header does not match the swap columns, so rows cannot be ` +
        `appended (expected "${SWAP_CSV_HEADER.trimEnd()}", found "date,amount")`,
    );
    expect(await readFile(path, "utf8")).toBe("date,amount\r\n2024-01-01,5\r\n");
    expect(await listFolder(folder)).toEqual(["trades.csv"]);
  });
});

describe("appending JSON", () => {
  it("is refused before any file is created", async () => {
    const path = join(folder, "swaps.json");
    const error = await rejectionOf(
      openOutput({ format: "json", target: { kind: "file", path, append: true } }),
    );

    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toBe(
      "appending needs --format ndjson or csv: a JSON array cannot be extended at its end",
    );
    expect(await listFolder(folder)).toEqual([]);
  });
});
