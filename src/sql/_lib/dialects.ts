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
  /** Lower-case folding of a text expression, equal to JavaScript's `toLowerCase` code point by code point. */
  readonly lower: (sql: string) => string;
  /**
   * `value = ANY(array)` with SQL semantics: TRUE when an element equals the value, else UNKNOWN
   * when the array is NULL or holds a NULL, else FALSE.
   */
  readonly arrayContains: (array: string, value: string, numeric: boolean) => string;
  /** The expression when it is a finite number, else NULL (NaN and infinities are not summed). */
  readonly finiteOrNull: (sql: string) => string;
  /**
   * A timestamp column read as an instant: NULL for PostgreSQL's and DuckDB's `infinity` and
   * `-infinity`, which no `Date` holds (missing, as an invalid `Date` is in memory).
   */
  readonly finiteInstant: (sql: string) => string;
  /** Number of elements of an array (NULL for a NULL array). */
  readonly arrayLength: (array: string) => string;
  /** Whether JSON-path columns are supported, and how to read a typed scalar at a path. */
  readonly jsonScalar: ((column: string, pathParams: ReadonlyArray<string>, kind: SqlScalarKind) => string) | undefined;
  /** TRUE when the JSON path holds a non-null value, else FALSE. */
  readonly jsonPresent: ((column: string, pathParams: ReadonlyArray<string>) => string) | undefined;
  /** Parameters for a JSON path: one per key (PostgreSQL) or one JSONPath string (DuckDB). */
  readonly jsonPathParams: ((path: ReadonlyArray<string>) => ReadonlyArray<string>) | undefined;
  /** Why the dialect cannot address a JSON key, or `undefined` when it can. */
  readonly jsonKeyProblem: ((key: string) => string | undefined) | undefined;
}

/**
 * Upper-case letters that JavaScript's `toLowerCase` (Unicode 16 in Node 20.19+) lowers but whose
 * mapping PostgreSQL 15 and DuckDB 1.5 do not know yet (measured over every cased code point by
 * `test/sql/caseFolding.db.test.ts`), and their lower-case forms, one to one.
 */
const newerUpper = "\u{1c89}\u{a7cb}\u{a7cc}\u{a7ce}\u{a7d2}\u{a7d4}\u{a7da}\u{a7dc}\u{10d50}\u{10d51}\u{10d52}\u{10d53}\u{10d54}\u{10d55}\u{10d56}\u{10d57}\u{10d58}\u{10d59}\u{10d5a}\u{10d5b}\u{10d5c}\u{10d5d}\u{10d5e}\u{10d5f}\u{10d60}\u{10d61}\u{10d62}\u{10d63}\u{10d64}\u{10d65}\u{16ea0}\u{16ea1}\u{16ea2}\u{16ea3}\u{16ea4}\u{16ea5}\u{16ea6}\u{16ea7}\u{16ea8}\u{16ea9}\u{16eaa}\u{16eab}\u{16eac}\u{16ead}\u{16eae}\u{16eaf}\u{16eb0}\u{16eb1}\u{16eb2}\u{16eb3}\u{16eb4}\u{16eb5}\u{16eb6}\u{16eb7}\u{16eb8}";
const newerLower = "\u{1c8a}\u{264}\u{a7cd}\u{a7cf}\u{a7d3}\u{a7d5}\u{a7db}\u{19b}\u{10d70}\u{10d71}\u{10d72}\u{10d73}\u{10d74}\u{10d75}\u{10d76}\u{10d77}\u{10d78}\u{10d79}\u{10d7a}\u{10d7b}\u{10d7c}\u{10d7d}\u{10d7e}\u{10d7f}\u{10d80}\u{10d81}\u{10d82}\u{10d83}\u{10d84}\u{10d85}\u{16ebb}\u{16ebc}\u{16ebd}\u{16ebe}\u{16ebf}\u{16ec0}\u{16ec1}\u{16ec2}\u{16ec3}\u{16ec4}\u{16ec5}\u{16ec6}\u{16ec7}\u{16ec8}\u{16ec9}\u{16eca}\u{16ecb}\u{16ecc}\u{16ecd}\u{16ece}\u{16ecf}\u{16ed0}\u{16ed1}\u{16ed2}\u{16ed3}";

