import type { MatrixInput } from "./_lib/matrix.js";
import { fitMixed } from "./_lib/fitMixed.js";
import type { KPrototypesModel } from "./kPrototypesModel.js";

/**
 * Options of {@link kPrototypes}.
 * @category Clustering
 */
export interface KPrototypesOptions {
  /** Number of clusters. */
  readonly k: number;
  /** Weight of one categorical mismatch against squared numeric distance. Default `0.5 * mean std of the numeric columns` (Huang), or 1 when that mean is 0 (no numeric column, or all constant). */
  readonly gamma?: number;
  /** `"cao"` (default; deterministic, density based) or `"huang"` (seeded frequency draws). */
  readonly initialization?: "cao" | "huang";
  /** Restarts for `"huang"` (Cao is deterministic: always one run), an integer from 1 to 1,000. Default 5. */
  readonly nInit?: number;
  /** Seed of the Huang draws. Default 0. */
  readonly seed?: number;
  /** Iteration cap, a positive integer. Default 100. */
  readonly maxIterations?: number;
}

/**
 * Result of {@link kPrototypes} and {@link kModes}.
 * @category Clustering
 */
export interface KPrototypesResult {
  readonly labels: Int32Array;
  readonly sizes: number[];
  /** Numeric part of each prototype (cluster means). */
  readonly numericCentroids: number[][];
  /** Categorical part of each prototype (cluster modes), in the original values (`true` and `"true"` are different categories). */
  readonly categoricalModes: Array<Array<string | number | boolean>>;
  /** Total cost: squared numeric distances plus gamma times mismatches. */
  readonly cost: number;
  /** The two parts of the cost, to see whether one side dominates (nicodv/kmodes#161). */
  readonly numericCost: number;
  readonly categoricalCost: number;
  /** The gamma used (the default or the one given). */
  readonly gamma: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** The fitted model: `predict` new rows, `toJSON` to store, `parseKPrototypesModel` to load. */
  readonly model: KPrototypesModel;
  /** Nearest prototype for new rows (ties to the lower id; unseen categories count as mismatches); the same as `model.predict`. */
  predict(numeric: MatrixInput, categorical: ReadonlyArray<ReadonlyArray<string | number | boolean>>): Int32Array;
}

/**
 * k-prototypes clustering of mixed numeric and categorical customer data (Huang 1998).
 *
 * @remarks
 * Cost `sum_i ||x_i - mu(label_i)||^2 + gamma * mismatches(c_i, mode(label_i))`: numeric columns
 * use squared Euclidean distance to the cluster mean, categorical columns simple matching to the
 * cluster mode (ties: the category seen first). The default `gamma` is half the mean standard
 * deviation of the numeric columns (Huang), and 1 when that is 0 (no numeric column, or every
 * numeric column constant), so the categorical columns always count; `result.gamma` reports it.
 * Batch iterations (all rows assigned, then means and modes recomputed) until no label changes; an
 * empty cluster takes the row farthest from its prototype, and a row stays with its prototype on a
 * tie, so a run with more clusters than distinct rows converges (`predict`, which has no current
 * cluster, gives such a row the lowest tied index).
 * Scale the numeric columns first (`fitScaler` in `segmentkit/scoring`): unscaled
 * numerics swamp the categorical part, and `numericCost` / `categoricalCost` show the balance.
 * Huang 1998, https://doi.org/10.1023/A:1009769707641; Cao et al. 2009,
 * https://doi.org/10.1016/j.eswa.2008.10.101. O(iterations * n * k * (d + m)); Cao init O(n * k * (d + m)).
 * @param numeric - numeric rows (n rows; may have zero columns).
 * @param categorical - categorical rows (n rows of strings, numbers or booleans).
 * @param options - see {@link KPrototypesOptions}.
 * @returns Labels, sizes, prototypes, the cost and its split, and the model (`predict`, `toJSON`).
 * @throws `RangeError` `kPrototypes requires k to be at least one`, `kPrototypes requires k to be at most the number of rows`,
 * `kPrototypes requires k to be an integer`, `kPrototypes requires the same number of numeric and categorical rows`,
 * `kPrototypes requires a non-negative finite gamma`, `kPrototypes requires maxIterations to be at least one`,
 * `kPrototypes requires maxIterations to be an integer`, `kPrototypes requires nInit to be at least one`,
 * `kPrototypes requires nInit to be at most 1000`, `kPrototypes requires nInit to be an integer`,
 * `kPrototypes requires seed to be a finite number`,
 * `kPrototypes requires values small enough for finite sums of squared distances (scale the data first)`;
 * `TypeError` `kPrototypes requires an options object`, `kPrototypes requires k to be a number` (likewise `gamma`,
 * `maxIterations`, `nInit`, `seed`), `kPrototypes requires initialization to be "cao" or "huang"`,
 * `kPrototypes requires an array of categorical rows`, `kPrototypes requires categorical rows to be arrays: row i is null`,
 * `kPrototypes requires categorical rows of equal length: row i differs from row 0`,
 * `kPrototypes requires categories to be strings, finite numbers or booleans: row i, column j is null`,
 * and the data errors of {@link kMeans} (with `kPrototypes`) for the numeric rows.
 * @example
 * const result = kPrototypes(
 *   [[1], [1.2], [0.9], [8], [8.1], [7.9]],
 *   [["email"], ["email"], ["sms"], ["push"], ["push"], ["push"]],
 *   { k: 2 },
 * );
 * Array.from(result.labels) //=> [0, 0, 0, 1, 1, 1]
 * result.categoricalModes //=> [["email"], ["push"]]
 * const stored = JSON.stringify(result.model);
 * Array.from(parseKPrototypesModel(JSON.parse(stored)).predict([[7.5]], [["push"]])) //=> [1]
 * @category Clustering
 */
export function kPrototypes(
  numeric: MatrixInput,
  categorical: ReadonlyArray<ReadonlyArray<string | number | boolean>>,
  options: KPrototypesOptions,
): KPrototypesResult {
  return fitMixed("kPrototypes", numeric, categorical, options);
}
