import { describe, expect, it } from "vitest";
import { cohortPayback } from "../../src/metrics/index.js";

describe("cohortPayback", () => {
  it("is the first month where cumulative margin reaches CAC", () => {
    expect(cohortPayback({ acquisitionCost: 100, monthlyMargins: [40, 30, 20, 15, 10] }).months).toBe(4);
    expect(cohortPayback({ acquisitionCost: 90, monthlyMargins: [40, 30, 20] }).months).toBe(3);
    expect(cohortPayback({ acquisitionCost: 0, monthlyMargins: [] }).months).toBe(0);
  });
  it("not reached within the observed months: Infinity with a reason", () => {
    expect(cohortPayback({ acquisitionCost: 100, monthlyMargins: [10, -5, 10] })).toMatchObject({ months: Number.POSITIVE_INFINITY, defined: true, reason: "not paid back within the observed months" });
  });
  it("sums exactly (compensated): 0.1 ten times reaches 1", () => {
    expect(cohortPayback({ acquisitionCost: 1, monthlyMargins: new Array(10).fill(0.1) }).months).toBe(10);
  });
});

describe("cohortPayback on amounts in cents (review)", () => {
  it("pays back when the margins add up to the cost in cents, which binary sums miss by a hair", () => {
    expect(43.89 + 16.99 < 60.88).toBe(true);
    expect(cohortPayback({ acquisitionCost: 60.88, monthlyMargins: [43.89, 16.99] }).months).toBe(2);
    // Random cent amounts whose exact decimal sums reach the cost at a known month.
    let state = 7;
    const cents = () => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return 1 + (state % 10_000);
    };
    for (let trial = 0; trial < 2_000; trial++) {
      const margins = [cents(), cents(), cents()];
      const month = 1 + (trial % 3);
      const cost = margins.slice(0, month).reduce((total, value) => total + value, 0);
      expect(cohortPayback({ acquisitionCost: cost / 100, monthlyMargins: margins.map((value) => value / 100) }).months).toBe(month);
    }
    expect(cohortPayback({ acquisitionCost: 60.89, monthlyMargins: [43.89, 16.99] }).months).toBe(Number.POSITIVE_INFINITY);
  });
});
