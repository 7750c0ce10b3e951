import { describe, expect, it } from "vitest";
import { analyzeSegments, assignSegments } from "../../src/segments/index.js";
import { toSql } from "../../src/sql/index.js";
import { assignRfmSegments, rfmScoreCells, rfmScores, rfmSegments } from "../../src/scoring/index.js";

const asOf = new Date("2024-01-01T00:00:00Z");
const cells = rfmScoreCells();

function cellCounts(segments: ReturnType<typeof rfmSegments>) {
  const assigned = assignSegments(cells, segments, { asOf, mode: "first-match" });
  const counts: Record<string, number> = {};
  for (const membership of assigned.memberships) {
    const id = membership.segment ?? "others";
    counts[id] = (counts[id] ?? 0) + 1;
  }
  return { counts, assigned };
}

describe("rfmSegments: the 11-segment table on all 125 cells", () => {
  it("source ordering: four unreachable segments and 36 uncovered cells (clustering.md)", () => {
    const segments = rfmSegments();
    const { counts, assigned } = cellCounts(segments);
    expect(counts).toEqual({
      loyal_customers: 28,
      potential_loyalist: 24,
      at_risk: 20,
      champions: 8,
      hibernating: 3,
      about_to_sleep: 3,
      need_attention: 3,
      others: 36,
    });
    const uncovered = assigned.memberships.filter((membership) => membership.segment === null).map((membership) => membership.id);
    for (const code of ["113", "114", "115", "131", "141", "151", "314", "315", "341"]) expect(uncovered).toContain(code);
    const analysis = analyzeSegments(segments, cells, { asOf });
    expect([...analysis.shadowed].sort()).toEqual(["cant_lose_them", "lost", "new_customers", "promising"]);
    expect(analysis.empty).toEqual([]);
    expect(analysis.unassigned.count).toBe(36);
  });

  it("specificFirst ordering makes every segment reachable", () => {
    const segments = rfmSegments({ ordering: "specificFirst" });
    expect(segments).toHaveLength(10);
    const analysis = analyzeSegments(segments, cells, { asOf });
    expect(analysis.shadowed).toEqual([]);
    expect(analysis.empty).toEqual([]);
    const { counts } = cellCounts(segments);
    expect(counts["cant_lose_them"]).toBe(4);
    expect(counts["new_customers"]).toBe(2);
    expect(counts["promising"]).toBe(1);
    expect(counts["others"]).toBe(36);
  });
});

describe("rfmSegments: the R x F grid", () => {
  it("is a partition of the 125 cells", () => {
    const segments = rfmSegments({ preset: "rfGrid" });
    const analysis = analyzeSegments(segments, cells, { asOf });
    expect(analysis.unassigned.count).toBe(0);
    expect(analysis.multiMember.count).toBe(0);
    expect(analysis.shadowed).toEqual([]);
    const { counts } = cellCounts(segments);
    // Each R x F pair covers 5 monetary cells.
    expect(counts).toEqual({
      hibernating: 20, at_risk: 20, cant_lose_them: 10, about_to_sleep: 10, need_attention: 5,
      loyal_customers: 20, promising: 5, new_customers: 5, potential_loyalists: 20, champions: 10,
    });
  });
  it("compiles to SQL like any segment", () => {
    const [champions] = rfmSegments({ preset: "rfGrid" }).slice(-1);
    const compiled = toSql(champions!.rule, {
      dialect: "postgres",
      asOf,
      columns: { "rfm.recency": { column: "r", type: "number" }, "rfm.frequency": { column: "f", type: "number" } },
    });
    expect(compiled.params).toEqual([5, 4, 5]);
    expect(compiled.sql).toContain('"r"');
    expect(compiled.sql).toContain('"f"');
  });
});

describe("assignRfmSegments", () => {
  it("names customers and sums revenue per segment", () => {
    const customers = Array.from({ length: 50 }, (_, index) => ({
      customerId: `c${index}`,
      recencyDays: (index * 37) % 300,
      frequency: 1 + (index % 7),
      monetaryTotal: 10 * (1 + ((index * 13) % 50)),
    }));
    const scores = rfmScores(customers);
    const named = assignRfmSegments(scores);
    expect(named.segments).toHaveLength(50);
    const total = customers.reduce((sum, customer) => sum + customer.monetaryTotal, 0);
    expect(named.summary.reduce((sum, row) => sum + row.customers, 0)).toBe(50);
    expect(named.summary.reduce((sum, row) => sum + row.revenue, 0)).toBeCloseTo(total, 9);
    expect(named.summary.at(-1)?.id).toBe("others");
    // Every champion has R, F, M scores of at least 4.
    named.segments.forEach((id, index) => {
      if (id === "champions") expect(Math.min(scores[index]!.rfm.recency, scores[index]!.rfm.frequency, scores[index]!.rfm.monetary)).toBeGreaterThanOrEqual(4);
    });
    expect(assignRfmSegments([]).summary.every((row) => row.share === null && row.revenueShare === null)).toBe(true);
  });

  it("leaves revenue shares null when refunds make the total revenue negative (review: a total of -40 gave shares 1.25 and -0.25)", () => {
    const refunds = rfmScores([
      { customerId: "a", recencyDays: 1, frequency: 2, monetaryTotal: -50 },
      { customerId: "b", recencyDays: 100, frequency: 1, monetaryTotal: 10 },
    ]);
    const named = assignRfmSegments(refunds);
    expect(named.segments).toEqual(["potential_loyalist", "others"]);
    expect(named.summary.filter((row) => row.customers > 0)).toEqual([
      { id: "potential_loyalist", name: "Potential Loyalist", customers: 1, share: 0.5, revenue: -50, revenueShare: null },
      { id: "others", name: "Others", customers: 1, share: 0.5, revenue: 10, revenueShare: null },
    ]);
    expect(named.summary.every((row) => row.revenueShare === null)).toBe(true);
    // a positive total keeps its shares, a segment of refunds included (as revenueContribution)
    const positive = assignRfmSegments(rfmScores([
      { customerId: "a", recencyDays: 1, frequency: 2, monetaryTotal: -10 },
      { customerId: "b", recencyDays: 100, frequency: 1, monetaryTotal: 50 },
    ]));
    expect(positive.summary.filter((row) => row.customers > 0).map((row) => row.revenueShare)).toEqual([-0.25, 1.25]);
  });
});
