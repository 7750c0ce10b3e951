import type { SegmentationError } from "../_lib/errors.js";
import type { Issue } from "../_lib/errors.js";
import type { MatrixInput } from "./_lib/matrix.js";
import { isCount, modelParseFailure, readFitRecord, readModelEnvelope } from "./_lib/modelEnvelope.js";
import { createKMeansModel } from "./_lib/createKMeansModel.js";

/**
 * The JSON form of a fitted k-means model: plain data that {@link parseKMeansModel} reads back.
 * @category Clustering
 */
export interface KMeansModelJson {
  readonly format: "segmentkit.kMeansModel";
  readonly version: 1;
  /** Number of clusters. */
  readonly k: number;
  /** Number of features per row. */
  readonly columns: number;
  /** One centroid per cluster, in cluster-id order. */
  readonly centroids: ReadonlyArray<ReadonlyArray<number>>;
  /** Optional feature names, one per column (used by SQL export and profiling). */
  readonly featureNames?: ReadonlyArray<string>;
  /** How the model was fitted (seed, algorithm, inertia), for the record. */
  readonly fit?: { readonly algorithm: string; readonly seed: number; readonly inertia: number; readonly rows: number };
}

/**
 * A fitted centroid model: assigns new rows to the nearest centroid and serializes to JSON.
 * @category Clustering
 */
export interface KMeansModel {
  readonly k: number;
  readonly columns: number;
  /** Centroids, one row per cluster id. */
  readonly centroids: ReadonlyArray<ReadonlyArray<number>>;
  readonly featureNames: ReadonlyArray<string> | undefined;
  /**
   * Nearest-centroid cluster id of each row (squared Euclidean; ties go to the lower id). O(n * k * d).
   * Throws `RangeError` `predict requires rows of d features, got c`, `predict requires values small
   * enough for finite sums of squared distances (scale the data first)` for a row whose distance to
   * every centroid overflows (raw rows far outside the scaled data the model was fitted on: such a
   * row would get cluster 0), and the data
   * errors of `kMeans` with `predict` for `kMeans` (`TypeError` `predict requires an array of rows`
   * for `undefined` or `null`).
   */
  predict(rows: MatrixInput): Int32Array;
  /** Squared Euclidean distance from each row to each centroid, as `rows x k` arrays; throws as `predict`, with `transform` in the messages. */
  transform(rows: MatrixInput): number[][];
  /** Plain JSON; `parseKMeansModel(model.toJSON())` gives an equivalent model. */
  toJSON(): KMeansModelJson;
}

/**
 * Reads a k-means model from untrusted JSON (the output of `model.toJSON()`), checking every field.
 *
 * @remarks Checks the `format` tag, `version` 1, that `k` centroids of `columns` finite numbers are
 * present and that `featureNames`, when given, has one string per column. O(k * d).
 * @param json - the parsed JSON value.
 * @returns A model with `predict`, `transform` and `toJSON`.
 * @throws `SegmentationError` (`parseKMeansModel found N issues`) with one issue per problem.
 * @example
 * const model = parseKMeansModel({ format: "segmentkit.kMeansModel", version: 1, k: 2, columns: 1, centroids: [[0], [10]] });
 * Array.from(model.predict([[1], [9], [4]])) //=> [0, 1, 0]
 * @category Clustering
 */
export function parseKMeansModel(json: unknown): KMeansModel {
  const result = safeParseKMeansModel(json);
  if (!result.success) throw result.error;
  return result.data;
}

/**
 * Like {@link parseKMeansModel} but returns `{ success: true, data }` or `{ success: false, error }` instead of throwing.
 * @param json - the parsed JSON value.
 * @returns The zod-shaped result.
 * @example
 * safeParseKMeansModel({ format: "nope" }).success //=> false
 * @category Clustering
 */
export function safeParseKMeansModel(
  json: unknown,
): { readonly success: true; readonly data: KMeansModel } | { readonly success: false; readonly error: SegmentationError } {
  const issues: Issue[] = [];
  const get = readModelEnvelope(json, "segmentkit.kMeansModel", "a k-means model", issues);
  if (get === undefined) return modelParseFailure("parseKMeansModel", issues);
  const k = get("k");
  const columns = get("columns");
  if (!isCount(k, 1)) issues.push({ code: "invalid_k", path: ["k"], message: "k must be a positive integer" });
  // Zero columns is what kMeans fits on rows without features; the model must round-trip.
  if (!isCount(columns, 0)) {
    issues.push({ code: "invalid_columns", path: ["columns"], message: "columns must be a non-negative integer" });
  }
  const centroids = get("centroids");
  const parsed: number[][] = [];
  if (!Array.isArray(centroids)) issues.push({ code: "invalid_type", path: ["centroids"], message: "centroids must be an array" });
  else {
    if (typeof k === "number" && centroids.length !== k) {
      issues.push({ code: "invalid_length", path: ["centroids"], message: `centroids must have k = ${k} rows` });
    }
    centroids.forEach((centroid: unknown, index) => {
      if (!Array.isArray(centroid) || (typeof columns === "number" && centroid.length !== columns)) {
        issues.push({ code: "invalid_length", path: ["centroids", index], message: `centroid ${index} must have ${String(columns)} numbers` });
        return;
      }
      centroid.forEach((value: unknown, column) => {
        if (typeof value !== "number" || !Number.isFinite(value)) {
          issues.push({ code: "invalid_number", path: ["centroids", index, column], message: "centroid values must be finite numbers" });
        }
      });
      parsed.push(centroid as number[]);
    });
  }
  const featureNames = get("featureNames");
  if (featureNames !== undefined) {
    if (!Array.isArray(featureNames) || featureNames.length !== columns || featureNames.some((name) => typeof name !== "string")) {
      issues.push({ code: "invalid_feature_names", path: ["featureNames"], message: "featureNames must hold one string per column" });
    }
  }
  const parsedFit = readFitRecord(get("fit"), { algorithm: "string", seed: "number", inertia: "number", rows: "number" }, issues) as KMeansModelJson["fit"];
  if (issues.length > 0) return modelParseFailure("parseKMeansModel", issues);
  return { success: true, data: createKMeansModel(parsed, featureNames as string[] | undefined, parsedFit) };
}
