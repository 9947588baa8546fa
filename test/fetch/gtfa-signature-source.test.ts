import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import {
  SignatureSourcePicker,
  type WalletSignatureRequest,
} from "../../src/fetch/signature-source.js";
import { MethodUnavailableError } from "../../src/helius/errors.js";
import { FakeGtfaSource, historyOf } from "./gtfa-fake-source.js";

function capturingLogger() {
  const lines: Array<{ msg: string }> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: pino({ level: "info" }, stream), lines };
}

/** A source whose plan refuses gTFA, counting the attempts. */
function refusingSource() {
  const source = new FakeGtfaSource([]);
  let calls = 0;
  source.getTransactionsForAddress = async () => {
    calls += 1;
    throw new MethodUnavailableError("refused (HTTP 403)", {
      endpoint: "getTransactionsForAddress",
    });
  };
  return { source, calls: () => calls };
}

const request = (wallet: string) => ({
  wallet,
  order: "asc" as const,
  tokenAccounts: false,
  includeFailed: false,
});
const signal = () => new AbortController().signal;

describe("SignatureSourcePicker", () => {
  it("uses gTFA in the order asked for when the plan allows it", async () => {
    const source = new FakeGtfaSource(historyOf({ 5: 2, 9: 1 }));
    const { logger } = capturingLogger();
    const picker = new SignatureSourcePicker({ mode: "auto", source, chains: 2, logger });

    const choice = await picker.pick(request("W"), signal());
    expect(choice.method).toBe("gtfa");
    expect(choice.order).toBe("asc");
    const pages = [];
    for await (const page of choice.pages?.(signal()) ?? []) pages.push(page);
    expect(pages.flat().map((entry) => entry.signature)).toEqual(["s5-0", "s5-1", "s9-0"]);
  });

  it("leaves failed transactions to Helius to drop, unless they are exported or a bookmark is cut", async () => {
    const history = historyOf({ 5: 3, 9: 3 }, 2);
    const listed = async (overrides: Partial<WalletSignatureRequest>) => {
      const source = new FakeGtfaSource(history);
      const picker = new SignatureSourcePicker({
        mode: "gtfa",
        source,
        chains: 2,
        logger: capturingLogger().logger,
      });
      const choice = await picker.pick({ ...request("W"), ...overrides }, signal());
      const pages = [];
      for await (const page of choice.pages?.(signal()) ?? []) pages.push(page);
      const statuses = new Set(source.requests.map((sent) => sent.filters?.status));
      return { signatures: pages.flat().map((entry) => entry.signature), statuses };
    };
    const failed = history.filter((entry) => entry.err !== null).map((entry) => entry.signature);
    expect(failed.length).toBeGreaterThan(0);

    const succeededOnly = await listed({});
    expect(succeededOnly.statuses).toEqual(new Set(["succeeded"]));
    expect(succeededOnly.signatures.some((signature) => failed.includes(signature))).toBe(false);
    expect(succeededOnly.signatures).toHaveLength(history.length - failed.length);

    const withFailed = await listed({ includeFailed: true });
    expect(withFailed.statuses).toEqual(new Set([undefined]));
    expect(withFailed.signatures).toHaveLength(history.length);

    // The bookmark is a failed transaction inside slot 9, with an older one beside it: the
    // cut must find it, or that older one would be listed again.
    const bookmark = history.find((entry) => entry.slot === 9 && entry.err !== null);
    const after = { signature: bookmark?.signature ?? "", slot: 9 };
    const incremental = await listed({ after });
    expect(incremental.statuses).toEqual(new Set([undefined]));
    const position = history.findIndex((entry) => entry.signature === after.signature);
    expect(incremental.signatures).toEqual(
      history
        .slice(0, position)
        .reverse()
        .map((entry) => entry.signature),
    );
  });

  it("falls back to getSignaturesForAddress once per run, saying so once", async () => {
    const { source, calls } = refusingSource();
    const { logger, lines } = capturingLogger();
    const picker = new SignatureSourcePicker({ mode: "auto", source, chains: 2, logger });

    expect(await picker.pick(request("A"), signal())).toEqual({ method: "rpc", order: "desc" });
    expect(await picker.pick(request("B"), signal())).toEqual({ method: "rpc", order: "desc" });

    expect(picker.fellBack).toBe(true);
    // The opening page and the far-end probe of the first wallet only.
    expect(calls()).toBe(2);
    expect(lines.map((line) => line.msg)).toEqual([
      "getTransactionsForAddress is not available: walking with getSignaturesForAddress",
    ]);
  });

  it("never calls gTFA with --signatures rpc", async () => {
    const { source, calls } = refusingSource();
    const picker = new SignatureSourcePicker({
      mode: "rpc",
      source,
      chains: 2,
      logger: capturingLogger().logger,
    });
    expect(await picker.pick(request("A"), signal())).toEqual({ method: "rpc", order: "desc" });
    expect(calls()).toBe(0);
  });

  it("fails instead of falling back with --signatures gtfa, or when token accounts were asked for", async () => {
    const { logger } = capturingLogger();
    const strict = new SignatureSourcePicker({
      mode: "gtfa",
      ...refusingSource(),
      chains: 2,
      logger,
    });
    await expect(strict.pick(request("A"), signal())).rejects.toBeInstanceOf(
      MethodUnavailableError,
    );

    const auto = new SignatureSourcePicker({
      mode: "auto",
      ...refusingSource(),
      chains: 2,
      logger,
    });
    await expect(
      auto.pick({ ...request("A"), tokenAccounts: true }, signal()),
    ).rejects.toBeInstanceOf(MethodUnavailableError);
  });
});
