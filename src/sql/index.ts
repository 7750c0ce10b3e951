/**
 * `segmentkit/sql`: compile segment rules to parameterized SQL for PostgreSQL, DuckDB, BigQuery and
 * Snowflake, with the same three-valued semantics as the in-memory evaluator.
 *
 * @module sql
 */
export { sqlDialect, sqlDialectNames } from "./sqlDialect.js";
export type { SqlDialect, SqlDialectName } from "./sqlDialect.js";
export { toSql } from "./toSql.js";
export type { ToSqlOptions, ToSqlResult } from "./toSql.js";
export { SqlCompileError } from "./SqlCompileError.js";
export type { SqlCompileIssue } from "./SqlCompileError.js";
export type {
  SqlColumn,
  SqlColumnMapping,
  SqlColumnType,
  SqlCompileOptions,
  SqlEventMapping,
  SqlField,
  SqlJsonField,
  SqlParameter,
  SqlParameterType,
  SqlTableName,
} from "./mapping.js";
export { segmentQuery } from "./segmentQuery.js";
export { breakdownQuery } from "./breakdownQuery.js";
export type { BreakdownQueryOptions, BreakdownQueryResult } from "./breakdownQuery.js";
export type { SegmentQueryOptions, SegmentQueryResult, SqlSegment } from "./segmentQuery.js";

// The base class of every error with a list of issues, for `instanceof` checks from this subpath.
export { SegmentationError } from "../_lib/errors.js";
export type { Issue } from "../_lib/errors.js";
