/**
 * Clustering benchmark of docs/benchmarks.md (b), all implementations in one run:
 *   cd bench/cluster && npm install && NODE_OPTIONS=--expose-gc npx tsx run.ts [passes]
 * JS implementations run interleaved round-robin (round r = seed r, rotated order) after one
 * untimed warm-up each; scikit-learn runs in /usr/bin/python3 subprocesses with
 * OMP_NUM_THREADS=1 and times itself (process CPU). Inertia and ARI are recomputed here from each
 * implementation's returned centroids (nearest-centroid labels).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { kmeans as mlKMeans } from "ml-kmeans";
// @ts-expect-error skmeans ships no types
import skmeans from "skmeans";
import {
  adjustedRandIndex,
  calinskiHarabaszScore,
  daviesBouldinScore,
  kMeans,
  miniBatchKMeans,
  silhouetteScore,
} from "../../src/cluster/index.js";
import { mulberry32 } from "../../src/_lib/random.js";
import { directory } from "./generate.js";

if (!existsSync(join(directory, "features.f64"))) execFileSync("npx", ["tsx", join(import.meta.dirname, "generate.ts")], { stdio: "inherit" });
const meta = JSON.parse(readFileSync(join(directory, "meta.json"), "utf8")) as { rows: number; columns: number; k: number };
const buffer = readFileSync(join(directory, "features.f64"));
const flat = new Float64Array(buffer.buffer, buffer.byteOffset, buffer.byteLength / 8);
const truth = Array.from(readFileSync(join(directory, "labels.u8")));
const { rows, columns, k } = meta;
const data: number[][] = Array.from({ length: rows }, (_, row) => Array.from(flat.subarray(row * columns, (row + 1) * columns)));
const matrix = { values: flat, rows, columns };
const passes = Number(process.argv[2] ?? 1);
const seeds = [1, 2, 3, 4, 5];

interface Run {
  cpuMs: number;
  wallMs: number;
  iterations: number;
  inertia: number;
  ari: number;
}

function evaluate(centroids: ArrayLike<number>[]): { inertia: number; ari: number; labels: Int32Array } {
  const labels = new Int32Array(rows);
  let inertia = 0;
  for (let row = 0; row < rows; row++) {
    let best = Number.POSITIVE_INFINITY;
    let bestLabel = 0;
    centroids.forEach((centroid, label) => {
      let distance = 0;
      for (let column = 0; column < columns; column++) distance += (flat[row * columns + column]! - (centroid[column] as number)) ** 2;
      if (distance < best) [best, bestLabel] = [distance, label];
    });
    labels[row] = bestLabel;
    inertia += best;
  }
  return { inertia, ari: adjustedRandIndex(truth, labels), labels };
}

function withSeededRandom<T>(seed: number, run: () => T): T {
  const original = Math.random;
  Math.random = mulberry32(seed);
  try {
    return run();
  } finally {
    Math.random = original;
  }
}

type Implementation = (seed: number) => { centroids: ArrayLike<number>[]; iterations: number };
const implementations: Record<string, Implementation> = {
  "segmentkit kMeans (Hamerly), nInit 1, number[][] input": (seed) => {
    const result = kMeans(data, { k, seed, nInit: 1 });
    return { centroids: result.centroids, iterations: result.iterations };
  },
  // The dense input that scikit-learn gets too (a float64 array): no conversion from 100,000 row arrays.
  "segmentkit kMeans (Hamerly), nInit 1, Float64Array input": (seed) => {
    const result = kMeans(matrix, { k, seed, nInit: 1 });
    return { centroids: result.centroids, iterations: result.iterations };
  },
  "segmentkit kMeans (Lloyd), nInit 1": (seed) => {
    const result = kMeans(data, { k, seed, nInit: 1, algorithm: "lloyd" });
    return { centroids: result.centroids, iterations: result.iterations };
  },
  "segmentkit miniBatchKMeans (batch 1024)": (seed) => {
    const result = miniBatchKMeans(data, { k, seed, batchSize: 1024 });
    return { centroids: result.centroids, iterations: result.steps };
  },
  "ml-kmeans 7.0.1": (seed) => {
    const result = mlKMeans(data, k, { initialization: "kmeans++", seed, maxIterations: 300 });
    return { centroids: result.centroids, iterations: result.iterations };
  },
  "skmeans 0.11.3 (kmpp)": (seed) =>
    withSeededRandom(seed, () => {
      const result = skmeans(data, k, "kmpp", 300) as { centroids: number[][]; it: number };
      return { centroids: result.centroids, iterations: result.it };
    }),
};

/**
 * `node --expose-gc`: a full collection before each timed run, so no run pays for the previous one's
 * garbage, then a 25 ms pause so that V8's background sweeping of that collection finishes before
 * the clock starts (process CPU time counts every thread).
 */
const forceCollection = (globalThis as { gc?: () => void }).gc;
if (forceCollection === undefined) console.warn("run with NODE_OPTIONS=--expose-gc to collect garbage between timed runs");
const pause = new Int32Array(new SharedArrayBuffer(4));
const collectGarbage = forceCollection === undefined ? undefined : () => {
  forceCollection();
  Atomics.wait(pause, 0, 0, 25);
};

