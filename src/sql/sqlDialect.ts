/**
 * Dialect-aware identifier quoting and parameter placeholders, shared by every SQL emitter of
 * segmentkit (rules, segments, k-means models).
 *
 * @module
 */

/** The SQL dialects segmentkit compiles to. */
export type SqlDialectName = "postgres" | "duckdb" | "bigquery" | "snowflake";

/**
 * Every {@link SqlDialectName}.
 * @example
 * sqlDialectNames //=> ["postgres", "duckdb", "bigquery", "snowflake"]
 * @category SQL
 */
export const sqlDialectNames: ReadonlyArray<SqlDialectName> = ["postgres", "duckdb", "bigquery", "snowflake"];

/**
 * The public, dialect-specific spelling rules: how an identifier is quoted and how the n-th bound
 * parameter is written.
 */
export interface SqlDialect {
  /** The dialect's name. */
  readonly name: SqlDialectName;
  /**
   * Quotes one identifier (a column, table or alias name) by the dialect's rules, so any name,
   * including one with quotes, dots or spaces, is read as a single identifier and never as SQL.
   * A dotted string is one identifier: pass the parts separately to {@link SqlDialect.quoteQualified}.
   */
  readonly quoteIdentifier: (identifier: string) => string;
  /**
   * Quotes each part and joins them with dots: `["analytics", "profiles"]` becomes
   * `"analytics"."profiles"`. `TypeError` `quoteQualified requires a name or a non-empty list of name parts`
   * for `[]` (it returned an empty string, which is no name).
   */
  readonly quoteQualified: (parts: string | ReadonlyArray<string>) => string;
  /**
   * The placeholder of the parameter at `index` (one-based): `$1` for PostgreSQL and DuckDB, `@p1`
   * for BigQuery named parameters, `?` for Snowflake positional parameters (which are bound in
   * order of appearance, so every placeholder gets its own entry in `params`).
   */
  readonly placeholder: (index: number) => string;
}

function assertIdentifier(identifier: string): void {
  if (typeof identifier !== "string" || identifier.length === 0) {
    throw new TypeError("quoteIdentifier requires a non-empty string");
  }
  if (identifier.includes("\u0000")) {
    throw new TypeError("quoteIdentifier rejects identifiers containing NUL characters");
  }
}

function quoteDouble(identifier: string): string {
  assertIdentifier(identifier);
  return `"${identifier.replaceAll('"', '""')}"`;
}

function quoteBacktick(identifier: string): string {
  assertIdentifier(identifier);
  // BigQuery quoted identifiers accept backslash escapes; control characters are rejected outright.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/u.test(identifier)) {
    throw new TypeError("quoteIdentifier rejects control characters in bigquery identifiers");
  }
  return `\`${identifier.replaceAll("\\", "\\\\").replaceAll("`", "\\`")}\``;
}

function assertIndex(index: number): void {
  // Beyond 2^53 the index is no longer exact, and `1e21` would print as `$1e+21`.
  if (!Number.isSafeInteger(index) || index < 1) throw new RangeError("placeholder requires an integer index from 1 to 2^53 - 1");
}

const dollar = (index: number): string => {
  assertIndex(index);
  return `$${index}`;
};

function make(name: SqlDialectName, quoteIdentifier: (identifier: string) => string, placeholder: (index: number) => string): SqlDialect {
  return {
    name,
    quoteIdentifier,
    placeholder,
    quoteQualified: (parts) => {
      if (typeof parts === "string") return quoteIdentifier(parts);
      if (!Array.isArray(parts) || parts.length === 0) throw new TypeError("quoteQualified requires a name or a non-empty list of name parts");
      return parts.map(quoteIdentifier).join(".");
    },
  };
}

/**
 * The quoting and placeholder rules of one SQL dialect.
 *
 * @remarks
 * PostgreSQL, DuckDB and Snowflake quote identifiers with double quotes (a `"` inside is doubled);
 * BigQuery uses backticks (a backtick or backslash inside is escaped with a backslash). Quoting
 * keeps the name's case, but whether case matters is the database's: quoted names are case-sensitive
 * in PostgreSQL and Snowflake (which stores unquoted names in upper case, so map `customer_id` as
 * `CUSTOMER_ID` there) and case-insensitive in DuckDB and for BigQuery column names. Placeholders are `$n` (PostgreSQL, DuckDB), `@pn`
 * (BigQuery named parameters `p1`, `p2`, ...) and `?` (Snowflake, bound in order of appearance). O(1).
 *
 * @param name - `"postgres"`, `"duckdb"`, `"bigquery"` or `"snowflake"`.
 * @returns an object with `quoteIdentifier`, `quoteQualified` and `placeholder`.
 * @throws `sqlDialect does not know the dialect "<name>"` (a `TypeError`) for any other name;
 *   `quoteIdentifier requires a non-empty string`, `quoteIdentifier rejects identifiers containing NUL characters`,
 *   `placeholder requires an integer index from 1 to 2^53 - 1` (a `RangeError`),
 *   `quoteQualified requires a name or a non-empty list of name parts`.
 * @example
 * const postgres = sqlDialect("postgres");
 * postgres.quoteIdentifier('total "spend"') //=> "\"total \"\"spend\"\"\""
 * postgres.placeholder(2) //=> "$2"
 * sqlDialect("bigquery").quoteQualified(["analytics", "profiles"]) //=> "`analytics`.`profiles`"
 * sqlDialect("bigquery").placeholder(3) //=> "@p3"
 * sqlDialect("snowflake").placeholder(3) //=> "?"
 * @category SQL
 */
export function sqlDialect(name: SqlDialectName): SqlDialect {
  switch (name) {
    case "postgres":
    case "duckdb":
      return make(name, quoteDouble, dollar);
    case "bigquery":
      return make(name, quoteBacktick, (index) => {
        assertIndex(index);
        return `@p${index}`;
      });
    case "snowflake":
      return make(name, quoteDouble, (index) => {
        assertIndex(index);
        return "?";
      });
    default:
      throw new TypeError(`sqlDialect does not know the dialect ${JSON.stringify(name)}`);
  }
}
