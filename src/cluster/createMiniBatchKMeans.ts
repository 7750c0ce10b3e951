import type { OptionKeys } from "../_lib/arguments.js";
import { mulberry32 } from "../_lib/random.js";
import { drawsFrom } from "../_lib/numpyRandomState.js";
import type { MatrixInput } from "./_lib/matrix.js";
import { requireFiniteSpread, toMatrix, toRows } from "./_lib/matrix.js";
import { integerOption, requireOptions, requireStrings, seedOption } from "./_lib/options.js";
import { kMeansPlusPlus } from "./_lib/lloyd.js";
import { miniBatchStep } from "./_lib/miniBatch.js";
import type { KMeansModel } from "./kMeansModel.js";
import { createKMeansModel } from "./_lib/createKMeansModel.js";

/**
 * Options of {@link createMiniBatchKMeans}.
 * @category Clustering
 */
export interface CreateMiniBatchKMeansOptions {
  /** Number of clusters, a positive integer (the first batch must have at least k rows). */
  readonly k: number;
  /** Seed of the k-means++ initialisation on the first batch. Default 0. */
  readonly seed?: number;
  /** Optional feature names, kept in the model. */
  readonly featureNames?: ReadonlyArray<string>;
}

/**
 * A streaming mini-batch k-means: feed batches with `partialFit`, read the model at any time.
 * @category Clustering
 */
export interface MiniBatchKMeansStream {
  /** Updates the centroids with one batch (the first batch, of at least k rows, initialises them by k-means++). Returns the same stream. */
  partialFit(batch: MatrixInput): MiniBatchKMeansStream;
  /** Rows seen so far. */
  readonly rowsSeen: number;
  /** Current centroids (empty before the first batch). */
  readonly centroids: number[][];
  /** Rows received by each centroid so far (empty before the first batch). */
  readonly counts: number[];
  /** A model of the current centroids. */
  model(): KMeansModel;
}

/**
 * Starts a streaming mini-batch k-means for data too large for memory (scikit-learn's `partial_fit`):
 * read the data in chunks (for example with `readDelimited` of `segmentkit/node`) and pass each to `partialFit`.
 *
 * @remarks Each batch moves every centroid to the running mean of all rows it has received
 * (Sculley 2010). The result depends on batch order; with the same batches and seed it is identical.
 * Centroid ids are in initialisation order (not re-sorted, so they stay stable across batches).
 * O(batch rows * k * d) per batch, O(k * d) memory.
 * @param options - `k`, `seed`, `featureNames`.
 * @returns A {@link MiniBatchKMeansStream}.
 * @throws `RangeError` `createMiniBatchKMeans requires k to be at least one`, `createMiniBatchKMeans requires k to be an integer`,
 * `createMiniBatchKMeans requires seed to be a finite number`; `TypeError` `createMiniBatchKMeans requires an options object`,
 * `createMiniBatchKMeans requires k to be a number` (likewise `seed`), `createMiniBatchKMeans requires featureNames to be an array of strings`.
 * `partialFit` throws `RangeError` `partialFit requires the first batch to have at least k rows`, `partialFit requires rows of d features`,
 * `partialFit requires one feature name per column`,
 * `partialFit requires values small enough for finite sums of squared distances (scale the data first)`
 * (checked on the batch together with the current centroids) and the data errors of {@link kMeans} with `partialFit` for `kMeans`;
 * `model` throws `RangeError` `model requires at least one batch` before the first `partialFit`.
 * @example
 * const stream = createMiniBatchKMeans({ k: 2, seed: 3 });
 * stream.partialFit([[0], [0.2], [10], [10.2]]).partialFit([[0.1], [10.1]]);
 * stream.rowsSeen //=> 6
 * stream.centroids.map((centroid) => centroid[0]).sort((a, b) => a - b) //=> [0.1, 10.1]
 * @category Clustering
 */
export function createMiniBatchKMeans(options: CreateMiniBatchKMeansOptions): MiniBatchKMeansStream {
  const checked = requireOptions("createMiniBatchKMeans", options, true, { k: true, seed: true, featureNames: true } satisfies OptionKeys<CreateMiniBatchKMeansOptions>);
  const k = integerOption("createMiniBatchKMeans", "k", checked.k, undefined, 1);
  const random = mulberry32(seedOption("createMiniBatchKMeans", checked.seed));
  const featureNames = checked.featureNames === undefined ? undefined : requireStrings("createMiniBatchKMeans", "featureNames", checked.featureNames);
  let centers: Float64Array | undefined;
  let columns = 0;
  // Allocated with the first batch, which has at least k rows: a k of 1e308 fails there with a clear message.
  let counts = new Float64Array(0);
  let rowsSeen = 0;
  const stream: MiniBatchKMeansStream = {
    partialFit(batch) {
      const matrix = toMatrix(batch, "partialFit");
      if (matrix.rows === 0) return stream;
      if (centers === undefined) {
        if (matrix.rows < k) throw new RangeError("partialFit requires the first batch to have at least k rows");
        if (featureNames !== undefined && featureNames.length !== matrix.columns) throw new RangeError("partialFit requires one feature name per column");
        requireFiniteSpread([matrix], matrix.columns, matrix.rows, "partialFit");
        columns = matrix.columns;
        centers = kMeansPlusPlus(matrix, k, drawsFrom(random));
        counts = new Float64Array(k);
      } else {
        if (matrix.columns !== columns) throw new RangeError(`partialFit requires rows of ${columns} features`);
        // The centroids are means of earlier rows: together with the batch they bound every distance and running sum.
        requireFiniteSpread([matrix, { values: centers, rows: k, columns }], columns, rowsSeen + matrix.rows, "partialFit");
      }
      miniBatchStep(matrix, centers, counts, k);
      rowsSeen += matrix.rows;
      return stream;
    },
    get rowsSeen() {
      return rowsSeen;
    },
    get centroids() {
      return centers === undefined ? [] : toRows(centers, k, columns);
    },
    get counts() {
      return Array.from(counts);
    },
    model() {
      if (centers === undefined) throw new RangeError("model requires at least one batch");
      return createKMeansModel(toRows(centers, k, columns), featureNames, undefined);
    },
  };
  return stream;
}
