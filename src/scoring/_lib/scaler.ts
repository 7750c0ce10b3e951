/** The methods of `fitScaler`. */
export type ScalerMethod = "standard" | "minMax" | "robust" | "log";

/**
 * JSON form of a fitted scaler: `y = (f(x) - offset) / scale` per column, `f` = `log1p` when `log1p` is true.
 * @category Feature preparation
 */
export interface ScalerJson {
  readonly format: "segmentkit.scaler";
  readonly version: 1;
  readonly method: ScalerMethod;
  readonly log1p: boolean;
  readonly offset: ReadonlyArray<number>;
  readonly scale: ReadonlyArray<number>;
}

/**
 * A fitted scaler.
 * @category Feature preparation
 */
export interface Scaler extends ScalerJson {
  /** Scales rows with the fitted parameters (`NaN` stays `NaN`). */
  transform(rows: ReadonlyArray<ArrayLike<number>>): number[][];
  /** Undoes `transform`. */
  inverseTransform(rows: ReadonlyArray<ArrayLike<number>>): number[][];
  toJSON(): ScalerJson;
}

export function createScaler(json: ScalerJson): Scaler {
  const offset = Object.freeze([...json.offset]);
  const scale = Object.freeze([...json.scale]);
  const columns = offset.length;
  const check = (rows: ReadonlyArray<ArrayLike<number>>, name: string) => {
    rows.forEach((row, index) => {
      if (row === null || typeof row !== "object" || row.length !== columns) {
        throw new RangeError(`${name} requires rows of ${columns} values: row ${index} differs`);
      }
    });
  };
  return {
    format: "segmentkit.scaler",
    version: 1,
    method: json.method,
    log1p: json.log1p,
    offset,
    scale,
    transform(rows) {
      check(rows, "transform");
      return rows.map((row) => {
        const result = new Array<number>(columns);
        for (let column = 0; column < columns; column++) {
          const value = row[column] as number;
          result[column] = ((json.log1p ? Math.log1p(value) : value) - (offset[column] as number)) / (scale[column] as number);
        }
        return result;
      });
    },
    inverseTransform(rows) {
      check(rows, "inverseTransform");
      return rows.map((row) => {
        const result = new Array<number>(columns);
        for (let column = 0; column < columns; column++) {
          const value = (row[column] as number) * (scale[column] as number) + (offset[column] as number);
          result[column] = json.log1p ? Math.expm1(value) : value;
        }
        return result;
      });
    },
    toJSON() {
      return { format: "segmentkit.scaler", version: 1, method: json.method, log1p: json.log1p, offset: [...offset], scale: [...scale] };
    },
  };
}
