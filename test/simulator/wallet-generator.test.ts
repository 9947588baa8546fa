import { describe, expect, it } from "vitest";
import {
  createSyntheticWallet,
  type EnhancedTransaction,
  type GroundTruth,
  type SyntheticTransaction,
  TRANSACTION_KINDS,
  WRAPPED_SOL_MINT,
} from "../../src/simulator/index.js";

const wallet = createSyntheticWallet({ seed: "generator-test", transactions: 600 });
const transactions = wallet.transactions();
const rendered = transactions.map((transaction) => ({
  transaction,
  enhanced: transaction.enhanced(),
}));

/**
 * The wallet's net changes read from accountData: SOL over its own account and the token accounts
 * it owns (network fee added back), and each token.
 */
function walletDeltas(enhanced: EnhancedTransaction, address: string): Map<string, bigint> {
  const deltas = new Map<string, bigint>();
  const add = (mint: string, amount: bigint) => deltas.set(mint, (deltas.get(mint) ?? 0n) + amount);
  const ownedAccounts = new Set(
    enhanced.accountData
      .filter((entry) => entry.tokenBalanceChanges.some((change) => change.userAccount === address))
      .map((entry) => entry.account),
  );

  add(WRAPPED_SOL_MINT, enhanced.feePayer === address ? BigInt(enhanced.fee) : 0n);
  for (const entry of enhanced.accountData) {
    if (entry.account === address || ownedAccounts.has(entry.account)) {
      add(WRAPPED_SOL_MINT, BigInt(entry.nativeBalanceChange));
    }
    for (const change of entry.tokenBalanceChanges) {
      if (change.userAccount === address) {
        add(change.mint, BigInt(change.rawTokenAmount.tokenAmount));
      }
    }
  }
  for (const [mint, amount] of deltas) {
    if (amount === 0n) {
      deltas.delete(mint);
    }
  }
  return deltas;
}

function sidesOf(deltas: Map<string, bigint>, sign: 1n | -1n) {
  return [...deltas]
    .filter(([, amount]) => amount * sign > 0n)
    .map(([mint, amount]) => ({ mint, amount: (amount * sign).toString() }));
}

function hasSwapEvent(enhanced: EnhancedTransaction): boolean {
  return !Array.isArray(enhanced.events) && enhanced.events.swap !== undefined;
}

