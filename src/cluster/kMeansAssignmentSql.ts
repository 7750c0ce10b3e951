import type { OptionKeys } from "../_lib/arguments.js";
import { sqlDialect } from "../sql/index.js";
import type { SqlDialectName } from "../sql/index.js";
import type { KMeansModel } from "./kMeansModel.js";
import { requireOptions, requireStrings } from "./_lib/options.js";

/**
 * Options of {@link kMeansAssignmentSql}.
 * @category Clustering
 */
export interface KMeansAssignmentSqlOptions {
  /** Target dialect of `segmentkit/sql`. */
  readonly dialect: SqlDialectName;
  /** Column of each feature, in model column order. Default: the model's `featureNames`. */
  readonly columns?: ReadonlyArray<string>;
  /** Qualifies every column with this table alias. */
  readonly tableAlias?: string;
  /** Number of parameters already in the surrounding query, a non-negative safe integer. Default 0. */
  readonly parameterOffset?: number;
  /**
   * The feature scaling the model was fitted on (a `Scaler` of `segmentkit/scoring`, or any
   * `{ offset, scale, log1p }`), applied in SQL as `(f(column) - offset) / scale`, with `f = LN(1 + x)` when `log1p`.
   */
  readonly transform?: { readonly offset: ReadonlyArray<number>; readonly scale: ReadonlyArray<number>; readonly log1p: boolean };
}

/**
 * Result of {@link kMeansAssignmentSql}.
 * @category Clustering
 */
export interface KMeansAssignmentSqlResult {
  /** An integer SQL expression: the cluster id of the row, NULL when a feature column is NULL. */
  readonly sql: string;
  /** Bound values (centroid coordinates and scaling parameters), in placeholder order. */
  readonly params: number[];
}

function isFiniteNumbers(values: unknown): values is ReadonlyArray<number> {
  return Array.isArray(values) && values.every((value) => typeof value === "number" && Number.isFinite(value));
}

const doubleType: Record<SqlDialectName, string> = { postgres: "DOUBLE PRECISION", duckdb: "DOUBLE", bigquery: "FLOAT64", snowflake: "DOUBLE" };

/**
 * Exports a fitted k-means model as a SQL expression that labels rows in the warehouse, so clusters
 * found on a sample can label the whole table.
 *
 * @remarks
 * The expression computes the squared Euclidean distance `d_j` to every centroid and returns
 * `CASE WHEN x_1 IS NULL OR ... THEN NULL WHEN NOT (d_0 - d_0 = 0 OR ...) THEN NULL WHEN d_0 <= d_1 AND ... THEN 0 WHEN d_1 <= d_2 AND ... THEN 1 ... ELSE k-1 END`:
 * NULL when any feature column is NULL, and where `model.predict` throws (a NaN or infinite value,
 * every distance beyond the double range; PostgreSQL and BigQuery raise on the overflow itself), otherwise the
 * nearest centroid, ties to the lower id, exactly as `model.predict`. For k = 1 it is `CASE WHEN x_1 IS NULL OR ... THEN NULL ELSE 0 END`, an integer
 * like the others (just `0` for a model without feature columns). Centroids (and scaling parameters)
 * are bound parameters, never SQL text; identifiers are quoted by the dialect helper of
 * `segmentkit/sql`. Size O(k^2 * d).
 * @param model - a fitted model (`kMeans(...).model`, `parseKMeansModel(json)`).
 * @param options - see {@link KMeansAssignmentSqlOptions}.
 * @returns `{ sql, params }`.
 * @throws `RangeError` `kMeansAssignmentSql requires one column name per feature`,
 * `kMeansAssignmentSql requires a transform with one offset and scale per feature`,
 * `kMeansAssignmentSql requires parameterOffset to be a non-negative safe integer`; `TypeError`
 * `kMeansAssignmentSql requires a k-means model`, `kMeansAssignmentSql requires an options object`,
 * `kMeansAssignmentSql requires columns to be an array of strings`, `kMeansAssignmentSql requires parameterOffset to be a number`,
 * `kMeansAssignmentSql requires transform to be { offset, scale, log1p } with arrays of finite numbers`, and the errors of
 * `sqlDialect` (an unknown dialect) and `quoteIdentifier` (an empty column name or alias).
 * @example
 * const model = parseKMeansModel({ format: "segmentkit.kMeansModel", version: 1, k: 2, columns: 1, centroids: [[0], [10]], featureNames: ["spend"] });
 * const { sql, params } = kMeansAssignmentSql(model, { dialect: "postgres" });
 * sql.startsWith('CASE WHEN "spend" IS NULL THEN NULL WHEN NOT (') //=> true
 * sql.endsWith('WHEN (POWER(CAST("spend" AS DOUBLE PRECISION) - CAST($1 AS DOUBLE PRECISION), 2)) <= (POWER(CAST("spend" AS DOUBLE PRECISION) - CAST($2 AS DOUBLE PRECISION), 2)) THEN 0 ELSE 1 END') //=> true
 * params //=> [0, 10]
 * @category Clustering
 */
