import { describe, expect, it } from "vitest";
import {
  encodeSwapCsvRow,
  formatLamportsAsSol,
  isSwapRecord,
  SWAP_CSV_HEADER,
} from "../../src/output/swap-csv.js";
import { failedSwap, raydiumSwap, twoAssetSwap } from "./swap-fixtures.js";

describe("swap CSV rows", () => {
  it("has the documented header", () => {
    expect(SWAP_CSV_HEADER).toBe(
      "time,signature,wallet,source,type,sold_mint,sold_amount,bought_mint,bought_amount," +
        "fee_sol,status,detected_by\r\n",
    );
  });

  it("writes one swap with exact decimal amounts and the fee in SOL", () => {
    expect(encodeSwapCsvRow(raydiumSwap)).toBe(
      "2025-02-18T07:12:03.000Z," +
        "D1Ju5byDRtwLJdDPFqKvTLSG7h1t5DDnV4Xbe7EaXXSPAvBk2QUd9KjDDDc8tJ29CnqBjr5m7NKPUhBYvV4yk4a," +
        "69VVsmgtM1nDnS3Sdu7j2RswJoL5LoqvoW6sKkdFvChh,RAYDIUM,SWAP," +
        "So11111111111111111111111111111111111111112,0.495049504," +
        "87xQEvxvoLYHf1T6iPxkThUrX2mLD58SDt8KWEYJpump,197.912174," +
        "0.001000000,success,both\r\n",
    );
  });

  it("joins several assets of one side with ';', mints and amounts in the same order", () => {
    expect(encodeSwapCsvRow(twoAssetSwap)).toBe(
      "2025-02-18T07:13:20.000Z,3sig,69VVsmgtM1nDnS3Sdu7j2RswJoL5LoqvoW6sKkdFvChh,JUPITER,SWAP," +
        "87xQEvxvoLYHf1T6iPxkThUrX2mLD58SDt8KWEYJpump;" +
        "So11111111111111111111111111111111111111112," +
        "1;0.000000001,EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v,2.5," +
        "0.000005000,success,balances\r\n",
    );
  });

  it("leaves both columns of an empty side empty", () => {
    expect(encodeSwapCsvRow(failedSwap)).toBe(
      "2025-02-18T07:12:03.000Z,4sig,69VVsmgtM1nDnS3Sdu7j2RswJoL5LoqvoW6sKkdFvChh,PUMP_AMM," +
        "UNKNOWN,,,,,0.000000000,failed,label\r\n",
    );
  });

  it("quotes a label that holds a comma or a quote", () => {
    const row = encodeSwapCsvRow({ ...failedSwap, source: 'A,"B"' });
    expect(row).toContain(',"A,""B""",UNKNOWN,');
  });
});

describe("formatLamportsAsSol", () => {
  it.each([
    [0, "0.000000000"],
    [1, "0.000000001"],
    [5000, "0.000005000"],
    [1_000_000_000, "1.000000000"],
    [123_456_789_012, "123.456789012"],
    [Number.MAX_SAFE_INTEGER, "9007199.254740991"],
  ])("writes %d lamports as %s SOL", (lamports, sol) => {
    expect(formatLamportsAsSol(lamports)).toBe(sol);
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 53])("rejects %d lamports", (lamports) => {
    expect(() => formatLamportsAsSol(lamports)).toThrow(RangeError);
  });
});

describe("isSwapRecord", () => {
  it("accepts a swap record", () => {
    expect(isSwapRecord(raydiumSwap)).toBe(true);
  });

  it.each([
    ["a raw Helius transaction", { signature: "x", type: "SWAP", fee: 5000 }],
    ["a record of another version", { ...raydiumSwap, version: 2 }],
    ["null", null],
    ["a string", "SWAP"],
  ])("rejects %s", (_name, value) => {
    expect(isSwapRecord(value)).toBe(false);
  });
});
