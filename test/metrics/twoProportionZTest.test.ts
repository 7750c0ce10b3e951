import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chiSquareIndependence, twoProportionZTest } from "../../src/metrics/index.js";
import type { Alternative } from "../../src/metrics/index.js";
import { expectClose, fixtures } from "./_fixtures.js";

describe("twoProportionZTest", () => {
  it("matches statsmodels proportions_ztest (pooled) and test_proportions_2indep wald (unpooled), tails included", () => {
    expect(fixtures.twoProportionZTest.length).toBeGreaterThan(30);
    for (const c of fixtures.twoProportionZTest) {
      const [successesA, trialsA, successesB, trialsB] = c.counts;
      const result = twoProportionZTest({ successesA, trialsA, successesB, trialsB }, { alternative: c.alternative as Alternative, pooled: c.pooled });
      expectClose(result.z, c.z, `${c.call} z`);
      expectClose(result.pValue, c.pValue, `${c.call} p`, { absolute: 0 });
      expect(result.defined, c.call).toBe(!Number.isNaN(result.z));
    }
  });
  it("keeps relative accuracy for p-values around 1e-45", () => {
    const result = twoProportionZTest({ successesA: 5000, trialsA: 10000, successesB: 4000, trialsB: 10000 });
    expect(result.pValue).toBeGreaterThan(0);
    expect(result.pValue).toBeLessThan(1e-40);
  });
  it("zero pooled variance is not defined, never p = 0 or 1", () => {
    for (const counts of [
      { successesA: 0, trialsA: 50, successesB: 0, trialsB: 80 },
      { successesA: 50, trialsA: 50, successesB: 80, trialsB: 80 },
    ]) {
      const result = twoProportionZTest(counts);
      expect(result.defined).toBe(false);
      expect(result.pValue).toBeNaN();
      expect(result.reason).toMatch(/zero variance/);
    }
    expect(twoProportionZTest({ successesA: 0, trialsA: 0, successesB: 1, trialsB: 5 }).defined).toBe(false);
    expect(twoProportionZTest({ successesA: 0, trialsA: 50, successesB: 3, trialsB: 50 }).defined).toBe(true);
  });
  it("unpooled is undefined when both proportions are 0 or 1", () => {
    expect(twoProportionZTest({ successesA: 0, trialsA: 10, successesB: 10, trialsB: 10 }, { pooled: false }).defined).toBe(false);
  });
  it("rejects invalid input", () => {
    expect(() => twoProportionZTest({ successesA: 3, trialsA: 2, successesB: 0, trialsB: 1 })).toThrow(new RangeError("twoProportionZTest requires successesA not to exceed trialsA"));
    expect(() => twoProportionZTest({ successesA: 1, trialsA: 2, successesB: 0, trialsB: 1 }, { alternative: "larger" as Alternative })).toThrow(TypeError);
  });
  it("law: z² equals the uncorrected chi-square statistic of the 2 x 2 table, and one-sided p-values add to 1", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 2, max: 500 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 2, max: 500 }), (xa, na, xb, nb) => {
        fc.pre(xa < na && xb < nb);
        const counts = { successesA: xa, trialsA: na, successesB: xb, trialsB: nb };
        const test = twoProportionZTest(counts);
        const chi = chiSquareIndependence([[xa, na - xa], [xb, nb - xb]]);
        expect(Math.abs(test.z * test.z - chi.statistic)).toBeLessThanOrEqual(1e-9 * Math.max(1, chi.statistic));
        const greater = twoProportionZTest(counts, { alternative: "greater" }).pValue;
        const less = twoProportionZTest(counts, { alternative: "less" }).pValue;
        expect(greater + less).toBeCloseTo(1, 12);
      }),
    );
  });
});
