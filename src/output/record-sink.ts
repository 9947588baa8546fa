import { Buffer } from "node:buffer";
import type { RepairedTail } from "./append-plan.js";
import type { RecordEncoder } from "./record-encoder.js";

/** What a completed output reports. */
export interface OutputSummary {
  /** Records written by this run. */
  records: number;
  /** Bytes written by this run; when appending, not counting what the file already held. */
  bytes: number;
  /** The file written, absolute with symbolic links resolved; absent for standard output. */
  path?: string;
  /** Set when appending cut a torn last line that an earlier, interrupted writer left. */
  repairedTail?: RepairedTail;
  /**
   * The reader of the stream went away before the end (EPIPE, as with `| head`): a clean,
   * early stop. `records` then counts what the sink took, not what the reader received.
   */
  readerClosed: boolean;
}

/** "closed" means the reader of the stream went away; the caller should stop writing. */
export type WriteResult = "written" | "closed";

/**
 * Receives the records of one run. Await each `write` before the next; then call `close` once
 * the stream of records ends, or `abort` on any failure or signal.
 */
export interface RecordSink {
  /**
   * Adds one record: a `SwapRecord`, or in `--raw` mode any JSON value (CSV rejects those).
   * Resolves "closed", without writing, once the reader of a stream has gone away.
   */
  write(record: unknown): Promise<WriteResult>;
  /**
   * Writes what is still buffered and completes the output; a file target appears only now.
   * Resolves with `readerClosed` set when the reader of a stream went away, even at this point.
   */
  close(): Promise<OutputSummary>;
  /**
   * Stops the output. A file target is left exactly as it was before the run (absent or with
   * its old content) and the temporary file is removed. Safe to call at any point, any number
   * of times; after a successful `close` it does nothing. Rejects only when the temporary file
   * cannot be removed, naming it.
   */
  abort(): Promise<void>;
}

/** What a channel adds to the summary when it completes. */
export type ChannelCommit = Pick<OutputSummary, "path" | "repairedTail"> & {
  readerClosed?: true;
};

/** Where encoded bytes go: standard output, or a temporary file that replaces the target. */
export interface OutputChannel {
  /** Resolves "closed" when the reader of a stream is gone; the chunk is then dropped. */
  write(chunk: Buffer): Promise<WriteResult>;
  /** Makes everything written final and reports where it went. */
  commit(): Promise<ChannelCommit>;
  /** Drops the output; called at most once, possibly while a `write` or `commit` is running. */
  discard(): Promise<void>;
}

/**
 * 64 KiB, the Linux pipe capacity: one write fills an empty pipe, and about 130 records of
 * ~500 bytes share one system call while memory stays bounded.
 */
export const DEFAULT_BATCH_BYTES = 64 * 1024;

type SinkState = "open" | "writing" | "closing" | "closed" | "failed" | "aborted";

/** Joins an encoder and a channel, batching records into chunks of about `batchBytes`. */
export function createRecordSink(
  encoder: RecordEncoder,
  channel: OutputChannel,
  batchBytes: number = DEFAULT_BATCH_BYTES,
): RecordSink {
  return new BatchedRecordSink(encoder, channel, batchBytes);
}

class BatchedRecordSink implements RecordSink {
  readonly #encoder: RecordEncoder;
  readonly #channel: OutputChannel;
  readonly #batchBytes: number;
  #state: SinkState = "open";
  #failure: unknown;
  #readerClosed = false;
  #pending: string[] = [];
  #pendingBytes = 0;
  /** Records encoded so far; the JSON framing needs each record's position. */
  #encoded = 0;
  /** Records whose write resolved "written". */
  #written = 0;
  #bytes = 0;
  #closing: Promise<OutputSummary> | undefined;
  #aborting: Promise<void> | undefined;

  constructor(encoder: RecordEncoder, channel: OutputChannel, batchBytes: number) {
    this.#encoder = encoder;
    this.#channel = channel;
    this.#batchBytes = batchBytes;
    this.#buffer(encoder.prologue);
  }

  async write(record: unknown): Promise<WriteResult> {
    this.#assertOpen("write");
    if (this.#readerClosed) {
      return "closed";
    }

    this.#buffer(this.#encoder.encode(record, this.#encoded));
    this.#encoded += 1;
    if (this.#pendingBytes >= this.#batchBytes) {
      this.#state = "writing";
      await this.#flush();
      if (this.#state === "writing") {
        this.#state = "open";
      }
    }

    if (this.#readerClosed) {
      return "closed";
    }
    this.#written += 1;
    return "written";
  }

  close(): Promise<OutputSummary> {
    if (this.#closing === undefined) {
      try {
        this.#assertOpen("close");
      } catch (error) {
        return Promise.reject(error);
      }
      this.#closing = this.#finish();
    }

    return this.#closing;
  }

  abort(): Promise<void> {
    this.#aborting ??= this.#discard();
    return this.#aborting;
  }

  async #finish(): Promise<OutputSummary> {
    this.#state = "closing";
    this.#buffer(this.#encoder.epilogue(this.#encoded));
    await this.#flush();

    const { readerClosed, ...committed } = await this.#guard(this.#channel.commit());
    this.#state = "closed";
    return {
      records: this.#written,
      bytes: this.#bytes,
      ...committed,
      readerClosed: this.#readerClosed || readerClosed === true,
    };
  }

  async #discard(): Promise<void> {
    if (this.#state === "closed") {
      return;
    }

    this.#state = "aborted";
    this.#pending = [];
    this.#pendingBytes = 0;
    await this.#channel.discard();
  }

  #buffer(text: string): void {
    if (text === "") {
      return;
    }

    this.#pending.push(text);
    this.#pendingBytes += Buffer.byteLength(text, "utf8");
  }

  /** Hands the batch to the channel; once the reader is gone, batches are dropped. */
  async #flush(): Promise<void> {
    if (this.#pending.length === 0 || this.#readerClosed) {
      return;
    }

    const chunk = Buffer.from(this.#pending.join(""), "utf8");
    this.#pending = [];
    this.#pendingBytes = 0;
    if ((await this.#guard(this.#channel.write(chunk))) === "closed") {
      this.#readerClosed = true;
      return;
    }
    this.#bytes += chunk.length;
  }

  /** Remembers a channel failure so that later calls report it instead of writing on. */
  async #guard<T>(operation: Promise<T>): Promise<T> {
    try {
      return await operation;
    } catch (error) {
      if (this.#state !== "aborted") {
        this.#state = "failed";
        this.#failure = error;
      }
      throw error;
    }
  }

  #assertOpen(call: "write" | "close"): void {
    switch (this.#state) {
      case "open":
        return;
      case "failed":
        throw this.#failure;
      case "writing":
        throw new Error(`${call}() was called before the previous write() settled`);
      default:
        throw new Error(`${call}() was called on an output that is already ${this.#state}`);
    }
  }
}
