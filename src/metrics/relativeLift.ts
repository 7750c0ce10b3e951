import { assertOptions, assertProbability, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { normalUpperQuantile } from "./_lib/normal.js";
import { assertTwoProportionCounts } from "./_lib/twoProportion.js";
import type { TwoProportionCounts } from "./types.js";
import { choice } from "../_lib/arguments.js";

/** Result of {@link relativeLift}. @category Experiments */
export interface RelativeLiftResult {
  /** The interval's method, echoed. */
  readonly method: "delta" | "log";
  /** (p̂A − p̂B) / p̂B: the lift of A (treatment) over B (control), as a fraction. */
  readonly lift: number;
  /** Standard error of the lift (`"delta"`) or of ln(p̂A / p̂B) (`"log"`). */
  readonly standardError: number;
  readonly lower: number;
  readonly upper: number;
  readonly defined: boolean;
  readonly reason?: string;
}

/**
 * Options of {@link relativeLift}.
 * @category Experiments
 */
export interface RelativeLiftOptions {
  /** Confidence level of the interval. Default 0.95. */
  readonly confidence?: number;
  /**
   * `"delta"` (default): lift ± z·SE on the lift scale, GrowthBook's interval. `"log"`: the Katz
   * log interval of the rate ratio, exp(ln(p̂A/p̂B) ± z·SE) − 1, statsmodels'
   * `confint_proportions_2indep(compare="ratio", method="log")`: asymmetric like the ratio's
   * sampling distribution, and in agreement with the difference interval's sign more often.
   */
  readonly method?: "delta" | "log";
}

/**
 * Relative lift of arm A over the baseline arm B, (pA − pB)/pB, with a delta-method or log-ratio
 * confidence interval.
 *
 * @remarks
 * `"delta"`: Var = σ²_B·p̂A²/(p̂B⁴·nB) + σ²_A/(p̂B²·nA) with σ² = p̂(1 − p̂) (GrowthBook's statistical
 * details, https://docs.growthbook.io/statistics/details), interval lift ± z·√Var. The interval is
 * symmetric on the lift scale, so it is reliable only with many conversions in the baseline.
 * `"log"`: Var(ln RR) = 1/xA − 1/nA + 1/xB − 1/nB (Katz et al. 1978), matching statsmodels to 1e-12;
 * it needs a success in each arm. p̂B = 0 leaves the lift undefined. O(1).
 *
 * @param counts - `successesA`, `trialsA` (treatment), `successesB`, `trialsB` (baseline).
 * @param options - `confidence` (default 0.95) and `method` (default `"delta"`).
 * @returns `{ method, lift, standardError, lower, upper, defined }`; an empty arm or zero baseline rate gives
 *   `defined: false` and NaN; so does a zero variance (treatment rate 0, or both rates 1) and, with
 *   `"log"`, a treatment arm without successes, with the lift itself but NaN bounds, as the Wald
 *   difference interval.
 * @throws RangeError for invalid counts or confidence (as {@link twoProportionZTest});
 *   TypeError `relativeLift requires method to be "delta" or "log"`.
 * @throws TypeError `relativeLift requires counts to be an object`, `relativeLift requires options to be an object`.
 * @example
 * const lift = relativeLift({ successesA: 120, trialsA: 1000, successesB: 90, trialsB: 1000 });
 * lift.lift //=> 0.3333
 * lift.lower //=> -0.0118
 * lift.upper //=> 0.6785
 * const log = relativeLift({ successesA: 120, trialsA: 1000, successesB: 90, trialsB: 1000 }, { method: "log" });
 * [log.lower, log.upper] //=> [0.0292, 0.7273]
 * @category Experiments
 */
export function relativeLift(counts: TwoProportionCounts, options: RelativeLiftOptions = {}): RelativeLiftResult {
  assertRecord("relativeLift", "counts", counts);
  assertOptions("relativeLift", options, { confidence: true, method: true } satisfies OptionKeys<RelativeLiftOptions>);
  assertTwoProportionCounts("relativeLift", counts);
  const confidence = options.confidence ?? 0.95;
  assertProbability("relativeLift", "confidence", confidence);
  const method = choice("relativeLift", "method", options.method, ["delta", "log"], "delta");
  const { successesA, trialsA, successesB, trialsB } = counts;
  const nan = Number.NaN;
  if (trialsA === 0 || trialsB === 0) return { method, lift: nan, standardError: nan, lower: nan, upper: nan, defined: false, reason: "an arm has zero trials" };
  const pA = successesA / trialsA;
  const pB = successesB / trialsB;
  if (pB === 0) return { method, lift: nan, standardError: nan, lower: nan, upper: nan, defined: false, reason: "the baseline rate is zero" };
  const lift = (pA - pB) / pB;
  const z = normalUpperQuantile((1 - confidence) / 2);
  if (method === "log") {
    if (successesA === 0) return { method, lift, standardError: nan, lower: nan, upper: nan, defined: false, reason: "the treatment arm has no successes: the log ratio is not defined" };
    const variance = 1 / successesA - 1 / trialsA + 1 / successesB - 1 / trialsB;
    const standardError = Math.sqrt(variance);
    if (!(variance > 0)) return { method, lift, standardError, lower: nan, upper: nan, defined: false, reason: "zero variance: both rates are 1" };
    const logRatio = Math.log(pA / pB);
    return { method, lift, standardError, lower: Math.expm1(logRatio - z * standardError), upper: Math.expm1(logRatio + z * standardError), defined: true };
  }
  const variance = (pB * (1 - pB) * pA * pA) / (pB ** 4 * trialsB) + (pA * (1 - pA)) / (pB * pB * trialsA);
  const standardError = Math.sqrt(variance);
  // No spread in either arm (treatment rate 0, or both rates 1): a zero-width interval would claim certainty.
  if (!(variance > 0)) return { method, lift, standardError, lower: nan, upper: nan, defined: false, reason: "zero variance: the treatment rate is 0 or both rates are 1" };
  const halfWidth = z * standardError;
  return { method, lift, standardError, lower: lift - halfWidth, upper: lift + halfWidth, defined: true };
}
