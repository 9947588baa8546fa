import { describe, expect, it } from "vitest";
import { RecentSet } from "../../src/fetch/recent-set.js";

describe("RecentSet", () => {
  it("remembers its newest members and forgets the oldest first", () => {
    const set = new RecentSet<string>(2);
    set.add("a");
    set.add("b");
    set.add("a"); // already there: does not count as new
    set.add("c");

    expect([set.has("a"), set.has("b"), set.has("c")]).toEqual([false, true, true]);
  });
});
