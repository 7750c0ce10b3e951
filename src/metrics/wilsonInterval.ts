import { assertOptions, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { checkedWilson } from "./_lib/proportionIntervals.js";
import type { IntervalOptions, IntervalResult, ProportionCounts } from "./types.js";

/**
 * Wilson score confidence interval for a binomial proportion.
 *
 * @remarks
 * With p̂ = x/n and z = Φ⁻¹(1 − α/2): centre (p̂ + z²/2n)/(1 + z²/n), half-width
 * z·√(p̂(1−p̂)/n + z²/4n²)/(1 + z²/n). Matches statsmodels `proportion_confint(x, n, alpha,
 * method="wilson")` to 1e-9 relative; x = 0 gives a lower bound of exactly 0 and x = n an upper bound
 * of exactly 1. Reference: https://en.wikipedia.org/wiki/Binomial_proportion_confidence_interval. O(1).
 *
 * @param counts - `successes` (x) and `trials` (n), non-negative, x ≤ n.
 * @param options - `confidence` (default 0.95).
 * @returns `{ lower, upper, defined }`; zero trials give `defined: false` with NaN bounds.
 * @throws RangeError `wilsonInterval requires successes to be a non-negative finite number` (likewise
 *   trials), `wilsonInterval requires successes not to exceed trials`, `wilsonInterval requires confidence between zero and one`.
 * @throws TypeError `wilsonInterval requires counts to be an object`, `wilsonInterval requires options to be an object`.
 * @example
 * const interval = wilsonInterval({ successes: 30, trials: 1200 });
 * interval.lower //=> 0.017567
 * interval.upper //=> 0.035464
 * wilsonInterval({ successes: 0, trials: 0 }).defined //=> false
 * @category Experiments
 */
export function wilsonInterval(counts: ProportionCounts, options: IntervalOptions = {}): IntervalResult {
  assertRecord("wilsonInterval", "counts", counts);
  assertOptions("wilsonInterval", options, { confidence: true } satisfies OptionKeys<IntervalOptions>);
  return checkedWilson("wilsonInterval", counts.successes, counts.trials, options.confidence ?? 0.95);
}
