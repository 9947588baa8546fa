import { describe, expect, it } from "vitest";
import { isRentExemptAmount, rentLamportsPaid } from "../../src/swaps/rent-deposit.js";
import { account, FEE, nativeTransfer, transaction, WALLET } from "./transaction-builder.js";

describe("isRentExemptAmount", () => {
  it.each([
    [2_039_280n, "a token account (165 bytes)"],
    [1_948_800n, "a 152-byte program account"],
    [890_880n, "an account with no data"],
    [72_161_280n, "a 10 KiB account, the largest created in one call"],
  ])("recognises %s lamports: %s", (lamports) => {
    expect(isRentExemptAmount(lamports)).toBe(true);
  });

  it.each([
    [2_039_281n, "one lamport off a token account's rent"],
    [883_920n, "below the 128-byte overhead"],
    [72_168_240n, "an account one byte over 10 KiB"],
    [1_000_000_000n, "a round 1 SOL payment"],
    [-2_039_280n, "a negative amount"],
  ])("rejects %s lamports: %s", (lamports) => {
    expect(isRentExemptAmount(lamports)).toBe(false);
  });
});

describe("rentLamportsPaid", () => {
  const noSkip = new Set<string>();

  it("counts a deposit that stayed in the new account, and a refund that emptied one", () => {
    const created = transaction({
      accountData: [
        account(WALLET, -(1_948_800 + FEE) + 2_039_280),
        account("claimRecord", 1_948_800),
        account("closedRecord", -2_039_280),
      ],
      nativeTransfers: [
        nativeTransfer(WALLET, "claimRecord", 1_948_800),
        nativeTransfer("closedRecord", WALLET, 2_039_280),
      ],
    });

    expect(rentLamportsPaid(created, WALLET, { skip: noSkip, unlistedIsRent: false })).toBe(
      1_948_800n - 2_039_280n,
    );
  });

  it("takes a rent-sized payment for a payment when the account's balance moved otherwise", () => {
    const paid = transaction({
      accountData: [account(WALLET, -(2_039_280 + FEE)), account("pool", 52_039_280)],
      nativeTransfers: [nativeTransfer(WALLET, "pool", 2_039_280)],
    });

    expect(rentLamportsPaid(paid, WALLET, { skip: noSkip, unlistedIsRent: true })).toBe(0n);
  });

  it("leaves out the accounts it is told to skip", () => {
    const ownAta = transaction({
      accountData: [account("walletAta", 2_039_280)],
      nativeTransfers: [nativeTransfer(WALLET, "walletAta", 2_039_280)],
    });

    expect(
      rentLamportsPaid(ownAta, WALLET, { skip: new Set(["walletAta"]), unlistedIsRent: false }),
    ).toBe(0n);
  });

  it("decides by amount alone for unlisted accounts only when told to", () => {
    const abridged = transaction({
      accountData: [],
      nativeTransfers: [nativeTransfer(WALLET, "unlisted", 2_039_280)],
    });

    expect(rentLamportsPaid(abridged, WALLET, { skip: noSkip, unlistedIsRent: true })).toBe(
      2_039_280n,
    );
    expect(rentLamportsPaid(abridged, WALLET, { skip: noSkip, unlistedIsRent: false })).toBe(0n);
  });
});
