import { Writable } from "node:stream";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { SignatureSourcePicker } from "../../src/fetch/signature-source.js";
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
