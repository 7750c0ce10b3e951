import { assertOptions, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { assertEquivalenceBounds, combineOneSidedTests } from "./_lib/equivalence.js";
import { assertTwoProportionCounts } from "./_lib/twoProportion.js";
import { twoProportionZTest } from "./twoProportionZTest.js";
import type { TwoProportionZTestResult } from "./twoProportionZTest.js";
import type { EquivalenceBounds, EquivalenceTestResult, TwoProportionCounts } from "./types.js";

/** Options of {@link equivalenceTestTwoProportions}. @category Experiments */
export interface EquivalenceTestTwoProportionsOptions {
  /** Farrington–Manning's score test at each bound (default true), or the unpooled Wald test (false); as {@link twoProportionZTest}. */
  readonly pooled?: boolean;
}

/**
 * Equivalence test of two conversion rates by two one-sided tests (TOST): whether pA − pB lies
 * between `bounds.lower` and `bounds.upper`. An A/A check, or "the redesign converts the same as
 * before, within 0.6 points".
 *
 * @remarks
 * Runs {@link twoProportionZTest} at `nullDifference: lower` with `alternative: "greater"` and at
 * `nullDifference: upper` with `alternative: "less"`; the p-value is the larger of the two, and
 * equivalence is shown at level α when it is below α (Schuirmann 1987). Pooled (default), each is
 * Farrington–Manning's score test, with the variance at the maximum-likelihood proportions under that
 * bound; unpooled, the Wald test, as statsmodels' `tost_proportions_2indep(method="wald")`. Two traps
 * of that reference are avoided: statsmodels 0.13 reports the smaller of the two p-values (fixed in
 * 0.14, statsmodels #8213), and its score method has a wrong constrained estimate (statsmodels
 * #10269). O(1).
 *
 * @param counts - `successesA`, `trialsA`, `successesB`, `trialsB`.
 * @param bounds - `lower` < `upper`, each strictly between −1 and 1, on pA − pB.
 * @param options - `pooled` (default true).
 * @returns `{ pValue, difference, bounds, lowerTest, upperTest, defined }`; when either one-sided test
 *   is not defined (an arm with no trials, a zero variance) `defined: false` and `pValue: NaN`.
 * @throws RangeError `equivalenceTestTwoProportions requires successesA not to exceed trialsA` (and the
 *   other count messages), `equivalenceTestTwoProportions requires bounds.lower to be a finite number strictly
 *   between -1 and 1` (likewise upper), `equivalenceTestTwoProportions requires bounds.lower to be below bounds.upper`.
 * @throws TypeError `equivalenceTestTwoProportions requires counts to be an object` (likewise options),
 *   `equivalenceTestTwoProportions requires bounds to be an object { lower, upper }`,
 *   `equivalenceTestTwoProportions does not take the option "<key>" (...)`.
 * @example
 * // Is the new page's conversion within 0.6 points of the old one's?
 * const test = equivalenceTestTwoProportions({ successesA: 1212, trialsA: 20_000, successesB: 1190, trialsB: 20_000 }, { lower: -0.006, upper: 0.006 });
 * test.pValue //=> 0.0197
 * test.difference //=> 0.0011
 * @category Experiments
 */
export function equivalenceTestTwoProportions(
  counts: TwoProportionCounts,
  bounds: EquivalenceBounds,
  options: EquivalenceTestTwoProportionsOptions = {},
): EquivalenceTestResult<TwoProportionZTestResult> {
  const name = "equivalenceTestTwoProportions";
  assertRecord(name, "counts", counts);
  assertTwoProportionCounts(name, counts);
  assertEquivalenceBounds(name, bounds, 1);
  assertOptions(name, options, { pooled: true } satisfies OptionKeys<EquivalenceTestTwoProportionsOptions>);
  const pooled = options.pooled ?? true;
  const lowerTest = twoProportionZTest(counts, { nullDifference: bounds.lower, alternative: "greater", pooled });
  const upperTest = twoProportionZTest(counts, { nullDifference: bounds.upper, alternative: "less", pooled });
  return combineOneSidedTests(lowerTest.difference, bounds, lowerTest, upperTest);
}
