import { describe, expect, it } from "vitest";
import { engagementRate } from "../../src/metrics/index.js";

const session = (durationSeconds: number, keyEvents: number, pageViews: number) => ({ durationSeconds, keyEvents, pageViews });

describe("engagementRate", () => {
  it("counts GA4 engaged sessions: > 10 s, or a key event, or ≥ 2 views", () => {
    const rate = engagementRate([session(10, 0, 1), session(10.5, 0, 1), session(1, 1, 1), session(1, 0, 2), session(0, 0, 0)]);
    expect(rate).toMatchObject({ numerator: 3, denominator: 5, value: 0.6, defined: true });
    expect(rate.bounceRate).toBeCloseTo(0.4, 15);
  });
  it("thresholds are options", () => {
    const sessions = [session(20, 0, 1), session(40, 0, 1)];
    expect(engagementRate(sessions, { minimumDurationSeconds: 30 }).value).toBe(0.5);
    expect(engagementRate([session(1, 0, 2)], { minimumPageViews: 3 }).value).toBe(0);
  });
  it("no sessions is undefined", () => {
    const rate = engagementRate([]);
    expect(rate.defined).toBe(false);
    expect(rate.bounceRate).toBeNaN();
  });
  it("rejects negative durations", () => {
    expect(() => engagementRate([session(-1, 0, 0)])).toThrow(new RangeError("engagementRate requires durationSeconds to be a non-negative finite number"));
  });
});
