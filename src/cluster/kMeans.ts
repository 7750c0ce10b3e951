import type { OptionKeys } from "../_lib/arguments.js";
import { choice } from "../_lib/arguments.js";
import { numpyRandomState } from "../_lib/numpyRandomState.js";
import type { MatrixInput } from "./_lib/matrix.js";
import { meanColumnVariance, requireFiniteSpread, toMatrix, toRows } from "./_lib/matrix.js";
import { integerOption, maximumRuns, numberOption, requireOptions, requireStrings, seedOption } from "./_lib/options.js";
import { canonicalOrder, emptyAssignment, kMeansPlusPlus, randomRows, runKMeans } from "./_lib/lloyd.js";
import type { KMeansModel } from "./kMeansModel.js";
import { createKMeansModel } from "./_lib/createKMeansModel.js";

/**
 * Options of {@link kMeans}.
 * @category Clustering
 */
export interface KMeansOptions {
  /** Number of clusters, at least one and at most the number of rows. */
  readonly k: number;
  /**
   * Seed of the generator behind every random draw (the initialisation of every restart): numpy's
   * `RandomState(seed)`, so `seed` gives the draws of scikit-learn's `KMeans(random_state=seed)`.
   * An integer from 0 to 2^32 - 1 (other finite numbers use their low 32 bits). Default 0.
   */
  readonly seed?: number;
  /** Number of restarts from different initialisations; the run with the lowest inertia wins. An integer from 1 to 1,000. Default 10. */
  readonly nInit?: number;
  /** Iteration cap per run, a positive integer. Default 300. */
  readonly maxIterations?: number;
  /** Relative tolerance: a run stops when the summed squared centroid shift is at most `tolerance` times the mean per-feature variance (scikit-learn's rule). Default 1e-4. */
  readonly tolerance?: number;
  /** `"kmeans++"` (greedy, default), `"random"` (the first k rows of a seeded permutation, as scikit-learn's `init="random"`) or explicit initial centroids (then one run). */
  readonly initialization?: "kmeans++" | "random" | ReadonlyArray<ArrayLike<number>>;
  /** `"hamerly"` (default; one lower bound per row skips most distance computations), `"elkan"` (one lower bound per row and centre, n * k numbers; can pay off for larger k, but on the 100,000 x 8, k = 6 benchmark it is slower than Hamerly) or `"lloyd"` (plain). All three give identical results. */
  readonly algorithm?: "hamerly" | "elkan" | "lloyd";
  /** Names of the columns, kept in the model (for profiling and SQL export). */
  readonly featureNames?: ReadonlyArray<string>;
}

/**
 * One restart's outcome.
 * @category Clustering
 */
