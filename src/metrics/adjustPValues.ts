import { assertArray, assertOptions } from "./_lib/assert.js";
import { isPValueAdjustment, pValueAdjusters } from "./_lib/pValueAdjusters.js";
import type { OptionKeys } from "./_lib/assert.js";

/**
 * Correction methods of {@link adjustPValues}: family-wise "bonferroni", "sidak", "holm", "holm-sidak",
 * "hochberg" and "hommel"; false discovery rate "bh" and "by". @category Experiments
 */
export type PValueAdjustment = "bonferroni" | "sidak" | "holm" | "holm-sidak" | "hochberg" | "hommel" | "bh" | "by";

/** Options of {@link adjustPValues}. @category Experiments */
export interface AdjustPValuesOptions {
  /**
   * Family-wise (confirmatory): "bonferroni", "sidak" (independent tests), "holm", "holm-sidak",
   * "hochberg" and "hommel" (at least as powerful as Holm, and valid under positive dependence). False
   * discovery rate (exploratory): "bh", or "by" under any dependence.
   */
  readonly method: PValueAdjustment;
  /** Level at which `reject` is decided; default 0.05. */
  readonly alpha?: number;
}

/** Result of {@link adjustPValues}, in the caller's order. @category Experiments */
export interface AdjustPValuesResult {
  /** Adjusted p-values; NaN where the input was NaN. */
  readonly adjusted: number[];
  /**
   * The decision at `alpha`, taken as statsmodels takes it (see the remarks): adjusted ≤ alpha, except
   * that Šidák's and Holm-Šidák's compare p with their level and can differ within 1e-12 of alpha; false
   * where the input was NaN.
   */
  readonly reject: boolean[];
  readonly method: PValueAdjustment;
  readonly alpha: number;
  /** Family size m: the number of non-NaN p-values. */
  readonly familySize: number;
  /** Indexes of NaN inputs, excluded from the family. */
  readonly excluded: number[];
}

/**
 * Multiple-comparison adjustment of p-values, returned in the caller's order.
 *
 * @remarks
 * With the m non-NaN p-values sorted ascending, p_(1) ≤ … ≤ p_(m), all capped at 1:
 * - Bonferroni m·p; Šidák 1 − (1 − p)^m (exact for independent tests);
 * - Holm p̃_(i) = max_{j≤i} (m − j + 1)·p_(j); Holm-Šidák the same with 1 − (1 − p_(j))^(m−j+1) (step-down);
 * - Hochberg p̃_(i) = min_{j≥i} (m − j + 1)·p_(j) (step-up, valid under positive dependence);
 * - Hommel's closed Simes procedure (at least as powerful as Hochberg; O(m²), about 0.3 s at m = 10,000);
 * - Benjamini-Hochberg p̃_(i) = min_{j≥i} m·p_(j)/j; Benjamini-Yekutieli = BH × Σ_{k=1..m} 1/k.
 * Matches `statsmodels.stats.multitest.multipletests(method="bonferroni" | "sidak" | "holm" | "holm-sidak" |
 * "simes-hochberg" | "hommel" | "fdr_bh" | "fdr_by")` operation for operation: adjusted values as
 * statsmodels computes them, decisions as it takes them (p ≤ α/m; Šidák's p ≤ 1 − (1 − α)^(1/m); the
 * step-down's p ≤ α/(m − i + 1); the step-ups' p ≤ α/(m − i + 1) and p ≤ (i/m)·α; Hommel's p̃ ≤ α), so
 * that values on a boundary agree too. Šidák's levels and values go through `Math.pow`, `expm1` and
 * `log1p`, whose last bit may differ from numpy's: a p-value within one rounding of 1 − (1 − α)^(1/m) may
 * be decided the other way.
 * NaN p-values are excluded from m and reported in `excluded`; an empty input gives empty arrays.
 * Reference: https://www.statsmodels.org/stable/generated/statsmodels.stats.multitest.multipletests.html.
 * O(m log m); Hommel O(m²).
 *
 * @param pValues - p-values in [0, 1] (NaN allowed).
 * @param options - `method` (required), `alpha` (default 0.05).
 * @returns `{ adjusted, reject, method, alpha, familySize, excluded }`.
 * @throws RangeError `adjustPValues requires p-values between zero and one`,
 *   `adjustPValues requires alpha between zero and one`; TypeError
 *   `adjustPValues requires method to be "bonferroni", "sidak", "holm", "holm-sidak", "hochberg", "hommel", "bh" or "by"`.
 * @throws TypeError `adjustPValues requires pValues to be an array`, `adjustPValues requires options to be an object`.
 * @example
 * const result = adjustPValues([0.01, 0.04, 0.03, 0.005], { method: "holm" });
 * result.adjusted //=> [0.03, 0.06, 0.06, 0.02]
 * result.reject //=> [true, false, false, true]
 * adjustPValues([0.01, 0.04, 0.03, 0.005], { method: "bh" }).adjusted //=> [0.02, 0.04, 0.04, 0.02]
 * // Hommel rejects the smallest of these at 0.05, where Hochberg and Holm reject none
 * adjustPValues([0.021, 0.027, 0.068], { method: "hommel" }).adjusted //=> [0.042, 0.054, 0.068]
 * @category Experiments
 */
export function adjustPValues(pValues: ReadonlyArray<number>, options: AdjustPValuesOptions): AdjustPValuesResult {
  assertArray("adjustPValues", "pValues", pValues);
  assertOptions("adjustPValues", options, { alpha: true, method: true } satisfies OptionKeys<AdjustPValuesOptions>);
  const method = options.method;
  if (!isPValueAdjustment(method)) {
    throw new TypeError('adjustPValues requires method to be "bonferroni", "sidak", "holm", "holm-sidak", "hochberg", "hommel", "bh" or "by"');
  }
  const alpha = options.alpha ?? 0.05;
  if (typeof alpha !== "number" || !(alpha > 0 && alpha < 1)) throw new RangeError("adjustPValues requires alpha between zero and one");
  const excluded: number[] = [];
  const order: number[] = [];
  for (let index = 0; index < pValues.length; index++) {
    const p = pValues[index] as number;
    if (typeof p !== "number") throw new RangeError("adjustPValues requires p-values between zero and one");
    if (Number.isNaN(p)) {
      excluded.push(index);
      continue;
    }
    if (p < 0 || p > 1) throw new RangeError("adjustPValues requires p-values between zero and one");
    order.push(index);
  }
  order.sort((a, b) => (pValues[a] as number) - (pValues[b] as number) || a - b);
  const m = order.length;
  const sorted = new Float64Array(m);
  for (let rank = 0; rank < m; rank++) sorted[rank] = pValues[order[rank] as number] as number;
  const ranked = pValueAdjusters[method](sorted, alpha);
  const adjusted = new Array<number>(pValues.length).fill(Number.NaN);
  const reject = new Array<boolean>(pValues.length).fill(false);
  for (let rank = 0; rank < m; rank++) {
    const index = order[rank] as number;
    adjusted[index] = ranked.adjusted[rank] as number;
    reject[index] = ranked.reject[rank] === 1;
  }
  return { adjusted, reject, method, alpha, familySize: m, excluded };
}
