/**
 * Demo section: named segments over CDNOW customers (segmentkit/segments). Sizes under
 * multi-membership and under a priority waterfall, overlap (Jaccard), shadowed / empty / too-small
 * segments, under-segmentation, and who entered and left each segment between two quarters.
 */
import { describeRule, explain } from "segmentkit/rules";
import type { RuleExplanation } from "segmentkit/rules";
import { summarizeCustomers } from "segmentkit/schema";
import { analyzeSegments, assignSegments, defineSegment, diffMemberships } from "segmentkit/segments";
import { customerProfile } from "./context.js";
import type { DemoContext } from "./context.js";
import { formatNumber, heading, percent, table } from "./format.js";

/** The segments, in declaration order; a larger priority wins under first-match. */
export const demoSegments = [
  defineSegment({
    id: "vip",
    name: "VIP: spent $500+",
    priority: 50,
    rule: { op: "gte", field: "behavior.totalSpend", value: 500 },
  }),
  defineSegment({
    id: "loyal",
    name: "Loyal: 5+ orders",
    priority: 40,
    rule: { op: "gte", field: "behavior.orderCount", value: 5 },
  }),
  defineSegment({
    id: "vip-loyal",
    name: "VIP and loyal",
    priority: 45,
    rule: {
      op: "and",
      rules: [
        { op: "inSegment", segment: "vip" },
        { op: "inSegment", segment: "loyal" },
      ],
    },
  }),
  defineSegment({
    id: "active",
    name: "Active: bought in the last 90 days",
    priority: 30,
    rule: { op: "withinLast", field: "behavior.lastPurchaseAt", amount: 90, unit: "days" },
  }),
  defineSegment({
    id: "new",
    name: "New: first order in the last 90 days",
    priority: 60,
    rule: { op: "withinLast", field: "behavior.firstPurchaseAt", amount: 90, unit: "days" },
  }),
  defineSegment({
    id: "big-basket",
    name: "Big basket: $100+ per order, 2+ orders",
    priority: 20,
    rule: {
      op: "and",
      rules: [
        { op: "gte", field: "behavior.averageOrderValue", value: 100 },
        { op: "gte", field: "behavior.orderCount", value: 2 },
      ],
    },
  }),
  defineSegment({
    id: "lapsed",
    name: "Lapsed: no order for a year, not VIP",
    priority: 10,
    rule: {
      op: "and",
      rules: [
        { op: "before", field: "behavior.lastPurchaseAt", amount: 365, unit: "days" },
        { op: "not", rule: { op: "inSegment", segment: "vip" } },
      ],
    },
  }),
];

export async function segmentsSection(context: DemoContext): Promise<string> {
  const lines: string[] = [heading("Named segments (segmentkit/segments)")];
  const profiles = context.customers.map(customerProfile);
  const asOf = context.asOf;
  const all = assignSegments(profiles, demoSegments, { asOf, mode: "all" });
  const waterfall = assignSegments(profiles, demoSegments, { asOf, mode: "first-match" });
  const analysis = analyzeSegments(demoSegments, profiles, { asOf, minShare: 0.01 });
  lines.push(
    `${formatNumber(profiles.length)} customers as of ${asOf.toISOString().slice(0, 10)}; seven segments, one rule each ` +
      "(`vip-loyal` and `lapsed` include or exclude other segments with `inSegment` references). Multi-membership counts every TRUE rule; " +
      "first-match gives each customer the highest-priority segment only.",
    "",
    table(
      ["segment", "priority", "members (all)", "share", "first-match", "share", "lost to"],
      analysis.segments.map((segment, index) => [
        segment.name,
        segment.priority,
        segment.size,
        percent(segment.share),
        waterfall.sizes[index]!.size,
        percent(waterfall.sizes[index]!.share),
        segment.lostTo.map((entry) => `${entry.segment} ${formatNumber(entry.count)}`).join(", ") || "-",
      ]),
    ),
    "",
  );
  lines.push("Each segment in plain English (`describeRule`):", "");
  for (const segment of demoSegments) lines.push(`- \`${segment.id}\`: ${describeRule(segment.rule)}`);
  lines.push("");
  const overlaps = [...analysis.overlaps].filter((overlap) => overlap.intersection > 0).sort((a, b) => (b.jaccard ?? 0) - (a.jaccard ?? 0));
  lines.push(
    "Largest overlaps (Jaccard = both / either):",
    "",
    table(
      ["segment A", "segment B", "both", "either", "Jaccard"],
      overlaps.slice(0, 5).map((overlap) => [overlap.a, overlap.b, overlap.intersection, overlap.union, overlap.jaccard]),
    ),
    "",
    `Diagnosis: empty ${analysis.empty.join(", ") || "none"} (CDNOW is one cohort that first bought in Q1 1997); ` +
      `shadowed under first-match ${analysis.shadowed.join(", ") || "none"} (every member also matches a higher-priority segment, so it never wins); below 1% of customers ${analysis.tooSmall.join(", ") || "none"}; ` +
      `in no segment ${formatNumber(analysis.unassigned.count)} (${percent(analysis.unassigned.share)}, under-segmentation); ` +
      `in two or more ${formatNumber(analysis.multiMember.count)} (${percent(analysis.multiMember.share)}).`,
    "",
  );

  // Two runs a quarter apart, each on the data known at its date: who entered and who left.
  const earlierAsOf = new Date("1998-04-01T00:00:00Z");
  const earlierCustomers = summarizeCustomers(
    context.transactions.filter((transaction) => transaction.timestamp < earlierAsOf),
    { asOf: earlierAsOf },
  ).customers;
  const earlier = assignSegments(earlierCustomers.map(customerProfile), demoSegments, { asOf: earlierAsOf, mode: "all" });
  const diff = diffMemberships(earlier, all);
  lines.push(
    `Between ${earlierAsOf.toISOString().slice(0, 10)} and ${asOf.toISOString().slice(0, 10)} (each run on the transactions known at its date), ` +
      `${formatNumber(diff.changedProfiles)} customers changed segments:`,
    "",
    table(
      ["segment", "before", "after", "entered", "left", "stayed"],
      diff.segments.map((change) => [change.segment, change.sizeBefore, change.sizeAfter, change.entered.length, change.left.length, change.stayed]),
    ),
  );
  const example = diff.segments.find((change) => change.segment === "lapsed")?.entered.slice(0, 5) ?? [];
  if (example.length > 0) {
    lines.push("", `First customers who entered \`lapsed\` (a win-back trigger feed): ${example.join(", ")}.`);
    // Why the first of them is in `lapsed` now: the rule tree with every node's result (`explain`).
    const profile = profiles.find((candidate) => candidate.id === example[0]);
    const lapsed = demoSegments.find((segment) => segment.id === "lapsed");
    if (profile !== undefined && lapsed !== undefined) {
      const segmentRules = Object.fromEntries(demoSegments.map((segment) => [segment.id, segment.rule]));
      const why = explain(lapsed.rule, profile, { asOf, segments: segmentRules });
      const tree: string[] = [];
      const walk = (node: RuleExplanation, depth: number): void => {
        tree.push(`${"  ".repeat(depth)}${node.result === null ? "UNKNOWN" : node.result ? "TRUE" : "FALSE"}: ${node.sentence}`);
        for (const child of node.children ?? []) walk(child, depth + 1);
      };
      walk(why, 0);
      lines.push("", `Why customer ${profile.id} is in \`lapsed\` on ${asOf.toISOString().slice(0, 10)} (\`explain\`):`, "", "```", ...tree, "```");
    }
  }
  return lines.join("\n");
}