export function kMeansAssignmentSql(model: KMeansModel, options: KMeansAssignmentSqlOptions): KMeansAssignmentSqlResult {
  if (model === null || typeof model !== "object" || !Number.isInteger(model.k) || !Number.isInteger(model.columns) || !Array.isArray(model.centroids)) {
    throw new TypeError("kMeansAssignmentSql requires a k-means model");
  }
  const checked = requireOptions("kMeansAssignmentSql", options, true, { dialect: true, columns: true, tableAlias: true, parameterOffset: true, transform: true } satisfies OptionKeys<KMeansAssignmentSqlOptions>);
  const dialect = sqlDialect(checked.dialect);
  const columns = checked.columns === undefined ? model.featureNames : requireStrings("kMeansAssignmentSql", "columns", checked.columns);
  if (columns === undefined || columns.length !== model.columns) throw new RangeError("kMeansAssignmentSql requires one column name per feature");
  const { transform } = checked;
  if (transform !== undefined) {
    if (
      transform === null ||
      typeof transform !== "object" ||
      !isFiniteNumbers(transform.offset) ||
      !isFiniteNumbers(transform.scale) ||
      (transform.log1p !== undefined && typeof transform.log1p !== "boolean")
    ) {
      throw new TypeError("kMeansAssignmentSql requires transform to be { offset, scale, log1p } with arrays of finite numbers");
    }
    if (transform.offset.length !== model.columns || transform.scale.length !== model.columns) {
      throw new RangeError("kMeansAssignmentSql requires a transform with one offset and scale per feature");
    }
  }
  const offset = checked.parameterOffset ?? 0;
  if (typeof offset !== "number") throw new TypeError("kMeansAssignmentSql requires parameterOffset to be a number");
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError("kMeansAssignmentSql requires parameterOffset to be a non-negative safe integer");
  const type = doubleType[dialect.name];
  const params: number[] = [];
  const positional = dialect.placeholder(1) === dialect.placeholder(2);
  const cache = new Map<string, string>();
  const parameter = (key: string, value: number): string => {
    if (!positional) {
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
    }
    params.push(value);
    const text = `CAST(${dialect.placeholder(offset + params.length)} AS ${type})`;
    if (!positional) cache.set(key, text);
    return text;
  };
  const reference = (column: number): string => {
    const name = columns[column] as string;
    return checked.tableAlias === undefined ? dialect.quoteIdentifier(name) : dialect.quoteQualified([checked.tableAlias, name]);
  };
  const feature = (column: number): string => {
    let expression = `CAST(${reference(column)} AS ${type})`;
    if (transform === undefined) return expression;
    if (transform.log1p) expression = `LN(1 + ${expression})`;
    return `((${expression} - ${parameter(`o${column}`, transform.offset[column] as number)}) / ${parameter(`s${column}`, transform.scale[column] as number)})`;
  };
  const distance = (cluster: number): string =>
    `(${Array.from({ length: model.columns }, (_, column) => `POWER(${feature(column)} - ${parameter(`c${cluster},${column}`, model.centroids[cluster]?.[column] as number)}, 2)`).join(" + ")})`;
  // A NULL feature makes every distance NULL, so no WHEN would hold and ELSE would name the last cluster.
  const anyNull = Array.from({ length: model.columns }, (_, column) => `${reference(column)} IS NULL`).join(" OR ");
  const branches: string[] = anyNull === "" ? [] : [`WHEN ${anyNull} THEN NULL`];
  if (model.k === 1) return { sql: branches.length === 0 ? "0" : `CASE ${branches.join(" ")} ELSE 0 END`, params };
  // Where predict refuses the row (NaN or an infinity in a feature, every distance beyond the double
  // range), NULL: NaN <= NaN and Infinity <= Infinity hold in SQL, so the first WHEN would name cluster 0.
  // `d - d = 0` is TRUE for a finite double only, in every dialect.
  branches.push(`WHEN NOT (${Array.from({ length: model.k }, (_, cluster) => `${distance(cluster)} - ${distance(cluster)} = 0`).join(" OR ")}) THEN NULL`);
  for (let cluster = 0; cluster < model.k - 1; cluster++) {
    const conditions: string[] = [];
    for (let other = cluster + 1; other < model.k; other++) conditions.push(`${distance(cluster)} <= ${distance(other)}`);
    branches.push(`WHEN ${conditions.join(" AND ")} THEN ${cluster}`);
  }
  return { sql: `CASE ${branches.join(" ")} ELSE ${model.k - 1} END`, params };
}
