import { describe, expect, it } from "vitest";
import { customerAcquisitionCost } from "../../src/metrics/index.js";

describe("customerAcquisitionCost", () => {
  it("paid uses media spend only, blended all sales and marketing spend", () => {
    const input = { mediaSpend: 30000, otherSalesAndMarketingSpend: 20000, newCustomers: 250 };
    expect(customerAcquisitionCost(input, { basis: "paid" })).toMatchObject({ value: 120, basis: "paid" });
    expect(customerAcquisitionCost(input, { basis: "blended" })).toMatchObject({ value: 200, numerator: 50000, basis: "blended" });
  });
  it("no new customers is undefined", () => {
    expect(customerAcquisitionCost({ mediaSpend: 100, newCustomers: 0 }, { basis: "paid" }).defined).toBe(false);
  });
  it("blended requires the other spend", () => {
    expect(() => customerAcquisitionCost({ mediaSpend: 100, newCustomers: 2 }, { basis: "blended" })).toThrow(new RangeError("customerAcquisitionCost requires otherSalesAndMarketingSpend for the blended basis"));
  });
  it("rejects spends whose blended total overflows instead of returning Infinity", () => {
    expect(() => customerAcquisitionCost({ mediaSpend: 1e308, otherSalesAndMarketingSpend: 1e308, newCustomers: 2 }, { basis: "blended" })).toThrow(new RangeError("customerAcquisitionCost requires the total spend to be finite (the values overflow)"));
  });
});
