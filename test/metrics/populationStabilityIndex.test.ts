import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { populationStabilityIndex } from "../../src/metrics/index.js";
import { expectClose, fixtures } from "./_fixtures.js";

describe("populationStabilityIndex", () => {
  it("matches the numpy reference, with smoothing of empty bins", () => {
    for (const c of fixtures.populationStabilityIndex) {
      const result = populationStabilityIndex(c.expected, c.actual, { zeroReplacement: c.zeroReplacement });
      expectClose(result.value, c.value, `${c.expected} vs ${c.actual} eps ${c.zeroReplacement}`);
      expect(result.zeroReplacement).toBe(c.zeroReplacement);
    }
  });
  it("reports the smoothed bins and defaults to 1e-4", () => {
    const result = populationStabilityIndex([50, 0, 50], [40, 10, 50]);
    expect(result.zeroReplacement).toBe(1e-4);
    expect(result.smoothedBins).toEqual([1]);
  });
  it("without smoothing an empty bin on one side gives Infinity; on both sides it contributes 0", () => {
    expect(populationStabilityIndex([10, 0], [5, 5], { zeroReplacement: 0 }).value).toBe(Number.POSITIVE_INFINITY);
    const both = populationStabilityIndex([10, 0, 5], [8, 0, 7], { zeroReplacement: 0 });
    expect(Number.isFinite(both.value)).toBe(true);
    expect(both.contributions[1]).toBe(0);
  });
  it("bands: < 0.1 stable, 0.1 to 0.25 moderate, ≥ 0.25 major", () => {
    expect(populationStabilityIndex([25, 25, 25, 25], [25, 25, 25, 25]).band).toBe("stable");
    expect(populationStabilityIndex([25, 25, 25, 25], [10, 20, 30, 40]).band).toBe("moderate");
    expect(populationStabilityIndex([25, 25, 25, 25], [1, 4, 25, 70]).band).toBe("major");
  });
  it("is not defined when a side has no observations", () => {
    expect(populationStabilityIndex([0, 0], [1, 2])).toMatchObject({ defined: false, band: null });
  });
  it("rejects invalid input", () => {
    expect(() => populationStabilityIndex([1, 2], [1])).toThrow(new RangeError("populationStabilityIndex requires bins of equal length"));
    expect(() => populationStabilityIndex([], [])).toThrow(new RangeError("populationStabilityIndex requires at least one bin"));
    expect(() => populationStabilityIndex([1, -2], [1, 2])).toThrow(new RangeError("populationStabilityIndex requires non-negative finite counts"));
    expect(() => populationStabilityIndex([1, 2], [1, 2], { zeroReplacement: 1 })).toThrow(new RangeError("populationStabilityIndex requires zeroReplacement in [0, 1)"));
  });
  it("laws: non-negative, zero for identical distributions, symmetric in its arguments", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 1000 })), { minLength: 1, maxLength: 12 }), (bins) => {
        const e = bins.map(([x]) => x);
        const a = bins.map(([, y]) => y);
        const forward = populationStabilityIndex(e, a).value;
        expect(forward).toBeGreaterThanOrEqual(0);
        expect(Math.abs(forward - populationStabilityIndex(a, e).value)).toBeLessThanOrEqual(1e-12 * Math.max(1, forward));
        expect(populationStabilityIndex(e, e).value).toBe(0);
      }),
    );
  });
});

describe("populationStabilityIndex of counts whose total overflows (review)", () => {
  it("reads them as the shares they are: identical distributions are stable", () => {
    const result = populationStabilityIndex([1e308, 1e308], [1, 1]);
    expect([result.value, result.band, result.smoothedBins]).toEqual([0, "stable", []]);
    expect(result.expectedProportions).toEqual([0.5, 0.5]);
    expect(populationStabilityIndex([1e308, 1e308, 0], [1, 1, 2]).value).toBeCloseTo(populationStabilityIndex([1, 1, 0], [1, 1, 2]).value, 12);
  });
});
