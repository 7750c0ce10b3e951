import { describe, expect, it } from "vitest";
import { relativeLift } from "../../src/metrics/index.js";
import { expectClose, fixtures } from "./_fixtures.js";

describe("relativeLift", () => {
  it("matches the delta-method formula computed in Python", () => {
    for (const c of fixtures.relativeLift) {
      const [successesA, trialsA, successesB, trialsB] = c.counts;
      const result = relativeLift({ successesA, trialsA, successesB, trialsB }, { confidence: c.confidence });
      expectClose(result.lift, c.lift, "lift");
      expectClose(result.standardError, c.standardError, "se");
      expectClose(result.lower, c.lower, "lower");
      expectClose(result.upper, c.upper, "upper");
    }
  });
  it("method log matches statsmodels' Katz interval of the rate ratio (confint_proportions_2indep, compare='ratio')", () => {
    expect(fixtures.relativeLiftLog.length).toBeGreaterThanOrEqual(6);
    for (const c of fixtures.relativeLiftLog) {
      const [successesA, trialsA, successesB, trialsB] = c.counts;
      const result = relativeLift({ successesA, trialsA, successesB, trialsB }, { confidence: c.confidence, method: "log" });
      expectClose(result.lift, c.lift, "lift");
      expectClose(result.standardError, c.standardError, "se");
      expectClose(result.lower, c.lower, "lower");
      expectClose(result.upper, c.upper, "upper");
    }
  });
  it("method log needs a success in the treatment arm and some variance", () => {
    const none = relativeLift({ successesA: 0, trialsA: 100, successesB: 50, trialsB: 100 }, { method: "log" });
    expect(none).toMatchObject({ lift: -1, defined: false, reason: "the treatment arm has no successes: the log ratio is not defined" });
    expect(none.lower).toBeNaN();
    expect(relativeLift({ successesA: 100, trialsA: 100, successesB: 100, trialsB: 100 }, { method: "log" })).toMatchObject({ method: "log", lift: 0, defined: false, reason: "zero variance: both rates are 1" });
    expect(relativeLift({ successesA: 1, trialsA: 2, successesB: 1, trialsB: 2 }).method).toBe("delta");
    expect(() => relativeLift({ successesA: 1, trialsA: 2, successesB: 1, trialsB: 2 }, { method: "wald" as "log" })).toThrow(new TypeError('relativeLift requires method to be "delta" or "log"'));
  });
  it("is undefined when the baseline rate is zero or an arm is empty", () => {
    expect(relativeLift({ successesA: 5, trialsA: 100, successesB: 0, trialsB: 100 })).toMatchObject({ defined: false, reason: "the baseline rate is zero" });
    expect(relativeLift({ successesA: 5, trialsA: 100, successesB: 0, trialsB: 0 }).defined).toBe(false);
  });
  it("has no interval when neither arm varies, as the Wald difference interval (review: it was [-1, -1], defined)", () => {
    const none = relativeLift({ successesA: 0, trialsA: 100, successesB: 50, trialsB: 100 });
    expect(none).toMatchObject({ lift: -1, standardError: 0, defined: false, reason: "zero variance: the treatment rate is 0 or both rates are 1" });
    expect(none.lower).toBeNaN();
    const all = relativeLift({ successesA: 100, trialsA: 100, successesB: 100, trialsB: 100 });
    expect(all).toMatchObject({ lift: 0, defined: false });
    expect(relativeLift({ successesA: 100, trialsA: 100, successesB: 50, trialsB: 100 }).defined).toBe(true);
  });
  it("wider confidence gives a wider interval", () => {
    const counts = { successesA: 260, trialsA: 5000, successesB: 200, trialsB: 5000 };
    const a = relativeLift(counts, { confidence: 0.9 });
    const b = relativeLift(counts, { confidence: 0.99 });
    expect(b.upper - b.lower).toBeGreaterThan(a.upper - a.lower);
  });
});
