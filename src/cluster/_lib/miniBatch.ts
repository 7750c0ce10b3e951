import type { Matrix } from "./matrix.js";

/**
 * One mini-batch step (scikit-learn's `_mini_batch_step` without reassignment): assign each batch
 * row to its nearest centre, then move every centre to the running mean of all rows it has received:
 * `c <- (c * n_c + sum(batch rows)) / (n_c + m)`. Returns the batch inertia (before the move).
 */
export function miniBatchStep(batch: Matrix, centers: Float64Array, counts: Float64Array, k: number): number {
  const { values, rows, columns } = batch;
  const sums = new Float64Array(k * columns);
  const batchCounts = new Float64Array(k);
  let inertia = 0;
  for (let index = 0; index < rows; index++) {
    const rowOffset = index * columns;
    let best = Number.POSITIVE_INFINITY;
    let bestLabel = 0;
    for (let center = 0; center < k; center++) {
      let distance = 0;
      const centerOffset = center * columns;
      for (let column = 0; column < columns; column++) {
        const difference = (values[rowOffset + column] as number) - (centers[centerOffset + column] as number);
        distance += difference * difference;
      }
      if (distance < best) {
        best = distance;
        bestLabel = center;
      }
    }
    inertia += best;
    batchCounts[bestLabel] = (batchCounts[bestLabel] as number) + 1;
    const sumOffset = bestLabel * columns;
    for (let column = 0; column < columns; column++) sums[sumOffset + column] = (sums[sumOffset + column] as number) + (values[rowOffset + column] as number);
  }
  for (let center = 0; center < k; center++) {
    const added = batchCounts[center] as number;
    if (added === 0) continue;
    const previous = counts[center] as number;
    const total = previous + added;
    const offset = center * columns;
    for (let column = 0; column < columns; column++) {
      centers[offset + column] = ((centers[offset + column] as number) * previous + (sums[offset + column] as number)) / total;
    }
    counts[center] = total;
  }
  return inertia;
}
