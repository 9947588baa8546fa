import type { Instruction, NativeTransfer, TokenTransfer } from "./enhanced-transaction.js";
import { VENUES, type Venue } from "./known-accounts.js";
import type { Prng } from "./prng.js";
import {
  type BalanceLedger,
  computeBudgetInstructions,
  innerTokenTransfer,
  instructionData,
} from "./render-kit.js";

/** Shared state while one swap is rendered. */
export interface SwapScene {
  wallet: string;
  ledger: BalanceLedger;
  tokenTransfers: TokenTransfer[];
  prng: Prng;
}

/** A native transfer entry (lamports as a JSON number, as the API sends them). */
export function nativeTransfer(from: string, to: string, amount: bigint): NativeTransfer {
  return { fromUserAccount: from, toUserAccount: to, amount: Number(amount) };
}

/**
 * Compute-budget instructions, then the venue's instruction with the token transfers (and, for
 * a router, the calls into each hop's program) as inner instructions.
 */
export function swapInstructions(
  venue: Venue,
  scene: SwapScene,
  hops: readonly Venue[],
): Instruction[] {
  const { prng } = scene;
  const transfers = scene.tokenTransfers.map((transfer) => innerTokenTransfer(transfer, prng));
  const hopCalls = hops
    .filter((hop) => hop !== venue)
    .map((hop) => ({
      accounts: [scene.wallet],
      data: instructionData(prng),
      programId: VENUES[hop].programId,
    }));
  const accounts = [
    scene.wallet,
    ...scene.tokenTransfers.flatMap((t) => [t.fromTokenAccount, t.toTokenAccount]),
  ];

  return [
    ...computeBudgetInstructions(prng),
    {
      accounts: [...new Set(accounts)],
      data: instructionData(prng),
      programId: VENUES[venue].programId,
      innerInstructions: [...hopCalls, ...transfers],
    },
  ];
}

/** Lists the programs involved, with no balance change, as real accountData does. */
export function touchPrograms(
  ledger: BalanceLedger,
  venue: Venue,
  hops: readonly Venue[],
): BalanceLedger {
  for (const program of new Set([venue, ...hops])) {
    ledger.touch(VENUES[program].programId);
  }
  return ledger;
}
