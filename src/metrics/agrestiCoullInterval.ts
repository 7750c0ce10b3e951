import { assertCounts, assertOptions, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { NO_TRIALS, criticalValue, undefinedInterval } from "./_lib/proportionIntervals.js";
import type { IntervalOptions, IntervalResult, ProportionCounts } from "./types.js";

/**
 * Agresti-Coull ("add z²/2 successes and failures") confidence interval for a binomial proportion,
 * clipped to [0, 1].
 *
 * @remarks
 * ñ = n + z², p̃ = (x + z²/2)/ñ, bounds p̃ ± z·√(p̃(1−p̃)/ñ), then clipped to [0, 1] (statsmodels 0.13
 * `proportion_confint(method="agresti_coull")` does not clip; inside [0, 1] the values agree to 1e-9).
 * Reference: Agresti & Coull (1998), https://doi.org/10.1080/00031305.1998.10480550. O(1).
 *
 * @param counts - `successes` (x) and `trials` (n), non-negative, x ≤ n.
 * @param options - `confidence` (default 0.95).
 * @returns `{ lower, upper, defined }`; zero trials give `defined: false` with NaN bounds.
 * @throws RangeError `agrestiCoullInterval requires successes not to exceed trials` and the other
 *   count and confidence messages of {@link wilsonInterval}.
 * @throws TypeError `agrestiCoullInterval requires counts to be an object`, `agrestiCoullInterval requires options to be an object`.
 * @example
 * agrestiCoullInterval({ successes: 0, trials: 10 }).lower //=> 0
 * agrestiCoullInterval({ successes: 30, trials: 1200 }).upper //=> 0.035591
 * @category Experiments
 */
export function agrestiCoullInterval(counts: ProportionCounts, options: IntervalOptions = {}): IntervalResult {
  assertRecord("agrestiCoullInterval", "counts", counts);
  assertOptions("agrestiCoullInterval", options, { confidence: true } satisfies OptionKeys<IntervalOptions>);
  const { successes, trials } = counts;
  assertCounts("agrestiCoullInterval", successes, trials);
  const z = criticalValue("agrestiCoullInterval", options.confidence ?? 0.95);
  if (trials === 0) return undefinedInterval(NO_TRIALS);
  const z2 = z * z;
  const adjustedTrials = trials + z2;
  const centre = (successes + z2 / 2) / adjustedTrials;
  const halfWidth = z * Math.sqrt((centre * (1 - centre)) / adjustedTrials);
  return { lower: Math.max(0, centre - halfWidth), upper: Math.min(1, centre + halfWidth), defined: true };
}
