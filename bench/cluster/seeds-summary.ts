/**
 * Summarises `seeds.ts` and `seeds.py` (RESULTS.md, "Iterations and best-solution rate over 200 seeds"):
 * the share of single runs that reach the best optimum, with Wilson intervals and Fisher's exact
 * test (from segmentkit/metrics), the rate this implies for nInit restarts, the iteration counts,
 * and how many seeds give the same run in both implementations.
 *
 *   npx tsx seeds-summary.ts results/seeds-segmentkit.json results/seeds-sklearn.json
 */
import { readFileSync } from "node:fs";
import { fisherExactTest, wilsonInterval } from "../../src/metrics/index.js";

interface SeedRuns {
  implementation: string;
  runs: Array<{ seed: number; iterations: number; inertia: number }>;
}
const files = process.argv.slice(2).map((file) => JSON.parse(readFileSync(file, "utf8")) as SeedRuns);
const best = Math.min(...files.flatMap((file) => file.runs.map((run) => run.inertia)));
const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
console.log(`best inertia over all runs: ${best.toFixed(1)}; a run reaches it when within 1e-5 relative\n`);
console.log("| implementation | runs | at the best optimum | 95% Wilson interval | implied rate with nInit 10 | iterations: median (quartiles) | mean |");
console.log("|---|---:|---:|---|---:|---|---:|");
const hits = files.map((file) => file.runs.filter((run) => run.inertia <= best * (1 + 1e-5)).length);
files.forEach((file, index) => {
  const successes = hits[index]!;
  const trials = file.runs.length;
  const interval = wilsonInterval({ successes, trials });
  const rate = successes / trials;
  const iterations = file.runs.map((run) => run.iterations);
  const mean = iterations.reduce((a, b) => a + b, 0) / iterations.length;
  console.log(
    `| ${file.implementation} | ${trials} | ${successes} (${(100 * rate).toFixed(1)} %) | ${(100 * interval.lower).toFixed(1)}-${(100 * interval.upper).toFixed(1)} % | ${(100 * (1 - (1 - rate) ** 10)).toFixed(1)} % | ${quantile(iterations, 0.5)} (${quantile(iterations, 0.25)}-${quantile(iterations, 0.75)}) | ${mean.toFixed(2)} |`,
  );
});
if (files.length === 2) {
  const [a, b] = files as [SeedRuns, SeedRuns];
  const bySeed = new Map(b.runs.map((run) => [run.seed, run]));
  let sameIterations = 0;
  let sameInertia = 0;
  for (const run of a.runs) {
    const other = bySeed.get(run.seed);
    if (other === undefined) continue;
    if (other.iterations === run.iterations) sameIterations++;
    if (Math.abs(other.inertia - run.inertia) <= 1e-9 * other.inertia) sameInertia++;
  }
  console.log(`\nsame seed, same run: ${sameIterations} of ${a.runs.length} seeds with equal iteration counts, ${sameInertia} with inertia equal to 1e-9 relative`);
  const test = fisherExactTest([
    [hits[0]!, a.runs.length - hits[0]!],
    [hits[1]!, b.runs.length - hits[1]!],
  ]);
  console.log(`\nFisher's exact test, best-optimum rates: p = ${test.pValue.toFixed(3)}, odds ratio ${test.oddsRatio.toFixed(2)}`);
}