export interface KMeansRestart {
  readonly inertia: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Result of {@link kMeans}.
 * @category Clustering
 */
export interface KMeansResult {
  /** One centroid per cluster id. */
  readonly centroids: number[][];
  /** Cluster id of each row (0 is the largest cluster). */
  readonly labels: Int32Array;
  /** Rows per cluster id; 0 for a cluster left empty (fewer distinct rows than k, see the remarks of {@link kMeans}). */
  readonly sizes: number[];
  /** Sum of squared distances of the rows to their centroid (best restart). */
  readonly inertia: number;
  /** Lloyd iterations of the best restart. */
  readonly iterations: number;
  /** Whether the best restart converged before `maxIterations`. */
  readonly converged: boolean;
  /** Every restart in order, so the spread of local optima is visible. */
  readonly restarts: KMeansRestart[];
  /** The fitted model: `predict` new rows, `toJSON` to store. */
  readonly model: KMeansModel;
}

/**
 * k-means clustering (Lloyd's algorithm with Hamerly's bounds), seeded and restarted.
 *
 * @remarks
 * Minimises the inertia `sum_i ||x_i - c(label_i)||^2`. Each of `nInit` runs starts from greedy
 * k-means++ (scikit-learn's variant: `2 + floor(ln k)` candidates per centre, keeping the one that
 * lowers the potential most; Arthur and Vassilvitskii 2007,
 * https://theory.stanford.edu/~sergei/papers/kMeansPP-soda.pdf), then iterates until no label changes
 * or the summed squared centroid shift is at most `tolerance * mean per-feature variance`. Hamerly's
 * bounds (https://epubs.siam.org/doi/10.1137/1.9781611972801.12) skip most distance computations
 * without changing the result. A cluster that empties during the iterations takes the row farthest
 * from its centroid, but equal rows always share a label (the nearest centre, ties to the lower id),
 * so with fewer distinct rows than k some clusters end empty: a 0 in `sizes`, and a centroid that
 * duplicates another. scikit-learn gives the same labels and centroids, with a warning. One seed
 * drives one stream for every restart: numpy's MT19937 `RandomState`, drawn exactly as
 * scikit-learn 1.2 draws it, so `kMeans(data, { k, seed, nInit })` reproduces
 * `KMeans(n_clusters=k, random_state=seed, n_init=nInit)` of scikit-learn 1.2: the same centroids,
 * inertia and iterations (tested on 30 reference runs; only rounding differs) on data without
 * exact distance ties. Ties are the first of three known differences: a row exactly between two
 * centres joins the lower cluster id here, while in scikit-learn the rounding of its centred
 * ‖x‖² − 2x·c + ‖c‖² decides, so on integer-valued data (RFM scores 1–5) the runs often part after
 * the first step (45 of 60 differed in a review; with 1e-3 of jitter none did). Then, from version
 * 1.3 scikit-learn draws the first centre with `choice` instead of `randint`, so its runs start
 * elsewhere; and when a cluster empties, scikit-learn moves the
 * farthest row's weight without relabelling the row, while segmentkit relabels it (rare with
 * k-means++). Results are identical across runs, Node and browsers. Among restarts, a lower
 * inertia wins only with a different partition (scikit-learn's rule), so equal clusterings keep
 * the first. Cluster ids are canonical: by decreasing size, ties by centroid coordinates.
 * Cost: O(nInit * iterations * n * k * d) worst case, usually far less. Rows must be finite numbers:
 * prepare missing values first (`prepareFeatures` in `segmentkit/scoring`); and small enough that n
 * times the squared diagonal of their bounding box is a finite number (values up to about 1e150:
 * beyond, squared distances overflow to Infinity).
 * @param data - rows of numbers (`number[][]`) or a dense `{ values: Float64Array, rows, columns }`
 * (faster for large inputs: copying 100,000 row arrays of 8 numbers takes about 5 ms, and the
 * 6.4 MB it allocates can start a garbage collection of the caller's heap).
 * @param options - see {@link KMeansOptions}.
 * @returns Centroids, labels, sizes, inertia, iterations and the model of the best restart.
 * @throws `RangeError` `kMeans requires k to be at least one`, `kMeans requires k to be at most the number of rows`,
 * `kMeans requires k to be an integer`, `kMeans requires nInit to be at least one`, `kMeans requires nInit to be at most 1000`,
 * `kMeans requires nInit to be an integer`, `kMeans requires maxIterations to be at least one`,
 * `kMeans requires maxIterations to be an integer`, `kMeans requires a non-negative tolerance`,
 * `kMeans requires seed to be a finite number`, `kMeans requires one feature name per column`,
 * `kMeans requires k initial centroids of d features`,
 * `kMeans requires values small enough for finite sums of squared distances (scale the data first)`;
 * `TypeError` `kMeans requires an array of rows`, `kMeans requires rows to be arrays of numbers: row i is null`,
 * `kMeans requires rows of equal length: row i differs from row 0`, `kMeans requires finite numbers: row i, column j is NaN`,
 * `kMeans requires an options object`, `kMeans requires k to be a number` (likewise `nInit`, `maxIterations`,
 * `tolerance`, `seed`), `kMeans requires algorithm to be "hamerly", "elkan" or "lloyd"`,
 * `kMeans requires initialization to be "kmeans++", "random" or an array of centroids`,
 * `kMeans requires featureNames to be an array of strings`.
 * @example
 * const result = kMeans([[1, 1], [1.5, 2], [8, 8], [9, 8.5], [1, 0.6]], { k: 2, seed: 42 });
 * result.sizes //=> [3, 2]
 * Array.from(result.labels) //=> [0, 0, 1, 1, 0]
 * result.centroids[1] //=> [8.5, 8.25]
 * Array.from(result.model.predict([[0, 0], [10, 10]])) //=> [0, 1]
 * @category Clustering
 */
export function kMeans(data: MatrixInput, options: KMeansOptions): KMeansResult {
  const matrix = toMatrix(data, "kMeans");
  const checked = requireOptions("kMeans", options, true, { k: true, seed: true, nInit: true, maxIterations: true, tolerance: true, initialization: true, algorithm: true, featureNames: true } satisfies OptionKeys<KMeansOptions>);
  const k = integerOption("kMeans", "k", checked.k, undefined, 1, matrix.rows, "the number of rows");
  const nInit = integerOption("kMeans", "nInit", checked.nInit, 10, 1, maximumRuns);
  const maxIterations = integerOption("kMeans", "maxIterations", checked.maxIterations, 300, 1);
  const tolerance = numberOption("kMeans", "tolerance", checked.tolerance, 1e-4);
  const seed = seedOption("kMeans", checked.seed);
  const method = choice("kMeans", "algorithm", checked.algorithm, ["hamerly", "elkan", "lloyd"], "hamerly");
  const initialization = checked.initialization ?? "kmeans++";
  if (!(tolerance >= 0)) throw new RangeError("kMeans requires a non-negative tolerance");
  if (checked.featureNames !== undefined && requireStrings("kMeans", "featureNames", checked.featureNames).length !== matrix.columns) {
    throw new RangeError("kMeans requires one feature name per column");
  }
  let explicit: Float64Array | undefined;
  if (typeof initialization !== "object" || initialization === null) {
    if (initialization !== "kmeans++" && initialization !== "random") {
      throw new TypeError('kMeans requires initialization to be "kmeans++", "random" or an array of centroids');
    }
    requireFiniteSpread([matrix], matrix.columns, matrix.rows, "kMeans");
  } else {
    const initial = toMatrix(initialization, "kMeans");
    if (initial.rows !== k || initial.columns !== matrix.columns) throw new RangeError("kMeans requires k initial centroids of d features");
    requireFiniteSpread([matrix, initial], matrix.columns, matrix.rows, "kMeans");
    explicit = initial.values;
  }
  const draws = numpyRandomState(seed);
  const absoluteTolerance = tolerance * meanColumnVariance(matrix);
  const runs = explicit === undefined ? nInit : 1;
  const restarts: KMeansRestart[] = [];
  let best: ReturnType<typeof runKMeans> | undefined;
  for (let run = 0; run < runs; run++) {
    // k-means++ also yields the first assignment, which saves the first full scan of each run.
    const first = explicit === undefined && initialization !== "random" ? emptyAssignment(matrix.rows) : undefined;
    const initialCenters =
      explicit ?? (first === undefined ? randomRows(matrix, k, draws) : kMeansPlusPlus(matrix, k, draws, first));
    const result = runKMeans(matrix, initialCenters, k, maxIterations, absoluteTolerance, method, undefined, first);
    restarts.push({ inertia: result.inertia, iterations: result.iterations, converged: result.converged });
    // scikit-learn's rule: a lower inertia wins only with a different partition, so restarts that
    // find the same clustering (inertia equal up to rounding) keep the first one.
    if (best === undefined || (result.inertia < best.inertia && !sameClustering(result.labels, best.labels, k))) best = result;
  }
  const chosen = best as ReturnType<typeof runKMeans>;
  const ordered = canonicalOrder(matrix, chosen.centers, chosen.labels, k);
  const centroids = toRows(ordered.centers, k, matrix.columns);
  const model = createKMeansModel(centroids, checked.featureNames, {
    algorithm: method,
    seed,
    inertia: chosen.inertia,
    rows: matrix.rows,
  });
  return {
    centroids,
    labels: ordered.labels,
    sizes: ordered.sizes,
    inertia: chosen.inertia,
    iterations: chosen.iterations,
    converged: chosen.converged,
    restarts,
    model,
  };
}

/** Whether `second` is a relabelling of `first` (scikit-learn's `_is_same_clustering`: each id of `first` maps to one id of `second`). */
function sameClustering(first: Int32Array, second: Int32Array, k: number): boolean {
  const mapping = new Int32Array(k).fill(-1);
  for (let index = 0; index < first.length; index++) {
    const from = first[index] as number;
    const to = second[index] as number;
    const mapped = mapping[from] as number;
    if (mapped === -1) mapping[from] = to;
    else if (mapped !== to) return false;
  }
  return true;
}
