import { describe, expect, it } from "vitest";
import { createRedactor } from "../../src/helius/redact.js";

describe("createRedactor", () => {
  const redact = createRedactor("s3cret-key");

  it("masks the key wherever it appears", () => {
    expect(redact("key s3cret-key was refused; s3cret-key again")).toBe(
      "key [REDACTED] was refused; [REDACTED] again",
    );
  });

  it("masks any api-key query value, even one it was not told about", () => {
    expect(redact("POST https://x.test/v0/transactions?api-key=other&commitment=x")).toBe(
      "POST https://x.test/v0/transactions?api-key=[REDACTED]&commitment=x",
    );
  });

  it("leaves text without a key alone", () => {
    expect(redact("HTTP 502: bad gateway")).toBe("HTTP 502: bad gateway");
  });
});
