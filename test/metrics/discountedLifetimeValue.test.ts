import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { discountedLifetimeValue } from "../../src/metrics/index.js";

describe("discountedLifetimeValue", () => {
  it("infinite horizon: m r / (1 + d - r) (Gupta-Lehmann) or m / (1 + d - r)", () => {
    const input = { margin: 100, retentionRate: 0.8, discountRate: 0.1 };
    expect(discountedLifetimeValue(input)).toBeCloseTo(80 / 0.3, 10);
    expect(discountedLifetimeValue(input, { timing: "first-period-certain" })).toBeCloseTo(100 / 0.3, 10);
    // The documented default, written out, is the same horizon (it threw, claims review).
    expect(discountedLifetimeValue(input, { horizonPeriods: Number.POSITIVE_INFINITY })).toBe(discountedLifetimeValue(input));
  });
  it("finite horizon equals the explicit sum", () => {
    const m = 100;
    const r = 0.8;
    const d = 0.1;
    let survival = 0;
    let certain = 0;
    for (let t = 1; t <= 5; t++) {
      survival += (m * r ** t) / (1 + d) ** t;
      certain += (m * r ** (t - 1)) / (1 + d) ** t;
    }
    expect(discountedLifetimeValue({ margin: m, retentionRate: r, discountRate: d }, { horizonPeriods: 5 })).toBeCloseTo(survival, 10);
    expect(discountedLifetimeValue({ margin: m, retentionRate: r, discountRate: d }, { horizonPeriods: 5, timing: "first-period-certain" })).toBeCloseTo(certain, 10);
  });
  it("r = 1 and d = 0 needs a horizon", () => {
    expect(() => discountedLifetimeValue({ margin: 1, retentionRate: 1, discountRate: 0 })).toThrow(new RangeError("discountedLifetimeValue requires retentionRate below 1 + discountRate for an infinite horizon"));
    expect(discountedLifetimeValue({ margin: 1, retentionRate: 1, discountRate: 0 }, { horizonPeriods: 12 })).toBe(12);
  });
  it("rejects percents", () => {
    expect(() => discountedLifetimeValue({ margin: 8, retentionRate: 4.25, discountRate: 0.12 })).toThrow(new RangeError("discountedLifetimeValue requires retentionRate to be a fraction between zero and one"));
    expect(() => discountedLifetimeValue({ margin: 8, retentionRate: 0.5, discountRate: 12 })).toThrow(new RangeError("discountedLifetimeValue requires discountRate to be a fraction between zero and one"));
  });
  it("law: the finite horizon increases to the infinite value", () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.99, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), fc.integer({ min: 1, max: 200 }), (r, d, T) => {
        const input = { margin: 10, retentionRate: r, discountRate: d };
        const finite = discountedLifetimeValue(input, { horizonPeriods: T });
        const longer = discountedLifetimeValue(input, { horizonPeriods: T + 1 });
        const infinite = discountedLifetimeValue(input);
        expect(longer).toBeGreaterThanOrEqual(finite - 1e-12);
        expect(infinite).toBeGreaterThanOrEqual(longer - 1e-9);
      }),
    );
  });
});
