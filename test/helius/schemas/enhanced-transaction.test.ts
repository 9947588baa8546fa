import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  enhancedTransactionSchema,
  parseTransactionsResponseSchema,
} from "../../../src/helius/schemas/enhanced-transaction.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const realPath = resolve(repoRoot, "../shared/real-helius/swaps.json");
const realTransactions: Array<Record<string, unknown>> = JSON.parse(readFileSync(realPath, "utf8"));

/** The fields every transaction must carry, and nothing else. */
const MINIMAL = {
  signature: "5ig",
  slot: 321_421_525,
  timestamp: 1_739_862_723,
  fee: 5_000,
  feePayer: "Payer",
  type: "SWAP",
  source: "RAYDIUM",
};

function firstIssue(value: unknown) {
  const result = enhancedTransactionSchema.safeParse(value);
  if (result.success) throw new Error("expected the schema to reject the value");
  const [issue] = result.error.issues;
  return { path: issue?.path, message: issue?.message };
}

describe("enhancedTransactionSchema over the real Helius objects", () => {
  it("holds 29 objects", () => {
    expect(realTransactions).toHaveLength(29);
  });

  it.each(realTransactions.map((raw, index) => ({ row: index + 1, raw })))(
    "accepts row $row",
    ({ raw }) => {
      const result = enhancedTransactionSchema.safeParse(raw);

      expect(result.error?.issues).toBeUndefined();
      expect(result.data?.signature).toBe(raw.signature);
    },
  );

  it("accepts them as one response body", () => {
    expect(parseTransactionsResponseSchema.safeParse(realTransactions).success).toBe(true);
  });

  it("keeps only the keys it checks, leaving the raw object untouched", () => {
    const raw = realTransactions[0];
    const before = JSON.stringify(raw);
    const parsed = enhancedTransactionSchema.parse(raw);

    expect(raw).toHaveProperty("instructions");
    expect(parsed).not.toHaveProperty("instructions");
    expect(parsed).not.toHaveProperty("description");
    expect(parsed.signature).toBe(raw?.signature);
    expect(JSON.stringify(raw)).toBe(before);
  });
});

describe("enhancedTransactionSchema: shapes Helius really sends", () => {
  it("needs only the identifying fields", () => {
    expect(enhancedTransactionSchema.parse(MINIMAL)).toEqual(MINIMAL);
  });

  it("accepts null lists and null swap amounts", () => {
    const parsed = enhancedTransactionSchema.parse({
      ...MINIMAL,
      nativeTransfers: null,
      tokenTransfers: null,
      accountData: [{ account: "A", nativeBalanceChange: 0, tokenBalanceChanges: null }],
      events: { swap: { nativeInput: null, nativeOutput: null, tokenInputs: null } },
    });

    expect(parsed.accountData?.[0]?.tokenBalanceChanges).toBeNull();
    expect(parsed.events?.swap?.nativeInput).toBeNull();
  });

  it("reads events sent as an empty array as no events", () => {
    expect(enhancedTransactionSchema.parse({ ...MINIMAL, events: [] }).events).toEqual({});
  });

  it("turns integer amounts, numbers or strings, into exact integer strings", () => {
    const parsed = enhancedTransactionSchema.parse({
      ...MINIMAL,
      nativeTransfers: [{ fromUserAccount: "A", toUserAccount: "B", amount: 2_039_280 }],
      accountData: [
        {
          account: "Ata",
          nativeBalanceChange: -504_039_279,
          tokenBalanceChanges: [
            {
              userAccount: "A",
              tokenAccount: "Ata",
              mint: "M",
              rawTokenAmount: { tokenAmount: "-708365894528", decimals: 6 },
            },
          ],
        },
      ],
      events: { swap: { nativeInput: { account: "A", amount: 23_873_063 }, nativeOutput: null } },
    });

    expect(parsed.nativeTransfers?.[0]?.amount).toBe("2039280");
    expect(parsed.accountData?.[0]?.nativeBalanceChange).toBe("-504039279");
    expect(parsed.accountData?.[0]?.tokenBalanceChanges?.[0]?.rawTokenAmount.tokenAmount).toBe(
      "-708365894528",
    );
    expect(parsed.events?.swap?.nativeInput?.amount).toBe("23873063");
  });

  it("writes integers beyond 2^53 without an exponent", () => {
    const parsed = enhancedTransactionSchema.parse({
      ...MINIMAL,
      nativeTransfers: [{ fromUserAccount: "A", toUserAccount: "B", amount: 1e21 }],
    });

    expect(parsed.nativeTransfers?.[0]?.amount).toBe("1000000000000000000000");
  });

  it.each([
    [{ InstructionError: [5, { Custom: 6002 }] }],
    ["InsufficientFundsForRent"],
    [{ error: "custom program error" }],
  ])("accepts %j as a transaction error", (transactionError) => {
    expect(
      enhancedTransactionSchema.parse({ ...MINIMAL, transactionError }).transactionError,
    ).toEqual(transactionError);
  });

  it("accepts empty or missing accounts on mint and burn transfers", () => {
    const transfer = { fromUserAccount: "", toUserAccount: "B", mint: "M", tokenAmount: 1.5 };

    expect(
      enhancedTransactionSchema.safeParse({ ...MINIMAL, tokenTransfers: [transfer] }).success,
    ).toBe(true);
  });
});

describe("enhancedTransactionSchema: rejections name the field", () => {
  it("a missing signature", () => {
    const { signature: _, ...unsigned } = MINIMAL;

    expect(firstIssue(unsigned)).toEqual({
      path: ["signature"],
      message: "Invalid input: expected string, received undefined",
    });
  });

  it("a slot sent as a string", () => {
    expect(firstIssue({ ...MINIMAL, slot: "321421525" })).toEqual({
      path: ["slot"],
      message: "Invalid input: expected number, received string",
    });
  });

  it("a raw token amount with a fraction, deep in accountData", () => {
    const accountData = [
      {
        account: "Ata",
        nativeBalanceChange: 0,
        tokenBalanceChanges: [
          {
            userAccount: "A",
            tokenAccount: "Ata",
            mint: "M",
            rawTokenAmount: { tokenAmount: "1.5", decimals: 6 },
          },
        ],
      },
    ];

    expect(firstIssue({ ...MINIMAL, accountData })).toEqual({
      path: ["accountData", 0, "tokenBalanceChanges", 0, "rawTokenAmount", "tokenAmount"],
      message: "expected an integer, as a number or a string",
    });
  });

  it("a swap event amount that is not a number", () => {
    const events = { swap: { nativeInput: { account: "A", amount: "lots" } } };

    expect(firstIssue({ ...MINIMAL, events }).path).toEqual([
      "events",
      "swap",
      "nativeInput",
      "amount",
    ]);
  });

  it("a bad transaction inside a response body, by its index", () => {
    const result = parseTransactionsResponseSchema.safeParse([MINIMAL, { ...MINIMAL, fee: -1 }]);

    expect(result.error?.issues[0]?.path).toEqual([1, "fee"]);
  });
});
