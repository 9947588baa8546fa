import { describe, expect, it } from "vitest";
import { RateLearner, type SentRequest } from "../../src/helius/rate-learner.js";
import { ManualClock } from "../support/manual-clock.js";

/** Sends `count` requests `gapMs` apart, starting now; returns them in order. */
async function sendEvery(
  learner: RateLearner,
  clock: ManualClock,
  count: number,
  gapMs: number,
): Promise<SentRequest[]> {
  const sent: SentRequest[] = [];
  for (let index = 0; index < count; index += 1) {
    if (index > 0) await clock.advance(gapMs);
    sent.push(learner.noteSent());
  }
  return sent;
}

describe("RateLearner", () => {
  it("asks for no pace until a 429 comes, when no rate is known", () => {
    const learner = new RateLearner({ clock: new ManualClock() });
    learner.noteSent();
    expect(learner.rate()).toBeUndefined();
  });

  it("keeps a known rate until a 429 says otherwise", () => {
    const learner = new RateLearner({ clock: new ManualClock(), ceiling: 2 });
    expect(learner.rate()).toBe(2);
  });

  it("first guesses the requests sent in the second before the first 429", async () => {
    const clock = new ManualClock();
    const learner = new RateLearner({ clock, probeGrowthPerSecond: 0 });
    await sendEvery(learner, clock, 30, 50); // 20 a second for 1.45 s
    const refused = learner.noteSent();

    expect(learner.noteThrottled(refused)).toBe(true);
    expect(learner.learnedRate).toBe(20);
  });

  it("counts the requests sent together with the refused one in the first guess", async () => {
    const clock = new ManualClock();
    const learner = new RateLearner({ clock, probeGrowthPerSecond: 0 });
    const burst = Array.from({ length: 10 }, () => learner.noteSent());
    await clock.advance(1);

    // The first one sent was the one the server refused: the others reached it first.
    learner.noteThrottled(burst[0] as SentRequest);
    expect(learner.learnedRate).toBe(9);
  });

  it("measures the rate as the requests admitted between two 429s over the time between them", async () => {
    const clock = new ManualClock();
    const learner = new RateLearner({ clock, probeGrowthPerSecond: 0 });
    learner.noteThrottled(learner.noteSent());

    await clock.advance(1000);
    await sendEvery(learner, clock, 12, 250); // 12 admitted in the 4 s between the 429s
    await clock.advance(250);
    learner.noteThrottled(learner.noteSent());

    expect(learner.learnedRate).toBe(3);
  });

  it("does not count the 429s of one burst as events, and takes them off the admitted", async () => {
    const clock = new ManualClock();
    const learner = new RateLearner({ clock, probeGrowthPerSecond: 0 });
    learner.noteThrottled(learner.noteSent());

    await clock.advance(1000);
    const opening = learner.noteSent();
    const sameBurst = learner.noteSent();
    await clock.advance(10);
    learner.noteThrottled(opening);
    expect(learner.noteThrottled(sameBurst)).toBe(false); // it left before the 429 was seen

    await clock.advance(990);
    await sendEvery(learner, clock, 9, 100);
    await clock.advance(200);
    learner.noteThrottled(learner.noteSent());

    // The first gap (nothing admitted) says nothing. The second: 10 sent after the opening
    // one, 1 of them refused, over 2 s.
    expect(learner.learnedRate).toBeCloseTo(4.5, 10);
  });

  it("weighs the newest gap most when the server's rate changes", async () => {
    const clock = new ManualClock();
    const learner = new RateLearner({ clock, probeGrowthPerSecond: 0 });
    learner.noteThrottled(learner.noteSent());
    await clock.advance(100);
    await sendEvery(learner, clock, 10, 100); // 10 in 1 s
    await clock.advance(100);
    learner.noteThrottled(learner.noteSent());

    await clock.advance(500);
    await sendEvery(learner, clock, 2, 500); // 2 in 1 s
    await clock.advance(500);
    learner.noteThrottled(learner.noteSent());

    // (10 * 0.5 + 2) / (1.1 * 0.5 + 1.5) a millisecond, as a rate a second.
    expect(learner.learnedRate).toBeCloseTo(7 / 2.05, 10);
  });

  it("creeps a learned pace up while no 429 comes, never above the known rate", async () => {
    const clock = new ManualClock();
    const learner = new RateLearner({ clock, ceiling: 12, probeGrowthPerSecond: 0.01 });
    await sendEvery(learner, clock, 10, 100);
    learner.noteThrottled(learner.noteSent());
    expect(learner.rate()).toBe(10);

    await clock.advance(10_000);
    expect(learner.rate()).toBeCloseTo(10 * 1.01 ** 10, 10);
    await clock.advance(100_000);
    expect(learner.rate()).toBe(12);
  });

  it("guesses nothing from a refusal of the very first request", () => {
    const learner = new RateLearner({ clock: new ManualClock() });

    expect(learner.noteThrottled(learner.noteSent())).toBe(false);
    expect(learner.rate()).toBeUndefined();
  });

  it("takes no rate from a gap in which the server admitted almost nothing", async () => {
    const clock = new ManualClock();
    const learner = new RateLearner({ clock });
    learner.noteThrottled(learner.noteSent());

    // A fault, not a rate limit: the retry after a backoff is refused again.
    await clock.advance(400);
    learner.noteSent();
    await clock.advance(400);
    expect(learner.noteThrottled(learner.noteSent())).toBe(false);
    expect(learner.rate()).toBeUndefined();
  });

  it("ignores two events too close together to measure anything", async () => {
    const clock = new ManualClock();
    const learner = new RateLearner({ clock, probeGrowthPerSecond: 0 });
    await sendEvery(learner, clock, 5, 100);
    learner.noteThrottled(learner.noteSent());
    const guess = learner.learnedRate;

    await clock.advance(150);
    expect(learner.noteThrottled(learner.noteSent())).toBe(false);
    expect(learner.learnedRate).toBe(guess);
  });
});
