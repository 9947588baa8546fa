import { Buffer } from "node:buffer";
import { createReadStream } from "node:fs";
import { type FileHandle, mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

export interface RecordSpoolOptions {
  /** Records kept in memory before the oldest ones move to a temporary file. */
  memoryRecords?: number;
  /** Folder for the temporary file; the system's temporary folder by default. */
  directory?: string;
}

/** 5,000 records of ~1 KB: a few MB in memory before the spool touches the disk. */
const DEFAULT_MEMORY_RECORDS = 5000;
/** Block read at a time when reading the file from its end. */
const READ_BLOCK_BYTES = 64 * 1024;
const NEWLINE = 0x0a;

/**
 * Holds a run's records so that they can be read back in either order without keeping a long
 * history in memory: past `memoryRecords`, records go to a temporary NDJSON file, which can be
 * read forwards or from its end. It serves oldest-first exports of a newest-first stream, and
 * holds a wallet's records until the wallet is known to be complete.
 */
export class RecordSpool {
  readonly #memoryRecords: number;
  readonly #directory: string;
  #memory: unknown[] = [];
  #file: { folder: string; path: string; handle: FileHandle; bytes: number } | undefined;
  #count = 0;

  constructor(options: RecordSpoolOptions = {}) {
    this.#memoryRecords = options.memoryRecords ?? DEFAULT_MEMORY_RECORDS;
    this.#directory = options.directory ?? tmpdir();
  }

  get count(): number {
    return this.#count;
  }

  /** Adds a JSON-serialisable record after the ones already held. */
  async add(record: unknown): Promise<void> {
    this.#memory.push(record);
    this.#count += 1;
    if (this.#memory.length >= this.#memoryRecords) await this.#spill();
  }

  /** Reads the records in the order they were added. */
  async *forward(): AsyncGenerator<unknown> {
    if (this.#file !== undefined) {
      const lines = createInterface({
        input: createReadStream(this.#file.path, { encoding: "utf8" }),
        crlfDelay: Number.POSITIVE_INFINITY,
      });
      for await (const line of lines) {
        if (line !== "") yield JSON.parse(line);
      }
    }
    yield* this.#memory;
  }

  /** Reads the records newest added first. */
  async *backward(): AsyncGenerator<unknown> {
    for (let index = this.#memory.length - 1; index >= 0; index -= 1) yield this.#memory[index];
    if (this.#file === undefined) return;

    const { handle, bytes } = this.#file;
    let end = bytes;
    let carry = Buffer.alloc(0);
    while (end > 0) {
      const start = Math.max(0, end - READ_BLOCK_BYTES);
      const block = Buffer.alloc(end - start);
      await handle.read(block, 0, block.length, start);
      end = start;

      // Everything after the block's first newline is whole lines; the head may continue
      // in the block before, so it waits in `carry`.
      const text = Buffer.concat([block, carry]);
      let lineEnd = text.length;
      for (let index = text.length - 1; index >= 0; index -= 1) {
        if (text[index] !== NEWLINE) continue;
        if (index + 1 < lineEnd) yield JSON.parse(text.toString("utf8", index + 1, lineEnd));
        lineEnd = index;
      }
      carry = text.subarray(0, lineEnd);
    }
    if (carry.length > 0) yield JSON.parse(carry.toString("utf8"));
  }

  /** Removes the temporary file. The spool is empty afterwards. */
  async dispose(): Promise<void> {
    const file = this.#file;
    this.#file = undefined;
    this.#memory = [];
    this.#count = 0;
    if (file === undefined) return;
    await file.handle.close().catch(() => {});
    await rm(file.folder, { recursive: true, force: true });
  }

  async #spill(): Promise<void> {
    if (this.#file === undefined) {
      const folder = await mkdtemp(join(this.#directory, "fetch-swaps-spool-"));
      const path = join(folder, "records.ndjson");
      this.#file = { folder, path, handle: await open(path, "w+", 0o600), bytes: 0 };
    }

    const text = `${this.#memory.map((record) => JSON.stringify(record)).join("\n")}\n`;
    const chunk = Buffer.from(text, "utf8");
    await this.#file.handle.write(chunk, 0, chunk.length, this.#file.bytes);
    this.#file.bytes += chunk.length;
    this.#memory = [];
  }
}
