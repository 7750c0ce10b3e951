import { describe, expect, it } from "vitest";
import { conversionRate, wilsonInterval } from "../../src/metrics/index.js";

describe("conversionRate", () => {
  it("returns the rate with its parts and a Wilson interval", () => {
    const rate = conversionRate({ conversions: 30, units: 1200, unit: "session" });
    expect(rate).toMatchObject({ value: 0.025, numerator: 30, denominator: 1200, defined: true, unit: "session" });
    expect(rate.interval).toEqual(wilsonInterval({ successes: 30, trials: 1200 }));
    expect(conversionRate({ conversions: 30, units: 1200, unit: "user" }, { confidence: 0.99 }).interval).toEqual(wilsonInterval({ successes: 30, trials: 1200 }, { confidence: 0.99 }));
  });
  it("an empty segment is undefined, never 0", () => {
    const rate = conversionRate({ conversions: 0, units: 0, unit: "user" });
    expect(rate.defined).toBe(false);
    expect(rate.value).toBeNaN();
    expect(rate.interval.defined).toBe(false);
  });
  it("rejects more conversions than units and an undeclared unit", () => {
    expect(() => conversionRate({ conversions: 5, units: 4, unit: "user" })).toThrow(new RangeError("conversionRate requires conversions not to exceed units"));
    expect(() => conversionRate({ conversions: 1, units: 4, unit: "pageview" as "user" })).toThrow(TypeError);
  });
});
