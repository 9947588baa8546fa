import type { Prng } from "./prng.js";

/**
 * Positions of a wallet's transactions inside their blocks (gTFA's `transactionIndex`, "the
 * zero-based index of the transaction within its block"), for a list of slots newest first.
 *
 * Within one slot the indexes fall as the list goes on, so the newest-first order that
 * `getSignaturesForAddress` serves is exactly descending (slot, transactionIndex), the block
 * order Solana settled on (facts §7 item 5). Consecutive members of a slot sit 1 to 4 places
 * apart, as other transactions of the block come between them.
 */
export function assignTransactionIndexes(
  slotsNewestFirst: readonly number[],
  prng: Prng,
): number[] {
  const indexes = new Array<number>(slotsNewestFirst.length);
  let end = slotsNewestFirst.length;

  // Walk the groups from the oldest end so each group's indexes grow from its oldest member.
  while (end > 0) {
    const slot = slotsNewestFirst[end - 1];
    let start = end - 1;
    while (start > 0 && slotsNewestFirst[start - 1] === slot) start -= 1;

    let index = prng.int(0, 50);
    for (let position = end - 1; position >= start; position -= 1) {
      indexes[position] = index;
      index += prng.int(1, 4);
    }
    end = start;
  }
  return indexes;
}

/**
 * An index for one more transaction in a slot whose indexes are `used`: a free place at or
 * after a random point, so added transactions land before, between or after the others.
 */
export function freeTransactionIndex(used: ReadonlySet<number>, prng: Prng): number {
  let highest = -1;
  for (const index of used) highest = Math.max(highest, index);

  let candidate = prng.int(0, highest + 8);
  while (used.has(candidate)) candidate += 1;
  return candidate;
}
