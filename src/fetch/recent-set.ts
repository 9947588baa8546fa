/**
 * A set that remembers only its newest `capacity` members, forgetting the oldest first. The walk
 * uses it to drop signatures a server repeats: repeats come from a page boundary (a cursor
 * treated as inclusive, an overlapping page), never from thousands of signatures back, so
 * remembering every signature of a long history would cost memory for nothing.
 */
export class RecentSet<T> {
  readonly #capacity: number;
  readonly #members = new Set<T>();

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  has(value: T): boolean {
    return this.#members.has(value);
  }

  add(value: T): void {
    if (this.#members.has(value)) return;
    this.#members.add(value);
    if (this.#members.size > this.#capacity) {
      // A Set iterates in insertion order, so its first member is the oldest.
      const oldest = this.#members.values().next().value as T;
      this.#members.delete(oldest);
    }
  }
}
