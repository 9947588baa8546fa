import { spawn } from "node:child_process";
import { once } from "node:events";
import { Writable } from "node:stream";
import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { openOutput } from "../../src/output/open-output.js";
import { OutputError } from "../../src/output/output-error.js";
import { collectingStream, raydiumSwap, rejectionOf } from "./swap-fixtures.js";

/** A slow reader: chunks are only acknowledged when the test releases them. */
function heldStream(highWaterMark: number) {
  const received: string[] = [];
  const held: Array<() => void> = [];
  const stream = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, callback) {
      received.push(chunk.toString("utf8"));
      held.push(() => callback());
    },
  });
  const release = () => {
    for (const acknowledge of held.splice(0)) acknowledge();
  };
  return { stream, received, release };
}

/** A stream whose every write fails with `code`, as a closed pipe does with EPIPE. */
function failingStream(code: string): Writable {
  return new Writable({
    write(_chunk, _encoding, callback) {
      callback(Object.assign(new Error(`write ${code}`), { code }));
    },
  });
}

/** Lets pending I/O callbacks and microtasks run, without any timer. */
async function letEventLoopTurn(times = 5): Promise<void> {
  for (let turn = 0; turn < times; turn += 1) await nextTurn();
}

describe("backpressure", () => {
  it("waits for 'drain' before a write resolves, and writes nothing more meanwhile", async () => {
    const { stream, received, release } = heldStream(4);
    const sink = await openOutput({
      format: "ndjson",
      target: { kind: "stdout", stream },
      batchBytes: 1,
    });

    let settled = false;
    const first = sink.write({ n: 1 }).then((result) => {
      settled = true;
      return result;
    });
    await letEventLoopTurn();
    expect(settled).toBe(false);
    expect(received).toEqual(['{"n":1}\n']);
    await expect(sink.write({ n: 2 })).rejects.toThrow(
      "write() was called before the previous write() settled",
    );

    release();
    expect(await first).toBe("written");
    const second = sink.write({ n: 2 });
    await letEventLoopTurn();
    release();
    expect(await second).toBe("written");

    const closing = sink.close();
    await letEventLoopTurn();
    release();
    expect(await closing).toEqual({ records: 2, bytes: 16, readerClosed: false });
    expect(received).toEqual(['{"n":1}\n', '{"n":2}\n']);
  });

  it("gathers small records into chunks of at least the batch size", async () => {
    const { stream, chunks, text } = collectingStream();
    const sink = await openOutput({
      format: "ndjson",
      target: { kind: "stdout", stream },
      batchBytes: 4096,
    });
    for (let index = 0; index < 1000; index += 1) await sink.write(raydiumSwap);
    const summary = await sink.close();

    const line = `${JSON.stringify(raydiumSwap)}\n`;
    expect(text()).toBe(line.repeat(1000));
    expect(summary.bytes).toBe(Buffer.byteLength(line) * 1000);
    expect(chunks.length).toBe(
      Math.ceil(summary.bytes / (Math.ceil(4096 / line.length) * line.length)),
    );
    for (const chunk of chunks.slice(0, -1)) expect(chunk.length).toBeGreaterThanOrEqual(4096);
  });
});

describe("a reader that goes away", () => {
  it("turns EPIPE into a 'closed' result and a clean summary, not an error", async () => {
    const stream = failingStream("EPIPE");
    const sink = await openOutput({
      format: "ndjson",
      target: { kind: "stdout", stream },
      batchBytes: 1,
    });

    const results = [await sink.write({ n: 1 }), await sink.write({ n: 2 })];
    expect(results).toEqual(["closed", "closed"]);
    expect(await sink.close()).toEqual({ records: 0, bytes: 0, readerClosed: true });
  });

  it("reports a reader that left during the final flush in the close summary", async () => {
    const stream = failingStream("EPIPE");
    const sink = await openOutput({ format: "json", target: { kind: "stdout", stream } });

    expect(await sink.write({ n: 1 })).toBe("written");
    expect(await sink.close()).toEqual({ records: 1, bytes: 0, readerClosed: true });
  });

  it("stops cleanly when piped into `head -c 1`, which exits after one byte", async () => {
    const head = spawn("head", ["-c", "1"], { stdio: ["pipe", "ignore", "ignore"] });
    const exited = once(head, "exit");
    const sink = await openOutput({
      format: "ndjson",
      target: { kind: "stdout", stream: head.stdin },
    });

    let result = await sink.write(raydiumSwap);
    let writes = 1;
    while (result === "written" && writes < 200_000) {
      result = await sink.write(raydiumSwap);
      writes += 1;
    }

    expect(result).toBe("closed");
    expect((await sink.close()).readerClosed).toBe(true);
    expect(await exited).toEqual([0, null]);
  });

  it("fails with an OutputError for any other stream error", async () => {
    const sink = await openOutput({
      format: "ndjson",
      target: { kind: "stdout", stream: failingStream("EIO") },
      batchBytes: 1,
    });

    const error = await rejectionOf(sink.write({ n: 1 }));
    expect(error).toBeInstanceOf(OutputError);
    expect(error).toMatchObject({
      code: "E_OUTPUT",
      exitCode: 2,
      message: "cannot write to standard output: write EIO",
    });
    await expect(sink.write({ n: 2 })).rejects.toBe(error);
    await expect(sink.close()).rejects.toBe(error);
  });

  it("treats a stream that is already closed as a reader gone", async () => {
    const { stream } = collectingStream();
    stream.destroy();
    await once(stream, "close");
    const sink = await openOutput({
      format: "csv",
      target: { kind: "stdout", stream },
      batchBytes: 1,
    });

    expect(await sink.write(raydiumSwap)).toBe("closed");
    expect(await sink.close()).toEqual({ records: 0, bytes: 0, readerClosed: true });
  });
});

describe("abort on a stream", () => {
  it("releases a write that waits for 'drain' and never ends the stream", async () => {
    const { stream } = heldStream(4);
    const sink = await openOutput({
      format: "ndjson",
      target: { kind: "stdout", stream },
      batchBytes: 1,
    });

    const waiting = sink.write({ n: 1 });
    await letEventLoopTurn();
    await sink.abort();

    await expect(waiting).rejects.toThrow("the output was aborted");
    await expect(sink.write({ n: 2 })).rejects.toThrow(
      "write() was called on an output that is already aborted",
    );
    expect(stream.writableEnded).toBe(false);
  });
});
