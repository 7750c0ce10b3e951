import { pathLink } from "../_lib/pathLinks.js";
import { isDefinedSegment, segmentDefinitionKeys } from "../_lib/definedSegments.js";
import { RuleError, type RuleIssue } from "../rules/RuleError.js";
import { safeParseRule, type RuleLimits } from "../rules/parseRule.js";
import { ruleErrorMessage } from "../rules/_lib/issues.js";
import { resolveRuleLimits } from "../rules/_lib/limits.js";
import { assertKnownOptions } from "../_lib/arguments.js";
import type { OptionKeys } from "../_lib/arguments.js";
import type { Rule } from "../rules/ast.js";
import { Compilation } from "./_lib/compile.js";
import type { EventSink } from "./_lib/compile.js";
import type { SqlCompileOptions, SqlParameter, SqlParameterType, SqlTableName } from "./mapping.js";

/** A segment as {@link segmentQuery} reads it; `Segment` from `defineSegment` fits. */
export interface SqlSegment {
  /** The segment's id: the value of the `segment` column, and what `inSegment` refers to. */
  readonly id: string;
  readonly rule: Rule;
  /** Larger first in the `segment` column; ties by declaration order. Default 0. */
  readonly priority?: number;
}

/** Options of {@link segmentQuery}. */
export interface SegmentQueryOptions extends Omit<SqlCompileOptions, "segments"> {
  /** The profile table. */
  readonly table: SqlTableName;
  /** Its customer id column: the `id` output column, joined to `events.customerId`. */
  readonly idColumn: string;
  /**
   * `"all"`: each boolean column is TRUE when the segment's rule is TRUE. `"first-match"`: only the
   * winner's column is TRUE (a waterfall). Both modes give the winner in the `segment` column.
   */
  readonly mode: "all" | "first-match";
  /**
   * The limits of `parseRule` for the rules of segments not made by `defineSegment` (depth, node
   * count, list and string length); its defaults when absent, as in `assignSegments`.
   */
  readonly limits?: RuleLimits;
}

const optionKeys = {
  dialect: true,
  columns: true,
  asOf: true,
  events: true,
  onUnsupported: true,
  table: true,
  idColumn: true,
  mode: true,
  limits: true,
} as const satisfies OptionKeys<SegmentQueryOptions>;

/** The result of {@link segmentQuery}. */
export interface SegmentQueryResult {
  /** One SELECT with the columns `id`, one boolean per segment, and `segment` (the winner's id or NULL). */
  readonly sql: string;
  /** The bound values, in placeholder order. */
  readonly params: SqlParameter[];
  /** The type of each parameter, for clients that need it (DuckDB: send `"number"` as DOUBLE). */
  readonly paramTypes: SqlParameterType[];
  /** The boolean output column of each segment, in declaration order (`segment_1`, `segment_2`, ...). */
  readonly segmentColumns: ReadonlyArray<{ readonly id: string; readonly column: string }>;
}

/** Rule issues reported across all segments, at most (as `parseRule` reports at most 100 per rule). */
const maxRuleIssues = 100;

