/**
 * Internal row-major matrix helpers: every clustering routine converts its input once into a
 * `Float64Array` of `rows * columns` values and works on that.
 */

/** A dense row-major matrix: value (i, j) is `values[i * columns + j]`. */
export interface Matrix {
  readonly values: Float64Array;
  readonly rows: number;
  readonly columns: number;
}

/** Rows of numbers (`number[][]`, typed-array rows) or an already dense {@link Matrix}. */
export type MatrixInput = ReadonlyArray<ArrayLike<number>> | Matrix;

function isMatrix(input: MatrixInput): input is Matrix {
  return input !== null && typeof input === "object" && !Array.isArray(input) && (input as Matrix).values instanceof Float64Array;
}

/**
 * Converts rows to a dense matrix, checking that every row has the same length and every value is a
 * finite number. Throws `TypeError` naming `caller` otherwise: `<caller> requires an array of rows`
 * (also for `undefined` or `null`), `<caller> requires rows to be arrays of numbers: row i is null`,
 * `<caller> requires rows of equal length: row i differs from row 0`, `<caller> requires finite numbers: …`.
 */
export function toMatrix(input: MatrixInput, caller: string): Matrix {
  if (isMatrix(input)) {
    const { values, rows, columns } = input;
    if (!Number.isInteger(rows) || !Number.isInteger(columns) || rows < 0 || columns < 0 || values.length !== rows * columns) {
      throw new TypeError(`${caller} requires a matrix whose values length equals rows times columns`);
    }
    for (let index = 0; index < values.length; index++) {
      if (!Number.isFinite(values[index] as number)) {
        throw new TypeError(
          `${caller} requires finite numbers: row ${Math.floor(index / columns)}, column ${index % columns} is ${String(values[index])}`,
        );
      }
    }
    return input;
  }
  if (!Array.isArray(input)) throw new TypeError(`${caller} requires an array of rows`);
  const rows = input.length;
  const first = input[0];
  if (rows > 0) isRow(first, 0, caller);
  const columns = first === undefined ? 0 : first.length;
  const values = new Float64Array(rows * columns);
  for (let row = 0; row < rows; row++) {
    const source = input[row] as ArrayLike<number> | undefined;
    if (!isRow(source, row, caller) || source.length !== columns) {
      throw new TypeError(`${caller} requires rows of equal length: row ${row} differs from row 0`);
    }
    const offset = row * columns;
    for (let column = 0; column < columns; column++) {
      const value = source[column];
      if (typeof value !== "number" || !Number.isFinite(value)) {
        throw new TypeError(`${caller} requires finite numbers: row ${row}, column ${column} is ${String(value)}`);
      }
      values[offset + column] = value;
    }
  }
  return { values, rows, columns };
}

/** Whether `source` is an array-like row; `TypeError` `<caller> requires rows to be arrays of numbers: row i is …` when it is not an object with a numeric length. */
function isRow(source: unknown, row: number, caller: string): source is ArrayLike<number> {
  if (source === null || typeof source !== "object" || typeof (source as ArrayLike<number>).length !== "number") {
    throw new TypeError(`${caller} requires rows to be arrays of numbers: row ${row} is ${source === null ? "null" : typeof source}`);
  }
  return true;
}

/**
 * The squared diagonal of the bounding box of the given matrices' rows, and the largest absolute
 * value: every squared distance between two points in the box (rows, centroids, which are means of
 * rows) is at most the first. O(n * d).
 */
function spread(matrices: ReadonlyArray<Matrix>, columns: number): { diagonal: number; largest: number } {
  let diagonal = 0;
  let largest = 0;
  for (let column = 0; column < columns; column++) {
    let minimum = Number.POSITIVE_INFINITY;
    let maximum = Number.NEGATIVE_INFINITY;
    for (const { values, rows } of matrices) {
      for (let row = 0; row < rows; row++) {
        const value = values[row * columns + column] as number;
        if (value < minimum) minimum = value;
        if (value > maximum) maximum = value;
      }
    }
    if (minimum > maximum) continue;
    const range = maximum - minimum;
    diagonal += range * range;
    largest = Math.max(largest, Math.abs(minimum), Math.abs(maximum));
  }
  return { diagonal, largest };
}

