/**
 * Every real Helius object in shared/real-helius/swaps.json, read for its fee payer. The
 * expected sides were worked out by hand from each object's `accountData` (and checked against
 * its `description` where Helius wrote one); the arithmetic is in each row's `derivation`.
 * Lamports: fee = the transaction's network fee, ATA = a new token account's 2,039,280 rent.
 */
import { describe, expect, it } from "vitest";
import type { SwapRecord } from "../../src/swaps/swap-record.js";
import { type DetectMode, toSwapRecord } from "../../src/swaps/to-swap-record.js";
import {
  BODI,
  REAL_CASES as CASES,
  PUMP_7F9,
  PUMP_87X,
  PUMP_FQT,
  SOL,
  sol,
  TOKEN_2GA,
  token,
  USDC,
  USDT,
} from "./real-swap-cases.js";
import { readRealTransactions, realTransaction } from "./real-transactions.js";

function recordFor(row: number, detect: DetectMode, includeFailed = false): SwapRecord | undefined {
  const transaction = realTransaction(row);
  return toSwapRecord(transaction, transaction.feePayer, { detect, includeFailed });
}

describe("toSwapRecord over the real Helius objects, for each fee payer", () => {
  it("covers every object in swaps.json, in order", () => {
    const signatures = readRealTransactions().map(
      (_, index) => realTransaction(index + 1).signature,
    );
    expect(signatures).toEqual(CASES.map((entry) => entry.signature));
  });

  describe.each(CASES)("row $row: $what", (entry) => {
    it(entry.swap ? "is a swap with the hand-derived sides" : "is not a swap", () => {
      const record = recordFor(entry.row, "both");
      if (entry.swap === undefined) {
        expect(record).toBeUndefined();
        return;
      }
      expect(record?.signature).toBe(entry.signature);
      expect(record?.status).toBe("success");
      expect({
        sold: record?.sold,
        bought: record?.bought,
        detectedBy: record?.detectedBy,
      }).toEqual(entry.swap);
    });

    it(`is ${entry.byLabels ? "" : "not "}found by labels alone`, () => {
      const record = recordFor(entry.row, "labels");
      expect(record).toEqual(entry.byLabels ? recordFor(entry.row, "both") : undefined);
    });

    it(`is ${entry.byBalances ? "" : "not "}found by balances alone`, () => {
      const record = recordFor(entry.row, "balances");
      expect(record).toEqual(entry.byBalances ? recordFor(entry.row, "both") : undefined);
    });
  });

  it("finds 15 real swaps by labels alone and 21 with balances as well", () => {
    const found = (detect: DetectMode) =>
      CASES.filter((entry) => recordFor(entry.row, detect) !== undefined).map((entry) => entry.row);

    expect(found("labels")).toEqual([1, 2, 3, 6, 10, 11, 12, 13, 14, 15, 18, 19, 20, 26, 27]);
    expect(found("both")).toEqual([
      1, 2, 3, 6, 8, 10, 11, 12, 13, 14, 15, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
    ]);
  });
});

describe("the real failed transactions", () => {
  it("yield no record unless failed swaps are asked for", () => {
    for (const row of [4, 7, 9]) {
      for (const detect of ["labels", "balances", "both"] as const) {
        expect(recordFor(row, detect)).toBeUndefined();
      }
    }
  });

  it("row 7: a failed labelled swap keeps the sides its swap event attempted", () => {
    const record = recordFor(7, "both", true);

    expect(record).toMatchObject({
      status: "failed",
      detectedBy: "label",
      sold: [sol("51921386", "0.051921386")],
      bought: [token(PUMP_7F9, "806071676650", "806071.67665")],
    });
  });

  it("row 4: a failed SWAP without a swap event has empty sides", () => {
    expect(recordFor(4, "labels", true)).toMatchObject({ status: "failed", sold: [], bought: [] });
  });

  it("row 9: a failed transaction without any label stays out", () => {
    expect(recordFor(9, "both", true)).toBeUndefined();
  });

  it("need label evidence, so detect=balances never emits them", () => {
    for (const row of [4, 7, 9]) expect(recordFor(row, "balances", true)).toBeUndefined();
  });
});

