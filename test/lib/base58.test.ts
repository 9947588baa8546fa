import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Base58Error, decodeBase58, encodeBase58 } from "../../src/lib/base58.js";

const bytes = (...values: number[]) => Uint8Array.from(values);

describe("encodeBase58", () => {
  it.each([
    [bytes(), ""],
    [bytes(0), "1"],
    [bytes(0, 0, 0), "111"],
    [bytes(0, 0, 1), "112"],
    [bytes(57), "z"],
    [bytes(58), "21"],
    [bytes(255), "5Q"],
    [new TextEncoder().encode("Hello World!"), "2NEpo7TZRRrLZSi2U"],
  ])("encodes %j as %j", (input, expected) => {
    expect(encodeBase58(input)).toBe(expected);
  });

  it("encodes 32 zero bytes as the System Program address", () => {
    expect(encodeBase58(new Uint8Array(32))).toBe("11111111111111111111111111111111");
  });
});

describe("decodeBase58", () => {
  it.each([
    ["", bytes()],
    ["1", bytes(0)],
    ["112", bytes(0, 0, 1)],
    ["21", bytes(58)],
    ["2NEpo7TZRRrLZSi2U", new TextEncoder().encode("Hello World!")],
  ])("decodes %j", (input, expected) => {
    expect(decodeBase58(input)).toEqual(expected);
  });

  it("decodes Solana addresses to 32 bytes and signatures to 64", () => {
    expect(decodeBase58("So11111111111111111111111111111111111111112")).toHaveLength(32);
    expect(decodeBase58("11111111111111111111111111111111")).toEqual(new Uint8Array(32));
    const signature =
      "D1Ju5byDRtwLJdDPFqKvTLSG7h1t5DDnV4Xbe7EaXXSPAvBk2QUd9KjDDDc8tJ29CnqBjr5m7NKPUhBYvV4yk4a";
    expect(decodeBase58(signature)).toHaveLength(64);
  });

  const invalid = [
    "0",
    "O",
    "I",
    "l",
    "abc+",
    "ab c",
    "é",
    "So111111111111111111111111111111111111111-",
  ];
  it.each(invalid)("rejects %j, which has a character outside the alphabet", (input) => {
    expect(() => decodeBase58(input)).toThrow(Base58Error);
  });

  it("names the error code and the position of the bad character", () => {
    const error = (() => {
      try {
        decodeBase58("abc0");
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(Base58Error);
    expect((error as Base58Error).code).toBe("E_BASE58");
    expect((error as Base58Error).message).toBe("invalid base58 character at position 3");
  });

  it("round-trips random bytes, leading zeros included", () => {
    for (let round = 0; round < 200; round += 1) {
      const input = randomBytes(round % 70);
      const zeros = round % 4;
      input.fill(0, 0, Math.min(zeros, input.length));
      expect(decodeBase58(encodeBase58(input))).toEqual(new Uint8Array(input));
    }
  });
});
