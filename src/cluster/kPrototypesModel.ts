import type { SegmentationError } from "../_lib/errors.js";
import type { Issue } from "../_lib/errors.js";
import type { MatrixInput } from "./_lib/matrix.js";
import { isCount, modelParseFailure, readFitRecord, readModelEnvelope } from "./_lib/modelEnvelope.js";
import { createKPrototypesModel } from "./_lib/createKPrototypesModel.js";

/**
 * The JSON form of a fitted k-prototypes or k-modes model: plain data that {@link parseKPrototypesModel} reads back.
 * @category Clustering
 */
export interface KPrototypesModelJson {
  readonly format: "segmentkit.kPrototypesModel";
  readonly version: 1;
  /** Number of clusters. */
  readonly k: number;
  /** Weight of one categorical mismatch against squared numeric distance. */
  readonly gamma: number;
  /** Numeric features per row (0 for k-modes). */
  readonly numericColumns: number;
  /** Categorical features per row. */
  readonly categoricalColumns: number;
  /** Numeric part of each prototype, in cluster-id order. */
  readonly numericCentroids: ReadonlyArray<ReadonlyArray<number>>;
  /** Categorical part of each prototype: strings, finite numbers and booleans, as in the data. */
  readonly categoricalModes: ReadonlyArray<ReadonlyArray<string | number | boolean>>;
  /** How the model was fitted, for the record. */
  readonly fit?: { readonly initialization: string; readonly seed: number; readonly cost: number; readonly rows: number };
}

/**
 * A fitted k-prototypes (or k-modes) model: assigns new rows to the nearest prototype and serializes to JSON.
 * @category Clustering
 */
export interface KPrototypesModel {
  readonly k: number;
  readonly gamma: number;
  readonly numericColumns: number;
  readonly categoricalColumns: number;
  readonly numericCentroids: ReadonlyArray<ReadonlyArray<number>>;
  readonly categoricalModes: ReadonlyArray<ReadonlyArray<string | number | boolean>>;
  /**
   * Nearest prototype of each row: squared Euclidean distance on the numeric part plus `gamma` per
   * categorical mismatch (an unseen category is a mismatch); ties go to the lower id. Pass `[]` as
   * `numeric` for k-modes. O(n * k * (d + m)). Throws `RangeError` `predict requires matching numeric and categorical rows`,
   * `predict requires m categorical values per row`; `TypeError` `predict requires an array of categorical rows`,
   * `predict requires categorical rows to be arrays: row i is null` and the data errors of `kMeans` with `predict` for `kMeans`, including `RangeError` `predict requires values small enough for finite sums of squared distances (scale the data first)` where every cost overflows.
   */
  predict(numeric: MatrixInput, categorical: ReadonlyArray<ReadonlyArray<string | number | boolean>>): Int32Array;
  /** Plain JSON; `parseKPrototypesModel(model.toJSON())` gives an equivalent model. */
  toJSON(): KPrototypesModelJson;
}

/**
 * Reads a k-prototypes or k-modes model from untrusted JSON (the output of `model.toJSON()`), checking every field.
 *
 * @remarks Checks the `format` tag, `version` 1, that `k` numeric centroids of `numericColumns`
 * finite numbers and `k` modes of `categoricalColumns` strings, finite numbers or booleans are present, and
 * that `gamma` is a finite non-negative number. O(k * (d + m)).
 * @param json - the parsed JSON value.
 * @returns A model with `predict` and `toJSON`.
 * @throws `SegmentationError` (`parseKPrototypesModel found N issues`) with one issue per problem.
 * @example
 * const model = parseKPrototypesModel({
 *   format: "segmentkit.kPrototypesModel", version: 1, k: 2, gamma: 1, numericColumns: 1, categoricalColumns: 1,
 *   numericCentroids: [[0], [10]], categoricalModes: [["email"], ["push"]],
 * });
 * Array.from(model.predict([[1], [9], [6]], [["email"], ["push"], ["email"]])) //=> [0, 1, 1]
 * @category Clustering
 */