/**
 * Checks that sums of up to `count` squared distances between points of the matrices' bounding box
 * (an inertia), and sums of `count` values (a centroid before the division), are finite numbers:
 * rows near 1e308 are finite but their squared distances are not, and the centroids and inertia
 * they give are NaN or Infinity. All matrices have `columns` columns.
 * `RangeError` `<caller> requires values small enough for finite sums of squared distances (scale the data first)`.
 */
/** The error of every clustering function whose squared distances would overflow. */
export function distanceOverflow(caller: string): RangeError {
  return new RangeError(`${caller} requires values small enough for finite sums of squared distances (scale the data first)`);
}

export function requireFiniteSpread(matrices: ReadonlyArray<Matrix>, columns: number, count: number, caller: string): void {
  const { diagonal, largest } = spread(matrices, columns);
  if (!Number.isFinite(diagonal * count) || !Number.isFinite(largest * count)) {
    throw distanceOverflow(caller);
  }
}

/** Labels must be an array or typed array; `TypeError` `<caller> requires labels to be an array of numbers` otherwise. */
export function requireLabelArray(labels: unknown, caller: string, name = "labels"): ArrayLike<number> {
  if (labels === null || typeof labels !== "object" || typeof (labels as ArrayLike<number>).length !== "number") {
    throw new TypeError(`${caller} requires ${name} to be an array of numbers`);
  }
  return labels as ArrayLike<number>;
}

/**
 * Checks labels (non-negative integers, one per row) and returns them compacted to 0..k-1 in the
 * sorted order of the ids, like numpy's `unique` / `LabelEncoder`, plus the number k of distinct ids.
 * Ids are looked up in a Map, so their size does not matter (a label 20240601 or 2^40 costs what 3
 * does). O(n + k log k).
 */
export function toLabels(labels: ArrayLike<number>, rows: number, caller: string): { labels: Int32Array; clusterCount: number } {
  requireLabelArray(labels, caller);
  if (labels.length !== rows) throw new RangeError(`${caller} requires one label per row`);
  const distinct = new Map<number, number>();
  for (let index = 0; index < rows; index++) {
    const label = labels[index] as number;
    if (!Number.isSafeInteger(label) || label < 0) {
      throw new TypeError(`${caller} requires labels to be non-negative integers: label ${index} is ${String(label)}`);
    }
    distinct.set(label, 0);
  }
  const ids = Float64Array.from(distinct.keys()).sort();
  for (let rank = 0; rank < ids.length; rank++) distinct.set(ids[rank] as number, rank);
  const result = new Int32Array(rows);
  for (let index = 0; index < rows; index++) result[index] = distinct.get(labels[index] as number) as number;
  return { labels: result, clusterCount: ids.length };
}

/** Squared Euclidean distance between row `a` of `x` and row `b` of `y` (both with `columns` columns). */
export function squaredDistance(x: Float64Array, a: number, y: Float64Array, b: number, columns: number): number {
  let sum = 0;
  const offsetA = a * columns;
  const offsetB = b * columns;
  for (let column = 0; column < columns; column++) {
    const difference = (x[offsetA + column] as number) - (y[offsetB + column] as number);
    sum += difference * difference;
  }
  return sum;
}

/** Population variance of each column, averaged (sklearn's `np.mean(np.var(X, axis=0))`). */
export function meanColumnVariance(matrix: Matrix): number {
  const { values, rows, columns } = matrix;
  if (rows === 0 || columns === 0) return 0;
  let total = 0;
  for (let column = 0; column < columns; column++) {
    let mean = 0;
    for (let row = 0; row < rows; row++) mean += values[row * columns + column] as number;
    mean /= rows;
    let sum = 0;
    for (let row = 0; row < rows; row++) {
      const difference = (values[row * columns + column] as number) - mean;
      sum += difference * difference;
    }
    total += sum / rows;
  }
  return total / columns;
}

/** Converts a dense matrix back to `number[][]`. */
export function toRows(values: Float64Array, rows: number, columns: number): number[][] {
  const result: number[][] = new Array(rows);
  for (let row = 0; row < rows; row++) result[row] = Array.from(values.subarray(row * columns, (row + 1) * columns));
  return result;
}
