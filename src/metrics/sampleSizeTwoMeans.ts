import { assertOptions, assertProbability, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { assertDirection, planningDesign } from "./_lib/sampleSize.js";
import { meanTarget, tTestUnits } from "./_lib/meanPlanning.js";
import type { MeanEffectInput } from "./_lib/meanPlanning.js";
import type { Alternative, PlannedSampleSize } from "./types.js";

/** Input of {@link sampleSizeTwoMeans} and {@link powerTwoMeans}. @category Experiments */
export interface MeanSampleSizeInput {
  /** The control mean of the metric per unit (revenue per user: `AVG(revenue)` over the control's users). */
  readonly baseline: number;
  /** Minimum detectable effect on the mean: absolute, in the metric's units (0.5 = 50 cents per user), or relative (0.05 = +5 %). */
  readonly mde: number;
  readonly mdeType: "absolute" | "relative";
  /** Standard deviation of the metric per unit, taken as the same in both arms (`STDDEV_SAMP(revenue)` over past users). */
  readonly standardDeviation: number;
}

/** Options of {@link sampleSizeTwoMeans}. @category Experiments */
export interface MeanSampleSizeOptions {
  /** Significance level; default 0.05. */
  readonly alpha?: number;
  /** Target power; default 0.8. */
  readonly power?: number;
  /**
   * Control units per treatment unit (statsmodels' `ratio`, with the treatment as sample 1); default 1.
   * A 90/10 split that holds out 10 % as control is 1/9.
   */
  readonly ratio?: number;
  /** "two-sided" (default), or "greater" / "less" for a one-sided test of the treatment mean above / below the control's. */
  readonly alternative?: Alternative;
}

/**
 * Result of {@link sampleSizeTwoMeans}: not defined for a zero effect, which no finite sample detects,
 * and for an effect the smallest sample already detects. @category Experiments
 */
export interface MeanSampleSizeResult extends PlannedSampleSize {
  /** Control and target means used. */
  readonly baseline: number;
  readonly target: number;
  readonly standardDeviation: number;
  /** Cohen's d: (target − baseline) / standardDeviation. */
  readonly effectSize: number;
}

/** The option keys of {@link sampleSizeTwoMeans}. */
const optionKeys = { alpha: true, power: true, ratio: true, alternative: true } as const satisfies OptionKeys<MeanSampleSizeOptions>;

/**
 * Units per arm for a two-sample t test on a mean (revenue per user, order value, sessions) to detect
 * a given effect, for equal or unequal arms and a two- or one-sided test: the plan for
 * {@link twoSampleTTest}.
 *
 * @remarks
 * Exact for Student's t test (equal variances), as statsmodels' `TTestIndPower().solve_power(d,
 * alpha=alpha, power=power, ratio=ratio, alternative=alternative)`: with n1 treatment units, n2 =
 * ratio·n1 controls, ν = n1 + n2 − 2 and noncentrality λ = d/√(1/n1 + 1/n2), the power is the
 * probability of the noncentral t(ν, λ) beyond the t quantiles at α/2 (both rejection regions
 * counted) or α, and n1 is solved to 1e-13 relative by bisection. The noncentral t is summed over its
 * Poisson weights (Lenth's AS 243), checked against an mpmath integral to 1e-13 up to 2e6 degrees
 * of freedom; beyond about 1e7, `@stdlib`'s incomplete beta loses digits (the power is up to 6e-9 off
 * at 1e9, the sizes 1e-11 relative). Analyse the planned test with Student's t,
 * `twoSampleTTest(a, b, { variance: "pooled" })`: with equal arms Welch's test (its default) has the
 * same power to within a unit or two, but with unequal arms it has less (a 90/10 split planned at
 * 81/9 units has power 0.80 for Student's test and about 0.73 for Welch's). The normal approximation
 * ((zα + zβ)/d)²(1 + 1/ratio) is a few units short for small samples. O(bisection steps × series
 * terms): about 2 ms for usual designs.
 *
 * @param input - `baseline` (the control mean), `mde`, `mdeType`, `standardDeviation` (per unit).
 * @param options - `alpha` (0.05), `power` (0.8), `ratio` (1: control units per treatment unit),
 *   `alternative` ("two-sided").
 * @returns `{ perArm, control, exact, defined, baseline, target, standardDeviation, effectSize, alpha,
 *   power, ratio, alternative }`; a zero effect gives `defined: false` with NaN sizes, as does an
 *   effect that the sample with one degree of freedom already detects (or a power at most alpha).
 * @throws RangeError `sampleSizeTwoMeans requires baseline to be a finite number (the control mean)`,
 *   `sampleSizeTwoMeans requires standardDeviation to be a positive number (of the metric per unit)`,
 *   `sampleSizeTwoMeans requires a relative mde of at most 1 (a fraction: 0.05 for +5 %); ...`,
 *   `sampleSizeTwoMeans requires a non-zero baseline for a relative mde`,
 *   `sampleSizeTwoMeans requires a target above the baseline for alternative "greater"` (or below, for "less"),
 *   `sampleSizeTwoMeans requires ratio to be a positive number (control units per treatment unit)`,
 *   `sampleSizeTwoMeans requires alpha between zero and one` (likewise power); TypeError for an unknown `mdeType`.
 * @throws TypeError `sampleSizeTwoMeans requires input to be an object`, `sampleSizeTwoMeans requires options to be an object`,
 *   `sampleSizeTwoMeans does not take the option "<key>" (...)`.
 * @example
 * // Revenue per user: $4.20 in control with a standard deviation of $18; detect +$0.50.
 * const plan = sampleSizeTwoMeans({ baseline: 4.2, mde: 0.5, mdeType: "absolute", standardDeviation: 18 });
 * plan.perArm //=> 20346
 * plan.effectSize //=> 0.0278
 * // +5 % (21 cents) with a 90/10 holdout: many more treated users, and a control group of a ninth as many.
 * const holdout = sampleSizeTwoMeans({ baseline: 4.2, mde: 0.05, mdeType: "relative", standardDeviation: 18 }, { ratio: 1 / 9 });
 * [holdout.perArm, holdout.control] //=> [576653, 64073]
 * @category Experiments
 */
export function sampleSizeTwoMeans(input: MeanSampleSizeInput, options: MeanSampleSizeOptions = {}): MeanSampleSizeResult {
  assertRecord("sampleSizeTwoMeans", "input", input);
  assertOptions("sampleSizeTwoMeans", options, optionKeys);
  const { alpha, ratio, alternative } = planningDesign("sampleSizeTwoMeans", options);
  const power = options.power ?? 0.8;
  assertProbability("sampleSizeTwoMeans", "power", power);
  const { baseline, target, effectSize, standardDeviation } = meanTarget("sampleSizeTwoMeans", input as MeanEffectInput);
  const echoed = { baseline, target, standardDeviation, effectSize, alpha, power, ratio, alternative };
  const undefinedSize = (reason: string): MeanSampleSizeResult => ({ perArm: Number.NaN, control: Number.NaN, exact: Number.NaN, defined: false, reason, ...echoed });
  if (effectSize === 0) return undefinedSize("a zero effect needs an infinite sample");
  assertDirection("sampleSizeTwoMeans", baseline, target, alternative);
  const exact = tTestUnits(effectSize, power, { alpha, ratio, alternative, method: "pooled" });
  if (exact === undefined) return undefinedSize("the smallest sample (one degree of freedom) already has the power: an effect of many standard deviations, or a power at most alpha");
  if (!Number.isFinite(exact)) return undefinedSize("the effect is too small for any finite sample");
  return { perArm: Math.ceil(exact - 1e-9), control: Math.ceil(ratio * exact - 1e-9), exact, defined: true, ...echoed };
}
