import { describe, expect, it } from "vitest";
import { netPromoterScore } from "../../src/metrics/index.js";
import { expectClose, fixtures } from "./_fixtures.js";

describe("netPromoterScore", () => {
  it("matches the trinomial-variance reference, Wald and adjusted Wald", () => {
    for (const c of fixtures.netPromoterScore) {
      const result = netPromoterScore({ promoters: c.promoters, passives: c.passives, detractors: c.detractors }, { confidence: c.confidence, method: c.method });
      expect(result.defined).toBe(c.defined);
      expectClose(result.value, c.value, "value");
      expectClose(result.standardError, c.standardError, "se");
      if (c.lower === null || c.upper === null) {
        expect([result.lower, result.upper]).toEqual([Number.NaN, Number.NaN]);
      } else {
        expectClose(result.lower, c.lower, "lower");
        expectClose(result.upper, c.upper, "upper");
      }
    }
  });
  it("passives count in the denominator; the range is -100..100", () => {
    expect(netPromoterScore({ promoters: 10, passives: 10, detractors: 0 }).value).toBe(50);
    expect(netPromoterScore({ promoters: 0, passives: 0, detractors: 4 }).value).toBe(-100);
  });
  it("a Wald variance of zero (every response in one category) leaves the bounds not defined, never a zero-width interval", () => {
    // It returned lower = upper = 100 and defined: true for ten promoters, or for a single answer.
    for (const counts of [{ promoters: 10, passives: 0, detractors: 0 }, { promoters: 0, passives: 1, detractors: 0 }, { promoters: 0, passives: 0, detractors: 3 }]) {
      const result = netPromoterScore(counts);
      expect(result).toMatchObject({ method: "wald", standardError: 0, defined: false });
      expect(result.value).toBe(100 * (counts.promoters - counts.detractors) / (counts.promoters + counts.passives + counts.detractors));
      expect([result.lower, result.upper]).toEqual([Number.NaN, Number.NaN]);
    }
  });
  it("adjustedWald: ¾ promoter and ¾ detractor added, n + 3 (Rocks 2016), defined at the boundary", () => {
    // Reference: the adjusted-Wald formula in Python with scipy's norm.ppf(0.975) (values to 1e-9).
    const cases = [
      { counts: { promoters: 10, passives: 0, detractors: 0 }, lower: 47.5035515447902, upper: 100, standardError: 15.010237744338253 },
      { counts: { promoters: 50, passives: 30, detractors: 20 }, lower: 14.051130178761607, upper: 44.20129700570441, standardError: 7.6915104218147565 },
      { counts: { promoters: 3, passives: 1, detractors: 0 }, lower: -7.341536305442259, upper: 93.05582201972797, standardError: 25.612041628594145 },
      { counts: { promoters: 0, passives: 5, detractors: 0 }, lower: -30.005697977220684, upper: 30.005697977220684, standardError: 15.309310892394862 },
    ];
    for (const { counts, lower, upper, standardError } of cases) {
      const result = netPromoterScore(counts, { method: "adjustedWald" });
      expect(result.method).toBe("adjustedWald");
      expect(result.defined).toBe(true);
      expect(result.value).toBeCloseTo(100 * (counts.promoters - counts.detractors) / (counts.promoters + counts.passives + counts.detractors), 12);
      expect(result.lower).toBeCloseTo(lower, 9);
      expect(result.upper).toBeCloseTo(upper, 9);
      expect(result.standardError).toBeCloseTo(standardError, 9);
    }
    expect(() => netPromoterScore({ promoters: 1, passives: 0, detractors: 0 }, { method: "adjusted" as never })).toThrow(
      new TypeError('netPromoterScore requires method to be "wald" or "adjustedWald"'),
    );
  });
  it("zero responses are not defined", () => {
    const result = netPromoterScore({ promoters: 0, passives: 0, detractors: 0 });
    expect(result.defined).toBe(false);
    expect(result.value).toBeNaN();
  });
  it("rejects negative counts", () => {
    expect(() => netPromoterScore({ promoters: -1, passives: 0, detractors: 0 })).toThrow(new RangeError("netPromoterScore requires promoters to be a non-negative finite number"));
  });
});
