import { describe, expect, it } from "vitest";
import { customerAcquisitionCostPayback } from "../../src/metrics/index.js";

describe("customerAcquisitionCostPayback", () => {
  it("is CAC / (ARPA × margin)", () => {
    expect(customerAcquisitionCostPayback({ acquisitionCost: 600, monthlyRevenuePerAccount: 50, grossMargin: 0.8 })).toEqual({ months: 15, defined: true });
  });
  it("a non-positive margin never pays back: Infinity with a reason, never negative", () => {
    for (const monthlyRevenuePerAccount of [50, -20]) {
      const result = customerAcquisitionCostPayback({ acquisitionCost: 600, monthlyRevenuePerAccount, grossMargin: monthlyRevenuePerAccount > 0 ? 0 : 0.5 });
      expect(result.months).toBe(Number.POSITIVE_INFINITY);
      expect(result.defined).toBe(true);
      expect(result.reason).toMatch(/never paid back/);
    }
  });
  it("rejects a margin given in percent", () => {
    expect(() => customerAcquisitionCostPayback({ acquisitionCost: 600, monthlyRevenuePerAccount: 50, grossMargin: 80 })).toThrow(
      new RangeError("customerAcquisitionCostPayback requires grossMargin to be a fraction between zero and one"),
    );
  });
});
