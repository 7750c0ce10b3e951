import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { equivalenceTestTwoMeans, twoSampleTTest } from "../../src/metrics/index.js";
import type { MeanSummary } from "../../src/metrics/index.js";
import { expectClose, fixtures } from "./_fixtures.js";

describe("equivalenceTestTwoMeans", () => {
  it("matches statsmodels' ttost_ind (values) and _tstat_generic at each bound (summaries), Welch and pooled (1e-12)", () => {
    expect(fixtures.equivalenceTestTwoMeans.length).toBe(14);
    for (const c of fixtures.equivalenceTestTwoMeans) {
      const [lower, upper] = c.bounds;
      const test = equivalenceTestTwoMeans(c.a as number[] | MeanSummary, c.b as number[] | MeanSummary, { lower, upper }, { variance: c.variance });
      const label = `${c.call} ${JSON.stringify(c.a).slice(0, 40)}`;
      expect(test.defined, label).toBe(true);
      expectClose(test.lowerTest.pValue, c.lowerPValue, `${label} lower`, { relative: 1e-12, absolute: 0 });
      expectClose(test.upperTest.pValue, c.upperPValue, `${label} upper`, { relative: 1e-12, absolute: 0 });
      expectClose(test.pValue, c.pValue, `${label} p`, { relative: 1e-12, absolute: 0 });
    }
  });

  it("law: TOST rejects at α exactly when twoSampleTTest's two-sided 1 − 2α interval lies within the bounds", () => {
    const summary = fc.record({ mean: fc.double({ min: -10, max: 10, noNaN: true }), standardDeviation: fc.double({ min: 0.1, max: 20, noNaN: true }), count: fc.integer({ min: 2, max: 5000 }) });
    fc.assert(
      fc.property(summary, summary, fc.double({ min: 0.01, max: 5, noNaN: true }), fc.constantFrom("unequal" as const, "pooled" as const), (a, b, margin, variance) => {
        const test = equivalenceTestTwoMeans(a, b, { lower: -margin, upper: margin }, { variance });
        const { interval } = twoSampleTTest(a, b, { variance, confidence: 0.9 });
        fc.pre(Math.abs(test.pValue - 0.05) > 1e-9);
        expect(test.pValue < 0.05).toBe(interval.lower > -margin && interval.upper < margin);
      }),
    );
  });

  it("values and their summary give the same test; fewer than two values is not defined", () => {
    const a = [12, 0, 30, 18, 0, 45, 22, 9, 31, 27];
    const b = [10, 0, 14, 8, 0, 21, 12, 5, 0, 16];
    const fromValues = equivalenceTestTwoMeans(a, b, { lower: -5, upper: 25 });
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const sd = (values: number[]) => Math.sqrt(values.reduce((sum, value) => sum + (value - mean(values)) ** 2, 0) / (values.length - 1));
    const fromSummary = equivalenceTestTwoMeans({ mean: mean(a), standardDeviation: sd(a), count: a.length }, { mean: mean(b), standardDeviation: sd(b), count: b.length }, { lower: -5, upper: 25 });
    expect(Math.abs(fromValues.pValue - fromSummary.pValue)).toBeLessThan(1e-14);
    const single = equivalenceTestTwoMeans([1], [1, 2, 3], { lower: -1, upper: 1 });
    expect(single).toMatchObject({ defined: false, reason: "each arm needs at least two values" });
    expect(single.pValue).toBeNaN();
  });

  it("refuses bad samples, bounds and options, naming itself", () => {
    expect(() => equivalenceTestTwoMeans([1, Number.NaN], [1, 2], { lower: -1, upper: 1 })).toThrow(new RangeError("equivalenceTestTwoMeans requires every value of a to be a finite number (index 1)"));
    expect(() => equivalenceTestTwoMeans([1, 2], [1, 2], { lower: 1, upper: 1 })).toThrow(new RangeError("equivalenceTestTwoMeans requires bounds.lower to be below bounds.upper"));
    expect(() => equivalenceTestTwoMeans([1, 2], [1, 2], { lower: Number.NEGATIVE_INFINITY, upper: 1 })).toThrow(new RangeError("equivalenceTestTwoMeans requires bounds.lower to be a finite number"));
    expect(() => equivalenceTestTwoMeans([1, 2], [1, 2], { lower: -1, upper: 1 }, { variance: "equal" as never })).toThrow(new TypeError('equivalenceTestTwoMeans requires variance to be "unequal" or "pooled"'));
    expect(() => equivalenceTestTwoMeans([1, 2], [1, 2], { lower: -1, upper: 1 }, { usevar: "pooled" } as never)).toThrow('equivalenceTestTwoMeans does not take the option "usevar"');
  });
});
