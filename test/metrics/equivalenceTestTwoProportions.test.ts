import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { differenceInterval, equivalenceTestTwoProportions, twoProportionZTest } from "../../src/metrics/index.js";
import { expectClose, fixtures } from "./_fixtures.js";

describe("equivalenceTestTwoProportions", () => {
  it("is the larger one-sided p-value: Farrington–Manning (mpmath) pooled, statsmodels' Wald TOST unpooled (1e-12)", () => {
    expect(fixtures.equivalenceTestTwoProportions.length).toBe(13);
    for (const c of fixtures.equivalenceTestTwoProportions) {
      const [successesA, trialsA, successesB, trialsB] = c.counts;
      const [lower, upper] = c.bounds;
      const test = equivalenceTestTwoProportions({ successesA, trialsA, successesB, trialsB }, { lower, upper }, { pooled: c.pooled });
      const label = `${JSON.stringify(c.counts)} ${JSON.stringify(c.bounds)} ${c.call}`;
      expect(test.defined, label).toBe(true);
      expect(test.bounds).toEqual({ lower, upper });
      expectClose(test.lowerTest.pValue, c.lowerPValue, `${label} lower`, { relative: 1e-12, absolute: 0 });
      expectClose(test.upperTest.pValue, c.upperPValue, `${label} upper`, { relative: 1e-12, absolute: 0 });
      expectClose(test.pValue, c.pValue, `${label} p`, { relative: 1e-12, absolute: 0 });
    }
  });

  it("law: Wald TOST rejects at α exactly when the two-sided 1 − 2α Wald interval lies within the bounds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 2, max: 500 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 2, max: 500 }), fc.double({ min: 0.01, max: 0.3, noNaN: true }), (xa, na, xb, nb, margin) => {
        fc.pre(xa < na && xb < nb);
        const counts = { successesA: xa, trialsA: na, successesB: xb, trialsB: nb };
        const test = equivalenceTestTwoProportions(counts, { lower: -margin, upper: margin }, { pooled: false });
        const interval = differenceInterval(counts, { method: "wald", confidence: 0.9 });
        const inside = interval.lower > -margin && interval.upper < margin;
        // away from the boundary, where rounding could decide either way
        fc.pre(Math.abs(test.pValue - 0.05) > 1e-9);
        expect(test.pValue < 0.05).toBe(inside);
      }),
    );
  });

  it("its one-sided tests are twoProportionZTest's; an undefined one makes the result undefined", () => {
    const counts = { successesA: 120, trialsA: 1000, successesB: 90, trialsB: 1000 };
    const test = equivalenceTestTwoProportions(counts, { lower: -0.05, upper: 0.05 });
    expect(test.lowerTest).toEqual(twoProportionZTest(counts, { nullDifference: -0.05, alternative: "greater" }));
    expect(test.upperTest).toEqual(twoProportionZTest(counts, { nullDifference: 0.05, alternative: "less" }));
    const empty = equivalenceTestTwoProportions({ successesA: 0, trialsA: 0, successesB: 3, trialsB: 10 }, { lower: -0.1, upper: 0.1 });
    expect(empty).toMatchObject({ defined: false, reason: "an arm has zero trials" });
    expect(empty.pValue).toBeNaN();
  });

  it("refuses bad counts, bounds and options, naming itself", () => {
    const counts = { successesA: 1, trialsA: 2, successesB: 0, trialsB: 1 };
    expect(() => equivalenceTestTwoProportions({ successesA: 3, trialsA: 2, successesB: 0, trialsB: 1 }, { lower: -0.1, upper: 0.1 })).toThrow(
      new RangeError("equivalenceTestTwoProportions requires successesA not to exceed trialsA"),
    );
    expect(() => equivalenceTestTwoProportions(counts, { lower: 0.1, upper: -0.1 })).toThrow(new RangeError("equivalenceTestTwoProportions requires bounds.lower to be below bounds.upper"));
    expect(() => equivalenceTestTwoProportions(counts, { lower: -1, upper: 0.1 })).toThrow(
      new RangeError("equivalenceTestTwoProportions requires bounds.lower to be a finite number strictly between -1 and 1"),
    );
    expect(() => equivalenceTestTwoProportions(counts, { lower: -0.1, upper: Number.NaN })).toThrow(RangeError);
    expect(() => equivalenceTestTwoProportions(counts, null as never)).toThrow(new TypeError("equivalenceTestTwoProportions requires bounds to be an object { lower, upper }"));
    expect(() => equivalenceTestTwoProportions(counts, [-0.1, 0.1] as never)).toThrow(new TypeError("equivalenceTestTwoProportions requires bounds to be an object { lower, upper }"));
    expect(() => equivalenceTestTwoProportions(counts, { lower: -0.1, upper: 0.1 }, { method: "score" } as never)).toThrow('equivalenceTestTwoProportions does not take the option "method"');
  });
});
