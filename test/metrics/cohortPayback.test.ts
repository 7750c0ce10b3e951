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