describe("synthetic wallet generation", () => {
  it("gives byte-identical data for the same spec", () => {
    const again = createSyntheticWallet({ seed: "generator-test", transactions: 600 });
    expect(again.address).toBe(wallet.address);
    expect(JSON.stringify(again.transactions().map((t) => t.enhanced()))).toBe(
      JSON.stringify(rendered.map((r) => r.enhanced)),
    );
    expect(again.transactions().map((t) => t.truth)).toEqual(transactions.map((t) => t.truth));
  });

  it("gives a different address and signatures for another seed", () => {
    const other = createSyntheticWallet({ seed: "generator-test-2", transactions: 5 });
    expect(other.address).not.toBe(wallet.address);
    const signatures = new Set(transactions.map((t) => t.signature));
    expect(other.transactions().filter((t) => signatures.has(t.signature))).toEqual([]);
  });

  it("derives a 32-byte base58 address and unique 64-byte base58 signatures", () => {
    expect(wallet.address).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
    expect(new Set(transactions.map((t) => t.signature)).size).toBe(600);
    for (const { signature } of transactions) {
      expect(signature).toMatch(/^[1-9A-HJ-NP-Za-km-z]{64,88}$/);
    }
  });

  it("orders newest first with block times 0.4 s per slot from the newest slot", () => {
    expect(transactions[0]?.slot).toBe(wallet.spec.newestSlot);
    for (let index = 1; index < transactions.length; index += 1) {
      expect(transactions[index]?.slot).toBeLessThanOrEqual(transactions[index - 1]?.slot ?? 0);
    }
    for (const { slot, blockTime } of transactions) {
      const expected =
        wallet.spec.newestBlockTime + Math.round((slot - wallet.spec.newestSlot) * 0.4);
      expect(blockTime).toBe(expected);
    }
  });

  it("puts several transactions in one slot at times", () => {
    const slots = transactions.map((t) => t.slot);
    expect(new Set(slots).size).toBeLessThan(slots.length);
  });

  it("keeps each enhanced object consistent with its signature entry", () => {
    for (const { transaction, enhanced } of rendered) {
      expect(enhanced.signature).toBe(transaction.signature);
      expect(enhanced.slot).toBe(transaction.slot);
      expect(enhanced.timestamp).toBe(transaction.blockTime);
      expect(enhanced.transactionError).toEqual(transaction.err);
      expect(transaction.truth.failed).toBe(transaction.err !== null);
    }
  });

  it("produces every kind, failed transactions, and mostly swaps by default", () => {
    const kinds = new Set(transactions.map((t) => t.truth.kind));
    expect([...kinds].sort()).toEqual([...TRANSACTION_KINDS].sort());
    const failed = transactions.filter((t) => t.truth.failed).length;
    expect(failed).toBeGreaterThan(0);
    const swaps = transactions.filter((t) => t.truth.kind.startsWith("swap-")).length;
    expect(swaps / transactions.length).toBeGreaterThan(0.6);
  });

  it("conserves lamports: all native balance changes sum to minus the fee", () => {
    for (const { enhanced } of rendered) {
      const sum = enhanced.accountData.reduce(
        (total, entry) => total + entry.nativeBalanceChange,
        0,
      );
      expect(sum).toBe(-enhanced.fee);
    }
  });

  it("makes the fee payer first in accountData and charges it the fee", () => {
    for (const { enhanced } of rendered) {
      expect(enhanced.accountData[0]?.account).toBe(enhanced.feePayer);
    }
  });

  it("matches the ground truth to the wallet's balance changes", () => {
    for (const { transaction, enhanced } of rendered) {
      const deltas = walletDeltas(enhanced, wallet.address);
      const { truth } = transaction;
      const sold = truth.sold.map(({ mint, amount }) => ({ mint, amount }));
      const bought = truth.bought.map(({ mint, amount }) => ({ mint, amount }));
      if (truth.balanceSwap) {
        expect(sidesOf(deltas, -1n)).toEqual(sold);
        expect(sidesOf(deltas, 1n)).toEqual(bought);
      } else {
        expect([sold, bought]).toEqual([[], []]);
        const movesBothWays = sidesOf(deltas, -1n).length > 0 && sidesOf(deltas, 1n).length > 0;
        expect(movesBothWays).toBe(false);
      }
    }
  });

  it("reports native SOL in the truth as wrapped SOL with 9 decimals", () => {
    const sides = transactions.flatMap((t) => [...t.truth.sold, ...t.truth.bought]);
    const sol = sides.filter((side) => side.mint === WRAPPED_SOL_MINT);
    expect(sol.length).toBeGreaterThan(0);
    expect(new Set(sol.map((side) => side.decimals))).toEqual(new Set([9]));
  });

  it("labels swaps as the truth says (type SWAP or events.swap)", () => {
    for (const { transaction, enhanced } of rendered) {
      expect(enhanced.type === "SWAP" || hasSwapEvent(enhanced)).toBe(transaction.truth.labelSwap);
    }
  });

  it("changes no balance of a failed transaction except the fee", () => {
    const failed = rendered.filter(({ transaction }) => transaction.truth.failed);
    expect(failed.length).toBeGreaterThan(0);
    for (const { transaction, enhanced } of failed) {
      expect(enhanced.transactionError).toEqual({
        InstructionError: [expect.any(Number), expect.anything()],
      });
      expect(transaction.truth).toMatchObject({ balanceSwap: false, sold: [], bought: [] });
      expect(enhanced.accountData.flatMap((entry) => entry.tokenBalanceChanges)).toEqual([]);
      expect(enhanced.accountData.filter((entry) => entry.nativeBalanceChange !== 0)).toEqual([
        { account: enhanced.feePayer, nativeBalanceChange: -enhanced.fee, tokenBalanceChanges: [] },
      ]);
    }
  });

  it("keeps a 'swapped' description and events.swap on some failed swap attempts", () => {
    const attempts = rendered.filter(
      ({ transaction, enhanced }) => transaction.truth.failed && hasSwapEvent(enhanced),
    );
    expect(attempts.length).toBeGreaterThan(0);
    for (const { enhanced } of attempts) {
      expect(enhanced.tokenTransfers.length).toBeGreaterThan(0);
    }
    const labelled = attempts.filter(
      ({ transaction }) => transaction.truth.kind === "swap-labelled",
    );
    expect(labelled.some(({ enhanced }) => enhanced.description.includes(" swapped "))).toBe(true);
  });
});

