import { pathLink } from "../_lib/pathLinks.js";
import type { PathLink } from "../_lib/pathLinks.js";
import type { Rule } from "../rules/ast.js";
import type { DescribeRuleOptions } from "../rules/describeRule.js";
import type { RuleBreakdown } from "../rules/ruleBreakdown.js";
import { breakdownNodes, breakdownTree, isRemovable, ruleWithout } from "../rules/_lib/breakdown.js";
import { Compilation } from "./_lib/compile.js";
import { correlatedEventSink } from "./_lib/correlatedEvents.js";
import type { SqlCompileOptions, SqlParameter, SqlParameterType, SqlTableName } from "./mapping.js";

/** Options of {@link breakdownQuery}. */
export interface BreakdownQueryOptions extends SqlCompileOptions {
  /** The profile table. */
  readonly table: SqlTableName;
  /** Its customer id column; needed only when the rule has event conditions. */
  readonly idColumn?: string;
  /** Names for field paths in the descriptions, as for `describeRule`. */
  readonly labels?: DescribeRuleOptions["labels"];
}

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
   * Counts may come as numbers, bigints or numeric strings (PostgreSQL's `bigint`); NULL sums of an
   * empty table read as 0.
   */
  readonly read: (row: Readonly<Record<string, unknown>>) => RuleBreakdown;
}

/** The most nodes one breakdown query counts: up to three columns each stay within PostgreSQL's 1,664. */
const maxConditions = 500;

/** A count from a driver: a number, a bigint, a numeric string, or NULL for an empty table's SUM. */
function countOf(value: unknown, column: string): number {
  if (value === null || value === undefined) return 0;
  const count = typeof value === "number" ? value : typeof value === "bigint" || typeof value === "string" ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(count) || count < 0) throw new TypeError(`breakdownQuery's read requires the column ${JSON.stringify(column)} to hold a count, got ${String(value)}`);
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
 * rules people build; more than 500 nodes is a `too_many_nodes` issue. With `onUnsupported:
 * "unknown"`, the counts are those of the compiled SQL.
 * @param rule - a rule (from `parseRule` or the builders).
 * @param options - the dialect, the profile table (and its id column for event conditions), the
 *   column mapping, the clock, events and segments as for {@link toSql}, and `labels`.
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
  let compilation: Compilation | undefined;
  let qualifier: string | undefined;
  const profile = "p";
  const sink = correlatedEventSink(() => compilation as Compilation, { events: options.events, tableAlias: profile, idColumn: options.idColumn }, () => qualifier);
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
  if (nodes.length > maxConditions) {
    c.issue("too_many_nodes", undefined, `breakdownQuery counts at most ${maxConditions} conditions (three columns each; PostgreSQL returns at most 1,664), the rule has ${nodes.length}`);
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

  const read = (row: Readonly<Record<string, unknown>>): RuleBreakdown => {
    if (typeof row !== "object" || row === null) throw new TypeError("breakdownQuery's read requires the row the query returned");
    const value = (column: string) => countOf(Object.hasOwn(row, column) ? row[column] : undefined, column);
    const profiles = value("profiles");
    const counts = (index: number) => {
      const truthy = value(`node_${index}_true`);
      const falsy = value(`node_${index}_false`);
      return { true: truthy, false: falsy, unknown: profiles - truthy - falsy, selectedWithout: value(`node_${index}_without`) };
    };
    return breakdownTree(nodes, options.labels, counts, profiles, value("node_0_true"));
  };
  return { sql, params, paramTypes, read };
}
