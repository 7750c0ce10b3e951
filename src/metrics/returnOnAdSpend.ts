import { assertFinite, assertNonNegative, assertRecord } from "./_lib/assert.js";
import { makeRate } from "./_lib/rate.js";
import type { RateResult } from "./types.js";

/**
 * Return on ad spend: attributed revenue / ad spend, a ratio (4 means 4×), not a ROI.
 *
 * @remarks O(1). Revenue may be negative (refunds); spend may not.
 * @param input - `revenue` (attributed), `adSpend`.
 * @returns A rate value object; zero spend gives `defined: false`.
 * @throws RangeError `returnOnAdSpend requires adSpend to be a non-negative finite number`, `returnOnAdSpend requires revenue to be a finite number`.
 * @throws TypeError `returnOnAdSpend requires input to be an object`.
 * @example
 * returnOnAdSpend({ revenue: 48000, adSpend: 12000 }).value //=> 4
 * @category Metrics
 */
export function returnOnAdSpend(input: { readonly revenue: number; readonly adSpend: number }): RateResult {
  assertRecord("returnOnAdSpend", "input", input);
  assertFinite("returnOnAdSpend", "revenue", input.revenue);
  assertNonNegative("returnOnAdSpend", "adSpend", input.adSpend);
  return makeRate(input.revenue, input.adSpend, "zero ad spend");
}
