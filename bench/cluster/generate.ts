/**
 * Writes the clustering workload of docs/benchmarks.md (b): 100,000 x 8 rows from 6 Gaussian blobs
 * (sizes 30/24/17/13/10/6 %, sigma 1.0/1.3/0.8/1.6/1.1/0.9, centres uniform in [-2.5, 2.5]^8),
 * each column z-scored with the population std. mulberry32 seed 20240601, one stream: centres first,
 * then per row a uniform for the label and 8 Box-Muller normals (both branches used).
 * Output: data/features.f64 (row-major little-endian Float64), data/labels.u8, data/data.csv, data/meta.json.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { mulberry32, normalGenerator } from "../../src/_lib/random.js";

export const directory = join(import.meta.dirname, "data");

export function generate(rows = 100_000, columns = 8, seed = 20240601, halfWidth = 2.5) {
  const weights = [0.3, 0.24, 0.17, 0.13, 0.1, 0.06];
  const spreads = [1.0, 1.3, 0.8, 1.6, 1.1, 0.9];
  const random = mulberry32(seed);
  const normal = normalGenerator(random);
  const centers = weights.map(() => Array.from({ length: columns }, () => (2 * random() - 1) * halfWidth));
  const cumulative: number[] = [];
  weights.reduce((sum, weight) => (cumulative.push(sum + weight), sum + weight), 0);
  const values = new Float64Array(rows * columns);
  const labels = new Uint8Array(rows);
  for (let row = 0; row < rows; row++) {
    const u = random();
    let label = cumulative.findIndex((edge) => edge >= u);
    if (label < 0) label = weights.length - 1;
    labels[row] = label;
    for (let column = 0; column < columns; column++) values[row * columns + column] = centers[label]![column]! + spreads[label]! * normal();
  }
  for (let column = 0; column < columns; column++) {
    let mean = 0;
    for (let row = 0; row < rows; row++) mean += values[row * columns + column]!;
    mean /= rows;
    let variance = 0;
    for (let row = 0; row < rows; row++) variance += (values[row * columns + column]! - mean) ** 2;
    const deviation = Math.sqrt(variance / rows);
    for (let row = 0; row < rows; row++) values[row * columns + column] = (values[row * columns + column]! - mean) / deviation;
  }
  return { values, labels, rows, columns, meta: { rows, columns, k: weights.length, seed, halfWidth, weights, spreads } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const data = generate();
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, "features.f64"), Buffer.from(data.values.buffer));
  writeFileSync(join(directory, "labels.u8"), data.labels);
  const lines = [[...Array.from({ length: data.columns }, (_, index) => `f${index}`), "label"].join(",")];
  for (let row = 0; row < data.rows; row++) lines.push([...data.values.subarray(row * data.columns, (row + 1) * data.columns), data.labels[row]].join(","));
  writeFileSync(join(directory, "data.csv"), lines.join("\n") + "\n");
  writeFileSync(join(directory, "meta.json"), JSON.stringify(data.meta, null, 2));
  console.log(`wrote ${data.rows} x ${data.columns} to ${directory}`);
}
