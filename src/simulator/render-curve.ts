import { deriveAddress, symbolOf, TOKEN_ACCOUNT_RENT } from "./known-accounts.js";
import type { Prng } from "./prng.js";
import {
  BalanceLedger,
  formatUnits,
  type TokenHolder,
  tokenAccountOf,
  tokenTransfer,
} from "./render-kit.js";
import type { RenderedBody } from "./rendered-body.js";
import { nativeTransfer, type SwapScene, swapInstructions, touchPrograms } from "./swap-scene.js";
import { isSolAsset, type SwapPlan, typeLabelOf } from "./transaction-plan.js";

/**
 * A pump.fun-like bonding-curve trade, which Helius does not label as a swap (real rows 21-25):
 * a buy reads as "<curve> transferred <n> <token> to <wallet>." with SOL leaving in native
 * transfers; a sell is UNKNOWN with an empty description. The curve keeps a 1% fee.
 */
export function renderCurveTrade(plan: SwapPlan, wallet: string, prng: Prng): RenderedBody {
  const buying = isSolAsset(plan.sold);
  const token = buying ? plan.bought : plan.sold;
  const curve = deriveAddress("bonding-curve", token.mint);
  const feeRecipient = deriveAddress("curve-fee-recipient");
  const curveHolder: TokenHolder = {
    owner: curve,
    account: deriveAddress("curve-vault", curve, token.mint),
  };
  const walletHolder: TokenHolder = { owner: wallet, account: tokenAccountOf(wallet, token.mint) };
  const ledger = new BalanceLedger(wallet);
  const nativeTransfers = [];

  if (buying) {
    const toCurve = plan.sold.raw - plan.protocolFee;
    ledger.native(wallet, -plan.sold.raw).native(curve, toCurve);
    nativeTransfers.push(nativeTransfer(wallet, curve, toCurve));
    if (plan.createsTokenAccount) {
      ledger.native(wallet, -TOKEN_ACCOUNT_RENT).native(walletHolder.account, TOKEN_ACCOUNT_RENT);
      nativeTransfers.push(nativeTransfer(wallet, walletHolder.account, TOKEN_ACCOUNT_RENT));
    }
    nativeTransfers.push(nativeTransfer(wallet, feeRecipient, plan.protocolFee));
  } else {
    // The curve is program-owned: its lamports are debited directly, with no system transfer.
    ledger.native(wallet, plan.bought.raw).native(curve, -(plan.bought.raw + plan.protocolFee));
  }
  ledger.native(feeRecipient, plan.protocolFee);

  const transfer = buying
    ? tokenTransfer(curveHolder, walletHolder, token)
    : tokenTransfer(walletHolder, curveHolder, token);
  ledger.token(curveHolder, token, buying ? -1n : 1n).token(walletHolder, token, buying ? 1n : -1n);

  const amount = `${formatUnits(token.raw, token.decimals)} ${symbolOf(token.mint)}`;
  const scene: SwapScene = { wallet, ledger, tokenTransfers: [transfer], prng };
  return {
    description: buying ? `${curve} transferred ${amount} to ${wallet}.` : "",
    type: typeLabelOf(plan),
    source: plan.source,
    feePayer: wallet,
    tokenTransfers: [transfer],
    nativeTransfers,
    ledger: touchPrograms(ledger, "PUMP_FUN", []),
    instructions: swapInstructions("PUMP_FUN", scene, []),
    events: plan.emptyEventsAsArray ? [] : {},
  };
}
