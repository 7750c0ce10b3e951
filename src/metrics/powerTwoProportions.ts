import { assertOptions, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { assertMethod, assertPlanning, scales, targetRate, twoSidedPower } from "./_lib/sampleSize.js";
import type { SampleSizeInput } from "./sampleSizeTwoProportions.js";
import type { SampleSizeMethod } from "./_lib/sampleSize.js";

/** Options of {@link powerTwoProportions}. @category Experiments */
export interface PowerOptions {
  /** Units in each arm. */
  readonly perArm: number;
  /** Two-sided significance level; default 0.05. */
  readonly alpha?: number;
  /** Variance convention; default "pooled". */
  readonly method?: SampleSizeMethod;
}

/**
 * Power of a two-sided two-proportion z test with `perArm` units in each arm.
 *
 * @remarks
 * 1 − Φ(zα·σ0/σ1 − |δ|√n/σ1) + Φ(−zα·σ0/σ1 − |δ|√n/σ1), both rejection regions counted, with σ0, σ1
 * the null and alternative standard deviations of the chosen convention (see
 * {@link sampleSizeTwoProportions}). "pooled" matches statsmodels `power_proportions_2indep`, "cohens-h"
 * `NormalIndPower().power`. O(1).
 *
 * @param input - `baseline`, `mde`, `mdeType` as in {@link sampleSizeTwoProportions}; a zero mde gives power = alpha.
 * @param options - `perArm` (required, positive), `alpha` (0.05), `method` ("pooled").
 * @returns The power, a fraction in [alpha, 1] (1 once the power rounds to it).
 * @throws RangeError `powerTwoProportions requires perArm to be positive` and the messages of
 *   {@link sampleSizeTwoProportions} (with this function's name).
 * @throws TypeError `powerTwoProportions requires input to be an object`, `powerTwoProportions requires options to be an object`.
 * @example
 * powerTwoProportions({ baseline: 0.1, mde: 0.02, mdeType: "absolute" }, { perArm: 3841 }) //=> 0.8
 * @category Experiments
 */
export function powerTwoProportions(input: SampleSizeInput, options: PowerOptions): number {
  assertRecord("powerTwoProportions", "input", input);
  assertOptions("powerTwoProportions", options, { alpha: true, method: true, perArm: true } satisfies OptionKeys<PowerOptions>);
  const alpha = options.alpha ?? 0.05;
  const method = options.method ?? "pooled";
  assertMethod("powerTwoProportions", method);
  assertPlanning("powerTwoProportions", alpha);
  const perArm = options.perArm;
  if (typeof perArm !== "number" || !Number.isFinite(perArm) || perArm <= 0) throw new RangeError("powerTwoProportions requires perArm to be positive");
  const { p1, p2 } = targetRate("powerTwoProportions", input);
  const { effect, sdNull, sdAlternative } = scales(p1, p2, method);
  return twoSidedPower(effect, sdNull, sdAlternative, perArm, alpha);
}
