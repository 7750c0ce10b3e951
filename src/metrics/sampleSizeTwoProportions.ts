import { assertOptions, assertProbability, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { assertDirection, planningDesign, requiredUnits, targetRate } from "./_lib/sampleSize.js";
import type { Alternative, PlannedSampleSize } from "./types.js";
import type { EffectInput, SampleSizeMethod } from "./_lib/sampleSize.js";

/** Input of {@link sampleSizeTwoProportions}. @category Experiments */
export interface SampleSizeInput {
  /** Baseline (control) conversion rate, a fraction in (0, 1). */
  readonly baseline: number;
  /** Minimum detectable effect: a fraction, absolute (0.01 = one point) or relative (0.1 = +10 %). */
  readonly mde: number;
  readonly mdeType: "absolute" | "relative";
}

/** Options of {@link sampleSizeTwoProportions}. @category Experiments */
export interface SampleSizeOptions {
  /** Significance level; default 0.05. */
  readonly alpha?: number;
  /** Target power; default 0.8. */
  readonly power?: number;
  /** Variance convention; default "pooled" (R `power.prop.test`). */
  readonly method?: SampleSizeMethod;
  /**
   * Control units per treatment unit (statsmodels' `ratio`, with the treatment as sample 1); default 1.
   * A 90/10 split that holds out 10 % as control is 1/9.
   */
  readonly ratio?: number;
  /** "two-sided" (default), or "greater" / "less" for a one-sided test of target above / below baseline. */
  readonly alternative?: Alternative;
}

/** Result of {@link sampleSizeTwoProportions}: not defined for a zero effect, which no finite sample detects. @category Experiments */
export interface SampleSizeResult extends PlannedSampleSize {
  /** Baseline and target rates used. */
  readonly baseline: number;
  readonly target: number;
  readonly method: SampleSizeMethod;
}

/**
 * Units per arm for a two-proportion z test to detect a given effect, for equal or unequal arms and
 * a two- or one-sided test.
 *
 * @remarks
 * With zα = Φ⁻¹(1 − α/2) (two-sided; Φ⁻¹(1 − α) one-sided), zβ = Φ⁻¹(power), δ = p2 − p1, shown for
 * equal arms (with `ratio` r the variances per treatment unit are those of statsmodels'
 * `_std_2prop_power`: p̄ = (p2 + r·p1)/(1 + r), σ0² = p̄q̄(1 + 1/r), σ1² = p2q2 + p1q1/r):
 * - "pooled" (default): n = (zα√(2p̄q̄) + zβ√(p1q1 + p2q2))²/δ², p̄ = (p1 + p2)/2 — R `power.prop.test`,
 *   statsmodels `samplesize_proportions_2indep_onetail`.
 * - "baseline": p̄ replaced by p1 (Evan Miller's calculator).
 * - "cohens-h": h = 2 asin√p2 − 2 asin√p1, n = 2(u/h)² where u solves Φ(u − zα) + Φ(−u − zα) = power
 *   (both rejection tails; u = zα + zβ when the far tail is ignored) — statsmodels
 *   `NormalIndPower.solve_power`, R `pwr.2p.test`. The far tail matters at a large alpha or a low
 *   power: 2% fewer units at alpha 0.2 and power 0.5.
 * The conventions differ by a few percent, so the one used is echoed. O(1).
 *
 * @param input - `baseline`, `mde`, `mdeType`.
 * @param options - `alpha` (0.05), `power` (0.8), `method` ("pooled"), `ratio` (1: control units per
 *   treatment unit), `alternative` ("two-sided").
 * @returns `{ perArm, control, exact, defined, baseline, target, method, alpha, power, ratio, alternative }`;
 *   a zero effect (δ = 0) gives `defined: false` with NaN sizes.
 * @throws RangeError `sampleSizeTwoProportions requires the target rate to lie strictly between zero and one`,
 *   `sampleSizeTwoProportions requires a relative mde of at most 1 (a fraction: 0.05 for +5 %); ...` (a percent typed as a number),
 *   `sampleSizeTwoProportions requires ratio to be a positive number (control units per treatment unit)`,
 *   `sampleSizeTwoProportions requires a target above the baseline for alternative "greater"` (or below, for "less"),
 *   `sampleSizeTwoProportions requires baseline between zero and one` (likewise alpha, power); TypeError for
 *   an unknown `mdeType` or `method`.
 * @throws TypeError `sampleSizeTwoProportions requires input to be an object`, `sampleSizeTwoProportions requires options to be an object`.
 * @example
 * sampleSizeTwoProportions({ baseline: 0.1, mde: 0.02, mdeType: "absolute" }).perArm //=> 3841
 * sampleSizeTwoProportions({ baseline: 0.1, mde: 0.2, mdeType: "relative" }, { method: "cohens-h" }).perArm //=> 3835
 * // Hold out 10 % as control (ratio 1/9): many more treated customers, and a control group of a ninth.
 * const holdout = sampleSizeTwoProportions({ baseline: 0.1, mde: 0.02, mdeType: "absolute" }, { ratio: 1 / 9 });
 * [holdout.perArm, holdout.control] //=> [19668, 2186]
 * @category Experiments
 */
export function sampleSizeTwoProportions(input: SampleSizeInput, options: SampleSizeOptions = {}): SampleSizeResult {
  assertRecord("sampleSizeTwoProportions", "input", input);
  assertOptions("sampleSizeTwoProportions", options, { alpha: true, method: true, power: true, ratio: true, alternative: true } satisfies OptionKeys<SampleSizeOptions>);
  const design = planningDesign("sampleSizeTwoProportions", options);
  const power = options.power ?? 0.8;
  assertProbability("sampleSizeTwoProportions", "power", power);
  const { p1, p2 } = targetRate("sampleSizeTwoProportions", input as EffectInput);
  const { alpha, method, ratio, alternative } = design;
  if (p1 === p2) {
    return { perArm: Number.NaN, control: Number.NaN, exact: Number.NaN, defined: false, reason: "a zero effect needs an infinite sample", baseline: p1, target: p2, method, alpha, power, ratio, alternative };
  }
  assertDirection("sampleSizeTwoProportions", p1, p2, alternative);
  const exact = requiredUnits(p1, p2, power, design);
  return { perArm: Math.ceil(exact - 1e-9), control: Math.ceil(ratio * exact - 1e-9), exact, defined: true, baseline: p1, target: p2, method, alpha, power, ratio, alternative };
}
