/** segmentkit/segments in headless Chromium: assignment, diagnosis, diff and the stream run as in Node. */
import { describe, expect, it } from "vitest";
import { analyzeSegments, assignSegments, assignSegmentsStream, defineSegment, diffMemberships } from "../../src/segments/index.js";

const asOf = new Date("2024-06-30T00:00:00Z");
const vip = defineSegment({ id: "vip", name: "VIP", priority: 2, rule: { op: "gte", field: "behavior.totalSpend", value: 1000 } });
const lapsed = defineSegment({
  id: "lapsed",
  name: "Lapsed, not VIP",
  priority: 1,
  rule: {
    op: "and",
    rules: [
      { op: "before", field: "behavior.lastPurchaseAt", amount: 90, unit: "days" },
      { op: "not", rule: { op: "inSegment", segment: "vip" } },
    ],
  },
});
const profiles = [
  { id: "a", behavior: { totalSpend: 1500, lastPurchaseAt: new Date("2024-01-01T00:00:00Z") } },
  { id: "b", behavior: { totalSpend: 100, lastPurchaseAt: new Date("2024-01-01T00:00:00Z") } },
  { id: "c", behavior: { totalSpend: 100, lastPurchaseAt: new Date("2024-06-01T00:00:00Z") } },
  { id: "d", behavior: {} },
];

describe("segments in Chromium", () => {
  it("assigns, analyzes and diffs", () => {
    const all = assignSegments(profiles, [vip, lapsed], { asOf, mode: "all" });
    expect(all.memberships.map((membership) => membership.segments)).toEqual([["vip"], ["lapsed"], [], []]);
    const report = analyzeSegments([vip, lapsed], profiles, { asOf });
    expect(report.overlaps[0]).toEqual({ a: "vip", b: "lapsed", intersection: 0, union: 2, jaccard: 0 });
    expect(report.unassigned).toEqual({ count: 2, share: 0.5 });
    const later = assignSegments(profiles, [vip, lapsed], { asOf: new Date("2024-09-30T00:00:00Z"), mode: "all" });
    expect(diffMemberships(all, later).segments.find((change) => change.segment === "lapsed")?.entered).toEqual(["c"]);
  });

  it("streams with rejects", async () => {
    const kinds: string[] = [];
    for await (const row of assignSegmentsStream([...profiles, { name: "no id" }], [vip, lapsed], { asOf, mode: "first-match" })) kinds.push(row.kind);
    expect(kinds).toEqual(["assigned", "assigned", "assigned", "assigned", "rejected"]);
  });
});
