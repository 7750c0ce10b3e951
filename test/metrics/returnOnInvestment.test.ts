import { describe, expect, it } from "vitest";
import { returnOnInvestment } from "../../src/metrics/index.js";

describe("returnOnInvestment", () => {
  it("is (return - cost) / cost as a fraction", () => {
    expect(returnOnInvestment({ returns: 15000, cost: 10000, basis: "gross-profit" })).toMatchObject({ value: 0.5, numerator: 5000, denominator: 10000, basis: "gross-profit" });
    expect(returnOnInvestment({ returns: 4000, cost: 10000, basis: "revenue" }).value).toBe(-0.6);
  });
  it("a zero cost is undefined, not Infinity", () => {
    const result = returnOnInvestment({ returns: 200, cost: 0, basis: "revenue" });
    expect(result.defined).toBe(false);
    expect(result.value).toBeNaN();
  });
  it("a negative cost is an error unless allowed", () => {
    expect(() => returnOnInvestment({ returns: 1, cost: -5, basis: "revenue" })).toThrow(new RangeError("returnOnInvestment requires a non-negative cost"));
    expect(returnOnInvestment({ returns: 5, cost: -5, basis: "revenue" }, { allowNegativeCost: true }).value).toBe(-2);
  });
  it("requires the basis", () => {
    expect(() => returnOnInvestment({ returns: 1, cost: 1 } as never)).toThrow(TypeError);
  });
});
