import type { Matrix } from "./matrix.js";

/**
 * Silhouette of every row in O(n^2 * d) time and O(n * k) memory: each pair distance is computed once
 * and added to both rows' per-cluster sums. `labels` are compact ids in [0, clusterCount).
 */
export function silhouetteValues(matrix: Matrix, labels: Int32Array, clusterCount: number): Float64Array {
  const { values, rows, columns } = matrix;
  const sums = new Float64Array(rows * clusterCount);
  const sizes = new Float64Array(clusterCount);
  for (let index = 0; index < rows; index++) { const label = labels[index] as number; sizes[label] = (sizes[label] as number) + 1; }
  for (let a = 0; a < rows; a++) {
    const offsetA = a * columns;
    const labelA = labels[a] as number;
    const sumsA = a * clusterCount;
    let ownSum = 0;
    for (let b = a + 1; b < rows; b++) {
      const offsetB = b * columns;
      let distance = 0;
      for (let column = 0; column < columns; column++) {
        const difference = (values[offsetA + column] as number) - (values[offsetB + column] as number);
        distance += difference * difference;
      }
      distance = Math.sqrt(distance);
      const labelB = labels[b] as number;
      if (labelB === labelA) ownSum += distance;
      else sums[sumsA + labelB] = (sums[sumsA + labelB] as number) + distance;
      sums[b * clusterCount + labelA] = (sums[b * clusterCount + labelA] as number) + distance;
    }
    sums[sumsA + labelA] = (sums[sumsA + labelA] as number) + ownSum;
  }
  const result = new Float64Array(rows);
  for (let index = 0; index < rows; index++) {
    const label = labels[index] as number;
    const ownSize = sizes[label] as number;
    if (ownSize <= 1) {
      result[index] = 0;
      continue;
    }
    const within = (sums[index * clusterCount + label] as number) / (ownSize - 1);
    let nearest = Number.POSITIVE_INFINITY;
    for (let cluster = 0; cluster < clusterCount; cluster++) {
      if (cluster === label || sizes[cluster] === 0) continue;
      const mean = (sums[index * clusterCount + cluster] as number) / (sizes[cluster] as number);
      if (mean < nearest) nearest = mean;
    }
    const denominator = Math.max(within, nearest);
    result[index] = denominator === 0 ? 0 : (nearest - within) / denominator;
  }
  return result;
}
