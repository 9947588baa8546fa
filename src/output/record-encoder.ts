import { UsageError } from "../errors.js";
import type { OutputFormat } from "./output-format.js";
import { encodeSwapCsvRow, isSwapRecord, SWAP_CSV_HEADER } from "./swap-csv.js";

/** Turns records into the text of one format, separators and framing included. */
export interface RecordEncoder {
  /** Text before the first record: the CSV header, or nothing. */
  readonly prologue: string;
  /** One record with the separator that goes before or after it; `index` counts from 0. */
  encode(record: unknown, index: number): string;
  /** Text after the last record, given how many were written. */
  epilogue(count: number): string;
}

export interface RecordEncoderOptions {
  /** CSV only: false when appending to a file that already starts with the header. */
  writeHeader: boolean;
}

/** Builds the encoder for `format`. */
export function createRecordEncoder(
  format: OutputFormat,
  options: RecordEncoderOptions,
): RecordEncoder {
  switch (format) {
    case "ndjson":
      return {
        prologue: "",
        encode: (record, index) => `${stringifyRecord(record, index)}\n`,
        epilogue: () => "",
      };

    case "json":
      // Streamed as one array: "[" rides on the first record, so an empty history is "[]".
      return {
        prologue: "",
        encode: (record, index) => `${index === 0 ? "[" : ",\n"}${stringifyRecord(record, index)}`,
        epilogue: (count) => (count === 0 ? "[]\n" : "]\n"),
      };

    case "csv":
      return {
        prologue: options.writeHeader ? SWAP_CSV_HEADER : "",
        encode: encodeCsvRecord,
        epilogue: () => "",
      };
  }
}

function stringifyRecord(record: unknown, index: number): string {
  const text = JSON.stringify(record);
  if (text === undefined) {
    throw new TypeError(`record ${index} is not a JSON value (got ${typeof record})`);
  }

  return text;
}

function encodeCsvRecord(record: unknown): string {
  if (!isSwapRecord(record)) {
    throw new UsageError(
      "CSV output holds swap records only; write --raw transactions as ndjson or json",
    );
  }

  return encodeSwapCsvRow(record);
}
