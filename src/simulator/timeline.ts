import type { Prng } from "./prng.js";
import type { ResolvedWalletSpec } from "./wallet-spec.js";

/** Where one transaction sits in time. */
export interface TimelinePoint {
  slot: number;
  /** Unix seconds. */
  blockTime: number;
}

/** Mainnet's target slot time is 400 ms; block times follow slots at that pace. */
const SECONDS_PER_SLOT = 0.4;

/** The block time of a slot, anchored at the spec's newest slot and newest block time. */
export function blockTimeOf(spec: ResolvedWalletSpec, slot: number): number {
  const seconds = spec.newestBlockTime + Math.round((slot - spec.newestSlot) * SECONDS_PER_SLOT);
  return Math.max(0, seconds);
}

/**
 * Positions for `count` transactions, newest first, the newest at `spec.newestSlot`. Slot groups
 * hold 1 to `maxTransactionsPerSlot` transactions and are 1 to `maxSlotGap` slots apart.
 */
export function planInitialTimeline(
  spec: ResolvedWalletSpec,
  count: number,
  prng: Prng,
): TimelinePoint[] {
  const points: TimelinePoint[] = [];
  let slot = spec.newestSlot;

  while (points.length < count) {
    const groupSize = prng.int(1, spec.maxTransactionsPerSlot);
    for (let member = 0; member < groupSize && points.length < count; member += 1) {
      points.push({ slot, blockTime: blockTimeOf(spec, slot) });
    }
    // Slot 0 is the floor: very long histories bunch up there rather than go negative.
    slot = Math.max(0, slot - prng.int(1, spec.maxSlotGap));
  }
  return points;
}

/** Positions for `count` transactions strictly newer than `aboveSlot`, newest first. */
export function planNewerTimeline(
  spec: ResolvedWalletSpec,
  count: number,
  aboveSlot: number,
  prng: Prng,
): TimelinePoint[] {
  const oldestFirst: TimelinePoint[] = [];
  let slot = aboveSlot;

  while (oldestFirst.length < count) {
    slot += prng.int(1, spec.maxSlotGap);
    const groupSize = prng.int(1, spec.maxTransactionsPerSlot);
    for (let member = 0; member < groupSize && oldestFirst.length < count; member += 1) {
      oldestFirst.push({ slot, blockTime: blockTimeOf(spec, slot) });
    }
  }
  return oldestFirst.reverse();
}
