/**
 * `npm run demo`: segmentkit's main job on the bundled CDNOW data. Loads and validates 69,659 real
 * transactions, builds customer features, and prints a segment report; each module adds its section
 * (rules and segments, SQL in DuckDB, RFM scoring and clusters, metrics, CLV).
 */
import { clusterSection } from "./demo/cluster.js";
import { clvSection } from "./demo/clv.js";
import { type DemoContext, loadDemo } from "./demo/context.js";
import { formatNumber, heading, percent, quantile, table } from "./demo/format.js";
import { metricsSection } from "./demo/metrics.js";
import { rulesSection } from "./demo/rules.js";
import { scoringSection } from "./demo/scoring.js";
import { segmentsSection } from "./demo/segments.js";
import { sqlSection } from "./demo/sql.js";

const started = performance.now();
const { context, parsed, quality, rawRows } = await loadDemo();
const { customers, transactions, asOf } = context;

const out: string[] = [];
out.push("# segmentkit demo: CDNOW customers");
out.push(
  "Data: CDNOW online music store, first-time buyers of Q1 1997 followed to June 1998 (examples/data/CDNOW_master.txt, MIT, via CamDavidsonPilon/lifetimes; Fader, Hardie & Lee 2005).",
);
out.push(`Clock (asOf): ${asOf.toISOString()}`);

out.push(heading("1. Data quality"));
out.push(
  table(
    ["rows read", "valid", "rejected", "customers", "revenue (USD)"],
    [[rawRows, parsed.counts.valid, parsed.counts.rejected, customers.length, transactions.reduce((sum, transaction) => sum + transaction.amount, 0)]],
  ),
);
out.push("");
out.push(
  table(
    ["field", "valid", "missing", "invalid", "missing rate"],
    quality.fields.map((field) => [field.field, field.valid, field.missing, field.invalid, percent(field.missingRate)]),
  ),
);
const zeroValue = transactions.filter((transaction) => transaction.amount === 0).length;
out.push(`\nDuplicate order ids: ${quality.duplicateIds.length}. Transactions with amount 0 (returns or free items, kept): ${zeroValue}.`);
for (const rejection of parsed.rejected.slice(0, 5)) out.push(`rejected row ${rejection.index}: ${rejection.path.join(".")} ${rejection.code}: ${rejection.message}`);

out.push(heading("2. Customer features (summarizeCustomers)"));
const describe = (name: string, values: number[]) => {
  const sorted = Float64Array.from(values).sort();
  return [name, quantile(sorted, 0), quantile(sorted, 0.25), quantile(sorted, 0.5), quantile(sorted, 0.75), quantile(sorted, 1)];
};
out.push(
  table(
    ["feature", "min", "p25", "median", "p75", "max"],
    [
      describe("recency (days)", customers.map((customer) => customer.recencyDays)),
      describe("frequency (purchases)", customers.map((customer) => customer.frequency)),
      describe("monetary total (USD)", customers.map((customer) => customer.monetaryTotal)),
      describe("average order (USD)", customers.map((customer) => customer.monetaryAverage)),
      describe("tenure (days)", customers.map((customer) => customer.tenureDays)),
      describe("inter-purchase (days)", customers.flatMap((customer) => (customer.meanInterPurchaseDays === null ? [] : [customer.meanInterPurchaseDays]))),
    ],
  ),
);
const oneTime = customers.filter((customer) => customer.frequency === 1).length;
out.push(`\nOne-time buyers: ${formatNumber(oneTime)} of ${formatNumber(customers.length)} (${percent(oneTime / customers.length)}).`);
console.log(out.join("\n"));

/** Each module's section, `examples/demo/<domain>.ts`, in the order of the report. */
const sections: ReadonlyArray<(context: DemoContext) => Promise<string>> = [rulesSection, segmentsSection, sqlSection, scoringSection, clusterSection, metricsSection, clvSection];
let number = 3;
for (const section of sections) {
  const text = await section(context);
  console.log(text.replace(/^\n?## /, `\n## ${number++}. `));
}
console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
