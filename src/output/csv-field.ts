/** Characters that force RFC 4180 quoting: the separator, the quote and line breaks. */
const NEEDS_QUOTES = /[",\r\n]/;

/** Encodes one field per RFC 4180: quoted only when needed, inner quotes doubled. */
export function encodeCsvField(value: string): string {
  if (!NEEDS_QUOTES.test(value)) {
    return value;
  }

  return `"${value.replaceAll('"', '""')}"`;
}

/** Encodes one record: fields separated by commas, ended by CRLF as RFC 4180 prescribes. */
export function encodeCsvRow(fields: readonly string[]): string {
  return `${fields.map(encodeCsvField).join(",")}\r\n`;
}
