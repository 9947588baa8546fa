/**
 * Puts results that finish out of order back in order, with bounded memory: a producer must
 * `reserve` a sequence number before starting work, and reservations wait while the window
 * between the oldest unfinished item and the newest reservation is full. So a slow item holds
 * back new work instead of letting finished results pile up behind it.
 */
export class ReorderBuffer<T> {
  readonly #capacity: number;
  readonly #done = new Map<number, T>();
  #nextToEmit = 0;
  #nextToReserve = 0;
  #closed = false;
  #failure: { error: unknown } | undefined;
  #wake: (() => void) | undefined;
  #capacityWaiters: Array<() => void> = [];

  /** `capacity`: how many items may be reserved but not yet emitted. */
  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  /** Waits for room in the window, then hands out the next sequence number. */
  async reserve(signal?: AbortSignal): Promise<number> {
    for (;;) {
      signal?.throwIfAborted();
      if (this.#failure !== undefined) throw this.#failure.error;
      if (this.#nextToReserve - this.#nextToEmit < this.#capacity) break;
      await new Promise<void>((resolve) => this.#capacityWaiters.push(resolve));
    }
    const seq = this.#nextToReserve;
    this.#nextToReserve += 1;
    return seq;
  }

  /** Stores the result for a reserved sequence number. */
  complete(seq: number, value: T): void {
    this.#done.set(seq, value);
    this.#notify();
  }

  /** No more reservations will be made; `drain` ends once everything reserved is emitted. */
  close(): void {
    this.#closed = true;
    this.#notify();
  }

  /** Ends `drain` with an error and releases everyone waiting. */
  fail(error: unknown): void {
    this.#failure ??= { error };
    this.#notify();
    this.#releaseCapacityWaiters();
  }

  /** Yields results in sequence order, as soon as each is next in line. */
  async *drain(): AsyncGenerator<T> {
    for (;;) {
      if (this.#failure !== undefined) throw this.#failure.error;

      const value = this.#done.get(this.#nextToEmit);
      if (value !== undefined || this.#done.has(this.#nextToEmit)) {
        this.#done.delete(this.#nextToEmit);
        this.#nextToEmit += 1;
        this.#releaseCapacityWaiters();
        yield value as T;
        continue;
      }

      if (this.#closed && this.#nextToEmit === this.#nextToReserve) return;
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  #releaseCapacityWaiters(): void {
    const waiters = this.#capacityWaiters;
    this.#capacityWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
