import { describe, expect, it } from "vitest";
import { encodeCsvField, encodeCsvRow } from "../../src/output/csv-field.js";

describe("encodeCsvField", () => {
  it.each([
    ["plain text stays bare", "RAYDIUM", "RAYDIUM"],
    ["an empty field stays empty", "", ""],
    ["spaces alone do not force quotes", " a b ", " a b "],
    ["a comma forces quotes", "a,b", '"a,b"'],
    ["a quote is doubled inside quotes", 'say "hi"', '"say ""hi"""'],
    ["a lone quote becomes four quotes", '"', '""""'],
    ["a line feed forces quotes", "a\nb", '"a\nb"'],
    ["a carriage return forces quotes", "a\rb", '"a\rb"'],
    ["CRLF inside a field is kept verbatim", "a\r\nb", '"a\r\nb"'],
    ["a semicolon needs no quotes", "1;2", "1;2"],
  ])("%s", (_behaviour, field, encoded) => {
    expect(encodeCsvField(field)).toBe(encoded);
  });
});

describe("encodeCsvRow", () => {
  it("joins fields with commas and ends the row with CRLF", () => {
    expect(encodeCsvRow(["a", "b,c", ""])).toBe('a,"b,c",\r\n');
  });

  it("writes a row of one empty field as a bare CRLF", () => {
    expect(encodeCsvRow([""])).toBe("\r\n");
  });
});
