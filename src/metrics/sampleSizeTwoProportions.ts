import { assertOptions, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { normalUpperQuantile } from "./_lib/normal.js";
import { assertMethod, assertPlanning, scales, targetRate, twoSidedShift } from "./_lib/sampleSize.js";
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
  /** Two-sided significance level; default 0.05. */
  readonly alpha?: number;
  /** Target power; default 0.8. */
  readonly power?: number;
  /** Variance convention; default "pooled" (R `power.prop.test`). */
  readonly method?: SampleSizeMethod;
}

/** Result of {@link sampleSizeTwoProportions}. @category Experiments */
export interface SampleSizeResult {
  /** Units per arm, rounded up; NaN when not defined. */
  readonly perArm: number;
  /** The unrounded solution; NaN when not defined. */
  readonly exact: number;
  /** false for a zero effect, which no finite sample detects. */
  readonly defined: boolean;
  readonly reason?: string;
  /** Baseline and target rates used. */
  readonly baseline: number;
  readonly target: number;
  readonly method: SampleSizeMethod;
  readonly alpha: number;
  readonly power: number;
}

/**
 * Units per arm for a two-sided two-proportion z test to detect a given effect.
 *
 * @remarks
 * With zα = Φ⁻¹(1 − α/2), zβ = Φ⁻¹(power), δ = p2 − p1 (equal arms):
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
 * @param options - `alpha` (0.05), `power` (0.8), `method` ("pooled").
 * @returns `{ perArm, exact, defined, baseline, target, method, alpha, power }`; a zero effect (δ = 0) gives
 *   `defined: false` with NaN sizes.
 * @throws RangeError `sampleSizeTwoProportions requires the target rate to lie strictly between zero and one`,
 *   `sampleSizeTwoProportions requires a relative mde of at most 1 (a fraction: 0.05 for +5 %); ...` (a percent typed as a number),
 *   `sampleSizeTwoProportions requires baseline between zero and one` (likewise alpha, power); TypeError for
 *   an unknown `mdeType` or `method`.
 * @throws TypeError `sampleSizeTwoProportions requires input to be an object`, `sampleSizeTwoProportions requires options to be an object`.
 * @example
 * sampleSizeTwoProportions({ baseline: 0.1, mde: 0.02, mdeType: "absolute" }).perArm //=> 3841
 * sampleSizeTwoProportions({ baseline: 0.1, mde: 0.2, mdeType: "relative" }, { method: "cohens-h" }).perArm //=> 3835
 * @category Experiments
 */
export function sampleSizeTwoProportions(input: SampleSizeInput, options: SampleSizeOptions = {}): SampleSizeResult {
  assertRecord("sampleSizeTwoProportions", "input", input);
  assertOptions("sampleSizeTwoProportions", options, { alpha: true, method: true, power: true } satisfies OptionKeys<SampleSizeOptions>);
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  const method = options.method ?? "pooled";
  assertMethod("sampleSizeTwoProportions", method);
  assertPlanning("sampleSizeTwoProportions", alpha, power);
  const { p1, p2 } = targetRate("sampleSizeTwoProportions", input as EffectInput);
  if (p1 === p2) {
    return { perArm: Number.NaN, exact: Number.NaN, defined: false, reason: "a zero effect needs an infinite sample", baseline: p1, target: p2, method, alpha, power };
  }
  const { effect, sdNull, sdAlternative } = scales(p1, p2, method);
  const zAlpha = normalUpperQuantile(alpha / 2);
  const zPower = normalUpperQuantile(1 - power);
  // Cohen's h counts both rejection tails, as NormalIndPower.solve_power; the others follow the one-tail formulas they are named after.
  const exact = method === "cohens-h" ? (Math.SQRT2 * twoSidedShift(alpha, power) / effect) ** 2 : ((zAlpha * sdNull + zPower * sdAlternative) / effect) ** 2;
  return { perArm: Math.ceil(exact - 1e-9), exact, defined: true, baseline: p1, target: p2, method, alpha, power };
}
