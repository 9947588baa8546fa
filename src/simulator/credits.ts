/**
 * Credits Helius charges per call (facts §5, DOCS billing/credits.mdx): archival methods such
 * as getSignaturesForAddress 10, getTransactionsForAddress 100, Enhanced transaction parsing
 * 100. The simulator bills a call that the handler answered with a result; refusals, faults
 * and parameter errors cost nothing here (whether Helius bills them is unconfirmed).
 */
export const CREDITS_PER_CALL: Readonly<Record<string, number>> = {
  getSignaturesForAddress: 10,
  getTransactionsForAddress: 100,
  "POST /v0/transactions": 100,
};

/** The name parse calls are counted under in the per-method stats. */
export const PARSE_CALL = "POST /v0/transactions";