/**
 * One SELECT that assigns every profile to its segments in the warehouse, like the in-memory
 * `assignSegments`: the profile id, one boolean column per segment and the winning segment.
 *
 * @remarks
 * A single pass over the profile table. All event conditions of all segments become columns of one
 * grouped aggregation over the events table (`COUNT(CASE WHEN <filter> THEN 1 END)` and
 * `SUM(CASE WHEN <filter> THEN <property> END)` per condition, `GROUP BY` customer), left-joined
 * once to the profiles, never a subquery per condition per row; a customer without events reads
 * count 0 and sum 0. `inSegment` inlines the referenced segment's rule with its three-valued result, exactly as
 * `assignSegments`, `evaluate` and `compileRule` do (so `not inSegment` of a segment whose rule is
 * UNKNOWN for a profile is UNKNOWN, and does not select it). A segment's
 * column is TRUE only when its rule is TRUE (UNKNOWN is not membership). The `segment` column is the
 * highest-priority segment whose rule is TRUE (ties by declaration order), or NULL. Segment ids are
 * bound as parameters; output column names are generated (`segment_1`, ...) and listed in
 * `segmentColumns`. The same semantics and mapping as {@link toSql}. A segment not made by
 * `defineSegment` (saved JSON) has its keys (a typo such as `priorty` would silently change the
 * waterfall) and its rule checked as `assignSegments` checks them, with `parseRule` and `limits` (its
 * defaults when absent), so a typo or an invalid rule never runs in the warehouse; its `name` and
 * `description` are not read, so they are not checked. O(total size of the rules).
 *
 * @param segments - the segments, ids unique; `Segment` values from `defineSegment` fit.
 * @param options - the dialect, the profile table and id column, the column mapping, the clock, the
 *   mode and the events mapping (when a rule has event conditions).
 * @returns `{ sql, params, paramTypes, segmentColumns }`, with `params` and `paramTypes` as in `toSql`.
 * @throws `RuleError` `segmentQuery found N issues: <first message> at [<index>].rule.<path>` for a segment
 *   not made by `defineSegment` whose rule `parseRule` refuses (the issues' paths start with the segment's index).
 * @throws {@link SqlCompileError} `segmentQuery found N issues: <first message> at <path>` (unmapped field,
 *   unknown or cyclic segment reference, unsupported construct); `TypeError`
 *   `segmentQuery requires unique segment ids, "<id>" repeats`, `segmentQuery requires mode to be "all" or "first-match"`,
 *   `segmentQuery requires options with a dialect, a table, columns, mode and asOf`,
 *   `segmentQuery requires an array of segments`, `segmentQuery requires every segment to have a string id and a rule`,
 *   `segmentQuery requires priority to be a finite number (segment "<id>")`,
 *   `segmentQuery requires segments with only the keys id, name, description, priority, rule: "<key>" is not one (segment "<id>")`;
 *   `RangeError` `segmentQuery requires maxDepth to be an integer from 1 to 1000` (and likewise for the other limits);
 *   and the option errors of `toSql`
 *   (`asOf`, `columns`, `onUnsupported`) with `segmentQuery` in the message.
 * @example
 * const { sql, params, segmentColumns } = segmentQuery(
 *   [
 *     { id: "vip", rule: { op: "gte", field: "spend", value: 1000 }, priority: 2 },
 *     { id: "active", rule: { op: "gte", field: "orders", value: 3 }, priority: 1 },
 *   ],
 *   {
 *     dialect: "duckdb",
 *     table: "profiles",
 *     idColumn: "customer_id",
 *     mode: "first-match",
 *     asOf: new Date("2024-06-30T00:00:00Z"),
 *     columns: { spend: { column: "spend", type: "number" }, orders: { column: "orders", type: "integer" } },
 *   },
 * );
 * segmentColumns.map((entry) => entry.column) //=> ["segment_1", "segment_2"]
 * params //=> [1000, 3, "vip", "active"]
 * sql.startsWith("WITH") //=> true
 * @category SQL
 */
