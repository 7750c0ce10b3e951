import { assertOptions, assertProbability, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { normalUpperQuantile } from "./_lib/normal.js";
import { assertMethod, assertPlanning, scales, twoSidedShift } from "./_lib/sampleSize.js";
import type { SampleSizeMethod } from "./_lib/sampleSize.js";

/** Options of {@link minimumDetectableEffect}. @category Experiments */
export interface MinimumDetectableEffectOptions {
  readonly alpha?: number;
  readonly power?: number;
  readonly method?: SampleSizeMethod;
}

/** Result of {@link minimumDetectableEffect}. @category Experiments */
export interface MinimumDetectableEffectResult {
  /** Smallest detectable upward change p2 − p1. */
  readonly absolute: number;
  /** The same as a fraction of the baseline. */
  readonly relative: number;
  readonly target: number;
  readonly method: SampleSizeMethod;
  /** false when even p2 → 1 is not detectable with this many units. */
  readonly defined: boolean;
  readonly reason?: string;
}

/**
 * Minimum detectable (upward) effect for a two-sided two-proportion test with `perArm` units per arm:
 * the inverse of {@link sampleSizeTwoProportions}.
 *
 * @remarks
 * Solves zα·σ0(p2) + zβ·σ1(p2) = (p2 − p1)·√n for p2 ∈ (p1, 1) by bisection to machine precision
 * ("pooled", "baseline"); for "cohens-h", p2 = sin²(asin√p1 + u/√(2n)), with u the statistic's shift
 * at which both rejection tails together reach the power, as in {@link sampleSizeTwoProportions}. O(log 1/ε).
 *
 * @param input - `baseline` (fraction in (0, 1)) and `perArm` (positive).
 * @param options - `alpha` (0.05), `power` (0.8), `method` ("pooled").
 * @returns `{ absolute, relative, target, method, defined }`; `defined: false` when no p2 < 1 is detectable.
 * @throws RangeError `minimumDetectableEffect requires baseline between zero and one`,
 *   `minimumDetectableEffect requires perArm to be positive` (and alpha, power).
 * @throws TypeError `minimumDetectableEffect requires input to be an object`, `minimumDetectableEffect requires options to be an object`.
 * @example
 * minimumDetectableEffect({ baseline: 0.1, perArm: 3841 }).absolute //=> 0.02
 * @category Experiments
 */
export function minimumDetectableEffect(input: { readonly baseline: number; readonly perArm: number }, options: MinimumDetectableEffectOptions = {}): MinimumDetectableEffectResult {
  assertRecord("minimumDetectableEffect", "input", input);
  assertOptions("minimumDetectableEffect", options, { alpha: true, method: true, power: true } satisfies OptionKeys<MinimumDetectableEffectOptions>);
  const alpha = options.alpha ?? 0.05;
  const power = options.power ?? 0.8;
  const method = options.method ?? "pooled";
  assertMethod("minimumDetectableEffect", method);
  assertPlanning("minimumDetectableEffect", alpha, power);
  const { baseline, perArm } = input;
  assertProbability("minimumDetectableEffect", "baseline", baseline);
  if (typeof perArm !== "number" || !Number.isFinite(perArm) || perArm <= 0) throw new RangeError("minimumDetectableEffect requires perArm to be positive");
  const zAlpha = normalUpperQuantile(alpha / 2);
  const zPower = normalUpperQuantile(1 - power);
  let target: number;
  if (method === "cohens-h") {
    const angle = Math.asin(Math.sqrt(baseline)) + twoSidedShift(alpha, power) / Math.sqrt(2 * perArm);
    if (angle >= Math.PI / 2) return { absolute: Number.NaN, relative: Number.NaN, target: Number.NaN, method, defined: false, reason: "no target rate below 1 is detectable with this sample" };
    target = Math.sin(angle) ** 2;
  } else {
    const gap = (p2: number): number => {
      const { effect, sdNull, sdAlternative } = scales(baseline, p2, method);
      return effect * Math.sqrt(perArm) - (zAlpha * sdNull + zPower * sdAlternative);
    };
    let low = baseline;
    let high = 1;
    if (!(gap(1 - 1e-15) > 0)) return { absolute: Number.NaN, relative: Number.NaN, target: Number.NaN, method, defined: false, reason: "no target rate below 1 is detectable with this sample" };
    for (let iteration = 0; iteration < 200; iteration++) {
      const middle = (low + high) / 2;
      if (middle <= low || middle >= high) break;
      if (gap(middle) > 0) high = middle;
      else low = middle;
    }
    target = high;
  }
  return { absolute: target - baseline, relative: (target - baseline) / baseline, target, method, defined: true };
}
