import { describe, expect, it } from "vitest";
import { ChunkPacker } from "../../src/fetch/chunk-packer.js";

const sigs = (from: number, count: number) =>
  Array.from({ length: count }, (_, index) => `s${from + index}`);

describe("ChunkPacker", () => {
  it("packs across page boundaries so every chunk but the last is full", () => {
    const packer = new ChunkPacker(100);

    expect(packer.add(sigs(0, 150))).toEqual([sigs(0, 100)]);
    expect(packer.add(sigs(150, 40))).toEqual([]);
    expect(packer.add(sigs(190, 20))).toEqual([sigs(100, 100)]);
    expect(packer.flush()).toEqual([sigs(200, 10)]);
    expect(packer.flush()).toEqual([]);
  });

  it("yields several full chunks from one large page", () => {
    const packer = new ChunkPacker(100);
    expect(packer.add(sigs(0, 300))).toEqual([sigs(0, 100), sigs(100, 100), sigs(200, 100)]);
    expect(packer.flush()).toEqual([]);
  });
});
