import type { FetchProgress } from "../fetch/fetch-swaps.js";

/**
 * One status line on a terminal's stderr, redrawn in place at most a few times a second:
 * signatures walked, transactions parsed, swaps found, and the parse rate.
 */
export class ProgressLine {
  readonly #stream: NodeJS.WriteStream;
  readonly #startedAt = performance.now();
  #lastDrawAt = 0;
  #drawn = false;

  constructor(stream: NodeJS.WriteStream) {
    this.#stream = stream;
  }

  update(progress: Readonly<FetchProgress>, wallet: string): void {
    const now = performance.now();
    if (now - this.#lastDrawAt < 200) return; // 200 ms: smooth without flooding the terminal
    this.#lastDrawAt = now;

    const seconds = Math.max((now - this.#startedAt) / 1000, 0.001);
    const rate = Math.round(progress.transactions / seconds);
    const line =
      `${shorten(wallet)}  ${progress.signatures.toLocaleString("en-US")} signatures · ` +
      `${progress.transactions.toLocaleString("en-US")} parsed · ` +
      `${progress.swaps.toLocaleString("en-US")} swaps · ${rate.toLocaleString("en-US")} tx/s`;
    this.#stream.write(`\r\x1b[2K${line}`);
    this.#drawn = true;
  }

  /** Removes the line so that whatever is printed next starts clean. */
  clear(): void {
    if (this.#drawn) this.#stream.write("\r\x1b[2K");
    this.#drawn = false;
  }
}

function shorten(wallet: string): string {
  return `${wallet.slice(0, 4)}…${wallet.slice(-4)}`;
}
