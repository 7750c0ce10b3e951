import { assertArray, assertFiniteTotal, assertRecord } from "./_lib/assert.js";
import { CompensatedSum } from "../_lib/compensatedSum.js";

/** One segment's totals for {@link revenueContribution}. @category Metrics */
export interface SegmentRevenue {
  readonly segment: string;
  readonly revenue: number;
  /** Customers in the segment (optional; enables customer share and revenue per customer). */
  readonly customers?: number;
}

/** One row of {@link revenueContribution}. @category Metrics */
export interface RevenueContributionRow {
  readonly segment: string;
  readonly revenue: number;
  /** revenue / total revenue; NaN when the total is not positive. */
  readonly revenueShare: number;
  readonly customers: number | null;
  /** customers / total customers; null without customer counts, NaN with a zero total. */
  readonly customerShare: number | null;
  /** revenue / customers; null without counts, NaN for an empty segment. */
  readonly revenuePerCustomer: number | null;
  /** revenueShare / customerShare: above 1 means the segment brings more than its head count. */
  readonly contributionIndex: number | null;
}

/** Result of {@link revenueContribution}. @category Metrics */
export interface RevenueContributionResult {
  /** Rows in input order. */
  readonly rows: RevenueContributionRow[];
  readonly totalRevenue: number;
  readonly totalCustomers: number | null;
  /** false when the total revenue is not positive (shares then NaN). */
  readonly defined: boolean;
  readonly reason?: string;
}

/**
 * Revenue contribution of each segment: its share of total revenue, next to its share of customers and
 * revenue per customer.
 *
 * @remarks
 * share = revenue_S / Σ revenue (compensated sums); index = revenue share / customer share. Segments
 * should be disjoint for the shares to add up to 1. A non-positive total (all refunds) makes the
 * shares undefined. O(segments).
 * @param segments - one entry per segment with `revenue` (finite; refunds may make it negative) and
 *   optional `customers` (give it for all segments or none).
 * @returns `{ rows, totalRevenue, totalCustomers, defined }`.
 * @throws RangeError `revenueContribution requires finite revenue`, `revenueContribution requires customers for every segment or none`,
 *   `revenueContribution requires customers to be non-negative integers`, `revenueContribution requires unique segment names`,
 *   `revenueContribution requires the total revenue to be finite (the values overflow)` (likewise the total customers).
 * @throws TypeError `revenueContribution requires segments to be an array`,
 *   `revenueContribution requires every segment to be an object`.
 * @example
 * const result = revenueContribution([
 *   { segment: "vip", revenue: 6000, customers: 100 },
 *   { segment: "regular", revenue: 4000, customers: 900 },
 * ]);
 * result.rows[0]?.revenueShare //=> 0.6
 * result.rows[0]?.contributionIndex //=> 6
 * @category Metrics
 */
export function revenueContribution(segments: ReadonlyArray<SegmentRevenue>): RevenueContributionResult {
  assertArray("revenueContribution", "segments", segments);
  for (const segment of segments) assertRecord("revenueContribution", "every segment", segment);
  const revenue = new CompensatedSum();
  let customerTotal = 0;
  const withCustomers = segments.filter((segment) => segment.customers !== undefined).length;
  if (withCustomers !== 0 && withCustomers !== segments.length) throw new RangeError("revenueContribution requires customers for every segment or none");
  const names = new Set<string>();
  for (const segment of segments) {
    if (names.has(segment.segment)) throw new RangeError("revenueContribution requires unique segment names");
    names.add(segment.segment);
    if (typeof segment.revenue !== "number" || !Number.isFinite(segment.revenue)) throw new RangeError("revenueContribution requires finite revenue");
    revenue.add(segment.revenue);
    if (segment.customers !== undefined) {
      if (!Number.isInteger(segment.customers) || segment.customers < 0) throw new RangeError("revenueContribution requires customers to be non-negative integers");
      customerTotal += segment.customers;
    }
  }
  const totalRevenue = revenue.value;
  assertFiniteTotal("revenueContribution", "the total revenue", totalRevenue);
  assertFiniteTotal("revenueContribution", "the total customers", customerTotal);
  const hasCustomers = withCustomers > 0;
  const defined = totalRevenue > 0;
  const rows = segments.map((segment): RevenueContributionRow => {
    const revenueShare = defined ? segment.revenue / totalRevenue : Number.NaN;
    if (!hasCustomers || segment.customers === undefined) {
      return { segment: segment.segment, revenue: segment.revenue, revenueShare, customers: null, customerShare: null, revenuePerCustomer: null, contributionIndex: null };
    }
    const customers = segment.customers;
    const customerShare = customerTotal > 0 ? customers / customerTotal : Number.NaN;
    return {
      segment: segment.segment,
      revenue: segment.revenue,
      revenueShare,
      customers,
      customerShare,
      revenuePerCustomer: customers > 0 ? segment.revenue / customers : Number.NaN,
      contributionIndex: customerShare > 0 ? revenueShare / customerShare : Number.NaN,
    };
  });
  const result = { rows, totalRevenue, totalCustomers: hasCustomers ? customerTotal : null };
  return defined ? { ...result, defined } : { ...result, defined, reason: "total revenue is not positive" };
}
