import type { EnhancedTransaction, InnerInstruction, Instruction } from "./enhanced-transaction.js";
import { deriveAddress, symbolOf, TOKEN_PROGRAM } from "./known-accounts.js";
import { Prng } from "./prng.js";
import {
  BalanceLedger,
  computeBudgetInstructions,
  formatUnits,
  instructionData,
  type TokenHolder,
  tokenAccountOf,
  tokenTransfer,
} from "./render-kit.js";
import type { FillPlan, TokenAccountPlan } from "./token-account-activity.js";

/** Jupiter's limit-order program: a keeper fills orders through it as the token delegate. */
const LIMIT_ORDER_PROGRAM = "jupoNjAxXgZ4rjzxzPMP4oxduvQsQtZzyknqvzYNrNu";

/**
 * Renders a token-account transaction as the parse endpoint serves it. The wallet's address
 * appears only as the owner (`userAccount`) of its token accounts, never as an account of the
 * transaction, which is why `getSignaturesForAddress` does not list it. Pure: seeded by the
 * signature, like `renderEnhanced`.
 */
export function renderTokenAccountPlan(
  plan: TokenAccountPlan,
  wallet: string,
): EnhancedTransaction {
  const prng = Prng.fromSeed(`render/${plan.signature}`);
  const ledger = new BalanceLedger(plan.actor);
  const instructions = computeBudgetInstructions(prng);
  let body: Pick<EnhancedTransaction, "description" | "type" | "source" | "tokenTransfers">;

  switch (plan.kind) {
    case "token-account-fill":
      body = renderFill(plan, wallet, ledger, instructions, prng);
      break;
    case "token-account-deposit": {
      const from: TokenHolder = {
        owner: plan.actor,
        account: tokenAccountOf(plan.actor, plan.asset.mint),
      };
      const to: TokenHolder = { owner: wallet, account: tokenAccountOf(wallet, plan.asset.mint) };
      ledger.token(from, plan.asset, -1n).token(to, plan.asset, 1n).touch(TOKEN_PROGRAM);
      instructions.push(call(TOKEN_PROGRAM, [from.account, to.account, plan.actor], prng));
      const units = formatUnits(plan.asset.raw, plan.asset.decimals);
      const amount = `${units} ${symbolOf(plan.asset.mint)}`;
      body = {
        description: `${plan.actor} transferred ${amount} to ${wallet}.`,
        type: "TRANSFER",
        source: "SOLANA_PROGRAM_LIBRARY",
        tokenTransfers: [tokenTransfer(from, to, plan.asset)],
      };
      break;
    }
    case "token-account-touch": {
      const program = deriveAddress("program", "token-account-touch");
      ledger.touch(tokenAccountOf(wallet, plan.mint)).touch(program);
      instructions.push(call(program, [plan.actor, tokenAccountOf(wallet, plan.mint)], prng));
      body = { description: "", type: "UNKNOWN", source: "UNKNOWN", tokenTransfers: [] };
      break;
    }
  }

  ledger.native(plan.actor, -BigInt(plan.fee));
  return {
    ...body,
    fee: plan.fee,
    feePayer: plan.actor,
    signature: plan.signature,
    slot: plan.slot,
    timestamp: plan.blockTime,
    nativeTransfers: [],
    accountData: ledger.toAccountData(),
    transactionError: null,
    instructions,
    events: {},
  };
}

/** The order's input leaves one token account of the wallet; its output arrives in another. */
function renderFill(
  plan: FillPlan,
  wallet: string,
  ledger: BalanceLedger,
  instructions: Instruction[],
  prng: Prng,
): Pick<EnhancedTransaction, "description" | "type" | "source" | "tokenTransfers"> {
  const pool = deriveAddress("pool", "limit-order", ...[plan.sold.mint, plan.bought.mint].sort());
  const payFrom: TokenHolder = { owner: wallet, account: tokenAccountOf(wallet, plan.sold.mint) };
  const receiveIn: TokenHolder = {
    owner: wallet,
    account: tokenAccountOf(wallet, plan.bought.mint),
  };
  const inVault: TokenHolder = {
    owner: pool,
    account: deriveAddress("vault", pool, plan.sold.mint),
  };
  const outVault: TokenHolder = {
    owner: pool,
    account: deriveAddress("vault", pool, plan.bought.mint),
  };
  // The order's delegate authority signs the transfer out of the wallet's token account.
  const delegate = deriveAddress("limit-order-delegate", wallet);

  ledger.token(payFrom, plan.sold, -1n).token(inVault, plan.sold, 1n);
  ledger.token(outVault, plan.bought, -1n).token(receiveIn, plan.bought, 1n);
  ledger.touch(LIMIT_ORDER_PROGRAM);

  const accounts = [plan.actor, delegate, payFrom.account, receiveIn.account];
  instructions.push({
    ...call(LIMIT_ORDER_PROGRAM, [...accounts, inVault.account, outVault.account], prng),
    innerInstructions: [
      innerCall(TOKEN_PROGRAM, [payFrom.account, inVault.account, delegate], prng),
      innerCall(TOKEN_PROGRAM, [outVault.account, receiveIn.account, pool], prng),
    ],
  });

  return {
    description: "",
    type: "SWAP",
    source: "JUPITER",
    tokenTransfers: [
      tokenTransfer(payFrom, inVault, plan.sold),
      tokenTransfer(outVault, receiveIn, plan.bought),
    ],
  };
}

function call(programId: string, accounts: string[], prng: Prng): Instruction {
  return { ...innerCall(programId, accounts, prng), innerInstructions: [] };
}

function innerCall(programId: string, accounts: string[], prng: Prng): InnerInstruction {
  return { accounts, data: instructionData(prng), programId };
}
