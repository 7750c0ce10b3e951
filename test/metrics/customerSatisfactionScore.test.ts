import { describe, expect, it } from "vitest";
import { customerSatisfactionScore, wilsonInterval } from "../../src/metrics/index.js";

describe("customerSatisfactionScore", () => {
  it("is the share of answers at or above 4 on 1-5, with a Wilson interval", () => {
    const csat = customerSatisfactionScore([5, 4, 3, 5, 2, 4, 5, 1]);
    expect(csat).toMatchObject({ value: 0.625, numerator: 5, denominator: 8, threshold: 4 });
    expect(csat.interval).toEqual(wilsonInterval({ successes: 5, trials: 8 }));
  });
  it("threshold and scale are options", () => {
    expect(customerSatisfactionScore([7, 8, 9, 10], { scale: [1, 10], threshold: 9 }).value).toBe(0.5);
  });
  it("no responses is undefined", () => {
    expect(customerSatisfactionScore([]).defined).toBe(false);
  });
  it("rejects answers outside the scale", () => {
    expect(() => customerSatisfactionScore([6])).toThrow(new RangeError("customerSatisfactionScore requires integer answers within the scale"));
  });
});
