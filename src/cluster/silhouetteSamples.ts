import type { MatrixInput } from "./_lib/matrix.js";
import { requireFiniteSpread, toLabels, toMatrix } from "./_lib/matrix.js";
import { silhouetteValues } from "./_lib/silhouette.js";

/**
 * Silhouette coefficient of every row: how much closer it is to its own cluster than to the nearest other one.
 *
 * @remarks
 * `s(i) = (b(i) - a(i)) / max(a(i), b(i))` with `a(i)` the mean Euclidean distance to the other rows of
 * its cluster and `b(i)` the smallest mean distance to the rows of another cluster; `s(i) = 0` for a
 * row alone in its cluster (Rousseeuw 1987, https://doi.org/10.1016/0377-0427(87)90125-7; same
 * conventions as scikit-learn's `silhouette_samples`). O(n^2 * d) time, O(n * k) memory: for large n use
 * {@link silhouetteScore} with `sampleSize`. Label ids need not be contiguous.
 * @param data - rows of finite numbers.
 * @param labels - the cluster id of each row (non-negative integers).
 * @returns A `Float64Array` of values in [-1, 1].
 * @throws `RangeError` `silhouetteSamples requires one label per row`,
 * `silhouetteSamples requires values small enough for finite sums of squared distances (scale the data first)`,
 * `silhouetteSamples requires between two and n - 1 distinct labels`; `TypeError` `silhouetteSamples requires an array of rows`,
 * `silhouetteSamples requires rows to be arrays of numbers: row i is null`, `silhouetteSamples requires rows of equal length: row i differs from row 0`,
 * `silhouetteSamples requires finite numbers: row i, column j is NaN`, `silhouetteSamples requires labels to be an array of numbers`,
 * `silhouetteSamples requires labels to be non-negative integers: label i is -1`.
 * @example
 * Array.from(silhouetteSamples([[0], [1], [10], [11]], [0, 0, 1, 1])).map((value) => value.toFixed(3)) //=> ["0.905", "0.895", "0.895", "0.905"]
 * @category Cluster quality
 */
export function silhouetteSamples(data: MatrixInput, labels: ArrayLike<number>): Float64Array {
  const matrix = toMatrix(data, "silhouetteSamples");
  requireFiniteSpread([matrix], matrix.columns, matrix.rows, "silhouetteSamples");
  const compact = toLabels(labels, matrix.rows, "silhouetteSamples");
  if (compact.clusterCount < 2 || compact.clusterCount > matrix.rows - 1) {
    throw new RangeError("silhouetteSamples requires between two and n - 1 distinct labels");
  }
  return silhouetteValues(matrix, compact.labels, compact.clusterCount);
}
