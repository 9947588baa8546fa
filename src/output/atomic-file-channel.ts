import type { Buffer } from "node:buffer";
import { randomBytes } from "node:crypto";
import type { Stats } from "node:fs";
import { constants, copyFile, type FileHandle, open, rename, stat, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { pid } from "node:process";
import type { AppendPlan } from "./append-plan.js";
import { toOutputError } from "./output-error.js";
import type { ChannelCommit, OutputChannel, WriteResult } from "./record-sink.js";

/** Inspects a copy of the existing target (`size` bytes) and says how much of it to keep. */
export type AppendPlanner = (file: FileHandle, size: number) => Promise<AppendPlan>;

/**
 * Where a run writes before its output is complete: a hidden file beside the target, so the
 * final rename stays within one file system, named by process and a random part so that
 * concurrent runs never share one.
 */
export function temporaryPathFor(target: string): string {
  const unique = randomBytes(6).toString("hex");
  return join(dirname(target), `.${basename(target)}.${pid}.${unique}.tmp`);
}

/**
 * Opens a channel that writes a temporary file and renames it over `target` on commit, so the
 * target only ever holds a complete output. With `planAppend`, the temporary file starts as a
 * copy of the existing target, trimmed to what the planner keeps; a run that fails therefore
 * leaves the target untouched, torn tail included.
 */
export async function openAtomicFileChannel(
  target: string,
  planAppend?: AppendPlanner,
): Promise<AtomicFileChannel> {
  const tempPath = temporaryPathFor(target);
  let created = false;
  let file: FileHandle | undefined;

  try {
    const existing = await statIfExists(target);
    let plan: AppendPlan = { keepBytes: 0 };

    if (planAppend !== undefined && existing !== undefined) {
      // FICLONE shares blocks on file systems that can (btrfs, XFS) and copies elsewhere.
      await copyFile(target, tempPath, constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE);
      created = true;
      file = await open(tempPath, "r+");
      const { size } = await file.stat();
      plan = await planAppend(file, size);
      if (plan.keepBytes < size) {
        await file.truncate(plan.keepBytes);
      }
    } else {
      file = await open(tempPath, "wx");
      created = true;
      if (existing !== undefined) {
        await file.chmod(existing.mode & 0o7777);
      }
    }

    return new AtomicFileChannel(target, tempPath, file, plan);
  } catch (error) {
    await file?.close().catch(ignoreError);
    if (created) {
      await unlink(tempPath).catch(ignoreError);
    }
    throw toOutputError(error, "prepare a temporary file for", target);
  }
}

/** A temporary file that becomes the target on commit; see `openAtomicFileChannel`. */
export class AtomicFileChannel implements OutputChannel {
  /** Bytes of the existing target kept for appending; 0 for a new or replaced file. */
  readonly existingBytes: number;
  readonly #target: string;
  readonly #tempPath: string;
  readonly #plan: AppendPlan;
  #file: FileHandle | undefined;
  #position: number;
  #state: "open" | "committed" | "discarded" = "open";
  /** Operations run one at a time, so `discard` never races a write, fsync or rename. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(target: string, tempPath: string, file: FileHandle, plan: AppendPlan) {
    this.#target = target;
    this.#tempPath = tempPath;
    this.#file = file;
    this.#plan = plan;
    this.#position = plan.keepBytes;
    this.existingBytes = plan.keepBytes;
  }

  write(chunk: Buffer): Promise<WriteResult> {
    return this.#serially(() => this.#writeAll(chunk));
  }

  commit(): Promise<ChannelCommit> {
    return this.#serially(() => this.#commit());
  }

  discard(): Promise<void> {
    return this.#serially(() => this.#discard());
  }

  #serially<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.#queue.then(operation);
    this.#queue = result.catch(ignoreError);
    return result;
  }

  async #writeAll(chunk: Buffer): Promise<WriteResult> {
    const file = this.#openFile();
    try {
      let offset = 0;
      while (offset < chunk.length) {
        const length = chunk.length - offset;
        const { bytesWritten } = await file.write(chunk, offset, length, this.#position);
        offset += bytesWritten;
        this.#position += bytesWritten;
      }
    } catch (error) {
      throw toOutputError(error, "write", this.#target);
    }

    return "written";
  }

  async #commit(): Promise<ChannelCommit> {
    const file = this.#openFile();
    try {
      await file.sync();
      this.#file = undefined;
      await file.close();
      await rename(this.#tempPath, this.#target);
    } catch (error) {
      throw toOutputError(error, "complete", this.#target);
    }

    this.#state = "committed";
    await syncFolder(dirname(this.#target));
    const { repairedTail } = this.#plan;
    return repairedTail === undefined
      ? { path: this.#target }
      : { path: this.#target, repairedTail };
  }

  async #discard(): Promise<void> {
    if (this.#state !== "open") {
      return;
    }

    this.#state = "discarded";
    await this.#file?.close().catch(ignoreError);
    this.#file = undefined;
    try {
      await unlink(this.#tempPath);
    } catch (error) {
      if (!isErrorCode(error, "ENOENT")) {
        throw toOutputError(error, "remove the temporary file", this.#tempPath);
      }
    }
  }

  #openFile(): FileHandle {
    if (this.#state !== "open" || this.#file === undefined) {
      throw new Error(`the output to ${this.#target} is no longer open (${this.#state})`);
    }

    return this.#file;
  }
}

/**
 * Makes the rename itself durable (best effort): some file systems refuse fsync on a folder,
 * which only loses that guarantee, not the file's content.
 */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, "r").catch(() => undefined);
  await handle?.sync().catch(ignoreError);
  await handle?.close().catch(ignoreError);
}

async function statIfExists(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if (isErrorCode(error, "ENOENT")) {
      return undefined;
    }
    throw error;
  }
}

function isErrorCode(error: unknown, code: string): boolean {
  return error instanceof Error && "code" in error && error.code === code;
}

function ignoreError(): void {
  // Cleanup after a failure: the first error is the one worth reporting.
}
