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
  /**
   * Scales rows with the fitted parameters (`NaN` stays `NaN`). Checks every value as `fitScaler`
   * does: a `TypeError` for a value that is not a number (`null` is not 0), a `RangeError` for an
   * infinity, a value at or below -1 under `log1p`, or a row of another length.
   */
  transform(rows: ReadonlyArray<ArrayLike<number>>): number[][];
  /** Undoes `transform`; the same checks, without the `log1p` bound. */
  inverseTransform(rows: ReadonlyArray<ArrayLike<number>>): number[][];
  toJSON(): ScalerJson;
}

export function createScaler(json: ScalerJson): Scaler {
  const offset = Object.freeze([...json.offset]);
  const scale = Object.freeze([...json.scale]);
  const columns = offset.length;
  /**
   * One pass over untrusted rows (holes included, as missing rows): each must hold `columns` numbers,
   * finite or NaN, and above -1 where `log1p` is taken first; the mapped rows, dense.
   */
  const mapRows = (rows: ReadonlyArray<ArrayLike<number>>, name: string, logFirst: boolean, map: (value: number, column: number) => number): number[][] => {
    if (!Array.isArray(rows)) throw new TypeError(`${name} requires an array of rows`);
    const out = new Array<number[]>(rows.length);
    for (let index = 0; index < rows.length; index++) {
      const row: unknown = Object.hasOwn(rows, index) ? rows[index] : undefined;
      if (row === null || typeof row !== "object" || (row as ArrayLike<unknown>).length !== columns) {
        throw new RangeError(`${name} requires rows of ${columns} values: row ${index} differs`);
      }
      const result = new Array<number>(columns);
      for (let column = 0; column < columns; column++) {
        const value: unknown = Object.hasOwn(row, column) ? (row as ArrayLike<unknown>)[column] : undefined;
        if (typeof value !== "number") throw new TypeError(`${name} requires numbers: row ${index}, column ${column} is ${String(value)}`);
        if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) throw new RangeError(`${name} requires finite numbers: row ${index}, column ${column} is ${value}`);
        if (logFirst && value <= -1) throw new RangeError(`${name} requires values above -1 for log1p: row ${index}, column ${column}`);
        result[column] = map(value, column);
      }
      out[index] = result;
    }
    return out;
  };
  return {
    format: "segmentkit.scaler",
    version: 1,
    method: json.method,
    log1p: json.log1p,
    offset,
    scale,
    transform(rows) {
      return mapRows(rows, "transform", json.log1p, (value, column) => ((json.log1p ? Math.log1p(value) : value) - (offset[column] as number)) / (scale[column] as number));
    },
    inverseTransform(rows) {
      return mapRows(rows, "inverseTransform", false, (value, column) => {
        const scaled = value * (scale[column] as number) + (offset[column] as number);
        return json.log1p ? Math.expm1(scaled) : scaled;
      });
    },
    toJSON() {
      return { format: "segmentkit.scaler", version: 1, method: json.method, log1p: json.log1p, offset: [...offset], scale: [...scale] };
    },
  };
}
