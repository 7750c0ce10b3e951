import { describe, expect, it } from "vitest";
import { historicalLifetimeValue } from "../../src/metrics/index.js";

describe("historicalLifetimeValue", () => {
  it("averages value per customer, refunds allowed", () => {
    expect(historicalLifetimeValue([120, 80, 0, 200], { basis: "revenue" })).toMatchObject({ value: 100, numerator: 400, denominator: 4, basis: "revenue" });
    expect(historicalLifetimeValue([-30, 10], { basis: "gross-margin" }).value).toBe(-10);
  });
  it("uses compensated summation", () => {
    const values = [1e16, 1, -1e16, 1];
    expect(historicalLifetimeValue(values, { basis: "revenue" }).numerator).toBe(2);
  });
  it("an empty segment is undefined", () => {
    expect(historicalLifetimeValue([], { basis: "revenue" }).defined).toBe(false);
  });
  it("rejects non-finite values", () => {
    expect(() => historicalLifetimeValue([Number.NaN], { basis: "revenue" })).toThrow(new RangeError("historicalLifetimeValue requires finite values"));
  });
  it("rejects finite values whose total overflows instead of returning Infinity", () => {
    expect(() => historicalLifetimeValue([1e308, 1e308], { basis: "revenue" })).toThrow(new RangeError("historicalLifetimeValue requires the total to be finite (the values overflow)"));
    expect(historicalLifetimeValue([1e308, -1e308], { basis: "revenue" }).value).toBe(0);
  });
});
