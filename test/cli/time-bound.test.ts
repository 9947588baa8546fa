import { describe, expect, it } from "vitest";
import { parseTimeBound } from "../../src/cli/time-bound.js";

const NOW = 1_800_000_000;

describe("parseTimeBound", () => {
  it.each([
    ["2025-01-31T12:00:00Z", 1_738_324_800],
    ["2025-01-31T12:00Z", 1_738_324_800],
    ["2025-01-31T14:00:00+02:00", 1_738_324_800],
    ["2025-01-31T12:00:00.750Z", 1_738_324_800],
    ["2025-01-31", 1_738_281_600],
    ["1738324800", 1_738_324_800],
    ["90s", NOW - 90],
    ["30m", NOW - 1800],
    ["24h", NOW - 86_400],
    ["7d", NOW - 604_800],
    ["2w", NOW - 1_209_600],
  ])("reads %s", (text, expected) => {
    expect(parseTimeBound(text, NOW)).toBe(expected);
  });

  it.each(["yesterday", "2025-01-31T12:00:00", "2025-13-45", "7 days", "-5", "1.5h", ""])(
    "rejects %j",
    (text) => {
      expect(parseTimeBound(text, NOW)).toBeUndefined();
    },
  );
});
