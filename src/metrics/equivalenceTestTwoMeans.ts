import { assertOptions } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { assertEquivalenceBounds, combineOneSidedTests } from "./_lib/equivalence.js";
import { meanSummary } from "./_lib/meanSummary.js";
import { twoSampleTTest } from "./twoSampleTTest.js";
import type { TwoSampleTTestResult } from "./twoSampleTTest.js";
import type { EquivalenceBounds, EquivalenceTestResult, MeanSummary } from "./types.js";

/** Options of {@link equivalenceTestTwoMeans}. @category Experiments */
export interface EquivalenceTestTwoMeansOptions {
  /** `"unequal"` (default): Welch's test; `"pooled"`: Student's; as {@link twoSampleTTest}. */
  readonly variance?: "unequal" | "pooled";
}

/**
 * Equivalence test of two means by two one-sided t tests (TOST): whether meanA − meanB lies between
 * `bounds.lower` and `bounds.upper`. "Revenue per user is unchanged, within 20 cents either way."
 *
 * @remarks
 * Runs {@link twoSampleTTest} at `nullDifference: lower` with `alternative: "greater"` and at
 * `nullDifference: upper` with `alternative: "less"`; the p-value is the larger of the two, and
 * equivalence is shown at level α when it is below α (Schuirmann 1987), exactly when the two-sided
 * 1 − 2α interval of the difference lies within the bounds. As statsmodels'
 * `ttost_ind(a, b, lower, upper, usevar)`. O(n) for values (summarised once), O(1) for summaries.
 *
 * @param a - the values of arm A, or their summary (`AVG`, `STDDEV_SAMP`, `COUNT`).
 * @param b - the values of arm B, or their summary.
 * @param bounds - `lower` < `upper`, finite, on meanA − meanB.
 * @param options - `variance` ("unequal").
 * @returns `{ pValue, difference, bounds, lowerTest, upperTest, defined }`; an arm with fewer than two
 *   values, or no variance in either arm, gives `defined: false` and `pValue: NaN`.
 * @throws RangeError `equivalenceTestTwoMeans requires every value of a to be a finite number (index i)` (and
 *   the summary checks of {@link twoSampleTTest}), `equivalenceTestTwoMeans requires bounds.lower to be a finite
 *   number` (likewise upper), `equivalenceTestTwoMeans requires bounds.lower to be below bounds.upper`.
 * @throws TypeError `equivalenceTestTwoMeans requires bounds to be an object { lower, upper }`,
 *   `equivalenceTestTwoMeans requires variance to be "unequal" or "pooled"`, `equivalenceTestTwoMeans does not take the option "<key>" (...)`.
 * @example
 * const treatment = { mean: 4.31, standardDeviation: 18.2, count: 40_000 };
 * const control = { mean: 4.25, standardDeviation: 17.9, count: 40_000 };
 * const test = equivalenceTestTwoMeans(treatment, control, { lower: -0.2, upper: 0.2 });
 * // equivalence within ±$0.20 is not shown: the one-sided test against +0.20 fails
 * test.pValue //=> 0.136
 * test.lowerTest.pValue //=> 0.0208
 * @category Experiments
 */
export function equivalenceTestTwoMeans(
  a: ReadonlyArray<number> | MeanSummary,
  b: ReadonlyArray<number> | MeanSummary,
  bounds: EquivalenceBounds,
  options: EquivalenceTestTwoMeansOptions = {},
): EquivalenceTestResult<TwoSampleTTestResult> {
  const name = "equivalenceTestTwoMeans";
  assertOptions(name, options, { variance: true } satisfies OptionKeys<EquivalenceTestTwoMeansOptions>);
  const variance = options.variance ?? "unequal";
  if (variance !== "unequal" && variance !== "pooled") throw new TypeError(`${name} requires variance to be "unequal" or "pooled"`);
  const first = meanSummary(name, "a", a);
  const second = meanSummary(name, "b", b);
  assertEquivalenceBounds(name, bounds);
  const lowerTest = twoSampleTTest(first, second, { nullDifference: bounds.lower, alternative: "greater", variance });
  const upperTest = twoSampleTTest(first, second, { nullDifference: bounds.upper, alternative: "less", variance });
  return combineOneSidedTests(lowerTest.difference, bounds, lowerTest, upperTest);
}
