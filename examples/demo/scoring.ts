/**
 * Demo section: RFM scores for CDNOW, the 11-segment named table (published order and the
 * specific-first correction) with sizes and revenue shares, and the table's flaws on all 125 cells.
 */
import { assignRfmSegments, rfmScoreCells, rfmScores, rfmSegments } from "segmentkit/scoring";
import { analyzeSegments } from "segmentkit/segments";
import type { DemoContext } from "./context.js";
import { formatNumber, heading, percent, table } from "./format.js";

export async function scoringSection(context: DemoContext): Promise<string> {
  const scores = rfmScores(context.customers);
  const lines: string[] = [heading("RFM segments (segmentkit/scoring)")];
  const levels = (pick: (score: (typeof scores)[number]) => number) => {
    const counts = [0, 0, 0, 0, 0];
    for (const score of scores) counts[pick(score) - 1]! += 1;
    return counts;
  };
  lines.push(
    `Quintile scores for ${formatNumber(scores.length)} customers (recency reversed; ties kept together, so all one-time buyers get F = 1):`,
    "",
    table(
      ["dimension", "score 1", "score 2", "score 3", "score 4", "score 5"],
      [
        ["recency", ...levels((score) => score.rfm.recency)],
        ["frequency", ...levels((score) => score.rfm.frequency)],
        ["monetary", ...levels((score) => score.rfm.monetary)],
      ],
    ),
    "",
  );
  for (const ordering of ["source", "specificFirst"] as const) {
    const segments = rfmSegments({ ordering });
    const named = assignRfmSegments(scores, segments);
    const analysis = analyzeSegments(segments, rfmScoreCells(), { asOf: context.asOf });
    lines.push(
      `11-segment table, ${ordering === "source" ? "published order" : "specific-first order"} (first match wins):`,
      "",
      table(
        ["segment", "customers", "share", "revenue", "revenue share"],
        named.summary.map((row) => [row.name, row.customers, percent(row.share), Math.round(row.revenue), percent(row.revenueShare)]),
      ),
      "",
      `On all 125 score cells: unreachable segments: ${analysis.shadowed.length === 0 ? "none" : analysis.shadowed.join(", ")}; ` +
        `uncovered cells: ${analysis.unassigned.count} (${percent(analysis.unassigned.share)}).`,
      "",
    );
  }
  const grid = assignRfmSegments(scores, rfmSegments({ preset: "rfGrid" }));
  lines.push(
    "R x F grid (a partition of the cells, monetary ignored):",
    "",
    table(
      ["segment", "customers", "share", "revenue share"],
      grid.summary.filter((row) => row.id !== "others").map((row) => [row.name, row.customers, percent(row.share), percent(row.revenueShare)]),
    ),
  );
  return lines.join("\n");
}
