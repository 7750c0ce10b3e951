import { pathLink } from "../_lib/pathLinks.js";
import type { Rule } from "../rules/ast.js";
import { Compilation } from "./_lib/compile.js";
import { correlatedEventSink } from "./_lib/correlatedEvents.js";
import type { SqlCompileOptions, SqlParameter, SqlParameterType } from "./mapping.js";
import { sqlCompileOptionKeys } from "./mapping.js";
import { assertKnownOptions } from "../_lib/arguments.js";
import type { OptionKeys } from "../_lib/arguments.js";

/** Options of {@link toSql}. */
export interface ToSqlOptions extends SqlCompileOptions {
  /**
   * Alias (or table name) of the profile table in the query the expression is used in. When set,
   * every column is qualified with it (`"p"."total_spend"`). Needed for event conditions, whose
   * subqueries correlate on `"<tableAlias>"."<idColumn>"`.
   */
  readonly tableAlias?: string;
  /** The profile table's customer id column; needed for event conditions. */
  readonly idColumn?: string;
  /** Number of parameters already in the surrounding query: placeholders start at `offset + 1`. Default 0. */
  readonly parameterOffset?: number;
}

const optionKeys = { ...sqlCompileOptionKeys, tableAlias: true, idColumn: true, parameterOffset: true } as const satisfies OptionKeys<ToSqlOptions>;

/** The result of {@link toSql}. */
export interface ToSqlResult {
  /** A boolean SQL expression for a WHERE clause, TRUE exactly for the profiles the rule selects. */
  readonly sql: string;
  /** The bound values, in placeholder order. Timestamps are ISO-8601 strings cast in the SQL text. */
  readonly params: SqlParameter[];
  /** The type of each parameter, for clients that need it (DuckDB: send `"number"` as DOUBLE). */
  readonly paramTypes: SqlParameterType[];
}

/**
 * Compiles a segment rule to a parameterized boolean SQL expression for a WHERE clause.
 *
 * @remarks
 * The expression selects exactly the profiles for which `evaluate(rule, profile, { asOf })` is
 * TRUE, apart from the divergences the warehouse guide lists (text order across U+E000–U+FFFF,
 * instants before year 1, lone surrogates, which drivers bind as U+FFFD, and the arrays of BigQuery
 * and Snowflake): SQL three-valued logic is the reference semantics of the rule DSL, so `and`/`or`/`not`
 * compile to themselves, a comparison with a missing value is UNKNOWN, and a profile is selected
 * only when the expression is TRUE. Details that SQL would otherwise get differently are compiled
 * explicitly: NaN in a `number` column reads as NULL; `in []` is FALSE and `notIn []` is
 * `CASE WHEN x IS NULL THEN NULL ELSE TRUE END`; a literal whose type differs from the column's
 * compares as UNKNOWN; text ordering is by code point (`COLLATE "C"` on PostgreSQL);
 * `contains`/`startsWith`/`endsWith` are `LIKE` with `%`, `_` and `\` escaped; time windows and
 * calendar months are computed from `asOf` in UTC and bound as timestamps.
 *
 * Every value, including the clock, is bound as a parameter; identifiers come only from
 * `options.columns` / `options.events` and are quoted by the dialect. Event conditions compile to
 * a correlated subquery per condition (use {@link segmentQuery} for one grouped pass); `inSegment`
 * inlines the rule named in `options.segments`. O(size of the rule).
 *
 * @param rule - a rule, typically from `parseRule` (toSql also refuses malformed nodes).
 * @param options - the dialect, the column mapping, the clock and optional event and segment mappings.
 * @returns `{ sql, params, paramTypes }` (`paramTypes[i]` is the SQL type of `params[i]`, for drivers that
 *   guess types, such as DuckDB's); placeholders are `$n` (PostgreSQL, DuckDB), `@pn` (BigQuery) or `?` (Snowflake).
 * @throws {@link SqlCompileError} `toSql found N issues: <first message> at <path>` listing every unmapped field,
 *   unsupported construct, unknown or cyclic segment; `TypeError` `toSql requires asOf to be a valid Date`,
 *   `toSql does not know the dialect "<name>"`, `toSql requires options with a dialect, columns and asOf`,
 *   `toSql requires a columns mapping`, `toSql requires onUnsupported to be "throw" or "unknown"`;
 *   `RangeError` `toSql requires parameterOffset to be a non-negative integer`,
 *   `toSql requires asOf in the years 1 to 9999, which every dialect's timestamps hold, got <ISO date>`.
 * @example
 * const { sql, params } = toSql(
 *   { op: "and", rules: [{ op: "gte", field: "behavior.totalSpend", value: 100 }, { op: "eq", field: "geography.country", value: "US" }] },
 *   {
 *     dialect: "postgres",
 *     asOf: new Date("2024-06-30T00:00:00Z"),
 *     columns: {
 *       "behavior.totalSpend": { column: "total_spend", type: "number" },
 *       "geography.country": { column: "country", type: "text" },
 *     },
 *   },
 * );
 * sql //=> "((NULLIF(\"total_spend\", CAST('NaN' AS DOUBLE PRECISION)) >= CAST($1 AS DOUBLE PRECISION)) AND (\"country\" = CAST($2 AS TEXT)))"
 * params //=> [100, "US"]
 * @category SQL
 */
export function toSql(rule: Rule, options: ToSqlOptions): ToSqlResult {
  if (typeof options !== "object" || options === null) throw new TypeError("toSql requires options with a dialect, columns and asOf");
  assertKnownOptions("toSql", options, optionKeys);
  const offset = options.parameterOffset ?? 0;
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError("toSql requires parameterOffset to be a non-negative integer");
  let compilation: Compilation | undefined;
  let qualifier: string | undefined;
  const sink = correlatedEventSink(() => compilation as Compilation, options, () => qualifier, (c) => {
    c.issue("missing_events_mapping", undefined, "toSql needs tableAlias and idColumn to correlate event conditions with the profile table");
  });
  compilation = new Compilation("toSql", options, sink);
  const c = compilation;
  qualifier = options.tableAlias === undefined ? undefined : c.identifier(options.tableAlias, pathLink(undefined, "tableAlias"), "tableAlias");
  const text = c.rule(rule, undefined, { columns: options.columns, qualifier, inEvent: false }, 1);
  c.check();
  return c.finish(text, offset);
}
