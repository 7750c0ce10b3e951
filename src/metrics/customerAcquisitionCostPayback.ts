import { assertFinite, assertFraction, assertNonNegative, assertRecord } from "./_lib/assert.js";

/** Result of the CAC payback functions. @category Metrics */
export interface PaybackResult {
  /** Months to recover CAC; Infinity when it never pays back. */
  readonly months: number;
  readonly defined: boolean;
  /** Set when `months` is Infinity. */
  readonly reason?: string;
}

/**
 * CAC payback period in months: CAC / (monthly revenue per account × gross margin).
 *
 * @remarks
 * A monthly margin ≤ 0 never pays back: `months: Infinity`, `defined: true` with a reason (never
 * negative months). Gross margin is a fraction (0.7, not 70). Reference:
 * https://www.hubspot.com/company-news/its-payback-time. O(1).
 * @param input - `acquisitionCost` (CAC), `monthlyRevenuePerAccount` (ARPA), `grossMargin` (fraction in [0, 1]).
 * @returns `{ months, defined, reason? }`.
 * @throws RangeError `customerAcquisitionCostPayback requires acquisitionCost to be a non-negative finite number`,
 *   `customerAcquisitionCostPayback requires monthlyRevenuePerAccount to be a finite number`,
 *   `customerAcquisitionCostPayback requires grossMargin to be a fraction between zero and one`.
 * @throws TypeError `customerAcquisitionCostPayback requires input to be an object`.
 * @example
 * customerAcquisitionCostPayback({ acquisitionCost: 600, monthlyRevenuePerAccount: 50, grossMargin: 0.8 }).months //=> 15
 * customerAcquisitionCostPayback({ acquisitionCost: 600, monthlyRevenuePerAccount: 50, grossMargin: 0 }).months //=> Infinity
 * @category Metrics
 */
export function customerAcquisitionCostPayback(input: { readonly acquisitionCost: number; readonly monthlyRevenuePerAccount: number; readonly grossMargin: number }): PaybackResult {
  assertRecord("customerAcquisitionCostPayback", "input", input);
  assertNonNegative("customerAcquisitionCostPayback", "acquisitionCost", input.acquisitionCost);
  assertFinite("customerAcquisitionCostPayback", "monthlyRevenuePerAccount", input.monthlyRevenuePerAccount);
  assertFraction("customerAcquisitionCostPayback", "grossMargin", input.grossMargin);
  const monthlyMargin = input.monthlyRevenuePerAccount * input.grossMargin;
  if (input.acquisitionCost === 0) return { months: 0, defined: true };
  if (!(monthlyMargin > 0)) return { months: Number.POSITIVE_INFINITY, defined: true, reason: "the monthly margin is not positive, so the cost is never paid back" };
  return { months: input.acquisitionCost / monthlyMargin, defined: true };
}