describe("synthetic swap shapes", () => {
  const successful = (kind: GroundTruth["kind"]) =>
    rendered.filter(
      ({ transaction }) => transaction.truth.kind === kind && !transaction.truth.failed,
    );

  it("labels swaps of RAYDIUM, ORCA and JUPITER with events.swap and string native amounts", () => {
    const labelled = successful("swap-labelled");
    expect(new Set(labelled.map(({ enhanced }) => enhanced.source))).toEqual(
      new Set(["RAYDIUM", "ORCA", "JUPITER"]),
    );
    for (const { transaction, enhanced } of labelled) {
      expect(enhanced.type).toBe("SWAP");
      const swap =
        hasSwapEvent(enhanced) && !Array.isArray(enhanced.events)
          ? enhanced.events.swap
          : undefined;
      expect(swap).toBeDefined();
      const [sold] = transaction.truth.sold;
      const [bought] = transaction.truth.bought;
      expect(swap?.nativeInput).toEqual(
        sold?.mint === WRAPPED_SOL_MINT ? { account: wallet.address, amount: sold.amount } : null,
      );
      expect(swap?.nativeOutput).toEqual(
        bought?.mint === WRAPPED_SOL_MINT
          ? { account: wallet.address, amount: bought.amount }
          : null,
      );
    }
  });

  it("covers SOL to token, token to SOL and token to token", () => {
    const directions = new Set(
      successful("swap-labelled").map(({ transaction }) => {
        const soldSol = transaction.truth.sold[0]?.mint === WRAPPED_SOL_MINT;
        const boughtSol = transaction.truth.bought[0]?.mint === WRAPPED_SOL_MINT;
        return soldSol ? "sol-to-token" : boughtSol ? "token-to-sol" : "token-to-token";
      }),
    );
    expect(directions).toEqual(new Set(["sol-to-token", "token-to-sol", "token-to-token"]));
  });

  it("names pool accounts, not the wallet, as the counterparties of Jupiter's innerSwaps", () => {
    const jupiter = successful("swap-labelled").filter(
      ({ enhanced }) => enhanced.source === "JUPITER",
    );
    expect(jupiter.length).toBeGreaterThan(0);
    for (const { enhanced } of jupiter) {
      const innerSwaps = !Array.isArray(enhanced.events)
        ? (enhanced.events.swap?.innerSwaps ?? [])
        : [];
      expect(innerSwaps.length).toBeGreaterThan(0);
      for (const hop of innerSwaps) {
        expect(hop.tokenInputs[0]?.toUserAccount).not.toBe(wallet.address);
        expect(hop.tokenOutputs[0]?.fromUserAccount).not.toBe(wallet.address);
      }
    }
  });

  it("types PUMP_AMM and METEORA swaps SWAP with empty events", () => {
    const typed = successful("swap-typed-no-event");
    expect(new Set(typed.map(({ enhanced }) => enhanced.source))).toEqual(
      new Set(["PUMP_AMM", "METEORA"]),
    );
    for (const { enhanced } of typed) {
      expect([enhanced.type, enhanced.events]).toEqual(["SWAP", {}]);
    }
  });

  it("types some swaps UNKNOWN while they carry events.swap", () => {
    const unknown = successful("swap-unknown-typed");
    expect(unknown.length).toBeGreaterThan(0);
    for (const { enhanced } of unknown) {
      expect(enhanced.type).toBe("UNKNOWN");
      expect(hasSwapEvent(enhanced)).toBe(true);
    }
  });

  it("renders pump.fun-like buys as SOL transfers out and a token transfer in", () => {
    const buys = successful("swap-unlabelled").filter(
      ({ enhanced }) => enhanced.type === "TRANSFER",
    );
    expect(buys.length).toBeGreaterThan(0);
    for (const { transaction, enhanced } of buys) {
      expect(enhanced.source).toBe("SYSTEM_PROGRAM");
      expect(hasSwapEvent(enhanced)).toBe(false);
      const paid = enhanced.nativeTransfers
        .filter((transfer) => transfer.fromUserAccount === wallet.address)
        .reduce((total, transfer) => total + BigInt(transfer.amount), 0n);
      const rent = enhanced.nativeTransfers.some((t) => t.amount === 2_039_280) ? 2_039_280n : 0n;
      expect((paid - rent).toString()).toBe(transaction.truth.sold[0]?.amount);
      expect(enhanced.tokenTransfers.map((t) => t.toUserAccount)).toEqual([wallet.address]);
    }
    const shapes = new Set(buys.map(({ enhanced }) => JSON.stringify(enhanced.events)));
    expect(shapes).toEqual(new Set(["{}", "[]"]));
  });

  it("writes tokenTransfers amounts in UI units", () => {
    const { enhanced } = successful("token-transfer")[0] ?? { enhanced: undefined };
    const transfer = enhanced?.tokenTransfers[0];
    const change = enhanced?.accountData
      .flatMap((entry) => entry.tokenBalanceChanges)
      .find((candidate) => candidate.rawTokenAmount.tokenAmount.startsWith("-"));
    expect(transfer).toBeDefined();
    const raw = BigInt(change?.rawTokenAmount.tokenAmount.slice(1) ?? "0");
    const decimals = change?.rawTokenAmount.decimals ?? 0;
    expect(transfer?.tokenAmount).toBe(Number(raw) / 10 ** decimals);
  });
});

