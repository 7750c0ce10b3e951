import { requireLabelArray, toLabels } from "./_lib/matrix.js";

/**
 * Adjusted Rand index between two labelings of the same rows: 1 for identical partitions (up to
 * renaming), about 0 for independent ones.
 *
 * @remarks
 * From the contingency table `n_ij`, row sums `a_i` and column sums `b_j`:
 * `ARI = (sum C(n_ij, 2) - E) / (0.5 (sum C(a_i, 2) + sum C(b_j, 2)) - E)` with
 * `E = sum C(a_i, 2) sum C(b_j, 2) / C(n, 2)` (Hubert and Arabie 1985,
 * https://doi.org/10.1007/BF01908075). Returns 1 when both labelings are a single cluster or all
 * singletons (scikit-learn's special case). O(n + k1 * k2).
 * @param truth - reference labels (non-negative integers).
 * @param predicted - labels to compare, same length.
 * @returns The index in [-0.5, 1].
 * @throws `RangeError` `adjustedRandIndex requires one label per row` when lengths differ; `TypeError`
 * `adjustedRandIndex requires truth to be an array of numbers`, `adjustedRandIndex requires predicted to be an array of numbers`,
 * `adjustedRandIndex requires labels to be non-negative integers: label i is -1`.
 * @example
 * adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0]) //=> 1
 * adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]) //=> 0.2424
 * @category Cluster quality
 */
export function adjustedRandIndex(truth: ArrayLike<number>, predicted: ArrayLike<number>): number {
  const rows = requireLabelArray(truth, "adjustedRandIndex", "truth").length;
  requireLabelArray(predicted, "adjustedRandIndex", "predicted");
  const a = toLabels(truth, rows, "adjustedRandIndex");
  const b = toLabels(predicted, rows, "adjustedRandIndex");
  if (rows <= 1) return 1;
  // The contingency table holds at most one cell per row: kept sparse (a map of the cells that occur)
  // when the dense k1 × k2 table would be larger than the input, as scikit-learn keeps it sparse.
  const pairs = (value: number) => (value * (value - 1)) / 2;
  const rowSums = new Float64Array(a.clusterCount);
  const columnSums = new Float64Array(b.clusterCount);
  for (let index = 0; index < rows; index++) {
    rowSums[a.labels[index] as number]! += 1;
    columnSums[b.labels[index] as number]! += 1;
  }
  let sumCells = 0;
  if (a.clusterCount * b.clusterCount <= 4 * rows) {
    const table = new Float64Array(a.clusterCount * b.clusterCount);
    for (let index = 0; index < rows; index++) table[(a.labels[index] as number) * b.clusterCount + (b.labels[index] as number)]! += 1;
    for (const value of table) sumCells += pairs(value);
  } else {
    const cells = new Map<number, number>();
    for (let index = 0; index < rows; index++) {
      const cell = (a.labels[index] as number) * b.clusterCount + (b.labels[index] as number);
      cells.set(cell, (cells.get(cell) ?? 0) + 1);
    }
    for (const value of cells.values()) sumCells += pairs(value);
  }
  let sumRows = 0;
  for (const value of rowSums) sumRows += pairs(value);
  let sumColumns = 0;
  for (const value of columnSums) sumColumns += pairs(value);
  const expected = (sumRows * sumColumns) / pairs(rows);
  const maximum = (sumRows + sumColumns) / 2;
  if (maximum === expected) return 1;
  return (sumCells - expected) / (maximum - expected);
}
