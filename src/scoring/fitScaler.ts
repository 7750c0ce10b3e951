import { assertKnownOptions } from "../_lib/pythonOptions.js";
import type { OptionKeys } from "../_lib/arguments.js";
import { CompensatedSum } from "../_lib/compensatedSum.js";
import { quantileSorted } from "../_lib/quantile.js";
import { createScaler } from "./_lib/scaler.js";
import type { Scaler } from "./_lib/scaler.js";

export type { Scaler, ScalerJson, ScalerMethod } from "./_lib/scaler.js";

/**
 * Options of {@link fitScaler}.
 * @category Feature preparation
 */
export interface FitScalerOptions {
  /**
   * `"standard"`: `(x - mean) / std` (population std); `"minMax"`: `(x - min) / (max - min)`;
   * `"robust"`: `(x - median) / IQR` (type-7 quartiles); `"log"`: `log(1 + x)` only.
   */
  readonly method: "standard" | "minMax" | "robust" | "log";
  /** Apply `log(1 + x)` before a standard, min-max or robust scaling (for skewed spend and counts). Default false. */
  readonly log1p?: boolean;
}

/**
 * Fits a feature scaler on rows of numbers; the fitted scaler transforms new rows, inverts, and serializes to JSON.
 *
 * @remarks
 * Same definitions as scikit-learn's `StandardScaler`, `MinMaxScaler` and `RobustScaler` (checked
 * against them to 1e-12; on a column whose mean is a billion times its spread, the transformed values
 * keep the rounding of the mean, which segmentkit sums with compensation and NumPy pairwise): a
 * column whose range or IQR is zero keeps scale 1, and for the standard scaler a column whose
 * variance is within the rounding error of its mean (scikit-learn's constant-feature test). `NaN` values are
 * ignored when fitting and stay `NaN` when transforming (handle them with `prepareFeatures`); a
 * column with no numbers at all (every value `NaN`) has no mean, range or quartiles to fit and throws
 * for the standard, min-max and robust methods (scikit-learn fits NaN there, which no JSON scaler can
 * hold), while the parameter-free `"log"` method accepts it. No rows give a scaler of zero columns.
 * With `log1p` (or method `"log"`) every value must be greater than -1. O(n * d) (robust: O(n log n * d)).
 * @param data - rows of numbers, all of the same length.
 * @param options - see {@link FitScalerOptions}.
 * @returns A {@link Scaler}: `transform(rows)`, `inverseTransform(rows)`, `toJSON()`; `offset` and `scale` per column.
 * @throws `TypeError` `fitScaler requires rows of equal length: row i differs from row 0`,
 * `fitScaler requires numbers: row i, column j is x`; `RangeError` `fitScaler requires finite numbers: row i, column j is Infinity`, `fitScaler requires values above -1 for log1p: row i, column j`, `fitScaler requires at least one number in every column: column j is all NaN`, `fitScaler requires values whose spread is a finite number: column j overflows`. `TypeError` `fitScaler requires method "standard", "minMax", "robust" or "log"`, `fitScaler requires data to be an array of rows`, `fitScaler requires options with a method`.
 * @example
 * const scaler = fitScaler([[1, 10], [3, 10], [5, 10]], { method: "standard" });
 * scaler.transform([[3, 10], [5, 10]]).map((row) => row.map((value) => Number(value.toFixed(4)))) //=> [[0, 0], [1.2247, 0]]
 * parseScaler(JSON.parse(JSON.stringify(scaler))).inverseTransform([[0, 0]]) //=> [[3, 10]]
 * @category Feature preparation
 */
