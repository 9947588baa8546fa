import {
  ASSOCIATED_TOKEN_PROGRAM,
  SOL_DECIMALS,
  SYSTEM_PROGRAM,
  symbolOf,
  TOKEN_ACCOUNT_RENT,
  TOKEN_PROGRAM,
} from "./known-accounts.js";
import type { Prng } from "./prng.js";
import {
  BalanceLedger,
  computeBudgetInstructions,
  formatUnits,
  innerTokenTransfer,
  instructionData,
  type TokenHolder,
  tokenAccountOf,
  tokenTransfer,
} from "./render-kit.js";
import type { RenderedBody } from "./rendered-body.js";
import type { ProgramCallPlan, SolTransferPlan, TokenTransferPlan } from "./transaction-plan.js";

/** A plain SOL transfer; when it comes in, the sender pays the fee. */
export function renderSolTransfer(plan: SolTransferPlan, wallet: string, prng: Prng): RenderedBody {
  const [from, to] =
    plan.direction === "out" ? [wallet, plan.counterparty] : [plan.counterparty, wallet];
  const ledger = new BalanceLedger(from).native(from, -plan.lamports).native(to, plan.lamports);
  const amount = formatUnits(plan.lamports, SOL_DECIMALS);

  return {
    description: `${from} transferred ${amount} SOL to ${to}.`,
    type: "TRANSFER",
    source: "SYSTEM_PROGRAM",
    feePayer: from,
    tokenTransfers: [],
    nativeTransfers: [{ fromUserAccount: from, toUserAccount: to, amount: Number(plan.lamports) }],
    ledger: ledger.touch(SYSTEM_PROGRAM),
    instructions: [
      ...computeBudgetInstructions(prng),
      {
        accounts: [from, to],
        data: instructionData(prng, 12, 12),
        programId: SYSTEM_PROGRAM,
        innerInstructions: [],
      },
    ],
    events: {},
  };
}

/**
 * A plain SPL token transfer between the two owners' token accounts. The fee payer (the sender)
 * also funds the recipient's token account when it does not exist yet.
 */
export function renderTokenTransfer(
  plan: TokenTransferPlan,
  wallet: string,
  prng: Prng,
): RenderedBody {
  const [from, to] =
    plan.direction === "out" ? [wallet, plan.counterparty] : [plan.counterparty, wallet];
  const source: TokenHolder = { owner: from, account: tokenAccountOf(from, plan.asset.mint) };
  const destination: TokenHolder = { owner: to, account: tokenAccountOf(to, plan.asset.mint) };
  const transfer = tokenTransfer(source, destination, plan.asset);

  // Both owners are listed: the recipient's address is part of the token-account creation.
  const ledger = new BalanceLedger(from).touch(to);
  ledger.token(source, plan.asset, -1n).token(destination, plan.asset, 1n);
  const nativeTransfers = [];
  const instructions = computeBudgetInstructions(prng);
  if (plan.createsTokenAccount) {
    ledger.native(from, -TOKEN_ACCOUNT_RENT).native(destination.account, TOKEN_ACCOUNT_RENT);
    nativeTransfers.push({
      fromUserAccount: from,
      toUserAccount: destination.account,
      amount: Number(TOKEN_ACCOUNT_RENT),
    });
    instructions.push({
      accounts: [from, destination.account, to, plan.asset.mint, SYSTEM_PROGRAM, TOKEN_PROGRAM],
      data: instructionData(prng, 1, 1),
      programId: ASSOCIATED_TOKEN_PROGRAM,
      innerInstructions: [],
    });
  }
  instructions.push({ ...innerTokenTransfer(transfer, prng), innerInstructions: [] });

  const amount = formatUnits(plan.asset.raw, plan.asset.decimals);
  return {
    description: `${from} transferred ${amount} ${symbolOf(plan.asset.mint)} to ${to}.`,
    type: "TRANSFER",
    source: "SOLANA_PROGRAM_LIBRARY",
    feePayer: from,
    tokenTransfers: [transfer],
    nativeTransfers,
    ledger: ledger.touch(TOKEN_PROGRAM),
    instructions,
    events: {},
  };
}

/** A call that moves nothing but the fee, like a failed-to-match order or an account update. */
export function renderProgramCall(plan: ProgramCallPlan, wallet: string, prng: Prng): RenderedBody {
  return {
    description: "",
    type: "UNKNOWN",
    source: plan.source,
    feePayer: wallet,
    tokenTransfers: [],
    nativeTransfers: [],
    ledger: new BalanceLedger(wallet).touch(plan.programId),
    instructions: [
      ...computeBudgetInstructions(prng),
      {
        accounts: [wallet],
        data: instructionData(prng),
        programId: plan.programId,
        innerInstructions: [],
      },
    ],
    events: {},
  };
}
