import { describe, expect, it } from "vitest";
import { meanInterval } from "../../src/metrics/index.js";
import type { MeanSummary } from "../../src/metrics/index.js";
import { expectClose, fixtures } from "./_fixtures.js";

describe("meanInterval", () => {
  it("matches mean -/+ t quantile · s/√n with mpmath quantiles, from values and from SQL summaries", () => {
    // The last two: one degree of freedom at confidence 0.999999 and 1 − 1e-10 (review: 8.7e-6 off, then infinite).
    expect(fixtures.meanInterval.length).toBe(8);
    for (const c of fixtures.meanInterval) {
      const result = meanInterval(c.sample as number[] | MeanSummary, { confidence: c.confidence });
      expect(result.defined).toBe(true);
      expectClose(result.mean, c.mean, "mean", { relative: 1e-14 });
      expectClose(result.standardError, c.standardError, "standard error", { relative: 1e-12 });
      expectClose(result.lower, c.lower, `lower at ${c.confidence}`, { relative: 1e-12 });
      expectClose(result.upper, c.upper, `upper at ${c.confidence}`, { relative: 1e-12 });
    }
  });

  it("is not defined without two values or without variation", () => {
    expect(meanInterval([])).toMatchObject({ defined: false, reason: "no values" });
    expect(meanInterval([4])).toMatchObject({ defined: false, mean: 4, reason: "one value has no standard deviation" });
    expect(meanInterval([2, 2, 2])).toMatchObject({ defined: false, mean: 2, standardError: 0 });
    expect(meanInterval({ mean: null as never, standardDeviation: null as never, count: 0 }).defined).toBe(false);
  });
});
