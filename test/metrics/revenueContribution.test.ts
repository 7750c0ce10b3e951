import { describe, expect, it } from "vitest";
import { revenueContribution } from "../../src/metrics/index.js";

describe("revenueContribution", () => {
  it("gives revenue share, customer share, revenue per customer and the contribution index", () => {
    const result = revenueContribution([
      { segment: "vip", revenue: 6000, customers: 100 },
      { segment: "regular", revenue: 4000, customers: 900 },
    ]);
    expect(result.totalRevenue).toBe(10000);
    expect(result.totalCustomers).toBe(1000);
    expect(result.rows[0]).toMatchObject({ revenueShare: 0.6, customerShare: 0.1, revenuePerCustomer: 60 });
    expect(result.rows[0]?.contributionIndex).toBeCloseTo(6, 12);
    expect(result.rows[1]?.revenuePerCustomer).toBeCloseTo(4000 / 900, 12);
  });
  it("works without customer counts", () => {
    const result = revenueContribution([{ segment: "a", revenue: 1 }, { segment: "b", revenue: 3 }]);
    expect(result.rows.map((row) => row.revenueShare)).toEqual([0.25, 0.75]);
    expect(result.rows[0]?.customerShare).toBeNull();
  });
  it("a non-positive total makes shares undefined; an empty segment has NaN revenue per customer", () => {
    const result = revenueContribution([{ segment: "a", revenue: 0, customers: 0 }, { segment: "b", revenue: 0, customers: 3 }]);
    expect(result.defined).toBe(false);
    expect(result.rows[0]?.revenueShare).toBeNaN();
    expect(result.rows[0]?.revenuePerCustomer).toBeNaN();
  });
  it("rejects mixed customer counts and duplicate names", () => {
    expect(() => revenueContribution([{ segment: "a", revenue: 1, customers: 1 }, { segment: "b", revenue: 1 }])).toThrow(new RangeError("revenueContribution requires customers for every segment or none"));
    expect(() => revenueContribution([{ segment: "a", revenue: 1 }, { segment: "a", revenue: 1 }])).toThrow(new RangeError("revenueContribution requires unique segment names"));
  });
  it("rejects totals that overflow instead of giving shares of 0 and NaN", () => {
    expect(() => revenueContribution([{ segment: "a", revenue: 1e308 }, { segment: "b", revenue: 1e308 }])).toThrow(new RangeError("revenueContribution requires the total revenue to be finite (the values overflow)"));
    expect(() => revenueContribution([{ segment: "a", revenue: 1, customers: 1e308 }, { segment: "b", revenue: 1, customers: 1e308 }])).toThrow(new RangeError("revenueContribution requires the total customers to be finite (the values overflow)"));
  });
});
