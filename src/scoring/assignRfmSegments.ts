import { assignSegments } from "../segments/index.js";
import type { Segment } from "../segments/index.js";
import { CompensatedSum } from "../_lib/compensatedSum.js";
import type { RfmScore } from "./rfmScores.js";
import { rfmSegments } from "./rfmSegments.js";

/**
 * One named segment's size and revenue.
 * @category RFM
 */
export interface RfmSegmentSummary {
  readonly id: string;
  readonly name: string;
  readonly customers: number;
  /** customers / all customers; `null` for no customers. */
  readonly share: number | null;
  /** Sum of `monetaryTotal` of the segment's customers (compensated summation). */
  readonly revenue: number;
  /**
   * revenue / all revenue; `null` when all revenue is not positive (no customers, no revenue, or
   * refunds above purchases), as `revenueContribution` treats such a total. With a positive total, a
   * segment of net refunds has a negative share.
   */
  readonly revenueShare: number | null;
}

/**
 * Result of {@link assignRfmSegments}.
 * @category RFM
 */
export interface AssignRfmSegmentsResult {
  /** The segment id of each score row, in input order; `"others"` when no segment matches. */
  readonly segments: string[];
  /** One row per segment in priority order, then `"others"`. */
  readonly summary: RfmSegmentSummary[];
}

/**
 * Names every RFM-scored customer by first match over RFM segments and sums sizes and revenue per segment.
 *
 * @remarks Runs the segments through the rule engine (`assignSegments` in `"first-match"` mode), so
 * the result is exactly what the same segments give in SQL. Customers matching no segment go to
 * `"others"`. Revenue is the sum of `monetaryTotal`, which refunds can make negative; revenue shares
 * are `null` when the total over all customers is zero or negative (a share of a negative total has no
 * meaning: -50 of -40 would read as 125 %). O(n * s) rule evaluations.
 * @param scores - the output of `rfmScores`.
 * @param segments - segments whose rules read `rfm.*`. Default `rfmSegments()`.
 * @returns Per-customer segment ids and a per-segment summary; `share` is `null` without customers,
 *   `revenueShare` `null` when total revenue is not positive.
 * @throws `SegmentError` from `assignSegments` for duplicate segment ids.
 * @example
 * const scores = rfmScores([
 *   { customerId: "a", recencyDays: 2, frequency: 12, monetaryTotal: 1200 },
 *   { customerId: "b", recencyDays: 30, frequency: 6, monetaryTotal: 400 },
 *   { customerId: "c", recencyDays: 90, frequency: 3, monetaryTotal: 150 },
 *   { customerId: "d", recencyDays: 200, frequency: 2, monetaryTotal: 60 },
 *   { customerId: "e", recencyDays: 400, frequency: 1, monetaryTotal: 15 },
 * ]);
 * const named = assignRfmSegments(scores, rfmSegments({ preset: "rfGrid" }));
 * named.segments //=> ["champions", "loyal_customers", "need_attention", "hibernating", "hibernating"]
 * named.summary.find((row) => row.id === "champions").revenueShare //=> 0.6575
 * @category RFM
 */
export function assignRfmSegments(scores: ReadonlyArray<RfmScore>, segments: ReadonlyArray<Segment> = rfmSegments()): AssignRfmSegmentsResult {
  const assigned = assignSegments(scores, segments, { asOf: new Date(0), mode: "first-match", idOf: (score) => score.customerId });
  const ids = [...segments.map((segment) => segment.id), "others"];
  const names = new Map<string, string>(segments.map((segment) => [segment.id, segment.name]));
  names.set("others", "Others");
  const counts = new Map<string, number>(ids.map((id) => [id, 0]));
  const revenue = new Map<string, CompensatedSum>(ids.map((id) => [id, new CompensatedSum()]));
  const total = new CompensatedSum();
  const result: string[] = [];
  assigned.memberships.forEach((membership, index) => {
    const id = membership.segment ?? "others";
    result.push(id);
    counts.set(id, (counts.get(id) ?? 0) + 1);
    const amount = (scores[index] as RfmScore).monetaryTotal;
    revenue.get(id)?.add(amount);
    total.add(amount);
  });
  const priorityIds = [...segments].sort((a, b) => b.priority - a.priority).map((segment) => segment.id);
  const summary = [...priorityIds, "others"].map((id) => {
    const customers = counts.get(id) ?? 0;
    const value = revenue.get(id)?.value ?? 0;
    return {
      id,
      name: names.get(id) ?? id,
      customers,
      share: scores.length === 0 ? null : customers / scores.length,
      revenue: value,
      revenueShare: total.value > 0 ? value / total.value : null,
    };
  });
  return { segments: result, summary };
}
