import { z } from "zod";

/** One entry of a `getSignaturesForAddress` result (Solana JSON-RPC, newest first). */
export const signatureInfoSchema = z.object({
  signature: z.string().min(1),
  slot: z.number().int().nonnegative(),
  /** A Solana TransactionError (object or string) when the transaction failed, else null. */
  err: z.unknown().optional(),
  memo: z.string().nullish(),
  blockTime: z.number().int().nullish(),
  confirmationStatus: z.string().nullish(),
});

export const signaturePageSchema = z.array(signatureInfoSchema);

export type SignatureInfo = z.output<typeof signatureInfoSchema>;

/** The JSON-RPC 2.0 envelope: exactly one of `result` or `error`. */
export const rpcEnvelopeSchema = z.looseObject({
  jsonrpc: z.literal("2.0").optional(),
  result: z.unknown().optional(),
  error: z
    .looseObject({
      code: z.number(),
      message: z.string(),
    })
    .optional(),
});

export type RpcEnvelope = z.output<typeof rpcEnvelopeSchema>;
