import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clopperPearsonInterval } from "../../src/metrics/index.js";
import { expectClose, fixtures } from "./_fixtures.js";

describe("clopperPearsonInterval", () => {
  it("matches statsmodels proportion_confint to 1e-9 relative", () => {
    for (const c of fixtures.clopperPearson) {
      const result = clopperPearsonInterval({ successes: c.successes, trials: c.trials }, { confidence: c.confidence });
      expect(result.defined).toBe(true);
      expectClose(result.lower, c.lower, `${c.call} lower`);
      expectClose(result.upper, c.upper, `${c.call} upper`);
    }
  });
  it("gives exact bounds at the edges: lower 0 when x = 0, upper 1 when x = n", () => {
    expect(clopperPearsonInterval({ successes: 0, trials: 25 }).lower).toBe(0);
    expect(clopperPearsonInterval({ successes: 25, trials: 25 }).upper).toBe(1);
  });
  it("is not defined for zero trials", () => {
    const result = clopperPearsonInterval({ successes: 0, trials: 0 });
    expect(result.defined).toBe(false);
    expect(result.lower).toBeNaN();
    expect(result.upper).toBeNaN();
    expect(result.reason).toMatch(/zero trials/);
  });
  it("rejects invalid arguments with messages naming the function", () => {
    expect(() => clopperPearsonInterval({ successes: 5, trials: 4 })).toThrow(new RangeError("clopperPearsonInterval requires successes not to exceed trials"));
    expect(() => clopperPearsonInterval({ successes: -1, trials: 4 })).toThrow(new RangeError("clopperPearsonInterval requires successes to be a non-negative finite number"));
    expect(() => clopperPearsonInterval({ successes: 1, trials: Number.NaN })).toThrow(new RangeError("clopperPearsonInterval requires trials to be a non-negative finite number"));
    expect(() => clopperPearsonInterval({ successes: 1, trials: 4 }, { confidence: 1 })).toThrow(new RangeError("clopperPearsonInterval requires confidence between zero and one"));
  });
  it("law: the interval lies in [0, 1], is ordered, and widens with the confidence level", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.5, max: 0.98, noNaN: true }), (trials, share, confidence) => {
        const successes = Math.round(share * trials);
        const narrow = clopperPearsonInterval({ successes, trials }, { confidence });
        const wide = clopperPearsonInterval({ successes, trials }, { confidence: confidence + 0.01 });
        expect(narrow.lower).toBeGreaterThanOrEqual(0);
        expect(narrow.upper).toBeLessThanOrEqual(1);
        expect(narrow.lower).toBeLessThanOrEqual(narrow.upper);
        expect(wide.lower).toBeLessThanOrEqual(narrow.lower + 1e-12);
        expect(wide.upper).toBeGreaterThanOrEqual(narrow.upper - 1e-12);
      }),
    );
  });
});
