import type { EnhancedTransaction } from "./enhanced-transaction.js";
import { Prng } from "./prng.js";
import { renderSwap } from "./render-swap.js";
import { renderProgramCall, renderSolTransfer, renderTokenTransfer } from "./render-transfer.js";
import type { RenderedBody } from "./rendered-body.js";
import type { TransactionPlan } from "./transaction-plan.js";

/**
 * Renders a plan as the enhanced transaction the parse endpoint serves. Pure: the cosmetic
 * randomness (instruction data) is seeded by the signature, so rendering twice gives equal JSON.
 */
export function renderEnhanced(plan: TransactionPlan, wallet: string): EnhancedTransaction {
  const prng = Prng.fromSeed(`render/${plan.signature}`);
  const body = renderBody(plan, wallet, prng);

  // A failed transaction changes no balance except the fee. About half of the real ones still
  // list the attempted transfers, description and swap event (row 7); the rest list none (row 4).
  const failed = plan.failure !== null;
  const stripped = plan.failure !== null && !plan.failure.keepsDetails;
  const ledger = failed ? body.ledger.withoutChanges() : body.ledger;
  ledger.native(body.feePayer, -BigInt(plan.fee));

  return {
    description: stripped ? "" : body.description,
    type: body.type,
    source: body.source,
    fee: plan.fee,
    feePayer: body.feePayer,
    signature: plan.signature,
    slot: plan.slot,
    timestamp: plan.blockTime,
    tokenTransfers: stripped ? [] : body.tokenTransfers,
    nativeTransfers: stripped ? [] : body.nativeTransfers,
    accountData: ledger.toAccountData(),
    transactionError: plan.failure?.error ?? null,
    instructions: body.instructions,
    events: stripped ? {} : body.events,
  };
}

function renderBody(plan: TransactionPlan, wallet: string, prng: Prng): RenderedBody {
  switch (plan.kind) {
    case "sol-transfer":
      return renderSolTransfer(plan, wallet, prng);
    case "token-transfer":
      return renderTokenTransfer(plan, wallet, prng);
    case "program-call":
      return renderProgramCall(plan, wallet, prng);
    default:
      return renderSwap(plan, wallet, prng);
  }
}