/**
 * The case folding of `caseInsensitive`, made to agree with segmentkit's `foldCase` code point by
 * code point: U+0130 (İ) lowers to "i̇" (i and U+0307) as in JavaScript, not to "i"; Σ becomes σ
 * before `lower()`, which under an ICU collation would give the word-final ς by context; and the
 * Unicode 16 letters above are mapped explicitly. Literals here are library constants, never user data.
 */
function foldWith(lower: string, replace: string, translate: string): (sql: string) => string {
  return (sql) => `${lower}(${translate}(${replace}(${sql}, '\u0130', 'i\u0307'), '\u03a3${newerUpper}', '\u03c3${newerLower}'))`;
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

/**
 * A JSONPath (`$."a"."b"`) for DuckDB with every key quoted, so keys never act as path syntax, except
 * the two that DuckDB 1.5 still reads as syntax when quoted (see `duckdbJsonKeyProblem`).
 */
function duckdbJsonPath(path: ReadonlyArray<string>): string {
  let out = "$";
  for (const key of path) out += `."${key.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
  return out;
}

/** DuckDB reads the quoted key `"*"` as a wildcard and refuses the empty key `""`, so mappings may not use them. */
function duckdbJsonKeyProblem(key: string): string | undefined {
  return key === "*" || key === "" ? `DuckDB cannot address the JSON key ${JSON.stringify(key)} (it reads "*" as a wildcard and refuses "")` : undefined;
}

const postgres: DialectAdapter = {
  name: "postgres",
  cast: (sql, kind) => `CAST(${sql} AS ${postgresTypes[kind]})`,
  unknown: "CAST(NULL AS BOOLEAN)",
  nanToNull: (sql) => `NULLIF(${sql}, CAST('NaN' AS DOUBLE PRECISION))`,
  binaryOrder: (sql) => `(${sql} COLLATE "C")`,
  like: (text, pattern) => `(${text} LIKE ${pattern} ESCAPE '\\')`,
  likeEscape: "\\",
  lower: foldWith("lower", "replace", "translate"),
  // A NaN element compares as UNKNOWN (NaN reads as missing), like a NULL element.
  arrayContains: (array, value, numeric) =>
    numeric
      ? `((${value} = ANY(${array})) OR (CASE WHEN CAST('NaN' AS DOUBLE PRECISION) = ANY(${array}) THEN CAST(NULL AS BOOLEAN) ELSE FALSE END))`
      : `(${value} = ANY(${array}))`,
  finiteOrNull: (sql) => `(CASE WHEN ${sql} > CAST('-Infinity' AS DOUBLE PRECISION) AND ${sql} < CAST('Infinity' AS DOUBLE PRECISION) THEN ${sql} END)`,
  finiteInstant: (sql) => `(CASE WHEN isfinite(${sql}) THEN ${sql} END)`,
  arrayLength: (array) => `cardinality(${array})`,
  jsonScalar: (column, pathParams, kind) => {
    const path = `ARRAY[${pathParams.join(", ")}]`;
    const node = `(CAST(${column} AS JSONB) #> ${path})`;
    const text = `(CAST(${column} AS JSONB) #>> ${path})`;
    const objects = postgresJsonObjects(column, pathParams);
    switch (kind) {
      case "text":
        return `(CASE WHEN ${objects} AND jsonb_typeof(${node}) = 'string' THEN ${text} END)`;
      case "number":
        return `(CASE WHEN ${objects} AND jsonb_typeof(${node}) = 'number' THEN CAST(${text} AS DOUBLE PRECISION) END)`;
      case "boolean":
        return `(CASE WHEN ${objects} AND jsonb_typeof(${node}) = 'boolean' THEN CAST(${text} AS BOOLEAN) END)`;
      case "timestamp":
        return `(CASE WHEN ${objects} AND jsonb_typeof(${node}) = 'string' AND ${text} ~ '${jsonInstantPattern}' THEN CAST(${text} AS TIMESTAMPTZ) END)`;
    }
  },
  jsonPresent: (column, pathParams) =>
    `COALESCE(${postgresJsonObjects(column, pathParams)} AND jsonb_typeof(CAST(${column} AS JSONB) #> ARRAY[${pathParams.join(", ")}]) <> 'null', FALSE)`,
  jsonPathParams: (path) => path,
  jsonKeyProblem: undefined,
};

/**
 * The JSON strings that `type: "timestamp"` reads as instants: an ISO-8601 date and time with
 * seconds, at most six digits of fraction (PostgreSQL rounds a seventh up, DuckDB truncates it), and
 * `Z` or a `±hh:mm` offset, as `JSON.stringify` writes a `Date` and as the profile schema accepts
 * (PostgreSQL also read `10:00Z`, a lower-case `z` and `+0530`, which DuckDB and the schema refuse).
 * Other strings (a date alone, no offset, free text, a month 13 or an hour 24) are UNKNOWN, like a string in
 * memory, instead of being read in the session's time zone or failing the query, and so are the
 * years outside 0001–9999 (`JSON.stringify` writes year 0 as `0000`, which PostgreSQL refuses, and
 * later years as `+010000`); only a day past
 * the month's end (30 February) still reaches PostgreSQL's cast. A library constant, never a rule value.
 */
const jsonInstantPattern =
  "^(000[1-9]|00[1-9][0-9]|0[1-9][0-9]{2}|[1-9][0-9]{3})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,6})?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$";

/**
 * PostgreSQL's `#>` reads a key such as "0" or "-1" of an array as an index; the in-memory reader
 * never descends into arrays. So every step of a JSON path must start from an object: the column
 * itself and each proper prefix of the path.
 */
function postgresJsonObjects(column: string, pathParams: ReadonlyArray<string>): string {
  const json = `CAST(${column} AS JSONB)`;
  const steps = [`jsonb_typeof(${json}) = 'object'`];
  for (let length = 1; length < pathParams.length; length++) steps.push(`jsonb_typeof(${json} #> ARRAY[${pathParams.slice(0, length).join(", ")}]) = 'object'`);
  return `(${steps.join(" AND ")})`;
}

const duckdb: DialectAdapter = {
  name: "duckdb",
  cast: (sql, kind) => `CAST(${sql} AS ${duckdbTypes[kind]})`,
  unknown: "CAST(NULL AS BOOLEAN)",
  nanToNull: (sql) => `NULLIF(${sql}, CAST('NaN' AS DOUBLE))`,
  binaryOrder: (sql) => sql,
  like: (text, pattern) => `(${text} LIKE ${pattern} ESCAPE '\\')`,
  likeEscape: "\\",
  lower: foldWith("lower", "replace", "translate"),
  arrayContains: (array, value, numeric) =>
    `(CASE WHEN list_contains(${array}, ${value}) THEN TRUE WHEN ${array} IS NULL OR list_count(${array}) < len(${array})${
      numeric ? ` OR list_contains(${array}, CAST('NaN' AS DOUBLE))` : ""
    } THEN CAST(NULL AS BOOLEAN) ELSE FALSE END)`,
  finiteOrNull: (sql) => `(CASE WHEN isfinite(${sql}) THEN ${sql} END)`,
  finiteInstant: (sql) => `(CASE WHEN isfinite(${sql}) THEN ${sql} END)`,
  arrayLength: (array) => `len(${array})`,
  jsonScalar: (column, pathParams, kind) => {
    const path = pathParams[0] ?? "'$'";
    const json = `CAST(${column} AS JSON)`;
    const type = `json_type(${json}, ${path})`;
    switch (kind) {
      case "text":
        return `(CASE WHEN ${type} = 'VARCHAR' THEN json_extract_string(${json}, ${path}) END)`;
      case "number":
        return `(CASE WHEN ${type} IN ('DOUBLE', 'BIGINT', 'UBIGINT', 'HUGEINT') THEN CAST(json_extract(${json}, ${path}) AS DOUBLE) END)`;
      case "boolean":
        return `(CASE WHEN ${type} = 'BOOLEAN' THEN CAST(json_extract(${json}, ${path}) AS BOOLEAN) END)`;
      case "timestamp": {
        const text = `json_extract_string(${json}, ${path})`;
        return `(CASE WHEN ${type} = 'VARCHAR' AND regexp_full_match(${text}, '${jsonInstantPattern}') THEN TRY_CAST(${text} AS TIMESTAMPTZ) END)`;
      }
    }
  },
  jsonPresent: (column, pathParams) => `COALESCE(json_type(CAST(${column} AS JSON), ${pathParams[0] ?? "'$'"}) <> 'NULL', FALSE)`,
  jsonPathParams: (path) => [duckdbJsonPath(path)],
  jsonKeyProblem: duckdbJsonKeyProblem,
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
  lower: foldWith("LOWER", "REPLACE", "TRANSLATE"),
  arrayContains: (array, value, numeric) =>
    `(CASE WHEN ${value} IN UNNEST(${array}) THEN TRUE WHEN ${array} IS NULL${
      numeric ? ` OR EXISTS(SELECT 1 FROM UNNEST(${array}) AS element WHERE IS_NAN(element))` : ""
    } THEN CAST(NULL AS BOOL) ELSE FALSE END)`,
  finiteOrNull: (sql) => `IF(IS_INF(${sql}) OR IS_NAN(${sql}), NULL, ${sql})`,
  // BigQuery's TIMESTAMP has no infinities.
  finiteInstant: (sql) => sql,
  arrayLength: (array) => `ARRAY_LENGTH(${array})`,
  jsonScalar: undefined,
  jsonPresent: undefined,
  jsonPathParams: undefined,
  jsonKeyProblem: undefined,
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
  lower: foldWith("LOWER", "REPLACE", "TRANSLATE"),
  // A NaN element makes a miss UNKNOWN, as in the other dialects (Snowflake's NaN equals NaN).
  arrayContains: (array, value, numeric) =>
    `(CASE WHEN ARRAY_CONTAINS(CAST(${value} AS VARIANT), ${array}) THEN TRUE WHEN ${array} IS NULL${
      numeric ? ` OR ARRAY_CONTAINS(CAST(CAST('NaN' AS DOUBLE) AS VARIANT), ${array})` : ""
    } THEN CAST(NULL AS BOOLEAN) ELSE FALSE END)`,
  finiteOrNull: (sql) => `(CASE WHEN ${sql} > CAST('-inf' AS DOUBLE) AND ${sql} < CAST('inf' AS DOUBLE) THEN ${sql} END)`,
  // Snowflake's TIMESTAMP_TZ has no infinities.
  finiteInstant: (sql) => sql,
  arrayLength: (array) => `ARRAY_SIZE(${array})`,
  jsonScalar: undefined,
  jsonPresent: undefined,
  jsonPathParams: undefined,
  jsonKeyProblem: undefined,
};

const adapters: Readonly<Record<SqlDialectName, DialectAdapter>> = { postgres, duckdb, bigquery, snowflake };

/** The adapter of a dialect; a `TypeError` naming `functionName` for an unknown one. */
export function dialectAdapter(name: SqlDialectName, functionName: string): DialectAdapter {
  if (typeof name !== "string" || !Object.hasOwn(adapters, name)) {
    throw new TypeError(`${functionName} does not know the dialect ${JSON.stringify(name)}`);
  }
  return adapters[name];
}
