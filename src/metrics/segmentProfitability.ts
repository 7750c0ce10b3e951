import { assertFinite, assertNonNegative, assertRecord } from "./_lib/assert.js";
import type { RateResult } from "./types.js";

/** Result of {@link segmentProfitability}. @category Metrics */
export interface SegmentProfitabilityResult {
  /** Σ margin / members. */
  readonly marginPerMember: RateResult;
  /** Σ margin / Σ revenue (margin %, as a fraction). */
  readonly marginRate: RateResult;
}

/**
 * Segment profitability: gross margin per member and margin rate.
 *
 * @remarks Negative margins are allowed (loss-making segments). O(1).
 * @param input - `revenue` and `margin` totals of the segment (finite), `members` (non-negative).
 * @returns `{ marginPerMember, marginRate }`; no members or zero revenue make the matching part `defined: false`.
 * @throws RangeError `segmentProfitability requires revenue to be a finite number` (likewise margin),
 *   `segmentProfitability requires members to be a non-negative finite number`.
 * @throws TypeError `segmentProfitability requires input to be an object`.
 * @example
 * const result = segmentProfitability({ revenue: 50000, margin: 15000, members: 300 });
 * result.marginPerMember.value //=> 50
 * result.marginRate.value //=> 0.3
 * @category Metrics
 */
export function segmentProfitability(input: { readonly revenue: number; readonly margin: number; readonly members: number }): SegmentProfitabilityResult {
  assertRecord("segmentProfitability", "input", input);
  assertFinite("segmentProfitability", "revenue", input.revenue);
  assertFinite("segmentProfitability", "margin", input.margin);
  assertNonNegative("segmentProfitability", "members", input.members);
  const marginPerMember: RateResult =
    input.members === 0
      ? { value: Number.NaN, numerator: input.margin, denominator: 0, defined: false, reason: "no members" }
      : { value: input.margin / input.members, numerator: input.margin, denominator: input.members, defined: true };
  const marginRate: RateResult =
    input.revenue === 0
      ? { value: Number.NaN, numerator: input.margin, denominator: 0, defined: false, reason: "zero revenue" }
      : { value: input.margin / input.revenue, numerator: input.margin, denominator: input.revenue, defined: true };
  return { marginPerMember, marginRate };
}
