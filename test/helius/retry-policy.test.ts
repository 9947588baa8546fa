import { describe, expect, it } from "vitest";
import {
  classifyStatus,
  defaultRetryPolicy,
  parseRetryAfter,
  retryDelayMs,
} from "../../src/helius/retry-policy.js";

describe("classifyStatus", () => {
  it.each([
    [200, undefined],
    [429, "throttled"],
    [401, "rejected-key"],
    [403, "rejected-key"],
    [500, "transient"],
    [502, "transient"],
    [503, "transient"],
    [504, "transient"],
    [408, "transient"],
    [400, "fatal"],
    [404, "fatal"],
  ])("treats HTTP %i as %s", (status, kind) => {
    expect(classifyStatus(status)).toBe(kind);
  });
});

describe("retryDelayMs", () => {
  const policy = { maxRetries: 5, baseDelayMs: 100, maxDelayMs: 1000 };

  it("draws full jitter below a ceiling that doubles each attempt", () => {
    expect(retryDelayMs(1, policy, () => 0.999)).toBe(99);
    expect(retryDelayMs(2, policy, () => 0.999)).toBe(199);
    expect(retryDelayMs(3, policy, () => 0.5)).toBe(200);
    expect(retryDelayMs(1, policy, () => 0)).toBe(0);
  });

  it("never exceeds the maximum delay", () => {
    expect(retryDelayMs(10, policy, () => 0.999)).toBe(999);
  });

  it("prefers the server's Retry-After, capped at the maximum", () => {
    expect(retryDelayMs(1, policy, () => 0.5, 750)).toBe(750);
    expect(retryDelayMs(1, policy, () => 0.5, 60_000)).toBe(1000);
  });

  it("defaults to a handful of retries over about half a minute", () => {
    expect(defaultRetryPolicy.maxRetries).toBe(6);
    expect(defaultRetryPolicy.maxDelayMs).toBe(30_000);
  });
});

describe("parseRetryAfter", () => {
  it("reads delta-seconds and HTTP dates", () => {
    expect(parseRetryAfter("2")).toBe(2000);
    expect(parseRetryAfter("0.5")).toBe(500);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:03 GMT", now)).toBe(3000);
  });

  it("ignores a missing or unreadable header", () => {
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter("")).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter("-1")).toBeUndefined();
  });
});
