import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { twoSampleTTest } from "../../src/metrics/index.js";
import type { Alternative, MeanSummary } from "../../src/metrics/index.js";
import { expectClose, fixtures } from "./_fixtures.js";

describe("twoSampleTTest", () => {
  it("matches scipy ttest_ind_from_stats (Welch and pooled, three alternatives) and intervals from mpmath t quantiles", () => {
    expect(fixtures.twoSampleTTest.length).toBe(42);
    for (const c of fixtures.twoSampleTTest) {
      const result = twoSampleTTest(c.a as number[] | MeanSummary, c.b as number[] | MeanSummary, { variance: c.variance, alternative: c.alternative as Alternative });
      const label = `${c.variance} ${c.alternative} ${JSON.stringify(c.a).slice(0, 40)}`;
      expect(result.defined, label).toBe(true);
      expectClose(result.t, c.t, `t ${label}`, { relative: 1e-12 });
      expectClose(result.pValue, c.pValue, `p ${label}`, { relative: 1e-12, absolute: 0 });
      expectClose(result.degreesOfFreedom, c.degreesOfFreedom, `df ${label}`, { relative: 1e-12 });
      expectClose(result.interval.lower, c.lower, `lower ${label}`, { relative: 1e-12 });
      expectClose(result.interval.upper, c.upper, `upper ${label}`, { relative: 1e-12 });
    }
  });

  it("keeps its digits at a huge t with about one degree of freedom, and one-sided intervals below 50 % confidence (review; mpmath, 1e-12)", () => {
    expect(fixtures.twoSampleTTestEdges.length).toBe(6);
    for (const c of fixtures.twoSampleTTestEdges) {
      const result = twoSampleTTest(c.a as number[] | MeanSummary, c.b as number[] | MeanSummary, { alternative: c.alternative as Alternative, confidence: c.confidence });
      const label = `${c.alternative} ${c.confidence}`;
      expectClose(result.pValue, c.pValue, `p ${label}`, { relative: 1e-12, absolute: 0 });
      expectClose(result.degreesOfFreedom, c.degreesOfFreedom, `df ${label}`, { relative: 1e-12 });
      expectClose(result.interval.lower, c.lower, `lower ${label}`, { relative: 1e-12 });
      expectClose(result.interval.upper, c.upper, `upper ${label}`, { relative: 1e-12 });
    }
  });

  it("values and their summary give the same test; swapping the arms negates t and the interval", () => {
    const values = fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { minLength: 2, maxLength: 40 });
    fc.assert(
      fc.property(values, values, (a, b) => {
        const direct = twoSampleTTest(a, b);
        const summary = (x: number[]): MeanSummary => {
          const mean = x.reduce((total, value) => total + value, 0) / x.length;
          return { mean, standardDeviation: Math.sqrt(x.reduce((total, value) => total + (value - mean) ** 2, 0) / (x.length - 1)), count: x.length };
        };
        const summarized = twoSampleTTest(summary(a), summary(b));
        expect(summarized.defined).toBe(direct.defined);
        if (!direct.defined) return;
        expect(summarized.pValue).toBeCloseTo(direct.pValue, 9);
        const swapped = twoSampleTTest(b, a);
        expect(swapped.t).toBeCloseTo(-direct.t, 9);
        expect(swapped.pValue).toBeCloseTo(direct.pValue, 12);
        expect(swapped.interval.lower).toBeCloseTo(-direct.interval.upper, 6);
        // One-sided p-values split the two-sided one.
        const greater = twoSampleTTest(a, b, { alternative: "greater" }).pValue;
        expect(Math.min(greater, 1 - greater) * 2).toBeCloseTo(direct.pValue, 12);
      }),
      { numRuns: 200 },
    );
  });

  it("is not defined for an arm with fewer than two values or when neither arm varies; empty SQL summaries are accepted", () => {
    expect(twoSampleTTest([1], [1, 2, 3])).toMatchObject({ defined: false, reason: "each arm needs at least two values" });
    expect(twoSampleTTest({ mean: Number.NaN, standardDeviation: Number.NaN, count: 0 }, [1, 2])).toMatchObject({ defined: false });
    expect(twoSampleTTest({ mean: 4, standardDeviation: null as never, count: 1 }, [1, 2])).toMatchObject({ defined: false });
    const flat = twoSampleTTest([5, 5, 5], [3, 3]);
    expect(flat).toMatchObject({ defined: false, reason: "neither arm varies, so the standard error is 0", difference: 2 });
    expect(flat.pValue).toBeNaN();
  });

  it("refuses bad values, summaries and options", () => {
    expect(() => twoSampleTTest([1, Number.NaN], [1, 2])).toThrow(new RangeError("twoSampleTTest requires every value of a to be a finite number (index 1)"));
    expect(() => twoSampleTTest([1, 2], { mean: 1, standardDeviation: -1, count: 5 })).toThrow(new RangeError("twoSampleTTest requires b.standardDeviation to be a non-negative finite number"));
    expect(() => twoSampleTTest([1, 2], { mean: 1, standardDeviation: 1, count: 2.5 })).toThrow(new RangeError("twoSampleTTest requires b.count to be a non-negative integer"));
    expect(() => twoSampleTTest([1, 2], "x" as never)).toThrow(new TypeError("twoSampleTTest requires b to be an array of numbers or { mean, standardDeviation, count }"));
    expect(() => twoSampleTTest([1, 2], [3, 4], { variance: "equal" as never })).toThrow(new TypeError('twoSampleTTest requires variance to be "unequal" or "pooled"'));
    expect(() => twoSampleTTest([1, 2], [3, 4], { equal_var: false } as never)).toThrow('twoSampleTTest does not take the option "equal_var"');
    expect(() => twoSampleTTest([1, 2], [3, 4], { confidence: 95 })).toThrow(new RangeError("twoSampleTTest requires confidence between zero and one"));
    for (const nullDifference of [Number.NaN, Number.POSITIVE_INFINITY, "1" as never]) {
      expect(() => twoSampleTTest([1, 2], [3, 4], { nullDifference })).toThrow(new RangeError("twoSampleTTest requires nullDifference to be a finite number"));
    }
  });

  describe("a non-zero null difference (non-inferiority)", () => {
    it("matches statsmodels ttest_ind(value=d) and _tstat_generic(diff=d), Welch and pooled, three alternatives (1e-12)", () => {
      expect(fixtures.twoSampleTTestNull.length).toBe(42);
      for (const c of fixtures.twoSampleTTestNull) {
        const result = twoSampleTTest(c.a as number[] | MeanSummary, c.b as number[] | MeanSummary, { variance: c.variance, alternative: c.alternative as Alternative, nullDifference: c.nullDifference });
        const label = `${c.call} ${JSON.stringify(c.a).slice(0, 40)}`;
        expect(result.nullDifference, label).toBe(c.nullDifference);
        expectClose(result.t, c.t, `t ${label}`, { relative: 1e-12 });
        expectClose(result.pValue, c.pValue, `p ${label}`, { relative: 1e-12, absolute: 0 });
        expectClose(result.degreesOfFreedom, c.degreesOfFreedom, `df ${label}`, { relative: 1e-12 });
      }
    });

    it("law: testing the bound of the interval as the null gives p = 1 − confidence; the interval does not move with the null", () => {
      const summary = fc.record({ mean: fc.double({ min: -1e3, max: 1e3, noNaN: true }), standardDeviation: fc.double({ min: 0.01, max: 1e3, noNaN: true }), count: fc.integer({ min: 2, max: 1e6 }) });
      fc.assert(
        fc.property(summary, summary, fc.constantFrom<Alternative>("two-sided", "greater", "less"), fc.constantFrom("unequal" as const, "pooled" as const), fc.double({ min: 0.5, max: 0.999, noNaN: true }), (a, b, alternative, variance, confidence) => {
          const test = twoSampleTTest(a, b, { alternative, variance, confidence });
          const bound = alternative === "less" ? test.interval.upper : test.interval.lower;
          const atBound = twoSampleTTest(a, b, { alternative, variance, confidence, nullDifference: bound });
          expect(atBound.interval).toEqual(test.interval);
          expect(Math.abs(atBound.pValue - (1 - confidence))).toBeLessThanOrEqual(1e-9);
        }),
      );
    });

    it("law: shifting arm A by d and testing d gives the zero-null test of the unshifted arms", () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 2, maxLength: 30 }), fc.array(fc.integer({ min: -500, max: 500 }), { minLength: 2, maxLength: 30 }), fc.integer({ min: -100, max: 100 }), (a, b, shift) => {
          const plain = twoSampleTTest(a, b, { alternative: "greater" });
          const shifted = twoSampleTTest(a.map((value) => value + shift), b, { alternative: "greater", nullDifference: shift });
          if (!plain.defined) return expect(shifted.defined).toBe(false);
          expect(Math.abs(shifted.t - plain.t)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(plain.t)));
        }),
      );
    });
  });
});