describe("adding newer transactions", () => {
  const grow = () => {
    const growing = createSyntheticWallet({ seed: "growing", transactions: 20 });
    const before: readonly SyntheticTransaction[] = growing.transactions();
    const added = growing.addNewer(7);
    return { growing, before, added };
  };

  it("adds transactions in newer slots on top of the history", () => {
    const { growing, before, added } = grow();
    expect(added).toHaveLength(7);
    expect(growing.transactions().map((t) => t.signature)).toEqual(
      [...added, ...before].map((t) => t.signature),
    );
    expect(added.at(-1)?.slot).toBeGreaterThan(before[0]?.slot ?? Number.POSITIVE_INFINITY);
  });

  it("adds the same transactions for the same spec and calls", () => {
    const first = grow();
    const second = grow();
    expect(second.added.map((t) => JSON.stringify(t.enhanced()))).toEqual(
      first.added.map((t) => JSON.stringify(t.enhanced())),
    );
  });
});

describe("wallet spec validation", () => {
  it.each([
    [{ seed: "", transactions: 1 }, "wallet seed must be a non-empty string"],
    [{ seed: "s", transactions: -1 }, "transactions must be an integer from 0 to 1000000"],
    [{ seed: "s", transactions: 1, failedShare: 2 }, "failedShare must be a number from 0 to 1"],
    [
      { seed: "s", transactions: 1, kindWeights: { "sol-transfer": 0 } },
      "kindWeights must give at least one kind a positive weight",
    ],
  ])("rejects %j", (spec, message) => {
    expect(() => createSyntheticWallet(spec)).toThrow(message);
  });

  it("generates only the kinds given weight in kindWeights", () => {
    const transfers = createSyntheticWallet({
      seed: "only",
      transactions: 30,
      kindWeights: { "sol-transfer": 1 },
    });
    expect(new Set(transfers.transactions().map((t) => t.truth.kind))).toEqual(
      new Set(["sol-transfer"]),
    );
  });
});
