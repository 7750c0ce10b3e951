/**
 * segmentkit/clv walkthrough on the CDNOW sample: transaction log → RFM summary → BG/NBD + Gamma-Gamma
 * → predictions, residual value, 12-month CLV and a check against the holdout, with the time unit explicit at every step.
 *
 *   npx tsx --tsconfig examples/tsconfig.json examples/clv.ts
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  conditionalPurchaseCountProbability,
  customerLifetimeValue,
  discountedResidualPurchases,
  expectedAverageSpend,
  expectedPurchases,
  fitBgNbd,
  fitGammaGamma,
  holdoutComparison,
  probabilityAlive,
  purchaseProbability,
  rfmSummary,
} from "segmentkit/clv";

const file = fileURLToPath(new URL("./data/CDNOW_sample.txt", import.meta.url));
const transactions = readFileSync(file, "utf8")
  .split(/\r?\n/)
  .filter((line) => line.trim() !== "")
  .map((line) => {
    const [, id = "", date = "", , dollars = "0"] = line.trim().split(/\s+/);
    return {
      customerId: id,
      timestamp: new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)))),
      amount: Number(dollars),
    };
  });

// 1. Calibration summary in weeks (same-day purchases merged; frequency counts repeat purchase days).
const summary = rfmSummary(transactions, {
  calibrationEnd: new Date("1997-09-30T00:00:00Z"),
  observationEnd: new Date("1998-06-30T00:00:00Z"),
  unit: "weeks",
});

// 2. Fit the purchase and spend models. A fit that does not converge says why instead of throwing.
const purchases = fitBgNbd(summary);
if (!purchases.converged) throw new Error(purchases.message);
const spend = fitGammaGamma(summary);
if (!spend.converged) throw new Error(spend.message);
console.log("BG/NBD", purchases.params, "LL", purchases.logLikelihood.toFixed(2), "SE", purchases.standardErrors);
console.log("Gamma-Gamma", spend.params);

// 3. Predictions for one customer. Horizons are in the model unit (weeks) or carry their own unit.
const customer = summary.customers[0]!;
console.log("customer", customer.customerId, {
  probabilityAlive: probabilityAlive(purchases, customer),
  buysInNext30Days: purchaseProbability(purchases, customer, { amount: 30, unit: "days" }),
  buysTwiceNextQuarter: conditionalPurchaseCountProbability(purchases, customer, { amount: 3, unit: "months" }, 2),
  nextQuarter: expectedPurchases(purchases, customer, { amount: 3, unit: "months" }),
  next39Weeks: expectedPurchases(purchases, customer, 39),
  expectedSpend: expectedAverageSpend(spend, customer),
  // every purchase of the remaining lifetime, discounted at 15 % a year (FHL 2005's DERT), times the spend
  residualValue: discountedResidualPurchases(purchases, customer, { discountRate: 0.15, period: "years" }) * expectedAverageSpend(spend, customer),
});

// 4. 12-month CLV for everyone, discounting 1 % per month; check against the holdout.
const values = customerLifetimeValue(purchases, spend, summary.customers, { periods: 12, period: "months", discountRate: 0.01 });
let total = 0;
for (const value of values) total += value;
const holdout = holdoutComparison(purchases, summary);
console.log(`total 12-month CLV $${total.toFixed(0)}; holdout purchases predicted ${holdout.total.predicted.toFixed(0)}, actual ${holdout.total.actual}`);
// 5. The same check per calibration frequency: where does the model under- or over-forecast?
console.table(holdout.rows.map((row) => ({ "repeat purchases": `${row.frequency}${row.orMore ? "+" : ""}`, customers: row.customers, actual: row.actual.toFixed(3), predicted: row.predicted.toFixed(3) })));
if (holdout.total.actual !== summary.counts.holdoutPurchases) throw new Error("examples/clv.ts: every holdout purchase is in the table");
