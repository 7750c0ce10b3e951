import type { SqlDialectName } from "../sqlDialect.js";

/** Scalar SQL types a parameter is cast to. */
export type SqlScalarKind = "text" | "number" | "boolean" | "timestamp";

/**
 * The internal dialect adapter: every piece of SQL that differs between dialects. The emitters in
 * `compile.ts` are shared and call only these functions for dialect-specific text.
 */
export interface DialectAdapter {
  readonly name: SqlDialectName;
  /** `CAST(<placeholder> AS <type>)`. */
  readonly cast: (sql: string, kind: SqlScalarKind) => string;
  /** The UNKNOWN constant, typed as boolean. */
  readonly unknown: string;
  /** Reads NaN in a DOUBLE column as NULL (segmentkit reads NaN as missing). */
  readonly nanToNull: (sql: string) => string;
  /** Wraps a text expression so that `<`, `>` compare by code point whatever the column collation. */
  readonly binaryOrder: (sql: string) => string;
  /** `<text> LIKE <pattern>` with backslash as the escape character. */
  readonly like: (text: string, pattern: string) => string;
  /** The escape character of {@link DialectAdapter.like} patterns. */
  readonly likeEscape: string;
  /** Lower-case folding of a text expression. */
  readonly lower: (sql: string) => string;
  /**
   * `value = ANY(array)` with SQL semantics: TRUE when an element equals the value, else UNKNOWN
   * when the array is NULL or holds a NULL, else FALSE.
   */
  readonly arrayContains: (array: string, value: string, numeric: boolean) => string;
  /** The expression when it is a finite number, else NULL (NaN and infinities are not summed). */
  readonly finiteOrNull: (sql: string) => string;
  /** Number of elements of an array (NULL for a NULL array). */
  readonly arrayLength: (array: string) => string;
  /** Whether JSON-path columns are supported, and how to read a typed scalar at a path. */
  readonly jsonScalar: ((column: string, pathParams: ReadonlyArray<string>, kind: SqlScalarKind) => string) | undefined;
  /** Parameters for a JSON path: one per key (PostgreSQL) or one JSONPath string (DuckDB). */
  readonly jsonPathParams: ((path: ReadonlyArray<string>) => ReadonlyArray<string>) | undefined;
}

const postgresTypes: Readonly<Record<SqlScalarKind, string>> = {
  text: "TEXT",
  number: "DOUBLE PRECISION",
  boolean: "BOOLEAN",
  timestamp: "TIMESTAMPTZ",
};
const duckdbTypes: Readonly<Record<SqlScalarKind, string>> = {
  text: "VARCHAR",
  number: "DOUBLE",
  boolean: "BOOLEAN",
  timestamp: "TIMESTAMPTZ",
};
const bigqueryTypes: Readonly<Record<SqlScalarKind, string>> = {
  text: "STRING",
  number: "FLOAT64",
  boolean: "BOOL",
  timestamp: "TIMESTAMP",
};
const snowflakeTypes: Readonly<Record<SqlScalarKind, string>> = {
  text: "VARCHAR",
  number: "DOUBLE",
  boolean: "BOOLEAN",
  timestamp: "TIMESTAMP_TZ",
};

/** A JSONPath (`$."a"."b"`) for DuckDB with every key quoted, so keys never act as path syntax. */
function duckdbJsonPath(path: ReadonlyArray<string>): string {
  let out = "$";
  for (const key of path) out += `."${key.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
  return out;
}

const postgres: DialectAdapter = {
  name: "postgres",
  cast: (sql, kind) => `CAST(${sql} AS ${postgresTypes[kind]})`,
  unknown: "CAST(NULL AS BOOLEAN)",
  nanToNull: (sql) => `NULLIF(${sql}, CAST('NaN' AS DOUBLE PRECISION))`,
  binaryOrder: (sql) => `(${sql} COLLATE "C")`,
  like: (text, pattern) => `(${text} LIKE ${pattern} ESCAPE '\\')`,
  likeEscape: "\\",
  lower: (sql) => `lower(${sql})`,
  // A NaN element compares as UNKNOWN (NaN reads as missing), like a NULL element.
  arrayContains: (array, value, numeric) =>
    numeric
      ? `((${value} = ANY(${array})) OR (CASE WHEN CAST('NaN' AS DOUBLE PRECISION) = ANY(${array}) THEN CAST(NULL AS BOOLEAN) ELSE FALSE END))`
      : `(${value} = ANY(${array}))`,
  finiteOrNull: (sql) => `(CASE WHEN ${sql} > CAST('-Infinity' AS DOUBLE PRECISION) AND ${sql} < CAST('Infinity' AS DOUBLE PRECISION) THEN ${sql} END)`,
  arrayLength: (array) => `cardinality(${array})`,
  jsonScalar: (column, pathParams, kind) => {
    const path = `ARRAY[${pathParams.map((p) => `CAST(${p} AS TEXT)`).join(", ")}]`;
    const node = `(CAST(${column} AS JSONB) #> ${path})`;
    const text = `(CAST(${column} AS JSONB) #>> ${path})`;
    switch (kind) {
      case "text":
        return `(CASE WHEN jsonb_typeof(${node}) = 'string' THEN ${text} END)`;
      case "number":
        return `(CASE WHEN jsonb_typeof(${node}) = 'number' THEN CAST(${text} AS DOUBLE PRECISION) END)`;
      case "boolean":
        return `(CASE WHEN jsonb_typeof(${node}) = 'boolean' THEN CAST(${text} AS BOOLEAN) END)`;
      case "timestamp":
        return `(CASE WHEN jsonb_typeof(${node}) = 'string' THEN CAST(${text} AS TIMESTAMPTZ) END)`;
    }
  },
  jsonPathParams: (path) => path,
};

