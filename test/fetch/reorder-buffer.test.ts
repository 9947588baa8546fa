import { describe, expect, it } from "vitest";
import { ReorderBuffer } from "../../src/fetch/reorder-buffer.js";
import { flushMicrotasks } from "../support/manual-clock.js";

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

describe("ReorderBuffer", () => {
  it("emits results in reservation order whatever order they finish in", async () => {
    const buffer = new ReorderBuffer<string>(4);
    const seqs = [await buffer.reserve(), await buffer.reserve(), await buffer.reserve()];
    const drained = collect(buffer.drain());

    buffer.complete(seqs[2] as number, "c");
    buffer.complete(seqs[0] as number, "a");
    buffer.complete(seqs[1] as number, "b");
    buffer.close();

    expect(await drained).toEqual(["a", "b", "c"]);
  });

  it("makes a reservation wait while the window is full, until the oldest is emitted", async () => {
    const buffer = new ReorderBuffer<number>(2);
    await buffer.reserve();
    await buffer.reserve();
    let third: number | undefined;
    void buffer.reserve().then((seq) => {
      third = seq;
    });
    const iterator = buffer.drain()[Symbol.asyncIterator]();

    buffer.complete(1, 1);
    await flushMicrotasks();
    expect(third).toBeUndefined(); // seq 1 finished, but seq 0 still holds the window

    buffer.complete(0, 0);
    expect((await iterator.next()).value).toBe(0);
    await flushMicrotasks();
    expect(third).toBe(2);
  });

  it("ends the drain with the first failure and releases waiting reservations", async () => {
    const buffer = new ReorderBuffer<number>(1);
    await buffer.reserve();
    const waiting = buffer.reserve();
    const drained = collect(buffer.drain());

    buffer.fail(new Error("boom"));
    buffer.fail(new Error("second"));

    await expect(drained).rejects.toThrow("boom");
    await expect(waiting).rejects.toThrow("boom");
  });

  it("keeps a result that is undefined in its place", async () => {
    const buffer = new ReorderBuffer<string | undefined>(2);
    await buffer.reserve();
    await buffer.reserve();
    buffer.complete(1, "b");
    buffer.complete(0, undefined);
    buffer.close();

    expect(await collect(buffer.drain())).toEqual([undefined, "b"]);
  });
});
