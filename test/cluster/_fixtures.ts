import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface MetricCase {
  name: string;
  data: number[][];
  labels: number[];
  silhouette: number;
  silhouetteSamples: number[];
  daviesBouldin: number;
  calinskiHarabasz: number;
}

export interface Fixtures {
  sklearn: string;
  cases: MetricCase[];
  adjustedRand: Array<{ truth: number[]; predicted: number[]; value: number }>;
  scalers: { data: number[][]; standard: number[][]; minMax: number[][]; robust: number[][] };
  separable: { data: number[][]; labels: number[] };
  randomState: Array<{ seed: number; randint100000: number[]; uniform: number[]; randint7: number[]; permutation10: number[] }>;
  kMeans: {
    data: number[][];
    k: number;
    runs: Array<{ seed: number; nInit: number; initialization: "kmeans++" | "random"; centroids: number[][]; inertia: number; iterations: number }>;
  };
}

export const fixtures: Fixtures = JSON.parse(
  readFileSync(fileURLToPath(new URL("../reference/cluster/fixtures.json", import.meta.url)), "utf8"),
) as Fixtures;

/** |actual - expected| <= tolerance * max(1, |expected|)... strictly relative when expected is not 0. */
export function relativeError(actual: number, expected: number): number {
  if (expected === 0) return Math.abs(actual);
  return Math.abs(actual - expected) / Math.abs(expected);
}
