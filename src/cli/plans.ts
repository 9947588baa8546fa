/**
 * Helius's published rate limits per plan, requests per second (Helius docs, "Rate limits":
 * billing/rate-limits.mdx, read January 2026). The Enhanced Transactions API shares the
 * "DAS & Enhanced APIs" column; getSignaturesForAddress counts against the RPC column.
 */
export const PLAN_LIMITS = {
  free: { enhancedRps: 2, rpcRps: 10 },
  developer: { enhancedRps: 10, rpcRps: 50 },
  business: { enhancedRps: 50, rpcRps: 200 },
  professional: { enhancedRps: 100, rpcRps: 500 },
} as const;

export type PlanName = keyof typeof PLAN_LIMITS;

export const PLAN_NAMES = Object.keys(PLAN_LIMITS) as [PlanName, ...PlanName[]];
