import { describe, expect, it } from "vitest";
import { powerTwoProportions, sampleSizeTwoProportions } from "../../src/metrics/index.js";
import type { SampleSizeMethod } from "../../src/metrics/index.js";
import { expectClose, fixtures } from "./_fixtures.js";

describe("sampleSizeTwoProportions", () => {
  it("matches statsmodels (pooled), the Cohen's h formula and the baseline-null formula", () => {
    for (const c of fixtures.sampleSize) {
      const result = sampleSizeTwoProportions({ baseline: c.baseline, mde: c.mde, mdeType: c.mdeType }, { alpha: c.alpha, power: c.power, method: c.method as SampleSizeMethod });
      expectClose(result.exact, c.exact, c.call);
      expect(result.perArm).toBe(Math.ceil(result.exact));
      if (c.solvePower !== undefined) {
        // Both count the far rejection tail (2 % of the size at alpha 0.2, power 0.5); solve_power's brentq stops at about 3e-9.
        expectClose(result.exact, c.solvePower, "NormalIndPower.solve_power", { relative: 1e-8 });
      }
    }
  });
  it("conventions differ by a few percent and are echoed", () => {
    const input = { baseline: 0.1, mde: 0.02, mdeType: "absolute" } as const;
    const pooled = sampleSizeTwoProportions(input);
    const baseline = sampleSizeTwoProportions(input, { method: "baseline" });
    expect(pooled.method).toBe("pooled");
    expect(pooled.perArm).toBe(3841);
    expect(Math.abs(baseline.exact / pooled.exact - 1)).toBeGreaterThan(0.01);
    expect(Math.abs(baseline.exact / pooled.exact - 1)).toBeLessThan(0.1);
  });
  it("Cohen's h: powerTwoProportions at the planned size gives the planned power, also where the far tail matters (review: 0.5052 for 0.5)", () => {
    for (const [alpha, power] of [[0.2, 0.5], [0.2, 0.8], [0.05, 0.8], [0.5, 0.6]] as const) {
      const input = { baseline: 0.1, mde: 0.02, mdeType: "absolute" } as const;
      const size = sampleSizeTwoProportions(input, { method: "cohens-h", alpha, power });
      expect(powerTwoProportions(input, { perArm: size.exact, method: "cohens-h", alpha })).toBeCloseTo(power, 12);
    }
  });
  it("unequal arms and one-sided tests match statsmodels (samplesize_proportions_2indep_onetail, NormalIndPower) and the baseline formula", () => {
    expect(fixtures.sampleSizeDesigns.length).toBe(18);
    for (const c of fixtures.sampleSizeDesigns) {
      const result = sampleSizeTwoProportions({ baseline: c.baseline, mde: c.mde, mdeType: "absolute" }, { alpha: c.alpha, power: c.power, method: c.method, ratio: c.ratio, alternative: c.alternative });
      expectClose(result.exact, c.exact, c.call, { relative: c.relative ?? 1e-9 });
      expect(result.perArm).toBe(Math.ceil(result.exact));
      expect(result.control).toBe(Math.ceil(c.ratio * result.exact - 1e-9));
      expect([result.ratio, result.alternative]).toEqual([c.ratio, c.alternative]);
    }
    for (const c of fixtures.powerDesigns) {
      const power = powerTwoProportions({ baseline: c.baseline, mde: c.mde, mdeType: "absolute" }, { perArm: c.perArm, alpha: c.alpha, method: c.method, ratio: c.ratio, alternative: c.alternative });
      expectClose(power, c.power, c.call);
    }
  });
  it("a one-sided plan needs an effect in its direction; ratio must be positive", () => {
    expect(() => sampleSizeTwoProportions({ baseline: 0.1, mde: -0.02, mdeType: "absolute" }, { alternative: "greater" })).toThrow(
      new RangeError('sampleSizeTwoProportions requires a target above the baseline for alternative "greater"'),
    );
    expect(() => sampleSizeTwoProportions({ baseline: 0.1, mde: 0.02, mdeType: "absolute" }, { alternative: "less" })).toThrow('requires a target below the baseline for alternative "less"');
    expect(() => sampleSizeTwoProportions({ baseline: 0.1, mde: 0.02, mdeType: "absolute" }, { ratio: 0 })).toThrow(
      new RangeError("sampleSizeTwoProportions requires ratio to be a positive number (control units per treatment unit)"),
    );
    expect(() => powerTwoProportions({ baseline: 0.1, mde: 0.02, mdeType: "absolute" }, { perArm: 10, alternative: "larger" as never })).toThrow(
      new TypeError('powerTwoProportions requires alternative to be "two-sided", "greater" or "less" (statsmodels\' "larger" is "greater" here)'),
    );
    expect(() => powerTwoProportions({ baseline: 0.1, mde: 0.02, mdeType: "absolute" }, { perArm: 10, nobs_ratio: 2 } as never)).toThrow("; pass ratio");
  });
  it("refuses a relative mde above 1, a percent typed as a number (review: mde 5 planned 47 units for +500 %)", () => {
    expect(() => sampleSizeTwoProportions({ baseline: 0.04, mde: 5, mdeType: "relative" })).toThrow(
      new RangeError("sampleSizeTwoProportions requires a relative mde of at most 1 (a fraction: 0.05 for +5 %); for a lift above 100 %, pass it as an absolute mde"),
    );
    expect(() => powerTwoProportions({ baseline: 0.04, mde: 10, mdeType: "relative" }, { perArm: 100 })).toThrow("powerTwoProportions requires a relative mde of at most 1");
    expect(sampleSizeTwoProportions({ baseline: 0.04, mde: 1, mdeType: "relative" }).defined).toBe(true);
    expect(sampleSizeTwoProportions({ baseline: 0.04, mde: 0.08, mdeType: "absolute" }).target).toBeCloseTo(0.12, 12);
  });
  it("the planned size reaches the planned power", () => {
    const input = { baseline: 0.03, mde: 0.1, mdeType: "relative" } as const;
    const size = sampleSizeTwoProportions(input, { power: 0.9 });
    expect(powerTwoProportions(input, { perArm: size.exact })).toBeGreaterThanOrEqual(0.9 - 1e-9);
    expect(powerTwoProportions(input, { perArm: size.exact })).toBeLessThan(0.9 + 1e-6);
  });
  it("a zero effect is undefined (no finite sample); a target outside (0, 1) is an error", () => {
    const zero = sampleSizeTwoProportions({ baseline: 0.1, mde: 0, mdeType: "absolute" });
    expect(zero.defined).toBe(false);
    expect(zero.perArm).toBeNaN();
    expect(zero.reason).toMatch(/infinite sample/);
    expect(() => sampleSizeTwoProportions({ baseline: 0.95, mde: 0.1, mdeType: "absolute" })).toThrow(
      new RangeError("sampleSizeTwoProportions requires the target rate to lie strictly between zero and one"),
    );
    expect(() => sampleSizeTwoProportions({ baseline: 10, mde: 0.1, mdeType: "absolute" })).toThrow(new RangeError("sampleSizeTwoProportions requires baseline between zero and one"));
    expect(() => sampleSizeTwoProportions({ baseline: 0.1, mde: 0.1, mdeType: "absolute" }, { method: "exact" as SampleSizeMethod })).toThrow(TypeError);
  });
});
