import { Buffer } from "node:buffer";
import type { FileHandle } from "node:fs/promises";
import { UsageError } from "../errors.js";
import type { AppendableFormat } from "./output-format.js";
import { SWAP_CSV_HEADER } from "./swap-csv.js";

/** What appending cut from the end of an existing file: a line an interrupted writer tore. */
export interface RepairedTail {
  /** Byte offset where the cut began, which is also where the new records start. */
  offset: number;
  /** How many bytes were cut. */
  bytes: number;
  /** The start of the cut bytes (at most 4 KiB) decoded as UTF-8, for the log. */
  preview: string;
}

/** How an existing file continues: keep its first `keepBytes` bytes, then append. */
export interface AppendPlan {
  keepBytes: number;
  repairedTail?: RepairedTail;
}

/** Read size for scanning an existing file: bounded memory whatever the file's size. */
const SCAN_BLOCK_BYTES = 64 * 1024;
const PREVIEW_BYTES = 4 * 1024;
const LINE_FEED = 0x0a;
const QUOTE = 0x22;

/**
 * Decides how to append to an existing file of `size` bytes: everything up to the end of its
 * last complete record is kept. For CSV the header must match the swap columns, else a
 * `UsageError` names `target`.
 */
export async function planAppend(
  file: FileHandle,
  size: number,
  format: AppendableFormat,
  target: string,
): Promise<AppendPlan> {
  const keepBytes =
    format === "csv" ? await findCsvRecordsEnd(file, size) : await findLastLineEnd(file, size);

  if (format === "csv" && keepBytes > 0) {
    await assertSwapCsvHeader(file, keepBytes, target);
  }

  if (keepBytes === size) {
    return { keepBytes };
  }

  const preview = await readAt(file, keepBytes, Math.min(size - keepBytes, PREVIEW_BYTES));
  return {
    keepBytes,
    repairedTail: { offset: keepBytes, bytes: size - keepBytes, preview: preview.toString("utf8") },
  };
}

/** NDJSON never holds a raw line feed inside a record, so the last one ends the last record. */
async function findLastLineEnd(file: FileHandle, size: number): Promise<number> {
  let end = size;
  while (end > 0) {
    const start = Math.max(0, end - SCAN_BLOCK_BYTES);
    const block = await readAt(file, start, end - start);
    const lastLineFeed = block.lastIndexOf(LINE_FEED);
    if (lastLineFeed !== -1) {
      return start + lastLineFeed + 1;
    }
    end = start;
  }

  return 0;
}

/**
 * A quoted CSV field may hold line breaks, so a record ends only at a line feed outside
 * quotes. Under RFC 4180 a position is inside quotes exactly when an odd number of quote
 * characters precede it (a doubled quote counts twice), so one forward pass finds it.
 */
async function findCsvRecordsEnd(file: FileHandle, size: number): Promise<number> {
  let insideQuotes = false;
  let recordsEnd = 0;

  for (let start = 0; start < size; start += SCAN_BLOCK_BYTES) {
    const block = await readAt(file, start, Math.min(SCAN_BLOCK_BYTES, size - start));
    for (let index = 0; index < block.length; index += 1) {
      const byte = block[index];
      if (byte === QUOTE) {
        insideQuotes = !insideQuotes;
      } else if (byte === LINE_FEED && !insideQuotes) {
        recordsEnd = start + index + 1;
      }
    }
  }

  return recordsEnd;
}

async function assertSwapCsvHeader(
  file: FileHandle,
  keepBytes: number,
  target: string,
): Promise<void> {
  const head = await readAt(file, 0, Math.min(keepBytes, PREVIEW_BYTES));
  if (head.toString("utf8").startsWith(SWAP_CSV_HEADER)) {
    return;
  }

  const expected = SWAP_CSV_HEADER.trimEnd();
  const found = firstLine(head);
  throw new UsageError(
    `--out ${target}: its CSV header does not match the swap columns, so rows cannot be ` +
      `appended (expected "${expected}", found "${found}")`,
  );
}

function firstLine(head: Buffer): string {
  const lineFeed = head.indexOf(LINE_FEED);
  const line = head.subarray(0, lineFeed === -1 ? head.length : lineFeed).toString("utf8");
  return line.replace(/\r$/, "").slice(0, 200);
}

/** Reads up to `length` bytes at `position`, fewer only at the end of the file. */
async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await file.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) {
      break;
    }
    filled += bytesRead;
  }

  return buffer.subarray(0, filled);
}