export function segmentQuery(segments: ReadonlyArray<SqlSegment>, options: SegmentQueryOptions): SegmentQueryResult {
  if (typeof options !== "object" || options === null) throw new TypeError("segmentQuery requires options with a dialect, a table, columns, mode and asOf");
  assertKnownOptions("segmentQuery", options, optionKeys);
  const mode = options.mode;
  if (mode !== "all" && mode !== "first-match") throw new TypeError('segmentQuery requires mode to be "all" or "first-match"');
  if (!Array.isArray(segments)) throw new TypeError("segmentQuery requires an array of segments");
  resolveRuleLimits("segmentQuery", options.limits, "limits");
  const library: Record<string, Rule> = {};
  const ruleIssues: RuleIssue[] = [];
  segments.forEach((segment, index) => {
    if (typeof segment !== "object" || segment === null || typeof segment.id !== "string") {
      throw new TypeError("segmentQuery requires every segment to have a string id and a rule");
    }
    if (Object.hasOwn(library, segment.id)) throw new TypeError(`segmentQuery requires unique segment ids, ${JSON.stringify(segment.id)} repeats`);
    // As defineSegment: a NaN priority would rank ahead of every other one.
    if (segment.priority !== undefined && (typeof segment.priority !== "number" || !Number.isFinite(segment.priority))) {
      throw new TypeError(`segmentQuery requires priority to be a finite number (segment ${JSON.stringify(segment.id)})`);
    }
    let rule = segment.rule;
    // A segment not made by defineSegment (saved JSON) has its keys and its rule checked as the
    // segment functions check them, so a typo or an invalid rule never runs in the warehouse. (Its
    // name and description are not read here, so they are not checked.)
    if (!isDefinedSegment(segment)) {
      for (const key of Object.keys(segment)) {
        if (!segmentDefinitionKeys.includes(key)) {
          throw new TypeError(
            `segmentQuery requires segments with only the keys ${segmentDefinitionKeys.join(", ")}: ${JSON.stringify(key.slice(0, 40))} is not one (segment ${JSON.stringify(segment.id)})`,
          );
        }
      }
      const parsed = safeParseRule(segment.rule, options.limits);
      if (parsed.success) rule = parsed.data;
      else for (const issue of parsed.error.issues) if (ruleIssues.length < maxRuleIssues) ruleIssues.push({ ...issue, path: [index, "rule", ...issue.path] });
    }
    Object.defineProperty(library, segment.id, { value: rule, enumerable: true, configurable: true, writable: true });
  });
  if (ruleIssues.length > 0) throw new RuleError(ruleErrorMessage("segmentQuery", ruleIssues), ruleIssues);

  const aggregates: string[] = [];
  const eventsName = "segmentkit_events";
  let compilation: Compilation | undefined;
  const quote = (name: string) => compilation!.dialect.quoteIdentifier(name);
  const eventTypes = new Set<string>();
  const sink: EventSink = {
    nextAlias: () => quote("e"),
    noteType: (type) => {
      eventTypes.add(type);
    },
    count: (filter) => {
      aggregates.push(`COUNT(CASE WHEN ${filter} THEN 1 END) AS ${quote(`event_${aggregates.length + 1}`)}`);
      return `COALESCE(${quote(eventsName)}.${quote(`event_${aggregates.length}`)}, 0)`;
    },
    sum: (filter, value) => {
      aggregates.push(`SUM(CASE WHEN ${filter} THEN ${value} END) AS ${quote(`event_${aggregates.length + 1}`)}`);
      return `COALESCE(${quote(eventsName)}.${quote(`event_${aggregates.length}`)}, 0)`;
    },
  };
  compilation = new Compilation("segmentQuery", { ...options, segments: library }, sink);
  const c = compilation;
  const profile = quote("p");
  const table = c.tableName(options.table, pathLink(undefined, "table"), "table");
  const id = c.identifier(options.idColumn, pathLink(undefined, "idColumn"), "idColumn");
  const scope = { columns: options.columns, qualifier: profile, inEvent: false };

  const ruleColumns = segments.map((segment, index) => {
    const sql = c.rule(segment.rule, pathLink(undefined, index, "rule"), scope, 1);
    return `COALESCE(${sql}, FALSE) AS ${quote(`rule_${index + 1}`)}`;
  });

  let eventsCte = "";
  let eventsJoin = "";
  if (aggregates.length > 0 && options.events !== undefined) {
    const events = options.events;
    const eventTable = c.tableName(events.table, pathLink(undefined, "events", "table"), "events.table");
    const customer = c.identifier(events.customerId, pathLink(undefined, "events", "customerId"), "events.customerId");
    const alias = quote("e");
    const typeColumn = c.identifier(events.type, pathLink(undefined, "events", "type"), "events.type");
    // Prefilter: only the event types some condition reads (each aggregate filters again).
    const types = [...eventTypes].map((type) => c.bind(type, "text")).join(", ");
    eventsCte =
      `${quote(eventsName)} AS (SELECT ${alias}.${customer} AS ${quote("customer_id")}, ${aggregates.join(", ")} ` +
      `FROM ${eventTable} AS ${alias} WHERE ${alias}.${typeColumn} IN (${types}) GROUP BY ${alias}.${customer}), `;
    eventsJoin = ` LEFT JOIN ${quote(eventsName)} ON ${quote(eventsName)}.${quote("customer_id")} = ${profile}.${id}`;
  }

  const order = segments
    .map((segment, index) => ({ index, priority: typeof segment.priority === "number" ? segment.priority : 0 }))
    .sort((a, b) => b.priority - a.priority || a.index - b.index);
  const winner =
    segments.length === 0
      ? "CAST(NULL AS INTEGER)"
      : `CASE ${order.map(({ index }) => `WHEN ${quote(`rule_${index + 1}`)} THEN ${index + 1}`).join(" ")} END`;
  const rules = quote("segmentkit_rules");
  const winners = quote("segmentkit_winners");
  const flagColumns = segments.map((_segment, index) =>
    mode === "all"
      ? `${quote(`rule_${index + 1}`)} AS ${quote(`segment_${index + 1}`)}`
      : `COALESCE(${quote("winner")} = ${index + 1}, FALSE) AS ${quote(`segment_${index + 1}`)}`,
  );
  const label =
    segments.length === 0
      ? c.adapter.cast("NULL", "text")
      : `CASE ${quote("winner")} ${segments.map((segment, index) => `WHEN ${index + 1} THEN ${c.bind(segment.id, "text")}`).join(" ")} END`;

  const text =
    `WITH ${eventsCte}${rules} AS (SELECT ${profile}.${id} AS ${quote("id")}${ruleColumns.map((column) => `, ${column}`).join("")} ` +
    `FROM ${table} AS ${profile}${eventsJoin}), ` +
    `${winners} AS (SELECT ${rules}.*, ${winner} AS ${quote("winner")} FROM ${rules}) ` +
    `SELECT ${quote("id")}${flagColumns.map((column) => `, ${column}`).join("")}, ${label} AS ${quote("segment")} FROM ${winners}`;
  c.check();
  const { sql, params, paramTypes } = c.finish(text, 0);
  return { sql, params, paramTypes, segmentColumns: segments.map((segment, index) => ({ id: segment.id, column: `segment_${index + 1}` })) };
}
