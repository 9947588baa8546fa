/**
 * Base58 with the Bitcoin alphabet, which Solana uses for addresses (32 bytes) and
 * transaction signatures (64 bytes). Leading zero bytes map to leading '1' characters.
 */

const ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

// Digit value of each character code; -1 marks characters outside the alphabet.
const DIGIT_OF = new Int8Array(128).fill(-1);
for (let index = 0; index < ALPHABET.length; index += 1) {
  DIGIT_OF[ALPHABET.charCodeAt(index)] = index;
}

/** Error thrown by {@link decodeBase58} for text that is not base58. */
export class Base58Error extends Error {
  override readonly name = "Base58Error";
  readonly code = "E_BASE58";
}

/** Encodes bytes as base58; every leading zero byte becomes a leading '1'. */
export function encodeBase58(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) {
    zeros += 1;
  }

  // Base-58 digits, least significant first, built by repeated multiply-and-add.
  const digits: number[] = [];
  for (let index = zeros; index < bytes.length; index += 1) {
    let carry = bytes[index] ?? 0;
    for (let position = 0; position < digits.length; position += 1) {
      carry += (digits[position] ?? 0) << 8;
      digits[position] = carry % 58;
      carry = Math.floor(carry / 58);
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = Math.floor(carry / 58);
    }
  }

  let text = "1".repeat(zeros);
  for (let position = digits.length - 1; position >= 0; position -= 1) {
    text += ALPHABET[digits[position] ?? 0];
  }
  return text;
}

/**
 * Decodes base58 text; every leading '1' becomes a leading zero byte.
 * @throws Base58Error when the text contains a character outside the alphabet.
 */
export function decodeBase58(text: string): Uint8Array {
  let ones = 0;
  while (ones < text.length && text[ones] === "1") {
    ones += 1;
  }

  // Bytes, least significant first, built by repeated multiply-and-add in base 256.
  const bytes: number[] = [];
  for (let index = ones; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const digit = code < 128 ? (DIGIT_OF[code] ?? -1) : -1;
    if (digit < 0) {
      throw new Base58Error(`invalid base58 character at position ${index}`);
    }

    let carry = digit;
    for (let position = 0; position < bytes.length; position += 1) {
      carry += (bytes[position] ?? 0) * 58;
      bytes[position] = carry & 0xff;
      carry >>= 8;
    }
    while (carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }

  const result = new Uint8Array(ones + bytes.length);
  for (let position = 0; position < bytes.length; position += 1) {
    result[result.length - 1 - position] = bytes[position] ?? 0;
  }
  return result;
}
