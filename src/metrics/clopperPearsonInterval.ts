import { assertCounts, assertOptions, assertProbability, assertRecord, assertSafeCount } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { betaQuantile, betaUpperQuantile } from "./_lib/distributions.js";
import { NO_TRIALS, undefinedInterval } from "./_lib/proportionIntervals.js";
import type { IntervalOptions, IntervalResult, ProportionCounts } from "./types.js";

/**
 * Clopper-Pearson ("exact") confidence interval for a binomial proportion, from Beta quantiles.
 *
 * @remarks
 * lower = B⁻¹(α/2; x, n − x + 1), upper = B⁻¹(1 − α/2; x + 1, n − x) (the upper one computed from the
 * upper tail, without forming 1 − α/2). x = 0 gives lower exactly 0 and x = n upper exactly 1. Matches
 * statsmodels `proportion_confint(method="beta")` to 1e-9 relative. Reference: Clopper & Pearson (1934),
 * https://en.wikipedia.org/wiki/Binomial_proportion_confidence_interval#Clopper%E2%80%93Pearson_interval.
 * O(1) (iterative Beta inversion).
 *
 * @param counts - `successes` (x) and `trials` (n), non-negative, x ≤ n.
 * @param options - `confidence` (default 0.95).
 * @returns `{ lower, upper, defined }`; zero trials give `defined: false` with NaN bounds.
 * @throws RangeError `clopperPearsonInterval requires successes not to exceed trials` and the other
 *   count and confidence messages of {@link wilsonInterval}.
 * @throws TypeError `clopperPearsonInterval requires counts to be an object`, `clopperPearsonInterval requires options to be an object`;
 *   RangeError `clopperPearsonInterval requires trials not to exceed Number.MAX_SAFE_INTEGER`.
 * @example
 * const interval = clopperPearsonInterval({ successes: 3, trials: 20 });
 * interval.lower //=> 0.032071
 * interval.upper //=> 0.378927
 * clopperPearsonInterval({ successes: 20, trials: 20 }).upper //=> 1
 * @category Experiments
 */
export function clopperPearsonInterval(counts: ProportionCounts, options: IntervalOptions = {}): IntervalResult {
  assertRecord("clopperPearsonInterval", "counts", counts);
  assertOptions("clopperPearsonInterval", options, { confidence: true } satisfies OptionKeys<IntervalOptions>);
  const { successes, trials } = counts;
  assertCounts("clopperPearsonInterval", successes, trials);
  assertSafeCount("clopperPearsonInterval", "trials", trials);
  const confidence = options.confidence ?? 0.95;
  assertProbability("clopperPearsonInterval", "confidence", confidence);
  if (trials === 0) return undefinedInterval(NO_TRIALS);
  const tail = (1 - confidence) / 2;
  const lower = successes === 0 ? 0 : betaQuantile(tail, successes, trials - successes + 1);
  const upper = successes === trials ? 1 : betaUpperQuantile(tail, successes + 1, trials - successes);
  return { lower, upper, defined: true };
}
