import { assertArray, assertOptions } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import type { Alternative } from "./types.js";

/** The smallest normal double: hypergeometric terms below it (relative to the mode) are dropped. */
const smallestNormal = 2.2250738585072014e-308;

/** The largest table accepted: about ten seconds of work (`disparateImpact` leaves the test out above it). @internal */
export const fisherMaxMembers = 1e11;

/** Result of {@link fisherExactTest}. @category Experiments */
export interface FisherExactTestResult {
  /** Conditional p-value; 1 when a row or column of the table is empty. */
  readonly pValue: number;
  /** Sample odds ratio a·d/(b·c): Infinity when b·c = 0, NaN when a row or column is empty. */
  readonly oddsRatio: number;
  readonly alternative: Alternative;
}

/**
 * Fisher's exact test for a 2 × 2 table [[a, b], [c, d]] (e.g. rows = group and reference, columns =
 * included and not included): the small-sample companion of the two-proportion z test.
 *
 * @remarks
 * Conditions on the margins: a follows a hypergeometric distribution. Probabilities are built by the
 * ratio recurrence P(k + 1)/P(k) = (r₁ − k)(c₁ − k)/((k + 1)(r₂ − c₁ + k + 1)) relative to the mode and
 * normalised once, so no factorials overflow. "two-sided" sums every table at most as likely as the
 * observed one (relative tolerance 1e-14, as scipy 1.10, widened by the recurrence's own rounding
 * error of 4.4e-16 per step from the mode), "greater" is P(A ≥ a) (odds ratio > 1), "less" P(A ≤ a) — as
 * `scipy.stats.fisher_exact`. Reference: https://docs.scipy.org/doc/scipy/reference/generated/scipy.stats.fisher_exact.html.
 * The recurrence stops where the probabilities underflow (tens of standard deviations from the mode),
 * so the cost is O(min(r₁, c₁, √(r₁·c₁))) roughly: a balanced table of 10⁶ members takes some tens of
 * milliseconds, of 10⁹ members under a second and of 10¹¹ about ten seconds. Larger tables are
 * refused (the two-proportion z test is as good there).
 *
 * @param table - non-negative integer counts [[a, b], [c, d]].
 * @param options - `alternative` (default "two-sided").
 * @returns `{ pValue, oddsRatio, alternative }`.
 * @throws RangeError `fisherExactTest requires a 2 x 2 table of non-negative integers`,
 * `fisherExactTest requires a table of at most 1e11 members (use twoProportionZTest)`; TypeError for an unknown alternative.
 * @throws TypeError `fisherExactTest requires table to be an array`, `fisherExactTest requires options to be an object`.
 * @example
 * const test = fisherExactTest([[8, 2], [1, 5]]);
 * test.pValue //=> 0.0350
 * test.oddsRatio //=> 20
 * @category Experiments
 */
export function fisherExactTest(table: readonly [readonly [number, number], readonly [number, number]], options: { readonly alternative?: Alternative } = {}): FisherExactTestResult {
  assertArray("fisherExactTest", "table", table);
  assertOptions("fisherExactTest", options, { alternative: true } satisfies OptionKeys<Parameters<typeof fisherExactTest>[1]>);
  const alternative = options.alternative ?? "two-sided";
  if (alternative !== "two-sided" && alternative !== "greater" && alternative !== "less") {
    throw new TypeError('fisherExactTest requires alternative to be "two-sided", "greater" or "less"');
  }
  const cells = [table[0]?.[0], table[0]?.[1], table[1]?.[0], table[1]?.[1]];
  if (table.length !== 2 || table[0]?.length !== 2 || table[1]?.length !== 2 || cells.some((value) => typeof value !== "number" || !Number.isInteger(value) || value < 0)) {
    throw new RangeError("fisherExactTest requires a 2 x 2 table of non-negative integers");
  }
  const [a, b, c, d] = cells as [number, number, number, number];
  // The work grows with √members; beyond 2^53 the counters stop moving and the loops would never end.
  if (a + b + c + d > fisherMaxMembers) throw new RangeError("fisherExactTest requires a table of at most 1e11 members (use twoProportionZTest)");
  const row1 = a + b;
  const row2 = c + d;
  const column1 = a + c;
  if (row1 === 0 || row2 === 0 || column1 === 0 || b + d === 0) return { pValue: 1, oddsRatio: Number.NaN, alternative };
  const oddsRatio = b > 0 && c > 0 ? (a * d) / (b * c) : Number.POSITIVE_INFINITY;
  const low = Math.max(0, column1 - row2);
  const high = Math.min(row1, column1);
  // Unnormalised probabilities relative to the mode, built outwards so nothing overflows, and only
  // until they leave the normal range (a subnormal times a ratio above one half rounds back to itself,
  // so "until 0" would never end): every term further out is smaller still. The window spans some tens of
  // standard deviations, so memory and time no longer grow with the counts (10^9 members fit).
  const mode = Math.min(high, Math.max(low, Math.floor(((column1 + 1) * (row1 + 1)) / (row1 + row2 + 2))));
  const above: number[] = [1];
  for (let k = mode, weight = 1; k < high; k++) {
    weight = (weight * (row1 - k) * (column1 - k)) / ((k + 1) * (row2 - column1 + k + 1));
    if (weight < smallestNormal) break;
    above.push(weight);
  }
  const below: number[] = [];
  for (let k = mode, weight = 1; k > low; k--) {
    weight = (weight * k * (row2 - column1 + k)) / ((row1 - k + 1) * (column1 - k + 1));
    if (weight < smallestNormal) break;
    below.push(weight);
  }
  const first = mode - below.length;
  const weights = Float64Array.from([...below.reverse(), ...above]);
  const last = first + weights.length - 1;
  let total = 0;
  for (let i = weights.length - 1; i >= 0; i--) total += weights[i] as number;
  const observed = a < first || a > last ? 0 : (weights[a - first] as number);
  let tail = 0;
  if (alternative === "less") for (let k = first; k <= Math.min(a, last); k++) tail += weights[k - first] as number;
  else if (alternative === "greater") for (let k = last; k >= Math.max(a, first); k--) tail += weights[k - first] as number;
  else {
    // scipy's tolerance for ties, 1e-14 relative, widened by the rounding the recurrence can have
    // gathered: four roundings per step away from the mode, for the observed term and this one.
    const observedSteps = Math.abs(a - mode);
    const order: number[] = [];
    for (let index = 0; index < weights.length; index++) {
      const weight = weights[index] as number;
      const steps = observedSteps + Math.abs(first + index - mode);
      if (weight <= observed * (1 + 1e-14 + 2 * Number.EPSILON * steps)) order.push(weight);
    }
    // add the smallest terms first
    order.sort((x, y) => x - y);
    for (const weight of order) tail += weight;
  }
  return { pValue: Math.min(1, tail / total), oddsRatio, alternative };
}
