/**
 * Hands out turns for CPU-heavy work, one per turn of the event loop, in the order asked.
 *
 * Reading a parse response (JSON.parse and validation of 100 transactions) takes milliseconds
 * of CPU. When a round of parse calls ends together, reading all the answers back to back
 * would hold up the answers still arriving, and with them the next calls those answers free
 * slots for. One read a turn lets Node see to the network between reads, so a freed slot is
 * used within one read's time rather than a whole round's.
 */
export class LoopTurns {
  #waiting: Array<() => void> = [];
  #scheduled = false;

  /** Resolves when it is the caller's turn, after the event loop has polled for I/O. */
  next(): Promise<void> {
    return new Promise((resolve) => {
      this.#waiting.push(resolve);
      this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled || this.#waiting.length === 0) return;
    this.#scheduled = true;

    // setImmediate runs after the poll phase; an immediate queued from within one runs in the
    // next loop turn, so each turn serves one waiter.
    setImmediate(() => {
      this.#scheduled = false;
      this.#waiting.shift()?.();
      this.#schedule();
    });
  }
}
