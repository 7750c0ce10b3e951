import { assertProbability } from "./_lib/assert.js";
import { normalUpperQuantile } from "./_lib/normal.js";
import { assertTwoProportionCounts } from "./_lib/twoProportion.js";
import type { TwoProportionCounts } from "./types.js";

/** Result of {@link relativeLift}. @category Experiments */
export interface RelativeLiftResult {
  /** (p̂A − p̂B) / p̂B: the lift of A (treatment) over B (control), as a fraction. */
  readonly lift: number;
  /** Delta-method standard error of the lift. */
  readonly standardError: number;
  readonly lower: number;
  readonly upper: number;
  readonly defined: boolean;
  readonly reason?: string;
}

/**
 * Relative lift of arm A over the baseline arm B, (pA − pB)/pB, with a delta-method confidence interval.
 *
 * @remarks
 * Var = σ²_B·p̂A²/(p̂B⁴·nB) + σ²_A/(p̂B²·nA) with σ² = p̂(1 − p̂) (GrowthBook's statistical details,
 * https://docs.growthbook.io/statistics/details), interval lift ± z·√Var. The interval is symmetric on the
 * lift scale, so it is reliable only with many conversions in the baseline. p̂B = 0 leaves the lift
 * undefined. O(1).
 *
 * @param counts - `successesA`, `trialsA` (treatment), `successesB`, `trialsB` (baseline).
 * @param options - `confidence` (default 0.95).
 * @returns `{ lift, standardError, lower, upper, defined }`; an empty arm or zero baseline rate gives
 *   `defined: false` and NaN; so does a zero variance (treatment rate 0, or both rates 1), with the
 *   lift itself but NaN bounds, as the Wald difference interval.
 * @throws RangeError for invalid counts or confidence (as {@link twoProportionZTest}).
 * @example
 * const lift = relativeLift({ successesA: 120, trialsA: 1000, successesB: 90, trialsB: 1000 });
 * lift.lift //=> 0.3333
 * lift.lower //=> -0.0118
 * lift.upper //=> 0.6785
 * @category Experiments
 */
export function relativeLift(counts: TwoProportionCounts, options: { readonly confidence?: number } = {}): RelativeLiftResult {
  assertTwoProportionCounts("relativeLift", counts);
  const confidence = options.confidence ?? 0.95;
  assertProbability("relativeLift", "confidence", confidence);
  const { successesA, trialsA, successesB, trialsB } = counts;
  const nan = Number.NaN;
  if (trialsA === 0 || trialsB === 0) return { lift: nan, standardError: nan, lower: nan, upper: nan, defined: false, reason: "an arm has zero trials" };
  const pA = successesA / trialsA;
  const pB = successesB / trialsB;
  if (pB === 0) return { lift: nan, standardError: nan, lower: nan, upper: nan, defined: false, reason: "the baseline rate is zero" };
  const lift = (pA - pB) / pB;
  const variance = (pB * (1 - pB) * pA * pA) / (pB ** 4 * trialsB) + (pA * (1 - pA)) / (pB * pB * trialsA);
  const standardError = Math.sqrt(variance);
  // No spread in either arm (treatment rate 0, or both rates 1): a zero-width interval would claim certainty.
  if (!(variance > 0)) return { lift, standardError, lower: nan, upper: nan, defined: false, reason: "zero variance: the treatment rate is 0 or both rates are 1" };
  const halfWidth = normalUpperQuantile((1 - confidence) / 2) * standardError;
  return { lift, standardError, lower: lift - halfWidth, upper: lift + halfWidth, defined: true };
}
