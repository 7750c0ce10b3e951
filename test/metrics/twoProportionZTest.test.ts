import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chiSquareIndependence, twoProportionZTest } from "../../src/metrics/index.js";
import type { Alternative } from "../../src/metrics/index.js";
import { restrictedProportions } from "../../src/metrics/_lib/restrictedProportions.js";
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

  describe("a non-zero null difference (non-inferiority)", () => {
    it("pooled is Farrington–Manning's score test and unpooled statsmodels' Wald test of value = d (mpmath and statsmodels, 1e-12)", () => {
      expect(fixtures.twoProportionZTestNull.length).toBe(78);
      for (const c of fixtures.twoProportionZTestNull) {
        const [successesA, trialsA, successesB, trialsB] = c.counts;
        const options = { alternative: c.alternative as Alternative, pooled: c.pooled, nullDifference: c.nullDifference };
        const result = twoProportionZTest({ successesA, trialsA, successesB, trialsB }, options);
        const label = `${JSON.stringify(c.counts)} ${JSON.stringify(options)} ${c.call}`;
        expect(result.defined, label).toBe(true);
        expect(result.nullDifference, label).toBe(c.nullDifference);
        expectClose(result.z, c.z, `${label} z`, { relative: 1e-12 });
        expectClose(result.pValue, c.pValue, `${label} p`, { relative: 1e-12, absolute: 0 });
        if (c.pooled) {
          const restricted = restrictedProportions(successesA, trialsA, successesB, trialsB, c.nullDifference);
          expectClose(restricted.proportionA, c.proportionA, `${label} p̃A`, { relative: 1e-13, absolute: 1e-16 });
          expectClose(restricted.proportionB, c.proportionB, `${label} p̃B`, { relative: 1e-13, absolute: 1e-16 });
        }
      }
    });

    it("law: the constrained proportions keep the difference and maximize the likelihood; at d = 0 they are the pooled proportion", () => {
      const logLikelihood = (x: number, n: number, p: number): number => (x > 0 ? x * Math.log(p) : 0) + (n - x > 0 ? (n - x) * Math.log(1 - p) : 0);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 300 }), fc.double({ min: -0.999, max: 0.999, noNaN: true }), (xa, na, xb, nb, d) => {
          fc.pre(xa <= na && xb <= nb);
          const { proportionA, proportionB } = restrictedProportions(xa, na, xb, nb, d);
          expect(Math.abs(proportionA - proportionB - d)).toBeLessThanOrEqual(1e-15);
          const best = logLikelihood(xa, na, proportionA) + logLikelihood(xb, nb, proportionB);
          for (const step of [1e-6, -1e-6, 1e-3, -1e-3]) {
            const p = proportionB + step;
            if (p <= Math.max(0, -d) || p >= Math.min(1, 1 - d)) continue;
            expect(logLikelihood(xa, na, p + d) + logLikelihood(xb, nb, p)).toBeLessThanOrEqual(best + 1e-9 * Math.abs(best));
          }
          const pooled = restrictedProportions(xa, na, xb, nb, 0);
          expect(Math.abs(pooled.proportionB - (xa + xb) / (na + nb))).toBeLessThanOrEqual(1e-15);
        }),
      );
    });

    it("law: the one-sided p-value rises with the null difference; the score z tends to the pooled z as d → 0", () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 2, max: 500 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 2, max: 500 }), fc.double({ min: -0.9, max: 0.9, noNaN: true }), fc.double({ min: 1e-4, max: 0.05, noNaN: true }), (xa, na, xb, nb, d, step) => {
          fc.pre(xa < na && xb < nb && d + step < 1);
          const counts = { successesA: xa, trialsA: na, successesB: xb, trialsB: nb };
          for (const pooled of [true, false]) {
            const lower = twoProportionZTest(counts, { nullDifference: d, alternative: "greater", pooled });
            const higher = twoProportionZTest(counts, { nullDifference: d + step, alternative: "greater", pooled });
            expect(higher.pValue).toBeGreaterThanOrEqual(lower.pValue * (1 - 1e-12));
          }
          const atZero = twoProportionZTest(counts).z;
          const nearZero = twoProportionZTest(counts, { nullDifference: 1e-9 }).z;
          expect(Math.abs(nearZero - atZero)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(atZero)));
        }),
      );
    });

    it("refuses a null difference outside (−1, 1)", () => {
      const counts = { successesA: 1, trialsA: 2, successesB: 0, trialsB: 1 };
      for (const nullDifference of [1, -1, 2, Number.NaN, "0.1" as never]) {
        expect(() => twoProportionZTest(counts, { nullDifference })).toThrow(new RangeError("twoProportionZTest requires nullDifference to be a number strictly between -1 and 1"));
      }
    });
  });
});
