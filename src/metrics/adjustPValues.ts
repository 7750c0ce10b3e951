import { assertArray, assertOptions } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";

/** Correction methods of {@link adjustPValues}. @category Experiments */
export type PValueAdjustment = "bonferroni" | "holm" | "bh" | "by";

/** Options of {@link adjustPValues}. @category Experiments */
export interface AdjustPValuesOptions {
  /** "bonferroni", "holm" (family-wise, confirmatory), "bh" (false discovery rate, exploratory) or "by" (FDR under any dependence). */
  readonly method: PValueAdjustment;
  /** Level at which `reject` is decided; default 0.05. */
  readonly alpha?: number;
}

/** Result of {@link adjustPValues}, in the caller's order. @category Experiments */
export interface AdjustPValuesResult {
  /** Adjusted p-values; NaN where the input was NaN. */
  readonly adjusted: number[];
  /** adjusted ≤ alpha; false where the input was NaN. */
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
 * With the m non-NaN p-values sorted ascending, p_(1) ≤ … ≤ p_(m):
 * Bonferroni min(1, m·p); Holm p̃_(i) = max_{j≤i} min(1, (m − j + 1)·p_(j)); Benjamini-Hochberg
 * p̃_(i) = min_{j≥i} min(1, m·p_(j)/j); Benjamini-Yekutieli = BH × Σ_{k=1..m} 1/k (capped at 1).
 * Matches `statsmodels.stats.multitest.multipletests(method="bonferroni" | "holm" | "fdr_bh" | "fdr_by")`
 * operation for operation: adjusted values as p / (rank / m), decisions as statsmodels takes them
 * (p ≤ α/m; Holm's step-down p ≤ α/(m − i + 1); BH's step-up p ≤ (i/m)·α), so that values on a
 * boundary agree too.
 * NaN p-values are excluded from m and reported in `excluded`; an empty input gives empty arrays.
 * Reference: https://www.statsmodels.org/stable/generated/statsmodels.stats.multitest.multipletests.html.
 * O(m log m).
 *
 * @param pValues - p-values in [0, 1] (NaN allowed).
 * @param options - `method` (required), `alpha` (default 0.05).
 * @returns `{ adjusted, reject, method, alpha, familySize, excluded }`.
 * @throws RangeError `adjustPValues requires p-values between zero and one`,
 *   `adjustPValues requires alpha between zero and one`; TypeError
 *   `adjustPValues requires method to be "bonferroni", "holm", "bh" or "by"`.
 * @throws TypeError `adjustPValues requires pValues to be an array`, `adjustPValues requires options to be an object`.
 * @example
 * const result = adjustPValues([0.01, 0.04, 0.03, 0.005], { method: "holm" });
 * result.adjusted //=> [0.03, 0.06, 0.06, 0.02]
 * result.reject //=> [true, false, false, true]
 * adjustPValues([0.01, 0.04, 0.03, 0.005], { method: "bh" }).adjusted //=> [0.02, 0.04, 0.04, 0.02]
 * @category Experiments
 */
export function adjustPValues(pValues: ReadonlyArray<number>, options: AdjustPValuesOptions): AdjustPValuesResult {
  assertArray("adjustPValues", "pValues", pValues);
  assertOptions("adjustPValues", options, { alpha: true, method: true } satisfies OptionKeys<AdjustPValuesOptions>);
  const method = options.method;
  if (method !== "bonferroni" && method !== "holm" && method !== "bh" && method !== "by") {
    throw new TypeError('adjustPValues requires method to be "bonferroni", "holm", "bh" or "by"');
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
  const adjusted = new Array<number>(pValues.length).fill(Number.NaN);
  const reject = new Array<boolean>(pValues.length).fill(false);
  // statsmodels' arithmetic, operation for operation, so that a p-value on a boundary (0.05 of
  // three equal p-values under BH) gives its adjusted value and its decision exactly.
  if (method === "bonferroni") {
    for (const index of order) {
      adjusted[index] = Math.min(1, (pValues[index] as number) * m);
      reject[index] = (pValues[index] as number) <= alpha / m;
    }
  } else if (method === "holm") {
    let running = 0;
    let rejecting = true;
    for (let rank = 0; rank < m; rank++) {
      const index = order[rank] as number;
      const p = pValues[index] as number;
      running = Math.max(running, p * (m - rank));
      adjusted[index] = Math.min(1, running);
      // Step-down: the first p-value above alpha / (m − rank) stops the rejections.
      if (p > alpha / (m - rank)) rejecting = false;
      reject[index] = rejecting;
    }
  } else {
    let harmonic = 1;
    if (method === "by") {
      harmonic = 0;
      for (let k = 1; k <= m; k++) harmonic += 1 / k;
    }
    // ecdffactor of statsmodels' fdrcorrection: rank / m, divided by the harmonic sum for BY.
    const factor = (rank: number) => (rank + 1) / m / harmonic;
    let running = Number.POSITIVE_INFINITY;
    let rejectUpTo = -1;
    for (let rank = m - 1; rank >= 0; rank--) {
      const index = order[rank] as number;
      const p = pValues[index] as number;
      running = Math.min(running, p / factor(rank));
      adjusted[index] = Math.min(1, running);
      // Step-up: every p-value up to the largest one below its line is rejected.
      if (rejectUpTo < 0 && p <= factor(rank) * alpha) rejectUpTo = rank;
    }
    for (let rank = 0; rank <= rejectUpTo; rank++) reject[order[rank] as number] = true;
  }
  return { adjusted, reject, method, alpha, familySize: m, excluded };
}
