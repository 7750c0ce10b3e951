import { describe, expect, it } from "vitest";
import { compoundAnnualGrowthRate } from "../../src/metrics/index.js";

describe("compoundAnnualGrowthRate", () => {
  it("is (end/start)^(1/years) - 1", () => {
    expect(compoundAnnualGrowthRate({ start: 1000, end: 1210, years: 2 }).value).toBeCloseTo(0.1, 14);
    expect(compoundAnnualGrowthRate({ start: 100, end: 50, years: 1 }).value).toBeCloseTo(-0.5, 14);
    // expm1/log keep relative accuracy for tiny rates, where pow(...) - 1 would keep only ~6 digits
    expect(compoundAnnualGrowthRate({ start: 100, end: 100.0000001, years: 10 }).value / 1e-10).toBeCloseTo(1, 6);
  });
  it("start 0 is undefined; end 0 is -1", () => {
    expect(compoundAnnualGrowthRate({ start: 0, end: 5, years: 1 }).defined).toBe(false);
    expect(compoundAnnualGrowthRate({ start: 5, end: 0, years: 1 }).value).toBe(-1);
  });
  it("requires positive years", () => {
    expect(() => compoundAnnualGrowthRate({ start: 1, end: 2, years: 0 })).toThrow(new RangeError("compoundAnnualGrowthRate requires years to be positive"));
  });
});

describe("compoundAnnualGrowthRate of values far apart (review)", () => {
  it("takes the log of the ratio as a difference of logs where the ratio itself overflows", () => {
    // Reference: math.expm1((math.log(1e300) - math.log(1e-300)) / 1000) in Python.
    expect(compoundAnnualGrowthRate({ start: 1e-300, end: 1e300, years: 1000 }).value).toBeCloseTo(2.9810717055349727, 13);
    expect(compoundAnnualGrowthRate({ start: 1e300, end: 1e-300, years: 1000 }).value).toBeCloseTo(-0.748811356849042, 13);
  });
});
