import { z } from "zod";
import { signatureInfoSchema } from "./signature-page.js";

/**
 * One entry of a `getTransactionsForAddress` result in signatures mode (facts §4): the
 * `getSignaturesForAddress` fields plus `transactionIndex`, the position in the block that
 * orders transactions sharing a slot.
 */
export const gtfaSignatureSchema = signatureInfoSchema.extend({
  transactionIndex: z.number().int().nonnegative(),
});

/** The `result` of a signatures-mode call; a null (or absent) token means no more pages. */
export const gtfaPageSchema = z
  .object({
    data: z.array(gtfaSignatureSchema),
    paginationToken: z.string().min(1).nullish(),
  })
  .transform(({ data, paginationToken }) => ({ data, paginationToken: paginationToken ?? null }));

export type GtfaSignatureInfo = z.output<typeof gtfaSignatureSchema>;
export type GtfaPage = z.output<typeof gtfaPageSchema>;
