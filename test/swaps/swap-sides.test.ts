import { describe, expect, it } from "vitest";
import { AssetChanges } from "../../src/swaps/asset-changes.js";
import { isTwoSided, toSwapSides } from "../../src/swaps/swap-sides.js";

const WSOL = "So11111111111111111111111111111111111111112";
const USDC = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v";
const BONK = "DezXAZ8z7PnrnRJjz3wXBoRgixCa6xjnB7YaB1pPB263";

function changes(...entries: Array<[mint: string, raw: bigint, decimals: number]>): AssetChanges {
  const result = new AssetChanges();
  for (const [mint, raw, decimals] of entries) result.add(mint, raw, decimals);
  return result;
}

function mints(sides: ReturnType<typeof toSwapSides>) {
  return {
    sold: sides.sold.map((side) => side.mint),
    bought: sides.bought.map((side) => side.mint),
  };
}

describe("toSwapSides", () => {
  it("puts negative changes on the sold side and positive ones on the bought side", () => {
    const sides = toSwapSides(changes([USDC, -5_000_000n, 6], [BONK, 700n, 5]));

    expect(sides).toEqual({
      sold: [{ mint: USDC, amount: "5000000", decimals: 6, uiAmount: "5" }],
      bought: [{ mint: BONK, amount: "700", decimals: 5, uiAmount: "0.007" }],
    });
    expect(isTwoSided(sides)).toBe(true);
  });

  it("sums native SOL and wrapped SOL as one asset", () => {
    const merged = new AssetChanges();
    merged.addLamports(-300_000_000n);
    merged.add(WSOL, -200_000_000n, 9);
    merged.add(USDC, 75_000_000n, 6);

    expect(toSwapSides(merged).sold).toEqual([
      { mint: WSOL, amount: "500000000", decimals: 9, uiAmount: "0.5" },
    ]);
  });

  it("drops assets whose changes cancel out", () => {
    expect(toSwapSides(changes([USDC, 5n, 6], [USDC, -5n, 6]))).toEqual({ sold: [], bought: [] });
  });

  it("orders several assets on one side by mint", () => {
    const sides = toSwapSides(changes([USDC, -1n, 6], [BONK, -1n, 5], [WSOL, 5_000_000n, 9]));

    expect(mints(sides)).toEqual({ sold: [BONK, USDC], bought: [WSOL] });
  });

  describe("SOL under the 0.001 SOL dust line", () => {
    it("is not given up: a tip beside a token sale, or alone", () => {
      expect(
        mints(toSwapSides(changes([WSOL, -999_999n, 9], [USDC, -1n, 6], [BONK, 1n, 5]))),
      ).toEqual({ sold: [USDC], bought: [BONK] });
      expect(mints(toSwapSides(changes([WSOL, -999_999n, 9], [BONK, 1n, 5])))).toEqual({
        sold: [],
        bought: [BONK],
      });
    });

    it("received beside another asset is a leftover", () => {
      expect(
        mints(toSwapSides(changes([USDC, -1n, 6], [BONK, 1n, 5], [WSOL, 999_999n, 9]))),
      ).toEqual({ sold: [USDC], bought: [BONK] });
    });

    it("received alone is a sale's proceeds", () => {
      expect(mints(toSwapSides(changes([BONK, -1n, 5], [WSOL, 19_130n, 9])))).toEqual({
        sold: [BONK],
        bought: [WSOL],
      });
    });
  });

  it("keeps SOL at the dust line on either side", () => {
    expect(
      mints(toSwapSides(changes([WSOL, -1_000_000n, 9], [USDC, -1n, 6], [BONK, 1n, 5]))),
    ).toEqual({ sold: [USDC, WSOL], bought: [BONK] });
  });
});

describe("isTwoSided", () => {
  it("needs something given up and something received", () => {
    expect(isTwoSided({ sold: [], bought: [] })).toBe(false);
    expect(isTwoSided(toSwapSides(changes([BONK, 10n, 5])))).toBe(false);
    expect(isTwoSided(toSwapSides(changes([BONK, -10n, 5])))).toBe(false);
  });
});
