import { SegmentationError } from "../_lib/errors.js";
import type { Issue } from "../_lib/errors.js";

/** One reason a rule cannot be compiled; `path` points into the rule tree (or the options). */
export interface SqlCompileIssue extends Issue {
  readonly code:
    | "unmapped_field"
    | "invalid_mapping"
    | "unsupported"
    | "missing_events_mapping"
    | "unknown_segment"
    | "segment_cycle"
    | "nested_event"
    | "invalid_date"
    | "too_deep"
    | "too_many_nodes"
    | "invalid_rule";
}

/**
 * Thrown by {@link toSql} and {@link segmentQuery} when a rule cannot be compiled: an unmapped
 * field, an op the dialect cannot express, a reference to an unknown segment. Every problem found is
 * listed in `issues`, each with the path of the offending rule node. The message is
 * `"<function> found <n> issue(s): <first message> at <path>"`, as for `RuleError` (no ` at` part
 * when the first issue is at the root).
 *
 * @example
 * const error = new SqlCompileError("toSql found 1 issue", [{ code: "unmapped_field", path: ["field"], message: "field \"x\" is not mapped to a column" }]);
 * error.issues[0]?.code //=> "unmapped_field"
 * @category SQL
 */
export class SqlCompileError extends SegmentationError {
  declare readonly issues: ReadonlyArray<SqlCompileIssue>;

  /**
   * @param message - the summary line.
   * @param issues - every problem found.
   */
  constructor(message: string, issues: ReadonlyArray<SqlCompileIssue>) {
    super(message, issues);
    this.name = "SqlCompileError";
  }
}
