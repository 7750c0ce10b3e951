import { assertOptions, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { planningDesign, powerOf, targetRate } from "./_lib/sampleSize.js";
import type { Alternative } from "./types.js";
import type { SampleSizeInput } from "./sampleSizeTwoProportions.js";
import type { SampleSizeMethod } from "./_lib/sampleSize.js";

/** Options of {@link powerTwoProportions}. @category Experiments */
export interface PowerOptions {
  /** Units in the treatment arm (in each arm when `ratio` is 1). */
  readonly perArm: number;
  /** Significance level; default 0.05. */
  readonly alpha?: number;
  /** Variance convention; default "pooled". */
  readonly method?: SampleSizeMethod;
  /** Control units per treatment unit; default 1. A 90/10 split with a 10 % control group is 1/9. */
  readonly ratio?: number;
  /** "two-sided" (default), or "greater" / "less" for a one-sided test of target above / below baseline. */
  readonly alternative?: Alternative;
}

/**
 * Power of a two-proportion z test with `perArm` treatment units and `ratio` times as many controls.
 *
 * @remarks
 * Two-sided: 1 − Φ(zα·σ0/σ1 − |δ|√n/σ1) + Φ(−zα·σ0/σ1 − |δ|√n/σ1) with zα at α/2, both rejection
 * regions counted; one-sided: 1 − Φ(zα·σ0/σ1 ∓ δ√n/σ1). σ0, σ1 are the null and alternative standard
 * deviations per treatment unit of the chosen convention (see {@link sampleSizeTwoProportions}).
 * "pooled" matches statsmodels `power_proportions_2indep(diff, baseline, perArm, ratio, alpha,
 * alternative)`, "cohens-h" `NormalIndPower().power(h, perArm, alpha, ratio, alternative)`. O(1).
 *
 * @param input - `baseline`, `mde`, `mdeType` as in {@link sampleSizeTwoProportions}; a zero mde gives power = alpha.
 * @param options - `perArm` (required, positive: treatment units), `alpha` (0.05), `method` ("pooled"),
 *   `ratio` (1), `alternative` ("two-sided").
 * @returns The power: in [alpha, 1] for a two-sided test (1 once it rounds to it); for a one-sided
 *   test below alpha when the effect runs against the alternative.
 * @throws RangeError `powerTwoProportions requires perArm to be positive` and the messages of
 *   {@link sampleSizeTwoProportions} (with this function's name).
 * @throws TypeError `powerTwoProportions requires input to be an object`, `powerTwoProportions requires options to be an object`.
 * @example
 * powerTwoProportions({ baseline: 0.1, mde: 0.02, mdeType: "absolute" }, { perArm: 3841 }) //=> 0.8
 * // A 90/10 split: 3,841 treated customers and a control group of 427 (ratio 1/9).
 * powerTwoProportions({ baseline: 0.1, mde: 0.02, mdeType: "absolute" }, { perArm: 3841, ratio: 1 / 9 }) //=> 0.214
 * @category Experiments
 */
export function powerTwoProportions(input: SampleSizeInput, options: PowerOptions): number {
  assertRecord("powerTwoProportions", "input", input);
  assertOptions("powerTwoProportions", options, { alpha: true, method: true, perArm: true, ratio: true, alternative: true } satisfies OptionKeys<PowerOptions>);
  const design = planningDesign("powerTwoProportions", options);
  const perArm = options.perArm;
  if (typeof perArm !== "number" || !Number.isFinite(perArm) || perArm <= 0) throw new RangeError("powerTwoProportions requires perArm to be positive");
  const { p1, p2 } = targetRate("powerTwoProportions", input);
  return powerOf(p1, p2, perArm, design);
}
