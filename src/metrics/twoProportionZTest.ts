import { assertOptions, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { restrictedProportions } from "./_lib/restrictedProportions.js";
import { assertTwoProportionCounts, assertAlternative, zPValue } from "./_lib/twoProportion.js";
import type { Alternative, TwoProportionCounts } from "./types.js";

/** Options of {@link twoProportionZTest}. @category Experiments */
export interface TwoProportionZTestOptions {
  /** About pA − pB; default "two-sided". */
  readonly alternative?: Alternative;
  /**
   * The variance under the null (default true): pooled when `nullDifference` is 0, the constrained
   * maximum-likelihood (Farrington–Manning score) variance otherwise. false uses the unpooled (Wald) variance.
   */
  readonly pooled?: boolean;
  /**
   * pA − pB under the null hypothesis, strictly between −1 and 1; default 0. A non-inferiority test of
   * A against B with margin m is `{ nullDifference: -m, alternative: "greater" }`; a guardrail ("A does
   * not lower the rate by more than m") is the same test.
   */
  readonly nullDifference?: number;
}

/** Result of {@link twoProportionZTest}. @category Experiments */
export interface TwoProportionZTestResult {
  /** (p̂A − p̂B − nullDifference) / SE, or NaN when not defined. */
  readonly z: number;
  readonly pValue: number;
  /** pA − pB estimate. */
  readonly difference: number;
  readonly defined: boolean;
  readonly reason?: string;
  readonly alternative: Alternative;
  readonly pooled: boolean;
  readonly nullDifference: number;
}

/**
 * Two-proportion z test of H0: pA − pB = d (d = 0 unless `nullDifference` says otherwise): whether
 * two segments convert alike, and with a non-zero d whether one is no worse than the other by a margin.
 *
 * @remarks
 * Pooled (default) with d = 0: p̄ = (xA + xB)/(nA + nB), z = (p̂A − p̂B)/√(p̄(1 − p̄)(1/nA + 1/nB)), as
 * statsmodels `proportions_ztest([xA, xB], [nA, nB])`. Pooled with d ≠ 0: the Farrington–Manning score
 * test, z = (p̂A − p̂B − d)/√(p̃A(1 − p̃A)/nA + p̃B(1 − p̃B)/nB) with p̃ the maximum-likelihood proportions
 * under p̃A − p̃B = d. statsmodels `score_test_proportions_2indep(compare="diff", value=d)` is not this
 * test: it multiplies the variance by N/(N − 1) with N = nA + nB (Miettinen–Nurminen), and up to 0.14.6
 * its closed form for p̃ has a wrong coefficient (statsmodels #10269), so its p̃ do not maximize the
 * likelihood (30/100 against 20/300 at d = 0.1: z 3.1973 there, 3.1608 here). Unpooled:
 * SE = √(p̂A(1−p̂A)/nA + p̂B(1−p̂B)/nB), z = (p̂A − p̂B − d)/SE, as
 * `test_proportions_2indep(method="wald", value=d)`. Tail p-values use erfc directly, so they keep full relative
 * accuracy down to 1e-300. A zero standard error (p̄ ∈ {0, 1}, or both p̂ ∈ {0, 1} unpooled) is
 * methodologically undefined (statsmodels PR #7145): `defined: false`, never p = 0 or 1. Reference:
 * https://www.statsmodels.org/stable/generated/statsmodels.stats.proportion.proportions_ztest.html. O(1).
 *
 * @param counts - `successesA`, `trialsA`, `successesB`, `trialsB`.
 * @param options - `alternative` (default "two-sided", about pA − pB), `pooled` (default true),
 *   `nullDifference` (default 0).
 * @returns `{ z, pValue, difference, defined }`; an empty arm or zero variance gives `defined: false`, NaN.
 * @throws RangeError `twoProportionZTest requires successesA not to exceed trialsA` (and the other
 *   count messages), `twoProportionZTest requires nullDifference to be a number strictly between -1 and 1`; TypeError `twoProportionZTest requires alternative to be "two-sided", "greater" or "less"`.
 * @throws TypeError `twoProportionZTest requires counts to be an object`, `twoProportionZTest requires options to be an object`.
 * @example
 * const test = twoProportionZTest({ successesA: 120, trialsA: 1000, successesB: 90, trialsB: 1000 });
 * test.z //=> 2.19
 * test.pValue //=> 0.0287
 * twoProportionZTest({ successesA: 0, trialsA: 50, successesB: 0, trialsB: 50 }).defined //=> false
 * // Non-inferiority: is A's rate at most 1 point below B's? (H1: pA − pB > −0.01)
 * twoProportionZTest({ successesA: 1190, trialsA: 10_000, successesB: 1210, trialsB: 10_000 }, { nullDifference: -0.01, alternative: "greater" }).pValue //=> 0.0409
 * @category Experiments
 */
export function twoProportionZTest(counts: TwoProportionCounts, options: TwoProportionZTestOptions = {}): TwoProportionZTestResult {
  assertRecord("twoProportionZTest", "counts", counts);
  assertOptions("twoProportionZTest", options, { alternative: true, pooled: true, nullDifference: true } satisfies OptionKeys<TwoProportionZTestOptions>);
  assertTwoProportionCounts("twoProportionZTest", counts);
  const alternative = options.alternative ?? "two-sided";
  assertAlternative("twoProportionZTest", alternative);
  const pooled = options.pooled ?? true;
  const nullDifference = options.nullDifference ?? 0;
  if (typeof nullDifference !== "number" || !(nullDifference > -1 && nullDifference < 1)) {
    throw new RangeError("twoProportionZTest requires nullDifference to be a number strictly between -1 and 1");
  }
  const { successesA, trialsA, successesB, trialsB } = counts;
  if (trialsA === 0 || trialsB === 0) {
    return { z: Number.NaN, pValue: Number.NaN, difference: Number.NaN, defined: false, reason: "an arm has zero trials", alternative, pooled, nullDifference };
  }
  const pA = successesA / trialsA;
  const pB = successesB / trialsB;
  const difference = pA - pB;
  let variance: number;
  if (pooled && nullDifference === 0) {
    const p = (successesA + successesB) / (trialsA + trialsB);
    variance = p * (1 - p) * (1 / trialsA + 1 / trialsB);
  } else if (pooled) {
    const { proportionA, proportionB } = restrictedProportions(successesA, trialsA, successesB, trialsB, nullDifference);
    variance = (proportionA * (1 - proportionA)) / trialsA + (proportionB * (1 - proportionB)) / trialsB;
  } else {
    variance = (pA * (1 - pA)) / trialsA + (pB * (1 - pB)) / trialsB;
  }
  if (!(variance > 0)) {
    return { z: Number.NaN, pValue: Number.NaN, difference, defined: false, reason: "zero variance: every unit converted or none did", alternative, pooled, nullDifference };
  }
  const z = (difference - nullDifference) / Math.sqrt(variance);
  return { z, pValue: zPValue(z, alternative), difference, defined: true, alternative, pooled, nullDifference };
}
