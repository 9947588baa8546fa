/** Seconds in each unit a relative span may use: `90s`, `30m`, `24h`, `7d`, `2w`. */
const SPAN_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };
const SPAN = /^(\d+)([smhdw])$/;
const UNIX_SECONDS = /^\d+$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** ISO 8601 date-time; a zone is required so that a cron run means the same on any machine. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Reads a `--since` or `--until` value as Unix seconds: an ISO 8601 date-time with a zone, a
 * date (midnight UTC), Unix seconds, or a span back from now. Returns undefined when the text is
 * none of these.
 */
export function parseTimeBound(text: string, nowUnix: number): number | undefined {
  const value = text.trim();

  const span = SPAN.exec(value);
  if (span !== null) return nowUnix - Number(span[1]) * (SPAN_UNITS[span[2] as string] ?? 0);
  if (UNIX_SECONDS.test(value)) return Number(value);

  if (DATE_ONLY.test(value) || DATE_TIME.test(value)) {
    const iso = DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value;
    const milliseconds = Date.parse(iso);
    return Number.isNaN(milliseconds) ? undefined : Math.floor(milliseconds / 1000);
  }
  return undefined;
}

export const TIME_BOUND_FORMS =
  "an ISO 8601 date-time with a zone (2025-01-31T12:00:00Z), a date (2025-01-31), " +
  "Unix seconds, or a span back from now (90s, 30m, 24h, 7d, 2w)";
