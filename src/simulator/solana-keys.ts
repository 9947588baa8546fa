import { decodeBase58 } from "../lib/base58.js";

/**
 * How a Solana node judges a base58 key or signature: `WrongSize` and `Invalid` are the names of
 * the parse errors it reports in "Invalid param: <name>" (Pubkey and Signature `FromStr`).
 */
export type KeyCheck = "ok" | "WrongSize" | "Invalid";

/** Longest base58 text of 32 bytes (44) and of 64 bytes (88). */
const MAX_TEXT_LENGTH = { 32: 44, 64: 88 } as const;

export function checkBase58Key(text: string, bytes: 32 | 64): KeyCheck {
  if (text.length > MAX_TEXT_LENGTH[bytes]) {
    return "WrongSize";
  }
  let decoded: Uint8Array;
  try {
    decoded = decodeBase58(text);
  } catch {
    return "Invalid";
  }
  return decoded.length === bytes ? "ok" : "WrongSize";
}

export function isAddress(text: string): boolean {
  return checkBase58Key(text, 32) === "ok";
}

export function isSignature(text: string): boolean {
  return checkBase58Key(text, 64) === "ok";
}
