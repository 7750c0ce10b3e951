/**
 * Many-seed comparison with scikit-learn (RESULTS.md, "Iterations and best-solution rate over 200 seeds"):
 * single k-means++ runs (nInit 1) on seeds 1..N, iterations and final inertia per seed.
 *
 *   npx tsx seeds.ts 200 > results/seeds-segmentkit.json
 *   OMP_NUM_THREADS=1 /usr/bin/python3 seeds.py 200 > results/seeds-sklearn.json
 *   npx tsx seeds-summary.ts results/seeds-segmentkit.json results/seeds-sklearn.json
 */
import { readFileSync } from "node:fs";
import { kMeans } from "../../src/cluster/index.js";

const count = Number(process.argv[2] ?? 200);
const buffer = readFileSync(new URL("./data/features.f64", import.meta.url));
const flat = new Float64Array(buffer.buffer, buffer.byteOffset, buffer.byteLength / 8);
const matrix = { values: flat, rows: 100_000, columns: 8 };
const runs: Array<{ seed: number; iterations: number; inertia: number }> = [];
for (let seed = 1; seed <= count; seed++) {
  const result = kMeans(matrix, { k: 6, seed, nInit: 1 });
  runs.push({ seed, iterations: result.iterations, inertia: result.inertia });
}
console.log(JSON.stringify({ implementation: "segmentkit kMeans (Hamerly), nInit 1", runs }));