const duckdb: DialectAdapter = {
  name: "duckdb",
  cast: (sql, kind) => `CAST(${sql} AS ${duckdbTypes[kind]})`,
  unknown: "CAST(NULL AS BOOLEAN)",
  nanToNull: (sql) => `NULLIF(${sql}, CAST('NaN' AS DOUBLE))`,
  binaryOrder: (sql) => sql,
  like: (text, pattern) => `(${text} LIKE ${pattern} ESCAPE '\\')`,
  likeEscape: "\\",
  lower: (sql) => `lower(${sql})`,
  arrayContains: (array, value, numeric) =>
    `(CASE WHEN list_contains(${array}, ${value}) THEN TRUE WHEN ${array} IS NULL OR list_count(${array}) < len(${array})${
      numeric ? ` OR list_contains(${array}, CAST('NaN' AS DOUBLE))` : ""
    } THEN CAST(NULL AS BOOLEAN) ELSE FALSE END)`,
  finiteOrNull: (sql) => `(CASE WHEN isfinite(${sql}) THEN ${sql} END)`,
  arrayLength: (array) => `len(${array})`,
  jsonScalar: (column, pathParams, kind) => {
    const path = pathParams[0] ?? "'$'";
    const json = `CAST(${column} AS JSON)`;
    const type = `json_type(${json}, CAST(${path} AS VARCHAR))`;
    switch (kind) {
      case "text":
        return `(CASE WHEN ${type} = 'VARCHAR' THEN json_extract_string(${json}, CAST(${path} AS VARCHAR)) END)`;
      case "number":
        return `(CASE WHEN ${type} IN ('DOUBLE', 'BIGINT', 'UBIGINT') THEN CAST(json_extract(${json}, CAST(${path} AS VARCHAR)) AS DOUBLE) END)`;
      case "boolean":
        return `(CASE WHEN ${type} = 'BOOLEAN' THEN CAST(json_extract(${json}, CAST(${path} AS VARCHAR)) AS BOOLEAN) END)`;
      case "timestamp":
        return `(CASE WHEN ${type} = 'VARCHAR' THEN CAST(json_extract_string(${json}, CAST(${path} AS VARCHAR)) AS TIMESTAMPTZ) END)`;
    }
  },
  jsonPathParams: (path) => [duckdbJsonPath(path)],
};

const bigquery: DialectAdapter = {
  name: "bigquery",
  cast: (sql, kind) => `CAST(${sql} AS ${bigqueryTypes[kind]})`,
  unknown: "CAST(NULL AS BOOL)",
  nanToNull: (sql) => `IF(IS_NAN(${sql}), NULL, ${sql})`,
  binaryOrder: (sql) => sql,
  // BigQuery LIKE has no ESCAPE clause: backslash is always the escape character.
  like: (text, pattern) => `(${text} LIKE ${pattern})`,
  likeEscape: "\\",
  lower: (sql) => `LOWER(${sql})`,
  arrayContains: (array, value, numeric) =>
    `(CASE WHEN ${value} IN UNNEST(${array}) THEN TRUE WHEN ${array} IS NULL${
      numeric ? ` OR EXISTS(SELECT 1 FROM UNNEST(${array}) AS element WHERE IS_NAN(element))` : ""
    } THEN CAST(NULL AS BOOL) ELSE FALSE END)`,
  finiteOrNull: (sql) => `IF(IS_INF(${sql}) OR IS_NAN(${sql}), NULL, ${sql})`,
  arrayLength: (array) => `ARRAY_LENGTH(${array})`,
  jsonScalar: undefined,
  jsonPathParams: undefined,
};

const snowflake: DialectAdapter = {
  name: "snowflake",
  cast: (sql, kind) => `CAST(${sql} AS ${snowflakeTypes[kind]})`,
  unknown: "CAST(NULL AS BOOLEAN)",
  nanToNull: (sql) => `NULLIF(${sql}, CAST('NaN' AS DOUBLE))`,
  binaryOrder: (sql) => sql,
  // Snowflake string literals process backslash escapes: '\\' is one backslash.
  like: (text, pattern) => `(${text} LIKE ${pattern} ESCAPE '\\\\')`,
  likeEscape: "\\",
  lower: (sql) => `LOWER(${sql})`,
  arrayContains: (array, value) =>
    `(CASE WHEN ARRAY_CONTAINS(CAST(${value} AS VARIANT), ${array}) THEN TRUE WHEN ${array} IS NULL THEN CAST(NULL AS BOOLEAN) ELSE FALSE END)`,
  finiteOrNull: (sql) => `(CASE WHEN ${sql} > CAST('-inf' AS DOUBLE) AND ${sql} < CAST('inf' AS DOUBLE) THEN ${sql} END)`,
  arrayLength: (array) => `ARRAY_SIZE(${array})`,
  jsonScalar: undefined,
  jsonPathParams: undefined,
};

const adapters: Readonly<Record<SqlDialectName, DialectAdapter>> = { postgres, duckdb, bigquery, snowflake };

/** The adapter of a dialect; a `TypeError` naming `functionName` for an unknown one. */
export function dialectAdapter(name: SqlDialectName, functionName: string): DialectAdapter {
  if (typeof name !== "string" || !Object.hasOwn(adapters, name)) {
    throw new TypeError(`${functionName} does not know the dialect ${JSON.stringify(name)}`);
  }
  return adapters[name];
}
