import { assertOptions, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { assertTwoProportionCounts, assertAlternative, zPValue } from "./_lib/twoProportion.js";
import type { Alternative, TwoProportionCounts } from "./types.js";

/** Options of {@link twoProportionZTest}. @category Experiments */
export interface TwoProportionZTestOptions {
  /** About pA − pB; default "two-sided". */
  readonly alternative?: Alternative;
  /** Pooled variance under the null (default true); false uses the unpooled (Wald) variance. */
  readonly pooled?: boolean;
}

/** Result of {@link twoProportionZTest}. @category Experiments */
export interface TwoProportionZTestResult {
  /** (p̂A − p̂B) / SE, or NaN when not defined. */
  readonly z: number;
  readonly pValue: number;
  /** pA − pB estimate. */
  readonly difference: number;
  readonly defined: boolean;
  readonly reason?: string;
  readonly alternative: Alternative;
  readonly pooled: boolean;
}

/**
 * Two-proportion z test of H0: pA = pB.
 *
 * @remarks
 * Pooled (default): p̄ = (xA + xB)/(nA + nB), z = (p̂A − p̂B)/√(p̄(1 − p̄)(1/nA + 1/nB)), as statsmodels
 * `proportions_ztest([xA, xB], [nA, nB])`. Unpooled: SE = √(p̂A(1−p̂A)/nA + p̂B(1−p̂B)/nB), as
 * `test_proportions_2indep(method="wald")`. Tail p-values use erfc directly, so they keep full relative
 * accuracy down to 1e-300. A zero standard error (p̄ ∈ {0, 1}, or both p̂ ∈ {0, 1} unpooled) is
 * methodologically undefined (statsmodels PR #7145): `defined: false`, never p = 0 or 1. Reference:
 * https://www.statsmodels.org/stable/generated/statsmodels.stats.proportion.proportions_ztest.html. O(1).
 *
 * @param counts - `successesA`, `trialsA`, `successesB`, `trialsB`.
 * @param options - `alternative` (default "two-sided", about pA − pB), `pooled` (default true).
 * @returns `{ z, pValue, difference, defined }`; an empty arm or zero variance gives `defined: false`, NaN.
 * @throws RangeError `twoProportionZTest requires successesA not to exceed trialsA` (and the other
 *   count messages); TypeError `twoProportionZTest requires alternative to be "two-sided", "greater" or "less"`.
 * @throws TypeError `twoProportionZTest requires counts to be an object`, `twoProportionZTest requires options to be an object`.
 * @example
 * const test = twoProportionZTest({ successesA: 120, trialsA: 1000, successesB: 90, trialsB: 1000 });
 * test.z //=> 2.19
 * test.pValue //=> 0.0287
 * twoProportionZTest({ successesA: 0, trialsA: 50, successesB: 0, trialsB: 50 }).defined //=> false
 * @category Experiments
 */
export function twoProportionZTest(counts: TwoProportionCounts, options: TwoProportionZTestOptions = {}): TwoProportionZTestResult {
  assertRecord("twoProportionZTest", "counts", counts);
  assertOptions("twoProportionZTest", options, { alternative: true, pooled: true } satisfies OptionKeys<TwoProportionZTestOptions>);
  assertTwoProportionCounts("twoProportionZTest", counts);
  const alternative = options.alternative ?? "two-sided";
  assertAlternative("twoProportionZTest", alternative);
  const pooled = options.pooled ?? true;
  const { successesA, trialsA, successesB, trialsB } = counts;
  if (trialsA === 0 || trialsB === 0) {
    return { z: Number.NaN, pValue: Number.NaN, difference: Number.NaN, defined: false, reason: "an arm has zero trials", alternative, pooled };
  }
  const pA = successesA / trialsA;
  const pB = successesB / trialsB;
  const difference = pA - pB;
  let variance: number;
  if (pooled) {
    const p = (successesA + successesB) / (trialsA + trialsB);
    variance = p * (1 - p) * (1 / trialsA + 1 / trialsB);
  } else {
    variance = (pA * (1 - pA)) / trialsA + (pB * (1 - pB)) / trialsB;
  }
  if (!(variance > 0)) {
    return { z: Number.NaN, pValue: Number.NaN, difference, defined: false, reason: "zero variance: every unit converted or none did", alternative, pooled };
  }
  const z = difference / Math.sqrt(variance);
  return { z, pValue: zPValue(z, alternative), difference, defined: true, alternative, pooled };
}
