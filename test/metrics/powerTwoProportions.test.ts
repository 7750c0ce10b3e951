import { describe, expect, it } from "vitest";
import { powerTwoProportions } from "../../src/metrics/index.js";
import type { SampleSizeMethod } from "../../src/metrics/index.js";
import { expectClose, fixtures } from "./_fixtures.js";

describe("powerTwoProportions", () => {
  it("matches statsmodels power_proportions_2indep and NormalIndPower().power", () => {
    for (const c of fixtures.power) {
      const power = powerTwoProportions({ baseline: c.baseline, mde: c.mde, mdeType: c.mdeType }, { perArm: c.perArm, alpha: c.alpha, method: c.method as SampleSizeMethod });
      expectClose(power, c.power, c.call);
    }
  });
  it("a zero effect has power alpha", () => {
    expect(powerTwoProportions({ baseline: 0.2, mde: 0, mdeType: "absolute" }, { perArm: 1000 })).toBeCloseTo(0.05, 14);
  });
  it("requires a positive sample", () => {
    expect(() => powerTwoProportions({ baseline: 0.2, mde: 0.1, mdeType: "absolute" }, { perArm: 0 })).toThrow(new RangeError("powerTwoProportions requires perArm to be positive"));
  });
});
