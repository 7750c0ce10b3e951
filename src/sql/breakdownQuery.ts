import { pathLink } from "../_lib/pathLinks.js";
import type { PathLink } from "../_lib/pathLinks.js";
import type { Rule } from "../rules/ast.js";
import type { DescribeRuleOptions } from "../rules/describeRule.js";
import type { RuleBreakdown } from "../rules/ruleBreakdown.js";
import { breakdownNodes, breakdownTree, isRemovable, ruleWithout } from "../rules/_lib/breakdown.js";
import { Compilation } from "./_lib/compile.js";
import { correlatedEventSink } from "./_lib/correlatedEvents.js";
import type { SqlCompileOptions, SqlParameter, SqlParameterType, SqlTableName } from "./mapping.js";
import { sqlCompileOptionKeys } from "./mapping.js";
import { describeRuleOptionKeys } from "../rules/describeRule.js";
import { assertKnownOptions } from "../_lib/arguments.js";
import type { OptionKeys } from "../_lib/arguments.js";

/** Options of {@link breakdownQuery}. */
export interface BreakdownQueryOptions extends SqlCompileOptions, DescribeRuleOptions {
  /** The profile table. */
  readonly table: SqlTableName;
  /** Its customer id column; needed only when the rule has event conditions. */
  readonly idColumn?: string;
}

const optionKeys = { ...sqlCompileOptionKeys, ...describeRuleOptionKeys, table: true, idColumn: true } as const satisfies OptionKeys<BreakdownQueryOptions>;

/** The result of {@link breakdownQuery}. */
export interface BreakdownQueryResult {
  /** One SELECT over the profile table that returns a single row of counts. */
  readonly sql: string;
  /** The bound values, in placeholder order. */
  readonly params: SqlParameter[];
  /** The type of each parameter, for clients that need it (DuckDB: send `"number"` as DOUBLE). */
  readonly paramTypes: SqlParameterType[];
  /**
   * Turns the query's one row into the breakdown, the same shape as the in-memory `ruleBreakdown`.
   * Counts may come as numbers, bigints or texts of digits (PostgreSQL's `bigint`); the NULL sums of
   * an empty table read as 0. A row without an expected column, or with counts that do not add up
   * (more than the profiles counted), is a `TypeError` naming the column.
   */
  readonly read: (row: Readonly<Record<string, unknown>>) => RuleBreakdown;
}

/**
 * The most rule nodes one breakdown query compiles in all: every node and its negation, and the rule
 * without each operand, grow with the square of a wide rule. 20,000 keeps the SQL text, the bound
 * parameters and the compile well within what the databases and `toSql`'s own budget accept.
 */
const maxCompiledNodes = 20_000;
/** PostgreSQL's limit on bound parameters in one statement. */
const maxPostgresParameters = 65_535;

/** A count from a driver: a number, a bigint or a text of digits (PostgreSQL's `bigint`). */
function countOf(value: unknown, column: string): number | null {
  if (value === null) return null;
  const count = typeof value === "number" ? value : typeof value === "bigint" || (typeof value === "string" && /^\d+$/.test(value)) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(count) || count < 0) throw new TypeError(`breakdownQuery's read requires the column ${JSON.stringify(column)} to hold a count, got ${JSON.stringify(String(value)).slice(0, 60)}`);
  return count;
}

/**
 * The warehouse version of `ruleBreakdown`: one SELECT that counts, for every condition of a rule,
 * the profiles it is TRUE and FALSE for (the rest are UNKNOWN), and for every operand of `and` / `or`
 * the profiles the whole rule would select without it. One pass over the profile table.
 *
 * @remarks Each count is a `SUM(CASE WHEN <condition> THEN 1 ELSE 0 END)` over the compiled
 * condition: the node itself for TRUE, its negation for FALSE, the rule without the operand for
 * "without"; all are compiled by the same compiler as {@link toSql}, whose expressions select exactly
 * what `evaluate` selects, so the counts equal `ruleBreakdown`'s (tested on PostgreSQL and DuckDB).
 * Event conditions become correlated subqueries, as in `toSql`. The text grows with the number of
 * operands times the size of the rule (every "without" repeats the rest of the rule): meant for the
 * rules people build: beyond 20,000 compiled rule nodes in all (about 140 operands of one `and`) or,
 * on PostgreSQL, 65,535 bound parameters, it is a `too_many_nodes` issue. With `onUnsupported:
 * "unknown"`, the counts are those of the compiled SQL.
 * @param rule - a rule (from `parseRule` or the builders).
 * @param options - the dialect, the profile table (and its id column for event conditions), the
 *   column mapping, the clock, events and segments as for {@link toSql}, and `labels` and
 *   `segmentNames` for the descriptions, as for `describeRule`.
 * @returns The SQL, its parameters, and `read` to turn the returned row into the breakdown.
 * @throws `SqlCompileError` `"breakdownQuery found <n> issue(s): ..."` for a rule it cannot compile (as `toSql`).
 * @throws `TypeError` `breakdownQuery requires options with a dialect, a table, columns and asOf`, and as `toSql` for a bad option.
 * @example
 * const rule = { op: "and", rules: [{ op: "gte", field: "spend", value: 500 }, { op: "lt", field: "days", value: 30 }] } as const;
 * const query = breakdownQuery(rule, {
 *   dialect: "duckdb",
 *   table: "profiles",
 *   asOf: new Date("2024-06-30T00:00:00Z"),
 *   columns: { spend: { column: "spend", type: "number" }, days: { column: "days_since_purchase", type: "integer" } },
 * });
 * query.sql.startsWith('SELECT COUNT(*) AS "profiles"') //=> true
 * // const [row] = await connection.runAndReadAll(query.sql, query.params) ... then:
 * const breakdown = query.read({ profiles: 4n, node_0_true: 1n, node_0_false: 2n, node_1_true: 3n, node_1_false: 1n, node_1_without: 2n, node_2_true: 2n, node_2_false: 1n, node_2_without: 3n });
 * breakdown.root.children?.map((node) => [node.description, node.true, node.false, node.unknown, node.selectedWithout]) //=> [["spend is at least 500", 3, 1, 0, 2], ["days is less than 30", 2, 1, 1, 3]]
 * @category SQL
 */
