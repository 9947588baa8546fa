import { describe, expect, it } from "vitest";
import type { SwapSide } from "../../src/swaps/swap-record.js";
import { type DetectMode, toSwapRecord } from "../../src/swaps/to-swap-record.js";
import {
  account,
  BONK,
  FEE,
  nativeTransfer,
  POOL,
  swapTokenAmount,
  TOKEN_ACCOUNT_RENT,
  tokenAccount,
  tokenTransfer,
  transaction,
  USDC,
  USDT,
  WALLET,
  WSOL,
} from "./transaction-builder.js";

const BOTH = { detect: "both", includeFailed: false } as const;
const MODES: DetectMode[] = ["labels", "balances", "both"];

function sol(amount: string, uiAmount: string): SwapSide {
  return { mint: WSOL, amount, decimals: 9, uiAmount };
}

function usdc(amount: string, uiAmount: string): SwapSide {
  return { mint: USDC, amount, decimals: 6, uiAmount };
}

function bonk(amount: string, uiAmount: string): SwapSide {
  return { mint: BONK, amount, decimals: 5, uiAmount };
}

/** 0.1 SOL -> 1,234.56789 BONK; the wallet's BONK account existed before unless `newAta`. */
function solForBonk(options: { newAta: boolean; type?: string }) {
  const rent = options.newAta ? TOKEN_ACCOUNT_RENT : 0;
  return transaction({
    type: options.type ?? "UNKNOWN",
    accountData: [
      account(WALLET, -(100_000_000 + rent + FEE)),
      tokenAccount("walletBonk", WALLET, BONK, 5, 123_456_789n, rent),
      tokenAccount("poolWsol", POOL, WSOL, 9, 100_000_000n, 100_000_000),
      tokenAccount("poolBonk", POOL, BONK, 5, -123_456_789n),
    ],
  });
}

describe("toSwapRecord: what counts as sold and bought", () => {
  it("counts SOL paid partly from wrapped SOL already held as one sold asset", () => {
    // 0.2 SOL wrapped from the wallet's lamports joins 0.3 wSOL it already held; 0.5 goes out.
    const swap = transaction({
      type: "SWAP",
      accountData: [
        account(WALLET, -(200_000_000 + FEE)),
        tokenAccount("walletWsol", WALLET, WSOL, 9, -300_000_000n, -300_000_000),
        tokenAccount("walletUsdc", WALLET, USDC, 6, 75_000_000n),
        tokenAccount("poolWsol", POOL, WSOL, 9, 500_000_000n, 500_000_000),
        tokenAccount("poolUsdc", POOL, USDC, 6, -75_000_000n),
      ],
    });

    expect(toSwapRecord(swap, WALLET, BOTH)).toMatchObject({
      sold: [sol("500000000", "0.5")],
      bought: [usdc("75000000", "75")],
      detectedBy: "both",
    });
  });

  it("collapses a multi-hop route into what left the wallet and what arrived", () => {
    // USDC -> USDT -> BONK; the USDT passes through the wallet's own account and nets to zero.
    const route = transaction({
      type: "SWAP",
      source: "JUPITER",
      accountData: [
        account(WALLET, -FEE),
        tokenAccount("walletUsdc", WALLET, USDC, 6, -20_000_000n),
        tokenAccount("walletUsdt", WALLET, USDT, 6, 0n),
        tokenAccount("walletBonk", WALLET, BONK, 5, 98_765_432_100n),
        tokenAccount("pool1Usdc", POOL, USDC, 6, 20_000_000n),
        tokenAccount("pool2Bonk", POOL, BONK, 5, -98_765_432_100n),
      ],
      events: {
        swap: {
          nativeInput: null,
          nativeOutput: null,
          tokenInputs: [swapTokenAmount(WALLET, USDC, 20_000_000n, 6)],
          tokenOutputs: [swapTokenAmount(POOL, BONK, 98_765_432_100n, 5)],
          innerSwaps: [{ programInfo: { source: "ORCA" } }, { programInfo: { source: "RAYDIUM" } }],
        },
      },
    });

    expect(toSwapRecord(route, WALLET, BOTH)).toMatchObject({
      sold: [usdc("20000000", "20")],
      bought: [bonk("98765432100", "987654.321")],
      detectedBy: "both",
    });
  });

  it("does not count the rent of a token account opened in the swap as SOL sold", () => {
    expect(toSwapRecord(solForBonk({ newAta: true }), WALLET, BOTH)).toMatchObject({
      sold: [sol("100000000", "0.1")],
      bought: [bonk("123456789", "1234.56789")],
      detectedBy: "balances",
    });
  });

  it("reads a swap into a token the wallet already held the same way", () => {
    expect(toSwapRecord(solForBonk({ newAta: false }), WALLET, BOTH)).toMatchObject({
      sold: [sol("100000000", "0.1")],
      bought: [bonk("123456789", "1234.56789")],
    });
  });

  it("does not count the refund of a token account closed in the swap as SOL bought", () => {
    const sellAll = transaction({
      accountData: [
        account(WALLET, 50_000_000 + TOKEN_ACCOUNT_RENT - FEE),
        tokenAccount("walletBonk", WALLET, BONK, 5, -500_000_000n, -TOKEN_ACCOUNT_RENT),
        tokenAccount("poolBonk", POOL, BONK, 5, 500_000_000n),
        tokenAccount("poolWsol", POOL, WSOL, 9, -50_000_000n, -50_000_000),
      ],
      nativeTransfers: [nativeTransfer("walletBonk", WALLET, TOKEN_ACCOUNT_RENT)],
    });

    expect(toSwapRecord(sellAll, WALLET, BOTH)).toMatchObject({
      sold: [bonk("500000000", "5000")],
      bought: [sol("50000000", "0.05")],
    });
  });

  it("leaves out rent deposited into a program account the wallet created", () => {
    // 1,948,800 = (128 + 152 bytes) * 6,960: a claim record, as in the real row 16.
    const withRecord = transaction({
      accountData: [
        account(WALLET, -(100_000_000 + 1_948_800 + FEE)),
        account("claimRecord", 1_948_800),
        tokenAccount("walletBonk", WALLET, BONK, 5, 123_456_789n),
        tokenAccount("poolWsol", POOL, WSOL, 9, 100_000_000n, 100_000_000),
      ],
      nativeTransfers: [nativeTransfer(WALLET, "claimRecord", 1_948_800)],
    });

    expect(toSwapRecord(withRecord, WALLET, BOTH)?.sold).toEqual([sol("100000000", "0.1")]);
  });

  it("drops a SOL tip under 0.001 SOL paid beside a token-for-token swap", () => {
    const tipped = (tip: number) =>
      transaction({
        accountData: [
          account(WALLET, -(tip + FEE)),
          account("tipAccount", tip),
          tokenAccount("walletUsdc", WALLET, USDC, 6, -20_000_000n),
          tokenAccount("walletBonk", WALLET, BONK, 5, 98_765_432_100n),
        ],
        nativeTransfers: [nativeTransfer(WALLET, "tipAccount", tip)],
      });

    expect(toSwapRecord(tipped(999_999), WALLET, BOTH)?.sold).toEqual([usdc("20000000", "20")]);
    expect(toSwapRecord(tipped(1_000_000), WALLET, BOTH)?.sold).toEqual([
      usdc("20000000", "20"),
      sol("1000000", "0.001"),
    ]);
  });
});

