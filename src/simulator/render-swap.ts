import type { InnerSwap, SwapEvent } from "./enhanced-transaction.js";
import {
  deriveAddress,
  RAYDIUM_AUTHORITY,
  SOL_DECIMALS,
  symbolOf,
  TOKEN_ACCOUNT_RENT,
  VENUES,
  type Venue,
  WRAPPED_SOL_MINT,
} from "./known-accounts.js";
import type { Prng } from "./prng.js";
import { renderCurveTrade } from "./render-curve.js";
import {
  BalanceLedger,
  formatUnits,
  type TokenHolder,
  tokenAccountOf,
  tokenTransfer,
} from "./render-kit.js";
import type { RenderedBody } from "./rendered-body.js";
import { nativeTransfer, type SwapScene, swapInstructions, touchPrograms } from "./swap-scene.js";
import {
  type Asset,
  hasSwapEvent,
  isSolAsset,
  type SwapPlan,
  typeLabelOf,
} from "./transaction-plan.js";

/** One side of a hop as the wallet sees it: the account that pays or receives, and the amount. */
interface WalletLeg {
  holder: TokenHolder;
  asset: Asset;
  /** False for the temporary wrapped-SOL account, which is opened and closed in the transaction. */
  persistent: boolean;
}

/** Renders a pool swap (direct or Jupiter-routed) or a bonding-curve trade. */
export function renderSwap(plan: SwapPlan, wallet: string, prng: Prng): RenderedBody {
  return plan.venue === "PUMP_FUN"
    ? renderCurveTrade(plan, wallet, prng)
    : renderPoolSwap(plan, wallet, prng);
}

function renderPoolSwap(plan: SwapPlan, wallet: string, prng: Prng): RenderedBody {
  const scene: SwapScene = { wallet, ledger: new BalanceLedger(wallet), tokenTransfers: [], prng };
  const { ledger } = scene;
  const temporary: TokenHolder = {
    owner: wallet,
    account: deriveAddress("wrapped-sol", plan.signature),
  };
  const legOf = (asset: Asset): WalletLeg =>
    isSolAsset(asset)
      ? { holder: temporary, asset, persistent: false }
      : {
          holder: { owner: wallet, account: tokenAccountOf(wallet, asset.mint) },
          asset,
          persistent: true,
        };

  // Jupiter and PumpSwap list the lamports moved into and out of the temporary wrapped-SOL
  // account as native transfers; Raydium, Orca and Meteora swaps in real data do not.
  const listsWrapping = plan.venue === "JUPITER" || plan.venue === "PUMP_AMM";
  const nativeTransfers = [];
  if (isSolAsset(plan.sold)) {
    ledger.native(wallet, -plan.sold.raw);
    if (listsWrapping) {
      nativeTransfers.push(
        nativeTransfer(wallet, temporary.account, plan.sold.raw + TOKEN_ACCOUNT_RENT),
      );
      nativeTransfers.push(nativeTransfer(temporary.account, wallet, TOKEN_ACCOUNT_RENT));
    }
  }

  const boughtLeg = legOf(plan.bought);
  if (plan.createsTokenAccount) {
    ledger.native(wallet, -TOKEN_ACCOUNT_RENT).native(boughtLeg.holder.account, TOKEN_ACCOUNT_RENT);
    nativeTransfers.push(nativeTransfer(wallet, boughtLeg.holder.account, TOKEN_ACCOUNT_RENT));
  }

  // One hop for direct pools; Jupiter may route token to token through SOL in two hops.
  const hopVenues: Venue[] = plan.hops.length > 0 ? plan.hops : [plan.venue];
  const innerSwaps: InnerSwap[] = [];
  if (hopVenues.length === 2) {
    const [first, second] = hopVenues as [Venue, Venue];
    const middle: Asset = {
      mint: WRAPPED_SOL_MINT,
      decimals: SOL_DECIMALS,
      raw: plan.intermediateLamports,
    };
    innerSwaps.push(swapThroughPool(scene, first, legOf(plan.sold), legOf(middle)));
    innerSwaps.push(swapThroughPool(scene, second, legOf(middle), boughtLeg));
  } else {
    innerSwaps.push(
      swapThroughPool(scene, hopVenues[0] ?? plan.venue, legOf(plan.sold), boughtLeg),
    );
  }

  if (isSolAsset(plan.bought)) {
    ledger.native(wallet, plan.bought.raw);
    if (listsWrapping) {
      nativeTransfers.push(nativeTransfer(wallet, temporary.account, TOKEN_ACCOUNT_RENT));
      nativeTransfers.push(
        nativeTransfer(temporary.account, wallet, plan.bought.raw + TOKEN_ACCOUNT_RENT),
      );
    }
  }

  const withEvent = hasSwapEvent(plan);
  return {
    description: plan.kind === "swap-labelled" ? describeSwap(wallet, plan) : "",
    type: typeLabelOf(plan),
    source: plan.source,
    feePayer: wallet,
    tokenTransfers: scene.tokenTransfers,
    nativeTransfers,
    ledger: touchPrograms(ledger, plan.venue, hopVenues),
    instructions: swapInstructions(plan.venue, scene, hopVenues),
    events: withEvent ? { swap: swapEventOf(plan, wallet, innerSwaps) } : {},
  };
}

