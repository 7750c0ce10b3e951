import { mulberry32 } from "../_lib/random.js";
import { drawsFrom } from "../_lib/numpyRandomState.js";
import type { MatrixInput } from "./_lib/matrix.js";
import { squaredDistance, toMatrix, toRows } from "./_lib/matrix.js";
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
  /** Rows per batch. Default 1024. */
  readonly batchSize?: number;
  /** Maximum passes over the data. Default 100. */
  readonly maxEpochs?: number;
  /** Stop after this many consecutive batches without improving the smoothed batch inertia. Default 10. */
  readonly maxNoImprovement?: number;
  /** Initialisations tried (k-means++ on a sample of `3 * batchSize` rows), the best on a held-out sample wins. Default 3. */
  readonly nInit?: number;
}

/**
 * Result of {@link miniBatchKMeans}.
 * @category Clustering
 */
export interface MiniBatchKMeansResult {
  readonly centroids: number[][];
  readonly labels: Int32Array;
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
 * labels and inertia are exact on all rows. Seeded; ids canonical (largest cluster first). For data
 * that does not fit in memory use {@link createMiniBatchKMeans}. O(steps * batchSize * k * d + n * k * d).
 * @param data - rows of finite numbers.
 * @param options - see {@link MiniBatchKMeansOptions}.
 * @returns Centroids, labels, sizes, inertia, steps and the model.
 * @throws `RangeError` `miniBatchKMeans requires k to be at least one`, `miniBatchKMeans requires k to be at most the number of rows`,
 * `miniBatchKMeans requires batchSize to be at least one`.
 * @example
 * const data = Array.from({ length: 200 }, (_, index) => [index % 2 === 0 ? index / 100 : 50 + index / 100]);
 * const result = miniBatchKMeans(data, { k: 2, seed: 1, batchSize: 32 });
 * result.sizes //=> [100, 100]
 * Array.from(result.model.predict([[0], [60]])) //=> [0, 1]
 * @category Clustering
 */
export function miniBatchKMeans(data: MatrixInput, options: MiniBatchKMeansOptions): MiniBatchKMeansResult {
  const matrix = toMatrix(data, "miniBatchKMeans");
  const { k } = options;
  const { rows, columns, values } = matrix;
  const batchSize = options.batchSize ?? 1024;
  const maxEpochs = options.maxEpochs ?? 100;
  const maxNoImprovement = options.maxNoImprovement ?? 10;
  const nInit = options.nInit ?? 3;
  const seed = options.seed ?? 0;
  if (!Number.isInteger(k) || k < 1) throw new RangeError("miniBatchKMeans requires k to be at least one");
  if (k > rows) throw new RangeError("miniBatchKMeans requires k to be at most the number of rows");
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError("miniBatchKMeans requires batchSize to be at least one");
  if (!Number.isInteger(nInit) || nInit < 1) throw new RangeError("miniBatchKMeans requires nInit to be at least one");
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
    if (inertia < bestInertia) {
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
  const ordered = canonicalOrder(current, labels, k, columns);
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
