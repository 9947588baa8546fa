/** `POST /v0/transactions` accepts at most 100 signatures a call. */
export const MAX_PARSE_BATCH = 100;

/**
 * Packs signatures from successive walk pages into full parse calls: a page's remainder waits
 * for the next page rather than going out as a short call, so every call but the last is full.
 */
export class ChunkPacker {
  readonly #size: number;
  #pending: string[] = [];

  constructor(size = MAX_PARSE_BATCH) {
    this.#size = size;
  }

  /** Adds signatures in order and returns the chunks that are now full. */
  add(signatures: Iterable<string>): string[][] {
    const full: string[][] = [];
    for (const signature of signatures) {
      this.#pending.push(signature);
      if (this.#pending.length === this.#size) {
        full.push(this.#pending);
        this.#pending = [];
      }
    }
    return full;
  }

  /** Returns what is left as a last, short chunk (none when nothing is left). */
  flush(): string[][] {
    const rest = this.#pending;
    this.#pending = [];
    return rest.length > 0 ? [rest] : [];
  }
}
