import { describe, expect, it } from "vitest";
import { simpleLifetimeValue } from "../../src/metrics/index.js";

describe("simpleLifetimeValue", () => {
  it("is AOV × frequency × margin × lifetime", () => {
    expect(simpleLifetimeValue({ averageOrderValue: 80, purchasesPerPeriod: 4, grossMargin: 0.3, lifetimePeriods: 3 })).toBeCloseTo(288, 10);
  });
  it("rejects a margin given in percent (the fraction/percent units bug)", () => {
    expect(() => simpleLifetimeValue({ averageOrderValue: 80, purchasesPerPeriod: 4, grossMargin: 30, lifetimePeriods: 3 })).toThrow(
      new RangeError("simpleLifetimeValue requires grossMargin to be a fraction between zero and one"),
    );
  });
});
