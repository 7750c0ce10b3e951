import { assertOptions, assertProbability, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { planningDesign } from "./_lib/sampleSize.js";
import { tTestEffect } from "./_lib/meanPlanning.js";
import type { Alternative } from "./types.js";

/** Input of {@link minimumDetectableEffectTwoMeans}. @category Experiments */
export interface MeanDetectableEffectInput {
  /** The control mean of the metric per unit. */
  readonly baseline: number;
  /** Standard deviation of the metric per unit, taken as the same in both arms. */
  readonly standardDeviation: number;
  /** Units in the treatment arm (in each arm when `ratio` is 1). */
  readonly perArm: number;
}

/** Options of {@link minimumDetectableEffectTwoMeans}. @category Experiments */
export interface MeanDetectableEffectOptions {
  /** Significance level; default 0.05. */
  readonly alpha?: number;
  /** Target power; default 0.8. */
  readonly power?: number;
  /** Control units per treatment unit; default 1. A 90/10 split with a 10 % control group is 1/9. */
  readonly ratio?: number;
  /** "two-sided" (default) and "greater" look for an upward effect, "less" for a downward one. */
  readonly alternative?: Alternative;
}

/** Result of {@link minimumDetectableEffectTwoMeans}. @category Experiments */
export interface MeanDetectableEffectResult {
  /** Smallest detectable change of the mean, in the metric's units: upward, or downward (negative) for "less"; NaN when not defined. */
  readonly absolute: number;
  /** The same as a fraction of the baseline; NaN for a zero baseline. */
  readonly relative: number;
  /** The detectable mean, baseline + absolute. */
  readonly target: number;
  /** Cohen's d of the detectable change: absolute / standardDeviation. */
  readonly effectSize: number;
  /** false when the power asked for is at most alpha, which no effect already has. */
  readonly defined: boolean;
  readonly reason?: string;
}

/** The option keys of {@link minimumDetectableEffectTwoMeans}. */
const optionKeys = { alpha: true, power: true, ratio: true, alternative: true } as const satisfies OptionKeys<MeanDetectableEffectOptions>;

/**
 * The smallest change of a mean (revenue per user) that a two-sample t test detects with `perArm`
 * treatment units and the given power: what a fixed audience can show.
 *
 * @remarks
 * Solves {@link powerTwoMeans} for the effect: Cohen's d by bisection to 1e-13 relative under the
 * noncentral t of Student's test (equal variances), then absolute = d · standardDeviation. As
 * statsmodels' `TTestIndPower().solve_power(effect_size=None, nobs1=perArm, alpha, power, ratio,
 * alternative)`. O(bisection steps × series terms).
 *
 * @param input - `baseline` (the control mean), `standardDeviation` (per unit), `perArm` (treatment
 *   units; perArm · (1 + ratio) ≥ 3 for a degree of freedom).
 * @param options - `alpha` (0.05), `power` (0.8), `ratio` (1), `alternative` ("two-sided").
 * @returns `{ absolute, relative, target, effectSize, defined }`; a power at most alpha gives
 *   `defined: false` with NaN effects.
 * @throws RangeError `minimumDetectableEffectTwoMeans requires baseline to be a finite number (the control mean)`,
 *   `minimumDetectableEffectTwoMeans requires standardDeviation to be a positive number (of the metric per unit)`,
 *   `minimumDetectableEffectTwoMeans requires perArm to be a number of units that leaves the test a degree of freedom (perArm · (1 + ratio) ≥ 3)`,
 *   and the messages of {@link sampleSizeTwoMeans} for `alpha`, `power`, `ratio` and `alternative`.
 * @throws TypeError `minimumDetectableEffectTwoMeans requires input to be an object`, `... requires options to be an object`,
 *   `minimumDetectableEffectTwoMeans does not take the option "<key>" (...)`.
 * @example
 * // 10,000 users per arm, revenue per user $4.20 with a standard deviation of $18:
 * const reach = minimumDetectableEffectTwoMeans({ baseline: 4.2, standardDeviation: 18, perArm: 10000 });
 * reach.absolute //=> 0.713
 * reach.relative //=> 0.170
 * @category Experiments
 */
export function minimumDetectableEffectTwoMeans(input: MeanDetectableEffectInput, options: MeanDetectableEffectOptions = {}): MeanDetectableEffectResult {
  const functionName = "minimumDetectableEffectTwoMeans";
  assertRecord(functionName, "input", input);
  assertOptions(functionName, options, optionKeys);
  const design = planningDesign(functionName, options);
  const power = options.power ?? 0.8;
  assertProbability(functionName, "power", power);
  const { baseline, standardDeviation, perArm } = input;
  if (typeof baseline !== "number" || !Number.isFinite(baseline)) throw new RangeError(`${functionName} requires baseline to be a finite number (the control mean)`);
  if (typeof standardDeviation !== "number" || !Number.isFinite(standardDeviation) || !(standardDeviation > 0)) {
    throw new RangeError(`${functionName} requires standardDeviation to be a positive number (of the metric per unit)`);
  }
  if (typeof perArm !== "number" || !Number.isFinite(perArm) || !(perArm * (1 + design.ratio) >= 3)) {
    throw new RangeError(`${functionName} requires perArm to be a number of units that leaves the test a degree of freedom (perArm · (1 + ratio) ≥ 3)`);
  }
  const effectSize = tTestEffect(perArm, power, design);
  if (effectSize === undefined) {
    return { absolute: Number.NaN, relative: Number.NaN, target: Number.NaN, effectSize: Number.NaN, defined: false, reason: "a power at most alpha needs no effect" };
  }
  const absolute = effectSize * standardDeviation;
  return { absolute, relative: baseline === 0 ? Number.NaN : absolute / baseline, target: baseline + absolute, effectSize, defined: true };
}