export function breakdownQuery(rule: Rule, options: BreakdownQueryOptions): BreakdownQueryResult {
  if (typeof options !== "object" || options === null) throw new TypeError("breakdownQuery requires options with a dialect, a table, columns and asOf");
  assertKnownOptions("breakdownQuery", options, optionKeys);
  let compilation: Compilation | undefined;
  let qualifier: string | undefined;
  const profile = "p";
  let missingIdReported = false;
  const sink = correlatedEventSink(() => compilation as Compilation, { events: options.events, tableAlias: profile, idColumn: options.idColumn }, () => qualifier, (c) => {
    if (missingIdReported) return;
    missingIdReported = true;
    c.issue("missing_events_mapping", pathLink(undefined, "idColumn"), "breakdownQuery needs idColumn, the profile table's customer id, to correlate event conditions with it");
  });
  compilation = new Compilation("breakdownQuery", options, sink);
  const c = compilation;
  const quote = (name: string) => c.dialect.quoteIdentifier(name);
  qualifier = quote(profile);
  const table = c.tableName(options.table, pathLink(undefined, "table"), "table");
  const scope = { columns: options.columns, qualifier, inEvent: false };
  // The whole rule first: its issues carry the paths of the rule. Every other expression is made of
  // the same nodes, so it compiles when this one does.
  const whole = c.rule(rule, undefined, scope, 1);
  c.check();

  const nodes = breakdownNodes(rule);
  // Subtree sizes (operands come after their node), then what the query compiles in all.
  const sizes = new Array<number>(nodes.length).fill(1);
  for (let index = nodes.length - 1; index > 0; index -= 1) sizes[nodes[index]!.parent] = sizes[nodes[index]!.parent]! + sizes[index]!;
  const compiled = nodes.reduce((total, _node, index) => total + 2 * sizes[index]! + 1 + (isRemovable(nodes, index) ? sizes[0]! - sizes[index]! : 0), 0);
  if (compiled > maxCompiledNodes) {
    c.issue(
      "too_many_nodes",
      undefined,
      `breakdownQuery compiles every condition, its negation and the rule without each operand: ${compiled} rule nodes for this rule of ${nodes.length}, more than the limit of ${maxCompiledNodes}; count parts of it, or use ruleBreakdown`,
    );
    c.check();
  }
  const paths: PathLink[] = [];
  const columns: string[] = [`COUNT(*) AS ${quote("profiles")}`];
  const count = (condition: string, column: string) => columns.push(`SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END) AS ${quote(column)}`);
  nodes.forEach((node, index) => {
    const parent = node.parent < 0 ? undefined : paths[node.parent];
    const path = pathLink(parent, ...node.key) as PathLink;
    paths.push(path);
    count(index === 0 ? whole : c.rule(node.rule, path, scope, 1), `node_${index}_true`);
    count(c.rule({ op: "not", rule: node.rule }, path, scope, 1), `node_${index}_false`);
    if (isRemovable(nodes, index)) count(c.rule(ruleWithout(nodes, index), undefined, scope, 1), `node_${index}_without`);
  });
  const text = `SELECT ${columns.join(", ")} FROM ${table ?? ""} AS ${qualifier}`;
  c.check();
  const { sql, params, paramTypes } = c.finish(text, 0);
  if (options.dialect === "postgres" && params.length > maxPostgresParameters) {
    c.issue("too_many_nodes", undefined, `breakdownQuery binds ${params.length} parameters for this rule, more than PostgreSQL's ${maxPostgresParameters}; count parts of it, or use ruleBreakdown`);
    c.check();
  }

  const read = (row: Readonly<Record<string, unknown>>): RuleBreakdown => {
    if (typeof row !== "object" || row === null || Array.isArray(row)) throw new TypeError("breakdownQuery's read requires the one row the query returned, as an object");
    const profileCount = countOf(Object.hasOwn(row, "profiles") ? row["profiles"] : undefined, "profiles");
    if (profileCount === null) throw new TypeError(`breakdownQuery's read requires the column "profiles" to hold a count, got NULL`);
    const value = (column: string, limit: number): number => {
      if (!Object.hasOwn(row, column)) throw new TypeError(`breakdownQuery's read requires the column ${JSON.stringify(column)} of the query's row`);
      const count = countOf(row[column], column);
      // SUM over no rows is NULL; over rows it is a count no larger than the number of profiles.
      if (count === null) {
        if (profileCount === 0) return 0;
        throw new TypeError(`breakdownQuery's read requires the column ${JSON.stringify(column)} to hold a count, got NULL`);
      }
      if (count > limit) throw new TypeError(`breakdownQuery's read got ${count} in ${JSON.stringify(column)}, which does not fit the ${profileCount} profiles counted`);
      return count;
    };
    const counts = (index: number) => {
      const truthy = value(`node_${index}_true`, profileCount);
      const falsy = value(`node_${index}_false`, profileCount - truthy);
      return { true: truthy, false: falsy, unknown: profileCount - truthy - falsy, selectedWithout: isRemovable(nodes, index) ? value(`node_${index}_without`, profileCount) : 0 };
    };
    return breakdownTree(nodes, options, counts, profileCount, value("node_0_true", profileCount));
  };
  return { sql, params, paramTypes, read };
}