describe("toSwapRecord: what is not a swap", () => {
  it("a failed swap with a swap event gives no record unless failed swaps are asked for", () => {
    const failed = transaction({
      type: "SWAP",
      transactionError: { InstructionError: [2, { Custom: 6001 }] },
      accountData: [account(WALLET, -FEE)],
      // Helius lists the transfers the failed instruction would have made.
      tokenTransfers: [tokenTransfer([POOL, "poolBonk"], [WALLET, "walletBonk"], BONK, 1234.56789)],
      events: {
        swap: {
          nativeInput: { account: WALLET, amount: "100000000" },
          nativeOutput: null,
          tokenInputs: [],
          tokenOutputs: [swapTokenAmount(POOL, BONK, 123_456_789n, 5)],
        },
      },
    });

    for (const detect of MODES) {
      expect(toSwapRecord(failed, WALLET, { detect, includeFailed: false })).toBeUndefined();
    }
    expect(toSwapRecord(failed, WALLET, { detect: "balances", includeFailed: true })).toBe(
      undefined,
    );
    expect(toSwapRecord(failed, WALLET, { detect: "both", includeFailed: true })).toMatchObject({
      status: "failed",
      sold: [sol("100000000", "0.1")],
      bought: [bonk("123456789", "1234.56789")],
      detectedBy: "label",
    });
  });

  it("a failed transaction's error may be a plain string", () => {
    const failed = transaction({ type: "SWAP", transactionError: "custom program error: 0x1771" });

    expect(toSwapRecord(failed, WALLET, { detect: "labels", includeFailed: true })).toMatchObject({
      status: "failed",
      sold: [],
      bought: [],
    });
  });

  it("an airdrop the wallet only receives is not a swap, even when it paid rent or a tip", () => {
    const claimed = transaction({
      accountData: [
        account(WALLET, -(TOKEN_ACCOUNT_RENT + 500_000 + FEE)),
        tokenAccount("walletBonk", WALLET, BONK, 5, 123_456_789n, TOKEN_ACCOUNT_RENT),
        account("claimFees", 500_000),
      ],
      nativeTransfers: [
        nativeTransfer(WALLET, "walletBonk", TOKEN_ACCOUNT_RENT),
        nativeTransfer(WALLET, "claimFees", 500_000),
      ],
    });
    const sentToIt = transaction({
      feePayer: "Sender",
      accountData: [
        account("Sender", -FEE),
        tokenAccount("walletBonk", WALLET, BONK, 5, 123_456_789n),
        tokenAccount("senderBonk", "Sender", BONK, 5, -123_456_789n),
      ],
    });

    expect(toSwapRecord(claimed, WALLET, BOTH)).toBeUndefined();
    expect(toSwapRecord(sentToIt, WALLET, BOTH)).toBeUndefined();
  });

  it("a transaction that only costs the fee is not a swap, whatever its label", () => {
    for (const type of ["UNKNOWN", "SWAP"]) {
      const feeOnly = transaction({ type, accountData: [account(WALLET, -FEE)] });
      expect(toSwapRecord(feeOnly, WALLET, BOTH)).toBeUndefined();
    }
  });

  it("a labelled swap the wallet takes no part in is not its swap", () => {
    const others = solForBonk({ newAta: false, type: "SWAP" });

    expect(toSwapRecord(others, "SomeoneElse", BOTH)).toBeUndefined();
  });

  it("a payload with every list null is read as moving nothing", () => {
    const empty = transaction({
      type: "SWAP",
      accountData: null,
      nativeTransfers: null,
      tokenTransfers: null,
      events: null,
    });

    expect(toSwapRecord(empty, WALLET, BOTH)).toBeUndefined();
  });
});

