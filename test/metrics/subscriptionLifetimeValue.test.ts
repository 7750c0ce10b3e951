import { describe, expect, it } from "vitest";
import { subscriptionLifetimeValue } from "../../src/metrics/index.js";

describe("subscriptionLifetimeValue", () => {
  it("is ARPA × margin / churn without a horizon", () => {
    expect(subscriptionLifetimeValue({ revenuePerAccount: 50, grossMargin: 0.8, churnRate: 0.04 })).toBeCloseTo(1000, 10);
  });
  it("caps the lifetime with a horizon: Σ (1 - c)^(t-1)", () => {
    let lifetime = 0;
    for (let t = 1; t <= 24; t++) lifetime += 0.95 ** (t - 1);
    expect(subscriptionLifetimeValue({ revenuePerAccount: 10, grossMargin: 1, churnRate: 0.05 }, { horizonPeriods: 24 })).toBeCloseTo(10 * lifetime, 10);
    expect(subscriptionLifetimeValue({ revenuePerAccount: 50, grossMargin: 0.8, churnRate: 0 }, { horizonPeriods: 36 })).toBe(1440);
  });
  it("zero churn requires a horizon", () => {
    expect(() => subscriptionLifetimeValue({ revenuePerAccount: 50, grossMargin: 0.8, churnRate: 0 })).toThrow(new RangeError("subscriptionLifetimeValue requires horizonPeriods when churnRate is zero"));
  });
  it("rejects churn in percent", () => {
    expect(() => subscriptionLifetimeValue({ revenuePerAccount: 50, grossMargin: 0.8, churnRate: 4 })).toThrow(RangeError);
  });
});

describe("zero horizon", () => {
  it("is worth nothing even when every account churns (was NaN from 0 * log 0)", () => {
    expect(subscriptionLifetimeValue({ revenuePerAccount: 50, grossMargin: 0.8, churnRate: 1 }, { horizonPeriods: 0 })).toBe(0);
  });
});
