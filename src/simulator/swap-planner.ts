import {
  SOL_DECIMALS,
  USDC_MINT,
  USDT_MINT,
  type Venue,
  WRAPPED_SOL_MINT,
} from "./known-accounts.js";
import {
  heldMints,
  type PlannerState,
  sliceOfHolding,
  type TradableMint,
  type WalletContext,
} from "./planner-state.js";
import type { Prng } from "./prng.js";
import type { Asset, SwapPlan } from "./transaction-plan.js";

type SwapKind = SwapPlan["kind"];
type Direction = "buy" | "sell" | "token-to-token";

/** The parts of a swap plan that the batch planner does not fill in itself. */
export type SwapDraft = Omit<SwapPlan, "signature" | "slot" | "blockTime" | "fee" | "failure">;

/** Which mints a trade may sell (held ones) and buy. */
interface Market {
  held: readonly TradableMint[];
  buyable: readonly TradableMint[];
}

/** pump.fun's bonding curve takes 1% of the SOL side (100 basis points). */
const CURVE_FEE_BASIS_POINTS = 100n;

const STABLECOINS = new Set([USDC_MINT, USDT_MINT]);

/** Venues Jupiter routes through in the generated data. */
const HOP_VENUES: readonly Venue[] = ["RAYDIUM", "ORCA", "METEORA"];

/** Chooses venue, direction and amounts for one swap of the given kind. */
export function draftSwap(
  kind: SwapKind,
  context: WalletContext,
  state: PlannerState,
  prng: Prng,
): SwapDraft {
  const market: Market = { held: heldMints(context, state), buyable: context.mints };
  const canSell = market.held.length > 0;

  switch (kind) {
    case "swap-labelled": {
      const venue = prng.weighted({ RAYDIUM: 4, ORCA: 2, JUPITER: 4 });
      const direction = chooseDirection(canSell, true, prng);
      return draftPoolSwap(kind, venue, venue, direction, market, state, prng);
    }
    case "swap-unknown-typed": {
      const direction = chooseDirection(canSell, true, prng);
      const source = prng.pick(["JUPITER", "UNKNOWN"]);
      return draftPoolSwap(kind, "JUPITER", source, direction, market, state, prng);
    }
    case "swap-typed-no-event": {
      const venue = prng.pick<Venue>(["PUMP_AMM", "METEORA"]);
      const direction = chooseDirection(canSell, false, prng);
      return draftPoolSwap(kind, venue, venue, direction, market, state, prng);
    }
    case "swap-unlabelled":
      return draftCurveTrade(context, market, state, prng);
  }
}

function chooseDirection(canSell: boolean, allowTokenToToken: boolean, prng: Prng): Direction {
  if (!canSell) {
    return "buy";
  }
  return prng.weighted({ buy: 45, sell: 35, "token-to-token": allowTokenToToken ? 20 : 0 });
}

/** A swap against liquidity pools, direct or routed by Jupiter. */
function draftPoolSwap(
  kind: SwapKind,
  venue: Venue,
  source: string,
  direction: Direction,
  market: Market,
  state: PlannerState,
  prng: Prng,
): SwapDraft {
  const { sold, bought } = chooseAssets(direction, market, state, prng);

  // Jupiter routes token-to-token trades through SOL in two hops, the others in one hop.
  const routedViaSol = venue === "JUPITER" && direction === "token-to-token";
  let hops: Venue[] = [];
  if (venue === "JUPITER") {
    hops = routedViaSol ? [prng.pick(HOP_VENUES), prng.pick(HOP_VENUES)] : [prng.pick(HOP_VENUES)];
  }

  return {
    kind,
    venue,
    hops,
    source,
    sold,
    bought,
    intermediateLamports: routedViaSol ? randomLamports(prng) : 0n,
    protocolFee: 0n,
    createsTokenAccount: needsTokenAccount(bought, state),
    emptyEventsAsArray: prng.chance(0.5),
  };
}

/** A pump.fun-like bonding-curve trade: SOL against a memecoin, with the curve's 1% fee. */
function draftCurveTrade(
  context: WalletContext,
  market: Market,
  state: PlannerState,
  prng: Prng,
): SwapDraft {
  // The first two tradable mints are USDC and USDT, which no bonding curve sells.
  const memecoins = context.mints.slice(2);
  const curveMarket: Market = {
    held: market.held.filter((entry) => memecoins.includes(entry)),
    buyable: memecoins,
  };
  const selling = curveMarket.held.length > 0 && prng.chance(0.3);
  const { sold, bought } = chooseAssets(selling ? "sell" : "buy", curveMarket, state, prng);

  // The wallet's SOL side is the gross amount on a buy and the net amount on a sell.
  const solSide = selling ? bought.raw : sold.raw;

  return {
    kind: "swap-unlabelled",
    venue: "PUMP_FUN",
    hops: [],
    source: selling ? "UNKNOWN" : "SYSTEM_PROGRAM",
    sold,
    bought,
    intermediateLamports: 0n,
    protocolFee: (solSide * CURVE_FEE_BASIS_POINTS) / 10_000n,
    createsTokenAccount: needsTokenAccount(bought, state),
    emptyEventsAsArray: prng.chance(0.5),
  };
}

function chooseAssets(
  direction: Direction,
  market: Market,
  state: PlannerState,
  prng: Prng,
): { sold: Asset; bought: Asset } {
  const sol = (): Asset => ({
    mint: WRAPPED_SOL_MINT,
    decimals: SOL_DECIMALS,
    raw: randomLamports(prng),
  });
  const sell = (entry: TradableMint): Asset => ({
    ...entry,
    raw: sliceOfHolding(state, entry.mint, prng),
  });
  const buy = (entry: TradableMint): Asset => ({ ...entry, raw: randomTokenAmount(entry, prng) });

  switch (direction) {
    case "buy":
      return { sold: sol(), bought: buy(prng.pick(market.buyable)) };
    case "sell":
      return { sold: sell(prng.pick(market.held)), bought: sol() };
    case "token-to-token": {
      const from = prng.pick(market.held);
      const to = prng.pick(market.buyable.filter((entry) => entry.mint !== from.mint));
      return { sold: sell(from), bought: buy(to) };
    }
  }
}

function needsTokenAccount(bought: Asset, state: PlannerState): boolean {
  return bought.mint !== WRAPPED_SOL_MINT && !state.tokenAccounts.has(bought.mint);
}

/** 0.01 to 3 SOL, in lamports. */
export function randomLamports(prng: Prng): bigint {
  return prng.bigint(10_000_000n, 3_000_000_000n);
}

/** Stablecoin trades stay in the thousands; memecoin trades run to millions of tokens. */
export function randomTokenAmount(entry: TradableMint, prng: Prng): bigint {
  const unit = 10n ** BigInt(entry.decimals);
  const maxWholeTokens = STABLECOINS.has(entry.mint) ? 5_000n : 2_000_000n;
  return prng.bigint(unit, unit * maxWholeTokens);
}
