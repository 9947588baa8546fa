import { describe, expect, it } from "vitest";
import { LatencyModel } from "../../src/simulator/latency.js";
import { Prng } from "../../src/simulator/prng.js";

const draw = (prng: Prng, count: number) => Array.from({ length: count }, () => prng.nextUint32());

describe("Prng", () => {
  it("repeats its sequence for the same seed and differs for another", () => {
    expect(draw(Prng.fromSeed("a"), 8)).toEqual(draw(Prng.fromSeed("a"), 8));
    expect(draw(Prng.fromSeed("a"), 8)).not.toEqual(draw(Prng.fromSeed("b"), 8));
  });

  it("keeps int() and bigint() within their bounds, both ends reachable", () => {
    const prng = Prng.fromSeed("bounds");
    const ints = new Set(Array.from({ length: 500 }, () => prng.int(3, 6)));
    expect([...ints].sort()).toEqual([3, 4, 5, 6]);
    const bigints = new Set(Array.from({ length: 500 }, () => prng.bigint(10n, 12n)));
    expect([...bigints].sort()).toEqual([10n, 11n, 12n]);
  });

  it("never picks a zero weight", () => {
    const prng = Prng.fromSeed("weights");
    const picks = new Set(Array.from({ length: 300 }, () => prng.weighted({ a: 1, b: 0, c: 2 })));
    expect([...picks].sort()).toEqual(["a", "c"]);
  });

  it("shuffles without losing or duplicating items", () => {
    const items = Array.from({ length: 50 }, (_, index) => index);
    const shuffled = Prng.fromSeed("shuffle").shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });

  it("produces bytes of the requested length", () => {
    expect(Prng.fromSeed("bytes").bytes(64)).toHaveLength(64);
    expect(Prng.fromSeed("bytes").bytes(5)).toEqual(Prng.fromSeed("bytes").bytes(5));
  });
});

describe("LatencyModel", () => {
  it("adds a seeded jitter between 0 and jitterMs to the base delay", () => {
    const delays = (seed: string) => {
      const model = new LatencyModel({ ms: 100, jitterMs: 50 }, seed);
      return Array.from({ length: 100 }, () => model.nextDelayMs());
    };
    const first = delays("latency");
    expect(delays("latency")).toEqual(first);
    expect(first.every((delay) => delay >= 100 && delay < 150)).toBe(true);
    expect(new Set(first).size).toBeGreaterThan(90);
  });

  it("returns exactly the base delay without jitter", () => {
    const model = new LatencyModel({ ms: 40 }, "flat");
    expect([model.nextDelayMs(), model.nextDelayMs()]).toEqual([40, 40]);
  });
});
