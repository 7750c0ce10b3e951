/**
 * `segmentkit/sql`: compile segment rules to parameterized SQL for PostgreSQL, DuckDB, BigQuery and
 * Snowflake, with the same three-valued semantics as the in-memory evaluator.
 *
 * @module sql
 */
export { sqlDialect, sqlDialectNames } from "./sqlDialect.js";
export type { SqlDialect, SqlDialectName } from "./sqlDialect.js";
