import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { RecordSpool } from "../../src/output/record-spool.js";

async function collect(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const items: unknown[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

const records = (count: number) =>
  Array.from({ length: count }, (_, index) => ({ n: index, text: `é✓ record ${index}` }));

describe("RecordSpool", () => {
  it.each([
    [0, 3],
    [5, 3],
    [7, 100],
    [2500, 7],
    [2500, 1],
  ])("reads %i records back in both orders (memory %i)", async (count, memoryRecords) => {
    const directory = mkdtempSync(join(tmpdir(), "spool-test-"));
    const spool = new RecordSpool({ memoryRecords, directory });
    const input = records(count);
    for (const record of input) await spool.add(record);

    expect(spool.count).toBe(count);
    expect(await collect(spool.forward())).toEqual(input);
    expect(await collect(spool.backward())).toEqual([...input].reverse());

    await spool.dispose();
    expect(readdirSync(directory)).toEqual([]);
  });

  it("keeps memory bounded by moving older records to disk", async () => {
    const directory = mkdtempSync(join(tmpdir(), "spool-test-"));
    const spool = new RecordSpool({ memoryRecords: 10, directory });
    for (const record of records(25)) await spool.add(record);

    expect(readdirSync(directory)).toHaveLength(1);
    await spool.dispose();
  });

  it("reads lines longer than one read block from the end", async () => {
    const spool = new RecordSpool({ memoryRecords: 1 });
    const big = [{ text: "x".repeat(200_000) }, { text: "y".repeat(70_000) }, { n: 1 }];
    for (const record of big) await spool.add(record);

    expect(await collect(spool.backward())).toEqual([...big].reverse());
    await spool.dispose();
  });
});
