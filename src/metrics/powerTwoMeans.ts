import { assertOptions, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { planningDesign } from "./_lib/sampleSize.js";
import { meanTarget, tTestPower } from "./_lib/meanPlanning.js";
import type { Alternative } from "./types.js";
import type { MeanSampleSizeInput } from "./sampleSizeTwoMeans.js";

/** Options of {@link powerTwoMeans}. @category Experiments */
export interface MeanPowerOptions {
  /** Units in the treatment arm (in each arm when `ratio` is 1). */
  readonly perArm: number;
  /** Significance level; default 0.05. */
  readonly alpha?: number;
  /** Control units per treatment unit; default 1. A 90/10 split with a 10 % control group is 1/9. */
  readonly ratio?: number;
  /** "two-sided" (default), or "greater" / "less" for a one-sided test of the treatment mean above / below the control's. */
  readonly alternative?: Alternative;
}

/** The option keys of {@link powerTwoMeans}. */
const optionKeys = { perArm: true, alpha: true, ratio: true, alternative: true } as const satisfies OptionKeys<MeanPowerOptions>;

/**
 * Power of a two-sample t test on a mean with `perArm` treatment units and `ratio` times as many
 * controls.
 *
 * @remarks
 * Student's t test (equal variances), exact under the noncentral t: ν = n1 + n2 − 2, noncentrality
 * d/√(1/n1 + 1/n2) for Cohen's d = (target − baseline)/standardDeviation, rejection beyond the t
 * quantiles at α/2 (both regions counted) or α. As statsmodels' `TTestIndPower().power(d, nobs1,
 * alpha, ratio, alternative)`; see {@link sampleSizeTwoMeans}. O(noncentrality) series terms: about
 * 40 µs for the effects tests are planned for, 0.2 s at a noncentrality of 14,000.
 *
 * @param input - `baseline`, `mde`, `mdeType`, `standardDeviation` as in {@link sampleSizeTwoMeans};
 *   a zero mde gives power = alpha.
 * @param options - `perArm` (required: treatment units, with at least one degree of freedom in all:
 *   perArm · (1 + ratio) ≥ 3), `alpha` (0.05), `ratio` (1), `alternative` ("two-sided").
 * @returns The power: in [alpha, 1] for a two-sided test; for a one-sided test below alpha when the
 *   effect runs against the alternative.
 * @throws RangeError `powerTwoMeans requires perArm to be a number of units that leaves the test a
 *   degree of freedom (perArm · (1 + ratio) ≥ 3)`, and the messages of {@link sampleSizeTwoMeans}
 *   (with this function's name).
 * @throws TypeError `powerTwoMeans requires input to be an object`, `powerTwoMeans requires options to be an object`,
 *   `powerTwoMeans does not take the option "<key>" (...)`.
 * @example
 * // Half the planned 20,346 users per arm: the power falls from 0.8 to about one half.
 * powerTwoMeans({ baseline: 4.2, mde: 0.5, mdeType: "absolute", standardDeviation: 18 }, { perArm: 10000 }) //=> 0.502
 * @category Experiments
 */
export function powerTwoMeans(input: MeanSampleSizeInput, options: MeanPowerOptions): number {
  assertRecord("powerTwoMeans", "input", input);
  assertOptions("powerTwoMeans", options, optionKeys);
  const design = planningDesign("powerTwoMeans", options);
  const perArm = options.perArm;
  if (typeof perArm !== "number" || !Number.isFinite(perArm) || !(perArm * (1 + design.ratio) >= 3)) {
    throw new RangeError("powerTwoMeans requires perArm to be a number of units that leaves the test a degree of freedom (perArm · (1 + ratio) ≥ 3)");
  }
  const { effectSize } = meanTarget("powerTwoMeans", input);
  return tTestPower(effectSize, perArm, design);
}
