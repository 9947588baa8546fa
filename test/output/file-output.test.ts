import { chmod, mkdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openOutput } from "../../src/output/open-output.js";
import { OutputError } from "../../src/output/output-error.js";
import {
  listFolder,
  makeTempFolder,
  raydiumSwap,
  rejectionOf,
  twoAssetSwap,
} from "./swap-fixtures.js";

/** A hidden temporary file beside `name`, as the atomic writer names it. */
function temporaryNamePattern(name: string): RegExp {
  return new RegExp(`^\\.${name.replaceAll(".", "\\.")}\\.${process.pid}\\.[0-9a-f]{12}\\.tmp$`);
}

let folder: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ folder, cleanup } = await makeTempFolder());
});

afterEach(async () => {
  await cleanup();
});

describe("writing a file atomically", () => {
  it("leaves the old content in place until close, then replaces it whole", async () => {
    const target = join(folder, "swaps.ndjson");
    await writeFile(target, "old\n");
    const sink = await openOutput({
      format: "ndjson",
      target: { kind: "file", path: target },
      batchBytes: 1,
    });

    await sink.write(raydiumSwap);
    await sink.write(twoAssetSwap);
    expect(await readFile(target, "utf8")).toBe("old\n");
    const names = await listFolder(folder);
    expect(names).toHaveLength(2);
    expect(names[0]).toMatch(temporaryNamePattern("swaps.ndjson"));
    expect(names[1]).toBe("swaps.ndjson");

    const expected = `${JSON.stringify(raydiumSwap)}\n${JSON.stringify(twoAssetSwap)}\n`;
    expect(await sink.close()).toEqual({
      records: 2,
      bytes: Buffer.byteLength(expected),
      path: target,
      readerClosed: false,
    });
    expect(await readFile(target, "utf8")).toBe(expected);
    expect(await listFolder(folder)).toEqual(["swaps.ndjson"]);
  });

  it("creates a missing target only on close, with an empty history as '[]'", async () => {
    const target = join(folder, "swaps.json");
    const sink = await openOutput({ format: "json", target: { kind: "file", path: target } });
    expect(await listFolder(folder)).toHaveLength(1);
    expect(await listFolder(folder)).not.toContain("swaps.json");

    await sink.close();
    expect(await readFile(target, "utf8")).toBe("[]\n");
    expect(await listFolder(folder)).toEqual(["swaps.json"]);
  });

  it("keeps the permissions of the file it replaces", async () => {
    const target = join(folder, "swaps.csv");
    await writeFile(target, "old\r\n");
    await chmod(target, 0o640);

    const sink = await openOutput({ format: "csv", target: { kind: "file", path: target } });
    await sink.write(raydiumSwap);
    await sink.close();

    expect((await stat(target)).mode & 0o777).toBe(0o640);
  });

  it("writes through a symbolic link to the real file and keeps the link", async () => {
    await mkdir(join(folder, "real"));
    const realFile = join(folder, "real", "swaps.ndjson");
    const link = join(folder, "link.ndjson");
    await writeFile(realFile, "old\n");
    await symlink(realFile, link);

    const sink = await openOutput({ format: "ndjson", target: { kind: "file", path: link } });
    await sink.write({ a: 1 });
    expect(await sink.close()).toMatchObject({ path: realFile });

    expect((await stat(link)).isFile()).toBe(true);
    expect(await readFile(link, "utf8")).toBe('{"a":1}\n');
    expect(await listFolder(join(folder, "real"))).toEqual(["swaps.ndjson"]);
  });
});

describe("aborting a file output", () => {
  it("keeps the old content and removes the temporary file", async () => {
    const target = join(folder, "swaps.ndjson");
    await writeFile(target, "old\n");
    const sink = await openOutput({
      format: "ndjson",
      target: { kind: "file", path: target },
      batchBytes: 1,
    });
    await sink.write(raydiumSwap);

    await sink.abort();
    expect(await readFile(target, "utf8")).toBe("old\n");
    expect(await listFolder(folder)).toEqual(["swaps.ndjson"]);
  });

  it("leaves no file at all when the target did not exist", async () => {
    const sink = await openOutput({
      format: "csv",
      target: { kind: "file", path: join(folder, "swaps.csv") },
    });
    await sink.write(raydiumSwap);

    await sink.abort();
    expect(await listFolder(folder)).toEqual([]);
  });

  it("can be called repeatedly and concurrently", async () => {
    const sink = await openOutput({
      format: "ndjson",
      target: { kind: "file", path: join(folder, "swaps.ndjson") },
    });

    await Promise.all([sink.abort(), sink.abort()]);
    await sink.abort();
    expect(await listFolder(folder)).toEqual([]);
    await expect(sink.write({ a: 1 })).rejects.toThrow(
      "write() was called on an output that is already aborted",
    );
    await expect(sink.close()).rejects.toThrow(
      "close() was called on an output that is already aborted",
    );
  });

  it("wins over a close still in flight, which then fails", async () => {
    const target = join(folder, "swaps.ndjson");
    const sink = await openOutput({ format: "ndjson", target: { kind: "file", path: target } });
    await sink.write({ a: 1 });

    const closing = sink.close();
    await sink.abort();

    await expect(closing).rejects.toThrow(`the output to ${target} is no longer open (discarded)`);
    expect(await listFolder(folder)).toEqual([]);
  });

  it("does nothing after a successful close", async () => {
    const target = join(folder, "swaps.ndjson");
    const sink = await openOutput({ format: "ndjson", target: { kind: "file", path: target } });
    await sink.write({ a: 1 });
    const summary = await sink.close();

    await sink.abort();
    expect(await readFile(target, "utf8")).toBe('{"a":1}\n');
    expect(await sink.close()).toBe(summary);
  });

  it("cleans up after close failed to rename over the target", async () => {
    const target = join(folder, "swaps.ndjson");
    const sink = await openOutput({ format: "ndjson", target: { kind: "file", path: target } });
    await sink.write({ a: 1 });
    // Something else puts a non-empty folder where the file should go while the run works.
    await mkdir(target);
    await writeFile(join(target, "keep"), "");

    const error = await rejectionOf(sink.close());
    expect(error).toBeInstanceOf(OutputError);
    expect(error).toMatchObject({ code: "E_OUTPUT", path: target });
    expect((error as Error).message).toMatch(new RegExp(`^cannot complete ${target}: E`));
    await expect(sink.write({ a: 2 })).rejects.toBe(error);

    await sink.abort();
    expect(await listFolder(folder)).toEqual(["swaps.ndjson"]);
    expect(await listFolder(target)).toEqual(["keep"]);
  });
});
