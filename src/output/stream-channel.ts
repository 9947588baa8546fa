import type { Buffer } from "node:buffer";
import { OutputError } from "./output-error.js";
import type { ChannelCommit, OutputChannel, WriteResult } from "./record-sink.js";

/**
 * Error codes that mean the reader is gone: EPIPE from the operating system, and the stream's
 * own refusal once Node has destroyed it after that EPIPE.
 */
const READER_GONE_CODES = new Set(["EPIPE", "ERR_STREAM_DESTROYED"]);

/**
 * A channel onto a caller-owned stream such as `process.stdout`. It honours backpressure by
 * waiting for 'drain' and never ends the stream. When the reader goes away (EPIPE, as with
 * `| head`) writes resolve "closed" instead of failing.
 */
export function createStreamChannel(stream: NodeJS.WritableStream): OutputChannel {
  return new StreamChannel(stream);
}

class StreamChannel implements OutputChannel {
  readonly #stream: NodeJS.WritableStream;
  #failure: Error | undefined;
  #aborted = false;
  /** Settles when the stream has taken the last chunk (its write callback ran). */
  #lastWrite: Promise<void> = Promise.resolve();
  /** Ends the current wait early when the stream errors, closes, or the output is aborted. */
  #wake: (() => void) | undefined;

  readonly #onError = (error: Error): void => {
    this.#failure ??= error;
    this.#wake?.();
  };

  readonly #onClose = (): void => {
    this.#wake?.();
  };

  constructor(stream: NodeJS.WritableStream) {
    this.#stream = stream;
    stream.on("error", this.#onError);
    stream.on("close", this.#onClose);
  }

  async write(chunk: Buffer): Promise<WriteResult> {
    if (this.#status() === "closed") {
      return "closed";
    }

    let accepted = true;
    this.#lastWrite = new Promise((resolve) => {
      accepted = this.#stream.write(chunk, (error) => {
        if (error) {
          this.#failure ??= error;
        }
        resolve();
      });
    });

    if (!accepted) {
      await this.#waitUnlessStopped((done) => {
        this.#stream.once("drain", done);
        return () => this.#stream.off("drain", done);
      });
    }
    return this.#settledStatus();
  }

  async commit(): Promise<ChannelCommit> {
    const lastWrite = this.#lastWrite;
    await this.#waitUnlessStopped((done) => {
      void lastWrite.then(done);
      return () => undefined;
    });

    if ((await this.#settledStatus()) === "closed") {
      // The error listener stays: Node may still be about to emit the EPIPE, and an 'error'
      // event without a listener would crash the process.
      this.#stream.off("close", this.#onClose);
      return { readerClosed: true };
    }

    this.#stream.off("error", this.#onError);
    this.#stream.off("close", this.#onClose);
    return {};
  }

  async discard(): Promise<void> {
    this.#aborted = true;
    this.#wake?.();

    // The error listener stays, as in `commit`: an EPIPE for a chunk already handed over may
    // still arrive.
    this.#stream.off("close", this.#onClose);
  }

  /** Waits for the event `subscribe` registers, unless the channel stops first. */
  async #waitUnlessStopped(subscribe: (done: () => void) => () => void): Promise<void> {
    if (this.#aborted || this.#failure !== undefined || !this.#stream.writable) {
      return;
    }

    let unsubscribe: () => void = () => undefined;
    await new Promise<void>((resolve) => {
      this.#wake = resolve;
      unsubscribe = subscribe(resolve);
    });
    unsubscribe();
    this.#wake = undefined;
  }

  /**
   * A failed write destroys the stream at once but reports its error a tick later, so a
   * stream that stopped without a known cause is given its last write callback first: an EIO
   * must not pass for a reader that left.
   */
  async #settledStatus(): Promise<WriteResult> {
    if (!this.#aborted && this.#failure === undefined && !this.#stream.writable) {
      await this.#lastWrite;
    }

    return this.#status();
  }

  /** "closed" once the reader is gone; throws for an abort or any other stream failure. */
  #status(): WriteResult {
    if (this.#aborted) {
      throw new Error("the output was aborted");
    }

    const failure = this.#failure;
    if (failure === undefined) {
      // `writable` turns false once the stream is destroyed or ended: nobody reads any more.
      return this.#stream.writable ? "written" : "closed";
    }

    const code = "code" in failure ? failure.code : undefined;
    if (typeof code === "string" && READER_GONE_CODES.has(code)) {
      return "closed";
    }
    throw new OutputError(`cannot write to standard output: ${failure.message}`, {
      cause: failure,
    });
  }
}
