/**
 * Column mappings: how the field paths of a rule (`"behavior.totalSpend"`) reach columns of a table.
 * Identifiers in generated SQL come only from these mappings, quoted by the dialect's rules.
 *
 * @module
 */
import type { Rule } from "../rules/ast.js";
import type { SqlDialectName } from "./sqlDialect.js";
import type { OptionKeys } from "../_lib/arguments.js";

/**
 * The SQL type of a mapped column, which decides how literals are cast and which ops apply.
 * - `text`: VARCHAR / TEXT / STRING.
 * - `number`: DOUBLE (a NaN stored in the column is read as missing, like the in-memory evaluator).
 * - `integer`: an integer column (BIGINT, INTEGER); compared as DOUBLE.
 * - `boolean`: BOOLEAN.
 * - `timestamp`: an instant: `TIMESTAMPTZ` (PostgreSQL, DuckDB), `TIMESTAMP` (BigQuery), `TIMESTAMP_TZ` (Snowflake).
 * - `textArray` / `numberArray`: `TEXT[]` / `DOUBLE PRECISION[]` (PostgreSQL), `VARCHAR[]` / `DOUBLE[]` (DuckDB),
 *   `ARRAY<STRING>` / `ARRAY<FLOAT64>` (BigQuery), `ARRAY` (Snowflake).
 */
export type SqlColumnType = "text" | "number" | "integer" | "boolean" | "timestamp" | "textArray" | "numberArray";

/** A field stored in a column of the table. */
export interface SqlColumn {
  readonly column: string;
  readonly type: SqlColumnType;
}

/**
 * A field stored inside a JSON column (`JSONB` in PostgreSQL, `JSON` in DuckDB) at a path of object
 * keys. With `type: "any"` (the default) each value keeps its JSON type, exactly like a value read
 * in memory: a JSON string compares with string literals, a number with number literals, and a
 * comparison across types is UNKNOWN. With `type: "timestamp"` the values are ISO-8601 strings
 * read as instants, for time windows. Supported for PostgreSQL and DuckDB; array ops on JSON paths
 * are not (map the array to an array column). DuckDB cannot address the keys `"*"` (a wildcard even
 * when quoted) and `""`: such a path is an `invalid_mapping` issue there.
 */
export interface SqlJsonField {
  readonly json: string;
  readonly path: ReadonlyArray<string>;
  readonly type?: "any" | "timestamp";
}

/** One field's place in the table. */
export type SqlField = SqlColumn | SqlJsonField;

/** Field path (exactly as written in rules) → where it is stored. Only own properties are read. */
export type SqlColumnMapping = Readonly<Record<string, SqlField>>;

/** A table name: one identifier, or its qualified parts (`["analytics", "profiles"]`). */
export type SqlTableName = string | ReadonlyArray<string>;

/** Where events live, for `event` conditions. */
export interface SqlEventMapping {
  /** The events table. */
  readonly table: SqlTableName;
  /** Its customer id column (joined to the profile id column). */
  readonly customerId: string;
  /** Its event type column (text). */
  readonly type: string;
  /** Its event time column (an instant; see {@link SqlColumnType}). */
  readonly timestamp: string;
  /** Event property paths used in `where` and `sum.property` → columns or JSON paths of the events table. */
  readonly properties: SqlColumnMapping;
}

/** Options shared by {@link toSql}, {@link breakdownQuery} and {@link segmentQuery} (which takes its segments as its first argument, so not `segments`). Each refuses a key it does not take. */
export interface SqlCompileOptions {
  /** The target dialect. */
  readonly dialect: SqlDialectName;
  /** Field path → column. A field that is not mapped is a compile error. */
  readonly columns: SqlColumnMapping;
  /**
   * The clock: relative windows end here. Bound as a parameter, as is every window bound derived
   * from it. In the years 1 to 9999 (a `RangeError` otherwise), the range every dialect's timestamps hold.
   */
  readonly asOf: Date;
  /** The events table, needed when a rule has an `event` condition. */
  readonly events?: SqlEventMapping;
  /** Named rules that `inSegment` conditions refer to; they are inlined (cycles are an error). */
  readonly segments?: Readonly<Record<string, Rule>>;
  /**
   * What to do with a construct the dialect cannot express: `"throw"` (default) raises a
   * {@link SqlCompileError}; `"unknown"` compiles it to UNKNOWN, which can only shrink the selection
   * (Kleene logic is monotone in UNKNOWN), never widen it.
   */
  readonly onUnsupported?: "throw" | "unknown";
}

/** The keys of {@link SqlCompileOptions}, for the option checks of the compilers. @internal */
export const sqlCompileOptionKeys = { dialect: true, columns: true, asOf: true, events: true, segments: true, onUnsupported: true } as const satisfies OptionKeys<SqlCompileOptions>;

/**
 * The type of a bound parameter as the client should send it: `"number"` is a double (DuckDB's
 * Node client infers BIGINT for integral numbers unless told `DOUBLE`), timestamps are sent as
 * ISO-8601 `"text"` and cast in the SQL.
 */
export type SqlParameterType = "text" | "number" | "boolean";

/** A bound parameter value: a rule's literal, a JSON key, or an instant as ISO-8601 text. */
export type SqlParameter = string | number | boolean;
