import { assertOptions, assertProbability, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { planningDesign, requiredUnits } from "./_lib/sampleSize.js";
import type { Alternative } from "./types.js";
import type { SampleSizeMethod } from "./_lib/sampleSize.js";

/** Options of {@link minimumDetectableEffect}. @category Experiments */
export interface MinimumDetectableEffectOptions {
  readonly alpha?: number;
  readonly power?: number;
  readonly method?: SampleSizeMethod;
  /** Control units per treatment unit; default 1 (see {@link sampleSizeTwoProportions}). */
  readonly ratio?: number;
  /** "two-sided" (default) and "greater" look for an upward effect, "less" for a downward one. */
  readonly alternative?: Alternative;
}

/** Result of {@link minimumDetectableEffect}. @category Experiments */
export interface MinimumDetectableEffectResult {
  /** Smallest detectable change p2 − p1: upward, or downward (negative) for alternative "less". */
  readonly absolute: number;
  /**
   * The same as a fraction of the baseline. Above 1 (a lift of more than 100 %), which the planning
   * functions refuse as a relative `mde` (it looks like a percent): give them `absolute` instead.
   */
  readonly relative: number;
  readonly target: number;
  readonly method: SampleSizeMethod;
  /** false when even p2 → 1 (p2 → 0 for "less") is not detectable with this many units. */
  readonly defined: boolean;
  readonly reason?: string;
}

/**
 * Minimum detectable effect of a two-proportion test with `perArm` treatment units (and `ratio` times
 * as many controls): the inverse of {@link sampleSizeTwoProportions}.
 *
 * @remarks
 * The target p2 at which {@link sampleSizeTwoProportions} asks for exactly `perArm` units, found by
 * bisection to machine precision on (p1, 1), or on (0, p1) for a downward effect (alternative "less"),
 * with the same conventions, tails and allocation. O(log 1/ε).
 *
 * @param input - `baseline` (fraction in (0, 1)) and `perArm` (positive: treatment units).
 * @param options - `alpha` (0.05), `power` (0.8), `method` ("pooled"), `ratio` (1), `alternative` ("two-sided").
 * @returns `{ absolute, relative, target, method, defined }`; `defined: false` when no p2 in (0, 1) is detectable.
 * @throws RangeError `minimumDetectableEffect requires baseline between zero and one`,
 *   `minimumDetectableEffect requires perArm to be positive` (and alpha, power, ratio).
 * @throws TypeError `minimumDetectableEffect requires input to be an object`, `minimumDetectableEffect requires options to be an object`.
 * @example
 * minimumDetectableEffect({ baseline: 0.1, perArm: 3841 }).absolute //=> 0.02
 * minimumDetectableEffect({ baseline: 0.1, perArm: 3841 }, { alternative: "less" }).absolute //=> -0.0164
 * @category Experiments
 */
export function minimumDetectableEffect(input: { readonly baseline: number; readonly perArm: number }, options: MinimumDetectableEffectOptions = {}): MinimumDetectableEffectResult {
  assertRecord("minimumDetectableEffect", "input", input);
  assertOptions("minimumDetectableEffect", options, { alpha: true, method: true, power: true, ratio: true, alternative: true } satisfies OptionKeys<MinimumDetectableEffectOptions>);
  const design = planningDesign("minimumDetectableEffect", options);
  const power = options.power ?? 0.8;
  assertProbability("minimumDetectableEffect", "power", power);
  const { baseline, perArm } = input;
  assertProbability("minimumDetectableEffect", "baseline", baseline);
  if (typeof perArm !== "number" || !Number.isFinite(perArm) || perArm <= 0) throw new RangeError("minimumDetectableEffect requires perArm to be positive");
  const method = design.method;
  // The target at distance t from the baseline, upward or (for "less") downward; detectable once the required units are at most perArm.
  const direction = design.alternative === "less" ? -1 : 1;
  const span = direction > 0 ? 1 - baseline : baseline;
  const detectable = (t: number): boolean => requiredUnits(baseline, baseline + direction * t, power, design) <= perArm;
  if (!detectable(span * (1 - 1e-15))) {
    return { absolute: Number.NaN, relative: Number.NaN, target: Number.NaN, method, defined: false, reason: `no target rate ${direction > 0 ? "below 1" : "above 0"} is detectable with this sample` };
  }
  let low = 0;
  let high = span * (1 - 1e-15);
  for (let iteration = 0; iteration < 200; iteration++) {
    const middle = (low + high) / 2;
    if (middle <= low || middle >= high) break;
    if (detectable(middle)) high = middle;
    else low = middle;
  }
  const target = baseline + direction * high;
  return { absolute: target - baseline, relative: (target - baseline) / baseline, target, method, defined: true };
}