describe("the real objects, read for wallets other than the fee payer", () => {
  it("row 3: the relayed trader sold the tokens and kept the SOL minus the relayer's cut", () => {
    const transaction = realTransaction(3);
    const trader = "8HBDQPUAbvyqKgaao5r82AUfxwb3yXUAp7HK41bQxUKu";

    // SOL +102,025,166, minus its token account's 2,039,280 rent refund = +99,985,886
    // (0.101493352 from the pool - 1,507,466 paid to the relayer); token -38,921,995.
    expect(
      toSwapRecord(transaction, trader, { detect: "both", includeFailed: false }),
    ).toMatchObject({
      wallet: trader,
      feePayer: "5YET3YapxD6to6rqPqTWB3R9pSbURy6yduuUtoZkzoPX",
      sold: [token(PUMP_87X, "38921995", "38.921995")],
      bought: [sol("99985886", "0.099985886")],
      detectedBy: "both",
    });
  });

  it("row 1: an account that only received a bot fee is no party to the labelled swap", () => {
    const transaction = realTransaction(1);
    const feeAccount = "47hEzz83VFR23rLTEeVm9A7eFzjJwjvdupPPmX3cePqF";

    expect(toSwapRecord(transaction, feeAccount, { detect: "both", includeFailed: false })).toBe(
      undefined,
    );
  });

  it("row 29: neither side of a plain SOL transfer swapped", () => {
    const transaction = realTransaction(29);
    for (const wallet of [
      "G2YxRa6wt1qePMwfJzdXZG62ej4qaTC7YURzuh2Lwd3t",
      "4xacSMezt1NVLFzwcuMpyvELZsbWd6RXY5WRExxKj8Af",
    ]) {
      expect(toSwapRecord(transaction, wallet, { detect: "both", includeFailed: false })).toBe(
        undefined,
      );
    }
  });
});

describe("agreement with events.swap", () => {
  /** The assets each row's events.swap names as input and output, read off the object. */
  const EVENT_ASSETS: Array<{ row: number; sold: string; bought: string }> = [
    { row: 1, sold: SOL, bought: PUMP_87X },
    { row: 2, sold: PUMP_87X, bought: SOL },
    { row: 6, sold: USDT, bought: PUMP_7F9 },
    { row: 10, sold: PUMP_7F9, bought: SOL },
    { row: 11, sold: SOL, bought: PUMP_FQT },
    { row: 12, sold: USDC, bought: SOL },
    { row: 13, sold: SOL, bought: USDC },
    { row: 14, sold: USDC, bought: SOL },
    { row: 15, sold: USDC, bought: SOL },
    { row: 20, sold: SOL, bought: BODI },
  ];

  it.each(EVENT_ASSETS)("row $row: the balance sides name the event's assets", (entry) => {
    const record = recordFor(entry.row, "both");

    expect(record?.sold.map((side) => side.mint)).toEqual([entry.sold]);
    expect(record?.bought.map((side) => side.mint)).toEqual([entry.bought]);
  });

  it("rows 18 and 19: the wallet-level route replaces the one leg the event reports", () => {
    // events.swap: 18 is USDC -> SOL, 19 is SOL -> USDC; the wallet's USDC nets to zero.
    expect(recordFor(18, "both")?.sold.map((side) => side.mint)).toEqual([TOKEN_2GA]);
    expect(recordFor(19, "both")?.bought.map((side) => side.mint)).toEqual([TOKEN_2GA]);
  });
});

describe("record fields", () => {
  it("row 20: copies the transaction's identity and labels and dates it to the second", () => {
    expect(recordFor(20, "both")).toEqual({
      version: 1,
      wallet: "Ezi9Bn5WAfbVHmWbVHuMCdDhgyZKWxRCGGcexx3EXV8L",
      signature:
        "4cSywbWbDmvZKLza5gAUYCKWs9nhuBEMxX17jRKbdK9WPHpqNh89MfgtpQ4PyttP4E8ScVjKPZ2zR3cdQqrQabaG",
      slot: 275222716,
      timestamp: 1719909927,
      time: "2024-07-02T08:45:27Z",
      type: "SWAP",
      source: "RAYDIUM",
      fee: 36298,
      feePayer: "Ezi9Bn5WAfbVHmWbVHuMCdDhgyZKWxRCGGcexx3EXV8L",
      status: "success",
      sold: [sol("10000000", "0.01")],
      bought: [token(BODI, "18663358445", "18663.358445")],
      detectedBy: "both",
    });
  });
});