export function fitScaler(data: ReadonlyArray<ArrayLike<number>>, options: FitScalerOptions): Scaler {
  if (!Array.isArray(data)) throw new TypeError("fitScaler requires data to be an array of rows");
  if (typeof options !== "object" || options === null) throw new TypeError("fitScaler requires options with a method");
  assertKnownOptions("fitScaler", options, { method: true, log1p: true } satisfies OptionKeys<FitScalerOptions>);
  const { method } = options;
  if (method !== "standard" && method !== "minMax" && method !== "robust" && method !== "log") {
    throw new TypeError(`fitScaler requires method "standard", "minMax", "robust" or "log"`);
  }
  const log = method === "log" || options.log1p === true;

  const columns = data[0]?.length ?? 0;
  const byColumn: number[][] = Array.from({ length: columns }, () => []);
  for (let rowIndex = 0; rowIndex < data.length; rowIndex++) {
    // Indexed, so that a hole of a sparse array is a row that differs, never a row skipped.
    const row: ArrayLike<number> | undefined = Object.hasOwn(data, rowIndex) ? data[rowIndex] : undefined;
    if (row === null || typeof row !== "object" || row.length !== columns) {
      throw new TypeError(`fitScaler requires rows of equal length: row ${rowIndex} differs from row 0`);
    }
    for (let column = 0; column < columns; column++) {
      const value = Object.hasOwn(row, column) ? row[column] : undefined;
      if (typeof value !== "number") throw new TypeError(`fitScaler requires numbers: row ${rowIndex}, column ${column} is ${String(value)}`);
      if (Number.isNaN(value)) continue;
      if (!Number.isFinite(value)) throw new RangeError(`fitScaler requires finite numbers: row ${rowIndex}, column ${column} is ${value}`);
      if (log && !(value > -1)) throw new RangeError(`fitScaler requires values above -1 for log1p: row ${rowIndex}, column ${column}`);
      (byColumn[column] as number[]).push(log ? Math.log1p(value) : value);
    }
  }
  const offset: number[] = [];
  const scale: number[] = [];
  for (let column = 0; column < columns; column++) {
    const values = byColumn[column] as number[];
    if (method === "log") {
      offset.push(0);
      scale.push(1);
      continue;
    }
    // No statistic to fit: offset 0 and scale 1 would pass later values through unscaled.
    if (values.length === 0) throw new RangeError(`fitScaler requires at least one number in every column: column ${column} is all NaN`);
    if (method === "standard") {
      // scikit-learn's `_incremental_mean_and_var`: an accurate mean, then the squared deviations
      // less the square of their (rounding-only) sum, here with compensated sums throughout.
      const total = new CompensatedSum();
      for (const value of values) total.add(value);
      const mean = total.value / values.length;
      const squares = new CompensatedSum();
      const deviations = new CompensatedSum();
      for (const value of values) {
        squares.add((value - mean) * (value - mean));
        deviations.add(value - mean);
      }
      const variance = (squares.value - (deviations.value * deviations.value) / values.length) / values.length;
      // An infinite variance would pass the constant-column test below (Infinity <= Infinity) as scale 1.
      if (!Number.isFinite(variance)) throw new RangeError(`fitScaler requires values whose spread is a finite number: column ${column} overflows`);
      offset.push(mean);
      // StandardScaler passes its constant-feature mask to `_handle_zeros_in_scale`: only that test applies.
      scale.push(isConstantColumn(variance, mean, values.length) ? 1 : Math.sqrt(variance));
    } else if (method === "minMax") {
      let minimum = Number.POSITIVE_INFINITY;
      let maximum = Number.NEGATIVE_INFINITY;
      for (const value of values) {
        if (value < minimum) minimum = value;
        if (value > maximum) maximum = value;
      }
      offset.push(minimum);
      scale.push(nonZero(maximum - minimum));
    } else {
      const sorted = Float64Array.from(values).sort();
      offset.push(quantileSorted(sorted, 0.5));
      scale.push(nonZero(quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25)));
    }
    // A spread beyond the double range (values near ±1.8e308) would scale everything to 0 and write null to JSON.
    if (!Number.isFinite(offset[column]!) || !Number.isFinite(scale[column]!)) {
      throw new RangeError(`fitScaler requires values whose spread is a finite number: column ${column} overflows`);
    }
  }
  return createScaler({ format: "segmentkit.scaler", version: 1, method, log1p: log, offset, scale });
}

/**
 * scikit-learn's `_is_constant_feature` for `StandardScaler`: a variance within the rounding error of
 * the mean's computation is zero. A constant column such as 19.99 repeated has a computed variance of
 * about 1e-29, not 0, so an absolute cut-off alone would divide by 7e-15.
 */
function isConstantColumn(variance: number, mean: number, count: number): boolean {
  const epsilon = Number.EPSILON;
  return variance <= count * epsilon * variance + (count * mean * epsilon) ** 2;
}

/** scikit-learn's `_handle_zeros_in_scale`: scales below 10 * machine epsilon become 1. */
function nonZero(value: number): number {
  return value < 10 * Number.EPSILON ? 1 : value;
}
