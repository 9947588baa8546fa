/**
 * A Helius stand-in over real HTTP on 127.0.0.1, written from the API facts document:
 * JSON-RPC `getSignaturesForAddress` and `getTransactionsForAddress` (signatures mode),
 * `POST /v0/transactions`, API-key auth, plans, limits, latency, fault injection and
 * deterministic synthetic wallets with ground truth.
 */

export { TOKEN_ACCOUNTS_FIRST_SLOT } from "./address-listing.js";
export type { TokenAccountsFilter } from "./batch-placement.js";
export { CREDITS_PER_CALL } from "./credits.js";
export type * from "./enhanced-transaction.js";
export type { CommonFault, Fault, FaultKind, FaultPlan, ParseFault, RpcFault } from "./faults.js";
export { MAX_SIGNATURES_LIMIT } from "./get-signatures.js";
export { MAX_GTFA_SIGNATURES_LIMIT } from "./gtfa-params.js";
export { SOL_DECIMALS, WRAPPED_SOL_MINT } from "./known-accounts.js";
export type { LatencySpec } from "./latency.js";
export { MAX_PARSE_SIGNATURES } from "./parse-handler.js";
export type { RecordedWallet } from "./recorded-wallet.js";
export type { Simulator } from "./simulator.js";
export { startSimulator } from "./simulator.js";
export {
  DEFAULT_API_KEY,
  type FaultOptions,
  type LatencyOptions,
  type LimitOptions,
  SIMULATED_PLANS,
  type SimulatedPlan,
  type SimulatorOptions,
} from "./simulator-options.js";
export type { EndpointClass, EndpointStats, MethodStats, SimulatorStats } from "./stats.js";
export type { SyntheticTransaction, SyntheticWallet } from "./synthetic-wallet.js";
export { createSyntheticWallet } from "./synthetic-wallet.js";
export { TOKEN_ACCOUNT_KINDS, type TokenAccountKind } from "./token-account-activity.js";
export type { GroundTruth, Side } from "./transaction-plan.js";
export {
  DEFAULT_KIND_WEIGHTS,
  type ResolvedWalletSpec,
  TRANSACTION_KINDS,
  type TransactionKind,
  type WalletSpec,
} from "./wallet-spec.js";
