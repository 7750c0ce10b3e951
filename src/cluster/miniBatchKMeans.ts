import type { OptionKeys } from "../_lib/arguments.js";
import { mulberry32 } from "../_lib/random.js";
import { drawsFrom } from "../_lib/numpyRandomState.js";
import type { MatrixInput } from "./_lib/matrix.js";
import { requireFiniteSpread, squaredDistance, toMatrix, toRows } from "./_lib/matrix.js";
import { integerOption, maximumRuns, requireOptions, seedOption } from "./_lib/options.js";
import { canonicalOrder, kMeansPlusPlus, nearestCenters } from "./_lib/lloyd.js";
import { miniBatchStep } from "./_lib/miniBatch.js";
import type { KMeansModel } from "./kMeansModel.js";
import { createKMeansModel } from "./_lib/createKMeansModel.js";

/**
 * Options of {@link miniBatchKMeans}.
 * @category Clustering
 */
export interface MiniBatchKMeansOptions {
  /** Number of clusters. */
  readonly k: number;
  /** Seed of every random draw (initialisation sample, k-means++, batches). Default 0. */
  readonly seed?: number;
  /** Rows per batch, a positive integer. Default 1024. */
  readonly batchSize?: number;
  /** Maximum passes over the data: an integer from 1 to 1,000. Default 100. */
  readonly maxEpochs?: number;
  /** Stop after this many consecutive batches without improving the smoothed batch inertia: a positive integer, or `Infinity` to run all `maxEpochs`. Default 10. */
  readonly maxNoImprovement?: number;
  /** Initialisations tried (k-means++ on a sample of `3 * batchSize` rows), the best on a held-out sample wins. An integer from 1 to 1,000. Default 3. */
  readonly nInit?: number;
}

/**
 * Result of {@link miniBatchKMeans}.
 * @category Clustering
 */
export interface MiniBatchKMeansResult {
  readonly centroids: number[][];
  readonly labels: Int32Array;
  /** Rows per cluster id; 0 for a cluster that ends empty (see the remarks of {@link miniBatchKMeans}). */
  readonly sizes: number[];
  /** Inertia of the final centroids on all rows. */
  readonly inertia: number;
  /** Batches processed. */
  readonly steps: number;
  readonly model: KMeansModel;
}

/**
 * Mini-batch k-means: k-means on random batches, far faster than {@link kMeans} on large data at a
 * small cost in inertia.
 *
 * @remarks
 * Sculley 2010 (https://doi.org/10.1145/1772690.1772862) as in scikit-learn's `MiniBatchKMeans`:
 * `nInit` greedy k-means++ initialisations on random samples of `3 * batchSize` rows (the best on
 * another sample wins), then batches drawn with replacement; each batch moves every centre to the
 * running mean of the rows it has received. Stops after `maxEpochs * n / batchSize` batches or when
 * the exponentially smoothed batch inertia has not improved for `maxNoImprovement` batches. Final
 * labels and inertia are exact on all rows. Empty clusters are not relocated (scikit-learn's random
 * reassignment of small clusters is left out): a centre that no row is nearest to keeps its place
 * and ends with a 0 in `sizes`. With fewer distinct rows than k this always happens (equal rows
 * share a label), and such a centroid duplicates another. Seeded; ids canonical (largest cluster
 * first). For data that does not fit in memory use {@link createMiniBatchKMeans}.
 * O(steps * batchSize * k * d + n * k * d).
 * @param data - rows of finite numbers (small enough for finite squared distances, as for {@link kMeans}).
 * @param options - see {@link MiniBatchKMeansOptions}.
 * @returns Centroids, labels, sizes, inertia, steps and the model.
 * @throws `RangeError` `miniBatchKMeans requires k to be at least one`, `miniBatchKMeans requires k to be at most the number of rows`,
 * `miniBatchKMeans requires k to be an integer`, `miniBatchKMeans requires batchSize to be at least one`,
 * `miniBatchKMeans requires batchSize to be an integer`, `miniBatchKMeans requires maxEpochs to be at least one`,
 * `miniBatchKMeans requires maxEpochs to be at most 1000`, `miniBatchKMeans requires maxEpochs to be an integer`,
 * `miniBatchKMeans requires maxNoImprovement to be at least one`, `miniBatchKMeans requires maxNoImprovement to be an integer`,
 * `miniBatchKMeans requires nInit to be at least one`, `miniBatchKMeans requires nInit to be at most 1000`,
 * `miniBatchKMeans requires nInit to be an integer`, `miniBatchKMeans requires seed to be a finite number`,
 * `miniBatchKMeans requires values small enough for finite sums of squared distances (scale the data first)`;
 * `TypeError` `miniBatchKMeans requires an options object`, `miniBatchKMeans requires k to be a number` (likewise
 * `batchSize`, `maxEpochs`, `maxNoImprovement`, `nInit`, `seed`) and the data errors of {@link kMeans}.
 * @example
 * const data = Array.from({ length: 200 }, (_, index) => [index % 2 === 0 ? index / 100 : 50 + index / 100]);
 * const result = miniBatchKMeans(data, { k: 2, seed: 1, batchSize: 32 });
 * result.sizes //=> [100, 100]
 * Array.from(result.model.predict([[0], [60]])) //=> [0, 1]
 * @category Clustering
 */
