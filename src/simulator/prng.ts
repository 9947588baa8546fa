import { createHash } from "node:crypto";

/**
 * A small seeded pseudo-random generator (xoshiro128**, 32-bit state words) so that the same
 * seed string always yields the same wallets, jitter and fault choices on every platform.
 * Not for cryptography: it only has to be deterministic and well spread.
 */
export class Prng {
  private readonly state: Uint32Array;

  private constructor(state: Uint32Array) {
    this.state = state;
  }

  /** Seeds the generator from the SHA-256 of `seed`, so related seeds give unrelated streams. */
  static fromSeed(seed: string): Prng {
    const digest = createHash("sha256").update(seed).digest();
    const state = new Uint32Array(4);
    for (let word = 0; word < 4; word += 1) {
      state[word] = digest.readUInt32LE(word * 4);
    }
    // An all-zero state would only ever produce zeros.
    if (state.every((word) => word === 0)) {
      state[0] = 1;
    }
    return new Prng(state);
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    const s = this.state;
    const s0 = s[0] ?? 0;
    const s1 = s[1] ?? 0;
    const s2 = s[2] ?? 0;
    const s3 = s[3] ?? 0;
    const result = Math.imul(rotateLeft(Math.imul(s1, 5), 7), 9) >>> 0;
    const shifted = (s1 << 9) >>> 0;

    const t2 = (s2 ^ s0) >>> 0;
    const t3 = (s3 ^ s1) >>> 0;
    s[1] = (s1 ^ t2) >>> 0;
    s[0] = (s0 ^ t3) >>> 0;
    s[2] = (t2 ^ shifted) >>> 0;
    s[3] = rotateLeft(t3, 11);
    return result;
  }

  /** A float in [0, 1) with 32 bits of resolution. */
  float(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  /** A bigint from `min` to `max`, both included (uniform enough for test data). */
  bigint(min: bigint, max: bigint): bigint {
    const span = max - min + 1n;
    const random = (BigInt(this.nextUint32()) << 32n) | BigInt(this.nextUint32());
    return min + (random % span);
  }

  /** True with probability `probability`. */
  chance(probability: number): boolean {
    return this.float() < probability;
  }

  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.float() * items.length)];
    if (item === undefined) {
      throw new RangeError("cannot pick from an empty list");
    }
    return item;
  }

  /** One key of a weight table, in proportion to its weight; zero weights never win. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    const entries = Object.entries(weights) as [K, number][];
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let remaining = this.float() * total;
    for (const [key, weight] of entries) {
      if (weight > 0 && remaining < weight) {
        return key;
      }
      remaining -= weight;
    }
    const last = entries.filter(([, weight]) => weight > 0).at(-1);
    if (last === undefined) {
      throw new RangeError("weight table has no positive weight");
    }
    return last[0];
  }

  /** `length` pseudo-random bytes. */
  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let offset = 0; offset < length; offset += 4) {
      let word = this.nextUint32();
      for (let lane = 0; lane < 4 && offset + lane < length; lane += 1) {
        out[offset + lane] = word & 0xff;
        word >>>= 8;
      }
    }
    return out;
  }

  /** A copy of `items` in a pseudo-random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let index = out.length - 1; index > 0; index -= 1) {
      const other = Math.floor(this.float() * (index + 1));
      const held = out[index] as T;
      out[index] = out[other] as T;
      out[other] = held;
    }
    return out;
  }
}

function rotateLeft(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}
