/**
 * CLV benchmark on CDNOW (benchmarks.md §c): times each fit (best of 7), all per-customer predictions,
 * and runs the scipy MLE anchor of the same likelihoods (bench/clv/scipy_anchor.py) in the same run.
 *
 *   npx tsx bench/clv/run.ts            (from the repository root)
 */
import { execFileSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import {
  customerLifetimeValue,
  expectedPurchases,
  fitBgBb,
  fitBgNbd,
  fitGammaGamma,
  fitMbgNbd,
  fitParetoNbd,
  probabilityAlive,
  rfmSummary,
} from "../../src/clv/index.js";

const data = fileURLToPath(new URL("../../examples/data/", import.meta.url));
const transactions = readFileSync(data + "CDNOW_sample.txt", "utf8")
  .split(/\r?\n/)
  .filter((line) => line.trim() !== "")
  .map((line) => {
    const [, id, date, , dollars] = line.trim().split(/\s+/) as [string, string, string, string, string];
    return {
      customerId: String(Number(id)),
      timestamp: new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)))),
      amount: Number(dollars),
    };
  });
const donations = readFileSync(data + "donations.csv", "utf8").trim().split(/\r?\n/).slice(1).map((line) => {
  const [frequency, recency, periods, weight] = line.split(",").map(Number) as [number, number, number, number];
  return { frequency, recency, periods, weight };
});

const RUNS = 7;

function best<T>(runs: number, work: () => T): { milliseconds: number; result: T } {
  let milliseconds = Number.POSITIVE_INFINITY;
  let result = work();
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    result = work();
    milliseconds = Math.min(milliseconds, performance.now() - start);
  }
  return { milliseconds, result };
}

const prep = best(RUNS, () => rfmSummary(transactions, { calibrationEnd: new Date("1997-09-30T00:00:00Z"), observationEnd: new Date("1998-06-30T00:00:00Z"), unit: "weeks" }));
const summary = prep.result;
const lines: string[] = [];
const row = (name: string, milliseconds: number, detail: string): void => {
  lines.push(`| ${name} | ${milliseconds.toFixed(1)} ms | ${detail} |`);
};
row("rfmSummary (6,919 rows → 2,357 customers)", prep.milliseconds, "");

const describe = (model: { converged: boolean; logLikelihood: number; iterations: number; params: object }): string =>
  `${model.converged ? "converged" : "NOT converged"}, ${model.iterations} iterations, LL ${model.logLikelihood.toFixed(4)}, ` +
  Object.entries(model.params).map(([key, value]) => `${key} ${(value as number).toFixed(6)}`).join(", ");

// cold first call (includes JIT warm-up), then best of RUNS
const coldStart = performance.now();
fitBgNbd(summary);
const cold = performance.now() - coldStart;
const bg = best(RUNS, () => fitBgNbd(summary));
row("fitBgNbd", bg.milliseconds, describe(bg.result) + ` (cold first call ${cold.toFixed(0)} ms)`);
const pareto = best(RUNS, () => fitParetoNbd(summary));
row("fitParetoNbd", pareto.milliseconds, describe(pareto.result));
const mbg = best(RUNS, () => fitMbgNbd(summary));
row("fitMbgNbd", mbg.milliseconds, describe(mbg.result));
const gg = best(RUNS, () => fitGammaGamma(summary));
row("fitGammaGamma (946 repeat buyers)", gg.milliseconds, describe(gg.result));
const bb = best(RUNS, () => fitBgBb({ customers: donations }));
row("fitBgBb (donations, 22 rows)", bb.milliseconds, describe(bb.result));

const bgModel = bg.result;
const paretoModel = pareto.result;
const ggModel = gg.result;
if (bgModel.converged && paretoModel.converged && ggModel.converged) {
  const customers = summary.customers;
  const predictions = best(RUNS, () => {
    let total = 0;
    for (const customer of customers) total += expectedPurchases(bgModel, customer, 39) + probabilityAlive(bgModel, customer);
    return total;
  });
  row("BG/NBD E[Y(39)] + P(alive), 2,357 customers", predictions.milliseconds, "");
  const paretoPredictions = best(RUNS, () => {
    let total = 0;
    for (const customer of customers) total += expectedPurchases(paretoModel, customer, 39) + probabilityAlive(paretoModel, customer);
    return total;
  });
  row("Pareto/NBD E[Y(39)] + P(alive), 2,357 customers", paretoPredictions.milliseconds, "");
  const clv = best(RUNS, () => customerLifetimeValue(bgModel, ggModel, customers, { periods: 12, period: "months", discountRate: 0.01 }));
  row("customerLifetimeValue 12 months, 2,357 customers", clv.milliseconds, `total ${clv.result.reduce((a, b) => a + b, 0).toFixed(0)}`);
}

let anchor = "(scipy anchor not run)";
try {
  anchor = execFileSync("/usr/bin/python3", [fileURLToPath(new URL("./scipy_anchor.py", import.meta.url))], { encoding: "utf8" });
} catch (error) {
  anchor = `(scipy anchor failed: ${(error as Error).message})`;
}

console.log(`Node ${process.version}; ${cpus()[0]?.model ?? "unknown CPU"} × ${cpus().length}; load average ${loadavg().map((v) => v.toFixed(2)).join(" ")}`);
console.log(`\n| step | best of ${RUNS} | result |\n| --- | --- | --- |`);
console.log(lines.join("\n"));
console.log("\nscipy anchor (same run):\n");
console.log(anchor);
