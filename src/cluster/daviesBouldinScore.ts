import type { MatrixInput } from "./_lib/matrix.js";
import { requireFiniteSpread, squaredDistance, toLabels, toMatrix } from "./_lib/matrix.js";
import { clusterCentroids } from "./_lib/centroids.js";

/**
 * Davies-Bouldin index: the mean, over clusters, of the worst ratio of within-cluster scatter to
 * between-centroid distance. Lower is better; 0 is the minimum.
 *
 * @remarks
 * With `s_i` the mean distance of cluster i's rows to its centroid and `d_ij` the distance between
 * centroids: `DB = (1/k) sum_i max_{j != i} (s_i + s_j) / d_ij` (Davies and Bouldin 1979,
 * https://doi.org/10.1109/TPAMI.1979.4766909). scikit-learn's conventions: 0 when every `s_i` or every
 * `d_ij` is (close to) zero; a zero `d_ij` is treated as infinite. O(n * d + k^2 * d).
 * @param data - rows of finite numbers.
 * @param labels - the cluster id of each row.
 * @returns The index, at least 0.
 * @throws `RangeError` `daviesBouldinScore requires one label per row`,
 * `daviesBouldinScore requires values small enough for finite sums of squared distances (scale the data first)`, `daviesBouldinScore requires between two and n - 1 distinct labels`;
 * `TypeError` the data and label errors of {@link silhouetteSamples} with `daviesBouldinScore` for `silhouetteSamples`.
 * @example
 * daviesBouldinScore([[0], [1], [10], [11]], [0, 0, 1, 1]) //=> 0.1
 * @category Cluster quality
 */
export function daviesBouldinScore(data: MatrixInput, labels: ArrayLike<number>): number {
  const matrix = toMatrix(data, "daviesBouldinScore");
  requireFiniteSpread([matrix], matrix.columns, matrix.rows, "daviesBouldinScore");
  const compact = toLabels(labels, matrix.rows, "daviesBouldinScore");
  const k = compact.clusterCount;
  if (k < 2 || k > matrix.rows - 1) throw new RangeError("daviesBouldinScore requires between two and n - 1 distinct labels");
  const { columns, rows, values } = matrix;
  const { centroids, sizes } = clusterCentroids(matrix, compact.labels, k);
  const scatter = new Float64Array(k);
  for (let index = 0; index < rows; index++) {
    const label = compact.labels[index] as number;
    scatter[label] = (scatter[label] as number) + Math.sqrt(squaredDistance(values, index, centroids, label, columns));
  }
  for (let cluster = 0; cluster < k; cluster++) scatter[cluster] = (scatter[cluster] as number) / (sizes[cluster] as number);
  const between = new Float64Array(k * k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) between[a * k + b] = Math.sqrt(squaredDistance(centroids, a, centroids, b, columns));
  // numpy.allclose(x, 0): |x| <= 1e-8 for every element.
  if (scatter.every((value) => Math.abs(value) <= 1e-8) || between.every((value) => Math.abs(value) <= 1e-8)) return 0;
  let total = 0;
  for (let a = 0; a < k; a++) {
    let worst = Number.NEGATIVE_INFINITY;
    for (let b = 0; b < k; b++) {
      if (a === b) continue;
      const distance = between[a * k + b] as number;
      const ratio = distance === 0 ? 0 : ((scatter[a] as number) + (scatter[b] as number)) / distance;
      if (ratio > worst) worst = ratio;
    }
    total += worst;
  }
  return total / k;
}
