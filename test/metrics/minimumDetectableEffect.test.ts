import { describe, expect, it } from "vitest";
import { minimumDetectableEffect, sampleSizeTwoProportions } from "../../src/metrics/index.js";
import type { SampleSizeMethod } from "../../src/metrics/index.js";
import { expectClose, fixtures } from "./_fixtures.js";

describe("minimumDetectableEffect", () => {
  it("matches scipy brentq solutions of the same equation", () => {
    for (const c of fixtures.minimumDetectableEffect) {
      const result = minimumDetectableEffect({ baseline: c.baseline, perArm: c.perArm }, { alpha: c.alpha, power: c.power, method: c.method as SampleSizeMethod });
      expect(result.defined).toBe(true);
      expectClose(result.target, c.target, `${c.method} ${c.baseline} ${c.perArm}`);
      expectClose(result.absolute, c.target - c.baseline, "absolute", { relative: 1e-8 });
    }
  });
  it("inverts sampleSizeTwoProportions", () => {
    for (const method of ["pooled", "baseline", "cohens-h"] as const) {
      const size = sampleSizeTwoProportions({ baseline: 0.04, mde: 0.25, mdeType: "relative" }, { method });
      const mde = minimumDetectableEffect({ baseline: 0.04, perArm: size.exact }, { method });
      expect(mde.relative).toBeCloseTo(0.25, 9);
    }
  });
  it("inverts sampleSizeTwoProportions for unequal arms and one-sided tests, upward and downward", () => {
    for (const method of ["pooled", "baseline", "cohens-h"] as const) {
      for (const [ratio, alternative, mde] of [[1 / 9, "two-sided", 0.15], [4, "greater", 0.3], [0.5, "less", -0.2], [1, "less", -0.5]] as const) {
        const size = sampleSizeTwoProportions({ baseline: 0.04, mde, mdeType: "relative" }, { method, ratio, alternative });
        const found = minimumDetectableEffect({ baseline: 0.04, perArm: size.exact }, { method, ratio, alternative });
        expect(found.relative, `${method} ${ratio} ${alternative}`).toBeCloseTo(mde, 9);
      }
    }
    expect(minimumDetectableEffect({ baseline: 0.001, perArm: 3 }, { alternative: "less" })).toMatchObject({ defined: false, reason: "no target rate above 0 is detectable with this sample" });
  });
  it("is not defined when no target below 1 is detectable", () => {
    expect(minimumDetectableEffect({ baseline: 0.9, perArm: 2 }).defined).toBe(false);
    expect(minimumDetectableEffect({ baseline: 0.9, perArm: 1 }, { method: "cohens-h" }).defined).toBe(false);
  });
  it("rejects invalid input", () => {
    expect(() => minimumDetectableEffect({ baseline: 0.1, perArm: -5 })).toThrow(new RangeError("minimumDetectableEffect requires perArm to be positive"));
    expect(() => minimumDetectableEffect({ baseline: 0, perArm: 5 })).toThrow(new RangeError("minimumDetectableEffect requires baseline between zero and one"));
  });
});
