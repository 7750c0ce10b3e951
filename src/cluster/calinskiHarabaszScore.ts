import type { MatrixInput } from "./_lib/matrix.js";
import { requireFiniteSpread, squaredDistance, toLabels, toMatrix } from "./_lib/matrix.js";
import { clusterCentroids } from "./_lib/centroids.js";

/**
 * Calinski-Harabasz index (variance ratio criterion): between-cluster dispersion over within-cluster
 * dispersion, scaled by degrees of freedom. Higher is better.
 *
 * @remarks
 * `CH = [B / (k - 1)] / [W / (n - k)]` with `B = sum_j n_j ||c_j - c||^2` and
 * `W = sum_i ||x_i - c(label_i)||^2` (Calinski and Harabasz 1974,
 * https://doi.org/10.1080/03610927408827101). Returns 1 when `W` is 0, like scikit-learn. O(n * d).
 * @param data - rows of finite numbers.
 * @param labels - the cluster id of each row.
 * @returns The index, non-negative (0 when every cluster centroid equals the overall mean).
 * @throws `RangeError` `calinskiHarabaszScore requires one label per row`,
 * `calinskiHarabaszScore requires values small enough for finite sums of squared distances (scale the data first)`, `calinskiHarabaszScore requires between two and n - 1 distinct labels`;
 * `TypeError` the data and label errors of {@link silhouetteSamples} with `calinskiHarabaszScore` for `silhouetteSamples`.
 * @example
 * calinskiHarabaszScore([[0], [1], [10], [11]], [0, 0, 1, 1]) //=> 200
 * @category Cluster quality
 */
export function calinskiHarabaszScore(data: MatrixInput, labels: ArrayLike<number>): number {
  const matrix = toMatrix(data, "calinskiHarabaszScore");
  requireFiniteSpread([matrix], matrix.columns, matrix.rows, "calinskiHarabaszScore");
  const compact = toLabels(labels, matrix.rows, "calinskiHarabaszScore");
  const k = compact.clusterCount;
  const { rows, columns, values } = matrix;
  if (k < 2 || k > rows - 1) throw new RangeError("calinskiHarabaszScore requires between two and n - 1 distinct labels");
  const { centroids, sizes } = clusterCentroids(matrix, compact.labels, k);
  const mean = new Float64Array(columns);
  for (let index = 0; index < rows; index++) for (let column = 0; column < columns; column++) mean[column] = (mean[column] as number) + (values[index * columns + column] as number);
  for (let column = 0; column < columns; column++) mean[column] = (mean[column] as number) / rows;
  let between = 0;
  for (let cluster = 0; cluster < k; cluster++) between += (sizes[cluster] as number) * squaredDistance(centroids, cluster, mean, 0, columns);
  let within = 0;
  for (let index = 0; index < rows; index++) within += squaredDistance(values, index, centroids, compact.labels[index] as number, columns);
  if (within === 0) return 1;
  return (between * (rows - k)) / (within * (k - 1));
}