describe("toSwapRecord: detect modes", () => {
  it("labels mode passes over an unlabelled swap that balances mode finds", () => {
    const unlabelled = solForBonk({ newAta: true });

    expect(toSwapRecord(unlabelled, WALLET, { detect: "labels", includeFailed: false })).toBe(
      undefined,
    );
    expect(toSwapRecord(unlabelled, WALLET, { detect: "balances", includeFailed: false })).toEqual(
      toSwapRecord(unlabelled, WALLET, BOTH),
    );
  });

  it("reports every evidence that held, whichever mode asked", () => {
    const labelled = solForBonk({ newAta: true, type: "SWAP" });

    for (const detect of MODES) {
      const record = toSwapRecord(labelled, WALLET, { detect, includeFailed: false });
      expect(record?.detectedBy).toBe("both");
    }
  });
});

describe("toSwapRecord: payloads without the wallet's balances", () => {
  /** The wallet's entries are cut from accountData; a pool's still gives BONK's decimals. */
  function abridged(type: string, tokenMint = BONK) {
    return transaction({
      type,
      accountData: [tokenAccount("poolBonk", POOL, BONK, 5, -123_456_789n)],
      nativeTransfers: [
        nativeTransfer(WALLET, "walletWsol", 100_000_000 + TOKEN_ACCOUNT_RENT),
        nativeTransfer("walletWsol", WALLET, TOKEN_ACCOUNT_RENT),
        nativeTransfer(WALLET, "walletBonk", TOKEN_ACCOUNT_RENT),
      ],
      tokenTransfers: [
        tokenTransfer([WALLET, "walletWsol"], [POOL, "poolWsol"], WSOL, 0.1),
        tokenTransfer([POOL, "poolBonk"], [WALLET, "walletBonk"], tokenMint, 1234.56789),
      ],
    });
  }

  it("rebuilds the sides from the wallet's transfers, leaving its own token accounts out", () => {
    expect(toSwapRecord(abridged("SWAP"), WALLET, BOTH)).toMatchObject({
      sold: [sol("100000000", "0.1")],
      bought: [bonk("123456789", "1234.56789")],
      detectedBy: "both",
    });
    expect(toSwapRecord(abridged("UNKNOWN"), WALLET, BOTH)?.detectedBy).toBe("balances");
  });

  it("gives up when a token's decimals appear nowhere in the payload", () => {
    const unknownMint = "MintWithNoDecima1s111111111111111111111111";

    expect(toSwapRecord(abridged("SWAP", unknownMint), WALLET, BOTH)).toBeUndefined();
  });

  it("takes a labelled swap's sides from its swap event when nothing else shows them", () => {
    const eventOnly = transaction({
      type: "SWAP",
      events: {
        swap: {
          nativeInput: null,
          nativeOutput: { account: WALLET, amount: 250_000_000 },
          tokenInputs: [swapTokenAmount(WALLET, USDC, 40_000_000n, 6)],
          tokenOutputs: [],
        },
      },
    });

    expect(toSwapRecord(eventOnly, WALLET, BOTH)).toMatchObject({
      sold: [usdc("40000000", "40")],
      bought: [sol("250000000", "0.25")],
      detectedBy: "label",
    });
  });
});
