import { mulberry32 } from "../../_lib/random.js";
import type { Matrix } from "./matrix.js";
import { toLabels } from "./matrix.js";

/**
 * Silhouette of every row in O(n^2 * d) time and O(n * k) memory: each pair distance is computed once
 * and added to both rows' per-cluster sums. Rows are first grouped by cluster (a counting sort), so
 * the inner loop runs over one cluster's block at a time without a label test. `labels` are compact
 * ids in [0, clusterCount); the result is in the input row order.
 */
export function silhouetteValues(matrix: Matrix, labels: Int32Array, clusterCount: number): Float64Array {
  const { values, rows, columns } = matrix;
  const k = clusterCount;
  // Counting sort by label: blockStart[c] .. blockStart[c + 1] holds cluster c.
  const blockStart = new Int32Array(k + 1);
  for (let index = 0; index < rows; index++) {
    const label = labels[index] as number;
    blockStart[label + 1] = (blockStart[label + 1] as number) + 1;
  }
  for (let cluster = 0; cluster < k; cluster++) blockStart[cluster + 1] = (blockStart[cluster + 1] as number) + (blockStart[cluster] as number);
  const order = new Int32Array(rows);
  const fill = Int32Array.from(blockStart.subarray(0, k));
  for (let index = 0; index < rows; index++) {
    const label = labels[index] as number;
    order[fill[label] as number] = index;
    fill[label] = (fill[label] as number) + 1;
  }
  const sorted = new Float64Array(rows * columns);
  for (let position = 0; position < rows; position++) {
    const row = order[position] as number;
    sorted.set(values.subarray(row * columns, row * columns + columns), position * columns);
  }
  const sortedLabels = new Int32Array(rows);
  for (let cluster = 0; cluster < k; cluster++) sortedLabels.fill(cluster, blockStart[cluster] as number, blockStart[cluster + 1] as number);
  const sums = new Float64Array(rows * k);
  for (let a = 0; a < rows; a++) {
    const offsetA = a * columns;
    const labelA = sortedLabels[a] as number;
    const sumsA = a * k;
    for (let cluster = labelA; cluster < k; cluster++) {
      const start = cluster === labelA ? a + 1 : (blockStart[cluster] as number);
      const end = blockStart[cluster + 1] as number;
      let local = 0;
      for (let b = start; b < end; b++) {
        const offsetB = b * columns;
        let distance = 0;
        for (let column = 0; column < columns; column++) {
          const difference = (sorted[offsetA + column] as number) - (sorted[offsetB + column] as number);
          distance += difference * difference;
        }
        distance = Math.sqrt(distance);
        local += distance;
        const target = b * k + labelA;
        sums[target] = (sums[target] as number) + distance;
      }
      sums[sumsA + cluster] = (sums[sumsA + cluster] as number) + local;
    }
  }
  const result = new Float64Array(rows);
  for (let position = 0; position < rows; position++) {
    const label = sortedLabels[position] as number;
    const ownSize = (blockStart[label + 1] as number) - (blockStart[label] as number);
    const row = order[position] as number;
    if (ownSize <= 1) {
      result[row] = 0;
      continue;
    }
    const within = (sums[position * k + label] as number) / (ownSize - 1);
    let nearest = Number.POSITIVE_INFINITY;
    for (let cluster = 0; cluster < k; cluster++) {
      const size = (blockStart[cluster + 1] as number) - (blockStart[cluster] as number);
      if (cluster === label || size === 0) continue;
      const mean = (sums[position * k + cluster] as number) / size;
      if (mean < nearest) nearest = mean;
    }
    const denominator = Math.max(within, nearest);
    result[row] = denominator === 0 ? 0 : (nearest - within) / denominator;
  }
  return result;
}

/**
 * Mean silhouette of all rows, or of `sampleSize` rows (when fewer than the rows) drawn with a seeded
 * mulberry32 Fisher-Yates shuffle, or with `stratified`, per cluster in proportion to its size with
 * at least two rows of each cluster that has them. `null` when the scored rows hold fewer than two or
 * more than m - 1 distinct labels (silhouetteScore throws then; chooseK reports `null`). `labels` are
 * compact ids in [0, clusterCount).
 */
export function meanSilhouette(matrix: Matrix, labels: Int32Array, clusterCount: number, sampleSize: number, seed: number, stratified: boolean): number | null {
  let scored = matrix;
  let compact = { labels, clusterCount };
  if (sampleSize < matrix.rows) {
    const random = mulberry32(seed);
    const chosen = stratified ? stratifiedSample(labels, clusterCount, sampleSize, random) : sample(matrix.rows, sampleSize, random);
    const { columns } = matrix;
    const values = new Float64Array(chosen.length * columns);
    const sampledLabels = new Int32Array(chosen.length);
    chosen.forEach((row, position) => {
      values.set(matrix.values.subarray(row * columns, row * columns + columns), position * columns);
      sampledLabels[position] = labels[row] as number;
    });
    scored = { values, rows: chosen.length, columns };
    compact = toLabels(sampledLabels, chosen.length, "silhouetteScore");
  }
  if (compact.clusterCount < 2 || compact.clusterCount > scored.rows - 1) return null;
  const values = silhouetteValues(scored, compact.labels, compact.clusterCount);
  let sum = 0;
  for (let index = 0; index < values.length; index++) sum += values[index] as number;
  return sum / values.length;
}

function sample(rows: number, size: number, random: () => number): number[] {
  const indexes = new Int32Array(rows);
  for (let index = 0; index < rows; index++) indexes[index] = index;
  for (let position = 0; position < size; position++) {
    const pick = position + Math.floor(random() * (rows - position));
    const value = indexes[pick] as number;
    indexes[pick] = indexes[position] as number;
    indexes[position] = value;
  }
  return Array.from(indexes.subarray(0, size));
}

function stratifiedSample(labels: Int32Array, clusterCount: number, size: number, random: () => number): number[] {
  const members: number[][] = Array.from({ length: clusterCount }, () => []);
  for (let index = 0; index < labels.length; index++) members[labels[index] as number]?.push(index);
  const chosen: number[] = [];
  for (const group of members) {
    const quota = Math.min(group.length, Math.max(2, Math.round((size * group.length) / labels.length)));
    for (const position of sample(group.length, quota, random)) chosen.push(group[position] as number);
  }
  return chosen.sort((a, b) => a - b);
}
