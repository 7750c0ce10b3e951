import type { Matrix } from "./matrix.js";

/** Mean of each cluster's rows (compact labels in [0, k)) and the cluster sizes. O(n * d). */
export function clusterCentroids(matrix: Matrix, labels: Int32Array, k: number): { centroids: Float64Array; sizes: Float64Array } {
  const { values, rows, columns } = matrix;
  const centroids = new Float64Array(k * columns);
  const sizes = new Float64Array(k);
  for (let index = 0; index < rows; index++) {
    const label = labels[index] as number;
    sizes[label] = (sizes[label] as number) + 1;
    const offset = label * columns;
    const rowOffset = index * columns;
    for (let column = 0; column < columns; column++) centroids[offset + column] = (centroids[offset + column] as number) + (values[rowOffset + column] as number);
  }
  for (let cluster = 0; cluster < k; cluster++) {
    const size = sizes[cluster] as number;
    if (size > 0) for (let column = 0; column < columns; column++) centroids[cluster * columns + column] = (centroids[cluster * columns + column] as number) / size;
  }
  return { centroids, sizes };
}
