/**
 * Exact conversions between raw token amounts (integers in base units) and decimal text.
 * Amounts never pass through floating point here: a 9-decimal token with a large supply has
 * more digits than a double can hold.
 */

/** Leading sign, digits, optional fraction, optional exponent: what `String(number)` gives. */
const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * Formats a raw amount as an exact decimal string with trailing zeros removed:
 * `formatUiAmount(23873063n, 9)` is `"0.023873063"`, `formatUiAmount(100000000n, 9)` is `"0.1"`.
 */
export function formatUiAmount(raw: bigint, decimals: number): string {
  const negative = raw < 0n;
  const digits = (negative ? -raw : raw).toString();
  const sign = negative ? "-" : "";
  if (decimals === 0) return `${sign}${digits}`;

  const padded = digits.padStart(decimals + 1, "0");
  const whole = padded.slice(0, padded.length - decimals);
  const fraction = trimTrailingZeros(padded.slice(padded.length - decimals));
  return fraction === "" ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/**
 * Converts a UI amount (a token count already divided by `10^decimals`, as Helius writes it in
 * `tokenTransfers[].tokenAmount`) back to raw base units. The number's shortest round-trip text
 * is used, so `19418974.01253` with 6 decimals gives exactly `19418974012530n`. Digits beyond
 * `decimals` are rounded half away from zero. Returns `undefined` for text that is not a number.
 */
export function uiAmountToRaw(value: number | string, decimals: number): bigint | undefined {
  const text = typeof value === "number" ? String(value) : value.trim();
  const match = DECIMAL_TEXT.exec(text);
  if (match === null) return undefined;

  const [, sign = "", whole = "", fraction = "", exponentText = "0"] = match;
  if (whole === "" && fraction === "") return undefined;

  // Shift the decimal point right by `decimals` plus the exponent, then split off what is left
  // of the point (the raw amount) from what is right of it (to be rounded away).
  const allDigits = `${whole}${fraction}`;
  const pointAt = whole.length + decimals + Number(exponentText);
  if (pointAt <= 0) return roundedZero(allDigits, pointAt, sign);

  const integerPart = allDigits.slice(0, pointAt).padEnd(pointAt, "0");
  const remainder = allDigits.slice(pointAt);
  let raw = BigInt(integerPart);
  if (remainder !== "" && remainder.charCodeAt(0) >= "5".charCodeAt(0)) raw += 1n;
  return sign === "-" ? -raw : raw;
}

/** The amount when every digit lies right of the point: 0, or 1 if the first rounds up. */
function roundedZero(allDigits: string, pointAt: number, sign: string): bigint {
  const firstDigit = pointAt === 0 ? allDigits.charCodeAt(0) : 0;
  const raw = firstDigit >= "5".charCodeAt(0) ? 1n : 0n;
  return sign === "-" ? -raw : raw;
}

function trimTrailingZeros(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 48) end -= 1;
  return text.slice(0, end);
}
