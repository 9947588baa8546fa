import { describe, expect, it } from "vitest";
import { formatUiAmount, uiAmountToRaw } from "../../src/swaps/decimal-amount.js";

describe("formatUiAmount", () => {
  it.each([
    [23_873_063n, 9, "0.023873063"],
    [100_000_000n, 9, "0.1"],
    [1_000_000_000n, 9, "1"],
    [19_130n, 9, "0.00001913"],
    [1n, 9, "0.000000001"],
    [0n, 6, "0"],
    [2_421_992_009_685n, 6, "2421992.009685"],
    [322_281_812_000_000n, 6, "322281812"],
    [42n, 0, "42"],
    [-708_365_894_528n, 6, "-708365.894528"],
  ])("formats %s with %i decimals as %s", (raw, decimals, expected) => {
    expect(formatUiAmount(raw, decimals)).toBe(expected);
  });

  it("keeps every digit of amounts beyond a double's precision", () => {
    expect(formatUiAmount(123_456_789_012_345_678_901_234n, 9)).toBe("123456789012345.678901234");
  });
});

describe("uiAmountToRaw", () => {
  it.each([
    [19418974.01253, 6, 19_418_974_012_530n],
    [0.495049504, 9, 495_049_504n],
    [20.040000002, 9, 20_040_000_002n],
    [1.913e-5, 9, 19_130n],
    [5.1973e-5, 9, 51_973n],
    [23, 6, 23_000_000n],
    [0, 6, 0n],
  ])("turns the UI amount %d with %i decimals into %s raw units", (ui, decimals, raw) => {
    expect(uiAmountToRaw(ui, decimals)).toBe(raw);
  });

  it("reads text, including exponents and a sign", () => {
    expect(uiAmountToRaw("322281812.767019", 6)).toBe(322_281_812_767_019n);
    expect(uiAmountToRaw("1E-9", 9)).toBe(1n);
    expect(uiAmountToRaw("-2.5", 1)).toBe(-25n);
  });

  it("rounds digits beyond the mint's decimals half away from zero", () => {
    expect(uiAmountToRaw(0.30000000000000004, 9)).toBe(300_000_000n);
    expect(uiAmountToRaw("1.0000005", 6)).toBe(1_000_001n);
    expect(uiAmountToRaw("1.0000004", 6)).toBe(1_000_000n);
    expect(uiAmountToRaw("5e-7", 6)).toBe(1n);
    expect(uiAmountToRaw("4e-8", 6)).toBe(0n);
  });

  it("refuses text that is not a number", () => {
    expect(uiAmountToRaw("", 6)).toBeUndefined();
    expect(uiAmountToRaw("twelve", 6)).toBeUndefined();
    expect(uiAmountToRaw(".", 6)).toBeUndefined();
  });
});
