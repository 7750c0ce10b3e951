import { assertArray, assertFinite, assertNonNegative, assertRecord } from "./_lib/assert.js";
import type { PaybackResult } from "./customerAcquisitionCostPayback.js";

/**
 * Cohort-cumulative CAC payback: the first month in which a cohort's cumulative gross margin per
 * customer reaches the acquisition cost.
 *
 * @remarks
 * months = min{ k : Σ_{t=1..k} margin_t ≥ CAC } (1-based, whole months). Not reached within the observed
 * months: `Infinity` with a reason (the cohort may still pay back later). Compensated running sum; a
 * sum within 1e-12 relative of the cost reaches it, since amounts in cents are not exact in binary
 * (43.89 + 16.99 is 60.879999… against the double 60.88). O(months).
 * @param input - `acquisitionCost` per customer, `monthlyMargins`: gross margin per acquired customer in month 1, 2, …
 * @returns `{ months, defined, reason? }`; a CAC of 0 pays back at month 0.
 * @throws RangeError `cohortPayback requires acquisitionCost to be a non-negative finite number`,
 *   `cohortPayback requires monthlyMargins to be a finite number`.
 * @throws TypeError `cohortPayback requires input to be an object`, `cohortPayback requires monthlyMargins to be an array`.
 * @example
 * cohortPayback({ acquisitionCost: 100, monthlyMargins: [40, 30, 20, 15, 10] }).months //=> 4
 * cohortPayback({ acquisitionCost: 100, monthlyMargins: [10, 10] }).months //=> Infinity
 * cohortPayback({ acquisitionCost: 60.88, monthlyMargins: [43.89, 16.99] }).months //=> 2
 * @category Metrics
 */
export function cohortPayback(input: { readonly acquisitionCost: number; readonly monthlyMargins: ReadonlyArray<number> }): PaybackResult {
  assertRecord("cohortPayback", "input", input);
  assertArray("cohortPayback", "monthlyMargins", input.monthlyMargins);
  for (const margin of input.monthlyMargins) assertFinite("cohortPayback", "monthlyMargins", margin as number);
  assertNonNegative("cohortPayback", "acquisitionCost", input.acquisitionCost);
  if (input.acquisitionCost === 0) return { months: 0, defined: true };
  const reached = input.acquisitionCost * (1 - 1e-12);
  let sum = 0;
  let compensation = 0;
  for (let month = 0; month < input.monthlyMargins.length; month++) {
    const margin = input.monthlyMargins[month] as number;
    const total = sum + margin;
    compensation += Math.abs(sum) >= Math.abs(margin) ? sum - total + margin : margin - total + sum;
    sum = total;
    if (sum + compensation >= reached) return { months: month + 1, defined: true };
  }
  return { months: Number.POSITIVE_INFINITY, defined: true, reason: "not paid back within the observed months" };
}