export function miniBatchKMeans(data: MatrixInput, options: MiniBatchKMeansOptions): MiniBatchKMeansResult {
  const matrix = toMatrix(data, "miniBatchKMeans");
  const checked = requireOptions("miniBatchKMeans", options, true, { k: true, seed: true, batchSize: true, maxEpochs: true, maxNoImprovement: true, nInit: true } satisfies OptionKeys<MiniBatchKMeansOptions>);
  const { rows, columns, values } = matrix;
  const k = integerOption("miniBatchKMeans", "k", checked.k, undefined, 1, rows, "the number of rows");
  const batchSize = integerOption("miniBatchKMeans", "batchSize", checked.batchSize, 1024, 1);
  const maxEpochs = integerOption("miniBatchKMeans", "maxEpochs", checked.maxEpochs, 100, 1, maximumRuns);
  // Infinity turns the early stop off (the run is still bounded by maxEpochs).
  const maxNoImprovement =
    checked.maxNoImprovement === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : integerOption("miniBatchKMeans", "maxNoImprovement", checked.maxNoImprovement, 10, 1);
  const nInit = integerOption("miniBatchKMeans", "nInit", checked.nInit, 3, 1, maximumRuns);
  const seed = seedOption("miniBatchKMeans", checked.seed);
  requireFiniteSpread([matrix], columns, rows, "miniBatchKMeans");
  const random = mulberry32(seed);
  const sampleRows = (count: number) => {
    const sample = new Float64Array(count * columns);
    for (let position = 0; position < count; position++) {
      const row = Math.floor(random() * rows);
      sample.set(values.subarray(row * columns, row * columns + columns), position * columns);
    }
    return { values: sample, rows: count, columns };
  };
  const initSize = Math.min(rows, Math.max(3 * batchSize, k));
  const validation = sampleRows(initSize);
  let centers: Float64Array | undefined;
  let bestInertia = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < nInit; attempt++) {
    const sample = sampleRows(initSize);
    const candidate = kMeansPlusPlus(sample, k, drawsFrom(random));
    let inertia = 0;
    const labels = nearestCenters(validation, candidate, k);
    for (let index = 0; index < validation.rows; index++) inertia += squaredDistance(validation.values, index, candidate, labels[index] as number, columns);
    // The first candidate always counts, so `centers` is set even if every inertia were Infinity or NaN.
    if (centers === undefined || inertia < bestInertia) {
      bestInertia = inertia;
      centers = candidate;
    }
  }
  const current = centers as Float64Array;
  const counts = new Float64Array(k);
  const size = Math.min(batchSize, rows);
  const maxSteps = Math.max(1, Math.ceil((maxEpochs * rows) / size));
  let smoothed: number | undefined;
  let best = Number.POSITIVE_INFINITY;
  let stale = 0;
  let steps = 0;
  const alpha = Math.min(1, (2 * size) / (rows + 1));
  for (let step = 0; step < maxSteps; step++) {
    const batch = sampleRows(size);
    const inertia = miniBatchStep(batch, current, counts, k) / size;
    steps++;
    smoothed = smoothed === undefined ? inertia : smoothed * (1 - alpha) + inertia * alpha;
    if (smoothed < best) {
      best = smoothed;
      stale = 0;
    } else if (++stale >= maxNoImprovement) break;
  }
  const labels = nearestCenters(matrix, current, k);
  let inertia = 0;
  for (let index = 0; index < rows; index++) inertia += squaredDistance(values, index, current, labels[index] as number, columns);
  const ordered = canonicalOrder(matrix, current, labels, k);
  const centroids = toRows(ordered.centers, k, columns);
  return {
    centroids,
    labels: ordered.labels,
    sizes: ordered.sizes,
    inertia,
    steps,
    model: createKMeansModel(centroids, undefined, { algorithm: "miniBatch", seed, inertia, rows }),
  };
}
