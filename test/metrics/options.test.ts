/**
 * Unknown option keys are refused (experiment-analyst review: statsmodels' `alpha`, scipy's
 * `correction` and `ratio` were ignored, so the analysis silently differed from the one asked for).
 */
import { describe, expect, it } from "vitest";
import { chiSquareIndependence, sampleSizeTwoProportions, twoProportionZTest, wilsonInterval } from "../../src/metrics/index.js";

describe("metrics options", () => {
  it("refuse a key the function does not take, naming its options and the equivalent of another tool's name", () => {
    expect(() => wilsonInterval({ successes: 30, trials: 1200 }, { alpha: 0.01 } as never)).toThrow(
      new TypeError('wilsonInterval does not take the option "alpha" (its options: confidence); pass confidence: 1 - alpha (0.99 for alpha 0.01)'),
    );
    expect(() => chiSquareIndependence([[120, 880], [90, 910]], { correction: true } as never)).toThrow(
      new TypeError("chiSquareIndependence does not take the option \"correction\" (its options: yates); pass yates: true for Yates' continuity correction"),
    );
    expect(() => sampleSizeTwoProportions({ baseline: 0.04, mde: 0.05, mdeType: "relative" }, { value: 0.01 } as never)).toThrow(
      new TypeError('sampleSizeTwoProportions does not take the option "value" (its options: alpha, method, power, ratio, alternative)'),
    );
    // statsmodels' `value` (the difference under the null) is `nullDifference` here
    expect(() => twoProportionZTest({ successesA: 1, trialsA: 10, successesB: 2, trialsB: 10 }, { value: 0.01 } as never)).toThrow(
      new TypeError('twoProportionZTest does not take the option "value" (its options: alternative, pooled, nullDifference); pass nullDifference'),
    );
    // The options it takes still work, also when given as undefined.
    expect(wilsonInterval({ successes: 30, trials: 1200 }, { confidence: 0.99 }).lower).toBeCloseTo(0.015744, 6);
    expect(chiSquareIndependence([[120, 880], [90, 910]], { yates: true }).statistic).toBeCloseTo(4.4746, 4);
    expect(wilsonInterval({ successes: 30, trials: 1200 }, { confidence: undefined } as never).defined).toBe(true);
  });

});