export function parseKPrototypesModel(json: unknown): KPrototypesModel {
  const result = safeParseKPrototypesModel(json);
  if (!result.success) throw result.error;
  return result.data;
}

/** Checks `rows` is an array of `k` arrays of `width` items that pass `valid`, pushing one issue per problem. */
function checkTable(
  rows: unknown,
  key: string,
  k: unknown,
  width: unknown,
  valid: (value: unknown) => boolean,
  expected: string,
  issues: Issue[],
): void {
  if (!Array.isArray(rows)) {
    issues.push({ code: "invalid_type", path: [key], message: `${key} must be an array` });
    return;
  }
  if (typeof k === "number" && rows.length !== k) issues.push({ code: "invalid_length", path: [key], message: `${key} must have k = ${k} rows` });
  rows.forEach((row: unknown, index) => {
    if (!Array.isArray(row) || (typeof width === "number" && row.length !== width)) {
      issues.push({ code: "invalid_length", path: [key, index], message: `${key} row ${index} must have ${String(width)} values` });
      return;
    }
    row.forEach((value: unknown, column) => {
      if (!valid(value)) issues.push({ code: "invalid_value", path: [key, index, column], message: `${key} values must be ${expected}` });
    });
  });
}

/**
 * Like {@link parseKPrototypesModel} but returns `{ success: true, data }` or `{ success: false, error }` instead of throwing.
 * @param json - the parsed JSON value.
 * @returns The zod-shaped result.
 * @example
 * safeParseKPrototypesModel({ format: "segmentkit.kPrototypesModel", version: 2 }).success //=> false
 * @category Clustering
 */
export function safeParseKPrototypesModel(
  json: unknown,
): { readonly success: true; readonly data: KPrototypesModel } | { readonly success: false; readonly error: SegmentationError } {
  const issues: Issue[] = [];
  const get = readModelEnvelope(json, "segmentkit.kPrototypesModel", "a k-prototypes model", issues);
  if (get === undefined) return modelParseFailure("parseKPrototypesModel", issues);
  const k = get("k");
  const gamma = get("gamma");
  const numericColumns = get("numericColumns");
  const categoricalColumns = get("categoricalColumns");
  if (!isCount(k, 1)) issues.push({ code: "invalid_k", path: ["k"], message: "k must be a positive integer" });
  if (typeof gamma !== "number" || !Number.isFinite(gamma) || gamma < 0) {
    issues.push({ code: "invalid_gamma", path: ["gamma"], message: "gamma must be a finite non-negative number" });
  }
  if (!isCount(numericColumns, 0)) issues.push({ code: "invalid_columns", path: ["numericColumns"], message: "numericColumns must be a non-negative integer" });
  if (!isCount(categoricalColumns, 0)) {
    issues.push({ code: "invalid_columns", path: ["categoricalColumns"], message: "categoricalColumns must be a non-negative integer" });
  }
  if (isCount(numericColumns, 0) && isCount(categoricalColumns, 0) && numericColumns + categoricalColumns === 0) {
    issues.push({ code: "invalid_columns", path: ["categoricalColumns"], message: "a model needs at least one column" });
  }
  const numericCentroids = get("numericCentroids");
  const categoricalModes = get("categoricalModes");
  const finite = (value: unknown) => typeof value === "number" && Number.isFinite(value);
  checkTable(numericCentroids, "numericCentroids", k, numericColumns, finite, "finite numbers", issues);
  checkTable(categoricalModes, "categoricalModes", k, categoricalColumns, (value) => typeof value === "string" || typeof value === "boolean" || finite(value), "strings, finite numbers or booleans", issues);
  const parsedFit = readFitRecord(get("fit"), { initialization: "string", seed: "number", cost: "number", rows: "number" }, issues) as KPrototypesModelJson["fit"];
  if (issues.length > 0) return modelParseFailure("parseKPrototypesModel", issues);
  return {
    success: true,
    data: createKPrototypesModel(
      numericCentroids as number[][],
      categoricalModes as Array<Array<string | number | boolean>>,
      gamma as number,
      numericColumns as number,
      parsedFit,
    ),
  };
}
