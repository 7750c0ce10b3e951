import { assertCounts, assertOptions, assertProbability, assertRecord, assertSafeCount } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { betaQuantile, betaUpperQuantile } from "./_lib/distributions.js";
import { NO_TRIALS, undefinedInterval } from "./_lib/proportionIntervals.js";
import type { IntervalOptions, IntervalResult, ProportionCounts } from "./types.js";

/**
 * Jeffreys interval for a binomial proportion: equal-tailed quantiles of the Beta(x + ½, n − x + ½)
 * posterior under the Jeffreys prior.
 *
 * @remarks
 * lower = B⁻¹(α/2; x + ½, n − x + ½), upper = B⁻¹(1 − α/2; x + ½, n − x + ½), with the convention of
 * Brown, Cai & DasGupta (2001) that x = 0 gives lower exactly 0 and x = n upper exactly 1 (statsmodels
 * 0.13 returns the raw quantile there). Otherwise matches statsmodels `proportion_confint(method="jeffreys")`
 * to 1e-9 relative. Reference: https://doi.org/10.1214/ss/1009213286. O(1).
 *
 * @param counts - `successes` (x) and `trials` (n), non-negative, x ≤ n.
 * @param options - `confidence` (default 0.95).
 * @returns `{ lower, upper, defined }`; zero trials give `defined: false` with NaN bounds.
 * @throws RangeError `jeffreysInterval requires successes not to exceed trials` and the other count
 *   and confidence messages of {@link wilsonInterval}.
 * @throws TypeError `jeffreysInterval requires counts to be an object`, `jeffreysInterval requires options to be an object`;
 *   RangeError `jeffreysInterval requires trials not to exceed Number.MAX_SAFE_INTEGER`.
 * @example
 * const interval = jeffreysInterval({ successes: 3, trials: 20 });
 * interval.lower //=> 0.044131
 * interval.upper //=> 0.348578
 * jeffreysInterval({ successes: 0, trials: 20 }).lower //=> 0
 * @category Experiments
 */
export function jeffreysInterval(counts: ProportionCounts, options: IntervalOptions = {}): IntervalResult {
  assertRecord("jeffreysInterval", "counts", counts);
  assertOptions("jeffreysInterval", options, { confidence: true } satisfies OptionKeys<IntervalOptions>);
  const { successes, trials } = counts;
  assertCounts("jeffreysInterval", successes, trials);
  assertSafeCount("jeffreysInterval", "trials", trials);
  const confidence = options.confidence ?? 0.95;
  assertProbability("jeffreysInterval", "confidence", confidence);
  if (trials === 0) return undefinedInterval(NO_TRIALS);
  const tail = (1 - confidence) / 2;
  const a = successes + 0.5;
  const b = trials - successes + 0.5;
  const lower = successes === 0 ? 0 : betaQuantile(tail, a, b);
  const upper = successes === trials ? 1 : betaUpperQuantile(tail, a, b);
  return { lower, upper, defined: true };
}
