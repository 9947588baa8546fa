import { describe, expect, it } from "vitest";
import { MissingTransactionsError } from "../../src/fetch/errors.js";
import { parseChunk, type TransactionSource } from "../../src/fetch/parse-chunk.js";
import type { ParsedTransaction } from "../../src/helius/client.js";
import { silentLogger } from "../support/logger.js";
import { ManualClock } from "../support/manual-clock.js";

const parsed = (signature: string) =>
  ({ raw: { signature }, transaction: { signature } }) as unknown as ParsedTransaction;

/** Answers each call by the script: which of the requested signatures to return, in what order. */
function scriptedSource(answers: Array<(requested: readonly string[]) => string[]>) {
  const calls: string[][] = [];
  const source: TransactionSource = {
    parseTransactions: async (signatures) => {
      calls.push([...signatures]);
      const answer = answers[calls.length - 1] ?? ((requested) => [...requested]);
      return answer(signatures).map(parsed);
    },
  };
  return { source, calls };
}

function options(clock = new ManualClock()) {
  return {
    missingRetries: 2,
    missingDelayMs: 100,
    clock,
    signal: new AbortController().signal,
    logger: silentLogger,
  };
}

const signaturesOf = (result: ParsedTransaction[]) =>
  result.map((entry) => entry.transaction.signature);

describe("parseChunk", () => {
  it("returns transactions in the chunk's order, whatever order they come back in", async () => {
    const { source } = scriptedSource([(requested) => [...requested].reverse()]);
    const result = await parseChunk(source, ["a", "b", "c"], options());
    expect(signaturesOf(result)).toEqual(["a", "b", "c"]);
  });

  it("asks again for just the transactions left out, with a growing delay", async () => {
    const clock = new ManualClock();
    const { source, calls } = scriptedSource([() => ["c", "a"], () => [], () => ["b"]]);

    const pending = parseChunk(source, ["a", "b", "c"], options(clock));
    await clock.advance(1000);

    expect(signaturesOf(await pending)).toEqual(["a", "b", "c"]);
    expect(calls).toEqual([["a", "b", "c"], ["b"], ["b"]]);
    expect(clock.sleeps).toEqual([100, 200]);
  });

  it("fails, naming what is missing, when retries do not bring it back", async () => {
    const clock = new ManualClock();
    const { source } = scriptedSource([() => ["a"], () => [], () => []]);

    const pending = parseChunk(source, ["a", "b", "c"], options(clock));
    const outcome = pending.catch((error: unknown) => error);
    await clock.advance(1000);

    const error = await outcome;
    expect(error).toBeInstanceOf(MissingTransactionsError);
    expect((error as MissingTransactionsError).signatures).toEqual(["b", "c"]);
    expect((error as Error).message).toBe(
      "Helius did not return 2 transaction(s) after 3 attempts: b, c",
    );
  });

  it("ignores transactions it did not ask for and duplicates", async () => {
    const { source } = scriptedSource([() => ["x", "a", "a", "b"]]);
    const result = await parseChunk(source, ["a", "b"], options());
    expect(signaturesOf(result)).toEqual(["a", "b"]);
  });
});