function time(implementation: Implementation, seed: number): Run {
  collectGarbage?.();
  const wall = performance.now();
  const cpu = process.cpuUsage();
  const result = implementation(seed);
  const used = process.cpuUsage(cpu);
  const wallMs = performance.now() - wall;
  const { inertia, ari } = evaluate(result.centroids);
  return { cpuMs: (used.user + used.system) / 1000, wallMs, iterations: result.iterations, inertia, ari };
}

const python = (args: string[]) =>
  JSON.parse(
    execFileSync("/usr/bin/python3", [join(import.meta.dirname, "sklearn_bench.py"), directory, ...args], {
      env: { ...process.env, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", MKL_NUM_THREADS: "1" },
      encoding: "utf8",
      maxBuffer: 1 << 24,
    }),
  ) as Record<string, unknown>;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const report: Record<string, unknown> = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model,
  cores: cpus().length,
  loadBefore: loadavg(),
  passes: [] as unknown[],
};

for (let pass = 0; pass < passes; pass++) {
  const results: Record<string, Run[]> = {};
  const names = Object.keys(implementations);
  for (const name of names) implementations[name]!(0); // untimed warm-up
  let sklearnVersion = "";
  seeds.forEach((seed, round) => {
    const order = names.map((_, index) => names[(index + round) % names.length]!);
    for (const name of order) (results[name] ??= []).push(time(implementations[name]!, seed));
    const sk = python([String(seed), "kmeans"]) as Record<string, Run> & { sklearn: string };
    sklearnVersion = sk.sklearn;
    (results["scikit-learn Lloyd, 1 thread, n_init 1"] ??= []).push(sk["lloyd"]!);
    (results["scikit-learn Elkan, 1 thread, n_init 1"] ??= []).push(sk["elkan"]!);
    (results["scikit-learn MiniBatchKMeans (batch 1024)"] ??= []).push(sk["minibatch"]!);
  });
  kMeans(matrix, { k, seed: 0, nInit: 10 }); // warm-up
  for (const seed of [1, 2, 3]) {
    (results["segmentkit kMeans, nInit 10, Float64Array input"] ??= []).push(time((value) => {
      const result = kMeans(matrix, { k, seed: value, nInit: 10 });
      return { centroids: result.centroids, iterations: result.iterations };
    }, seed));
    const sk = python([String(seed), "restarts"]) as Record<string, Run>;
    (results["scikit-learn Lloyd, 1 thread, n_init 10"] ??= []).push(sk["lloyd10"]!);
  }
  const best = Math.min(...Object.values(results).flat().map((run) => run.inertia));
  const summary = Object.entries(results).map(([name, runs]) => ({
    name,
    cpuMs: median(runs.map((run) => run.cpuMs)),
    wallMs: median(runs.map((run) => run.wallMs)),
    cpuPerIterationMs: median(runs.map((run) => run.cpuMs / Math.max(1, run.iterations))),
    iterations: runs.map((run) => run.iterations),
    inertia: median(runs.map((run) => run.inertia)),
    ari: median(runs.map((run) => run.ari)),
    bestOptimum: `${runs.filter((run) => run.inertia <= best * (1 + 1e-4)).length} / ${runs.length}`,
  }));
  // Quality metrics on the seed-1 labels of segmentkit.
  const labels = evaluate(kMeans(data, { k, seed: 1, nInit: 1 }).centroids).labels;
  const labelsFile = join(directory, "labels-seed1.i32");
  writeFileSync(labelsFile, Buffer.from(labels.buffer));
  const metricTimes = (fn: () => number) => {
    fn();
    const times: number[] = [];
    let value = 0;
    for (let repeat = 0; repeat < 5; repeat++) {
      collectGarbage?.();
      const cpu = process.cpuUsage();
      value = fn();
      const used = process.cpuUsage(cpu);
      times.push((used.user + used.system) / 1000);
    }
    return { value, cpuMs: median(times) };
  };
  const metrics = {
    segmentkit: {
      silhouette: metricTimes(() => silhouetteScore(data, labels, { sampleSize: 10_000, seed: 1 })),
      daviesBouldin: metricTimes(() => daviesBouldinScore(data, labels)),
      calinskiHarabasz: metricTimes(() => calinskiHarabaszScore(data, labels)),
    },
    sklearn: (python(["1", "metrics", labelsFile]) as { metrics: unknown }).metrics,
  };
  (report["passes"] as unknown[]).push({ summary, metrics, best, sklearn: sklearnVersion, load: loadavg() });
  console.log(`\npass ${pass + 1}, load ${loadavg().map((value) => value.toFixed(2)).join(" ")}, best inertia ${best.toFixed(0)}`);
  console.log("| implementation | CPU ms (median) | wall ms | CPU ms / iteration | iterations | inertia | ARI | best optimum |");
  console.log("|---|---:|---:|---:|---|---:|---:|---|");
  for (const row of summary) {
    console.log(
      `| ${row.name} | ${row.cpuMs.toFixed(0)} | ${row.wallMs.toFixed(0)} | ${row.cpuPerIterationMs.toFixed(2)} | ${row.iterations.join(", ")} | ${row.inertia.toFixed(0)} | ${row.ari.toFixed(3)} | ${row.bestOptimum} |`,
    );
  }
  console.log(JSON.stringify(metrics));
}
mkdirSync(join(import.meta.dirname, "results"), { recursive: true });
writeFileSync(join(import.meta.dirname, "results", `run-${Date.now()}.json`), JSON.stringify(report, null, 2));