/** Moves the paid asset into a pool vault and the received asset out of another. */
function swapThroughPool(
  scene: SwapScene,
  venue: Venue,
  pay: WalletLeg,
  receive: WalletLeg,
): InnerSwap {
  const { ledger } = scene;
  const pool = poolOf(venue, pay.asset.mint, receive.asset.mint);
  const inVault = vaultOf(venue, pool, pay.asset.mint);
  const outVault = vaultOf(venue, pool, receive.asset.mint);
  const input = tokenTransfer(pay.holder, inVault, pay.asset);
  const output = tokenTransfer(outVault, receive.holder, receive.asset);
  scene.tokenTransfers.push(input, output);

  if (pay.persistent) {
    ledger.token(pay.holder, pay.asset, -1n);
  } else {
    ledger.touch(pay.holder.account);
  }
  // A wrapped-SOL vault's lamports move with its token balance.
  ledger.token(inVault, pay.asset, 1n);
  if (isSolAsset(pay.asset)) {
    ledger.native(inVault.account, pay.asset.raw);
  }
  ledger.token(outVault, receive.asset, -1n);
  if (isSolAsset(receive.asset)) {
    ledger.native(outVault.account, -receive.asset.raw);
  }
  if (receive.persistent) {
    ledger.token(receive.holder, receive.asset, 1n);
  } else {
    ledger.touch(receive.holder.account);
  }

  const program = VENUES[venue];
  return {
    tokenInputs: [input],
    tokenOutputs: [output],
    tokenFees: [],
    nativeFees: [],
    programInfo: {
      source: venue,
      account: program.programId,
      programName: program.programName,
      instructionName: "SwapEvent",
    },
  };
}

function swapEventOf(plan: SwapPlan, wallet: string, innerSwaps: InnerSwap[]): SwapEvent {
  const walletSide = (asset: Asset) => ({
    userAccount: wallet,
    tokenAccount: tokenAccountOf(wallet, asset.mint),
    rawTokenAmount: { tokenAmount: asset.raw.toString(), decimals: asset.decimals },
    mint: asset.mint,
  });
  // Real Raydium events name the pool's authority and vault on the output side (facts §1.4).
  const outputSide = (asset: Asset) => {
    if (plan.venue !== "RAYDIUM") {
      return walletSide(asset);
    }
    const vault = vaultOf("RAYDIUM", poolOf("RAYDIUM", plan.sold.mint, asset.mint), asset.mint);
    return { ...walletSide(asset), userAccount: vault.owner, tokenAccount: vault.account };
  };

  return {
    nativeInput: isSolAsset(plan.sold)
      ? { account: wallet, amount: plan.sold.raw.toString() }
      : null,
    nativeOutput: isSolAsset(plan.bought)
      ? { account: wallet, amount: plan.bought.raw.toString() }
      : null,
    tokenInputs: isSolAsset(plan.sold) ? [] : [walletSide(plan.sold)],
    tokenOutputs: isSolAsset(plan.bought) ? [] : [outputSide(plan.bought)],
    nativeFees: [],
    tokenFees: [],
    innerSwaps: plan.venue === "JUPITER" ? innerSwaps : [],
  };
}

function describeSwap(wallet: string, plan: SwapPlan): string {
  const amount = (asset: Asset) =>
    `${formatUnits(asset.raw, asset.decimals)} ${symbolOf(asset.mint)}`;
  return `${wallet} swapped ${amount(plan.sold)} for ${amount(plan.bought)}`;
}

function poolOf(venue: Venue, mintA: string, mintB: string): string {
  return deriveAddress("pool", venue, ...[mintA, mintB].sort());
}

/** Raydium v4 vaults are owned by one program-wide authority; other venues' by the pool. */
function vaultOf(venue: Venue, pool: string, mint: string): TokenHolder {
  return {
    owner: venue === "RAYDIUM" ? RAYDIUM_AUTHORITY : pool,
    account: deriveAddress("vault", pool, mint),
  };
}
