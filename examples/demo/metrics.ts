/**
 * Demo section for segmentkit/metrics on CDNOW: revenue contribution per segment, repeat-purchase
 * conversion with Wilson intervals (and a chi-square test that the segments differ), and monthly
 * cohort retention with unfinished periods left empty.
 *
 * Segments are defined here with plain code from CustomerSummary (average order value bands), so the
 * section does not depend on the rules engine.
 */
import { adjustPValues, chiSquareIndependence, cohortRetention, conversionRate, revenueContribution, twoProportionZTest } from "segmentkit/metrics";
import type { DemoContext } from "./context.js";
import { formatNumber, heading, percent, table } from "./format.js";

const bands = [
  { segment: "AOV < $15", test: (value: number) => value < 15 },
  { segment: "AOV $15-30", test: (value: number) => value >= 15 && value < 30 },
  { segment: "AOV $30-60", test: (value: number) => value >= 30 && value < 60 },
  { segment: "AOV >= $60", test: (value: number) => value >= 60 },
];

/** p-values below the smallest double print as a bound, not as a misleading 0. */
function formatPValue(p: number): string {
  return p === 0 ? "< 1e-300" : p.toExponential(2);
}

export async function metricsSection(context: DemoContext): Promise<string> {
  const lines: string[] = [heading("Segment metrics (segmentkit/metrics)")];
  const groups = bands.map((band) => ({ ...band, revenue: 0, customers: 0, repeaters: 0 }));
  for (const customer of context.customers) {
    const group = groups.find((candidate) => candidate.test(customer.monetaryAverage));
    if (group === undefined) continue;
    group.customers += 1;
    group.revenue += customer.monetaryTotal;
    if (customer.frequency >= 2) group.repeaters += 1;
  }

  const contribution = revenueContribution(groups.map(({ segment, revenue, customers }) => ({ segment, revenue, customers })));
  lines.push(
    "Segments by average order value (plain code on CustomerSummary). Revenue contribution: share of revenue against share of customers (index > 1: the segment brings more than its head count):",
    "",
    table(
      ["segment", "customers", "customer share", "revenue (USD)", "revenue share", "revenue / customer", "index"],
      contribution.rows.map((row) => [row.segment, row.customers, percent(row.customerShare), Math.round(row.revenue), percent(row.revenueShare), row.revenuePerCustomer, row.contributionIndex]),
    ),
    "",
  );

  const rates = groups.map((group) => ({ group, rate: conversionRate({ conversions: group.repeaters, units: group.customers, unit: "customer" }) }));
  const chi = chiSquareIndependence(groups.map((group) => [group.repeaters, group.customers - group.repeaters]));
  // each band against all other customers, Holm-adjusted across the four bands
  const total = groups.reduce((sum, group) => ({ repeaters: sum.repeaters + group.repeaters, customers: sum.customers + group.customers }), { repeaters: 0, customers: 0 });
  const raw = groups.map(
    (group) =>
      twoProportionZTest({ successesA: group.repeaters, trialsA: group.customers, successesB: total.repeaters - group.repeaters, trialsB: total.customers - group.customers }).pValue,
  );
  const holm = adjustPValues(raw, { method: "holm" });
  lines.push(
    "Repeat-purchase conversion (customers with two or more purchases by the end of the data), 95 % Wilson intervals; each band against the rest, Holm-adjusted over the 4 bands:",
    "",
    table(
      ["segment", "customers", "repeaters", "conversion", "95% CI", "p vs rest (Holm)"],
      rates.map(({ group, rate }, index) => [
        group.segment,
        rate.denominator,
        rate.numerator,
        percent(rate.value),
        `${percent(rate.interval.lower)} - ${percent(rate.interval.upper)}`,
        formatPValue(holm.adjusted[index] as number),
      ]),
    ),
    "",
    `Chi-square test of independence (segment x repeat): statistic ${formatNumber(chi.statistic)}, dof ${chi.dof}, p ${chi.pValue === 0 ? "< 1e-300 (below double precision)" : `= ${chi.pValue.toExponential(3)}`}.`,
    "",
  );

  const retention = cohortRetention(
    context.transactions.map((transaction) => ({ customerId: transaction.customerId, timestamp: transaction.timestamp })),
    { period: "month", asOf: context.asOf },
  );
  const shown = [0, 1, 2, 3, 6, 9, 12, 15, 17];
  lines.push(
    "Monthly cohort retention (cohort = month of first purchase; cell = share of the cohort purchasing in month k; n/a = period not finished or beyond the data):",
    "",
    table(
      ["cohort", "size", ...shown.map((k) => `m${k}`)],
      [
        ...retention.rows.map((row) => [row.cohort, row.size, ...shown.map((k) => (row.retention[k] === null || row.retention[k] === undefined ? null : percent(row.retention[k] as number)))]),
        ["weighted mean", retention.rows.reduce((sum, row) => sum + row.size, 0), ...shown.map((k) => (retention.average[k] === null || retention.average[k] === undefined ? null : percent(retention.average[k] as number)))],
      ],
    ),
  );
  return lines.join("\n");
}
