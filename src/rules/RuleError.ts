import { SegmentationError } from "../_lib/errors.js";
import type { Issue } from "../_lib/errors.js";

/**
 * Machine-readable codes of {@link RuleIssue}. Stable: UIs and tests may switch on them.
 *
 * - `invalid_type`: a node, key or value has the wrong JSON type.
 * - `unknown_op`: `op` is not one of the rule ops.
 * - `missing_key`: a required key is absent.
 * - `unrecognized_key`: a key that the node's op does not define (rules are strict).
 * - `invalid_path`: a field path is empty or has an empty segment.
 * - `forbidden_path`: a field path has a `__proto__`, `prototype` or `constructor` segment.
 * - `non_finite_number`: a number is `NaN` or infinite.
 * - `invalid_value`: a value that is valid JSON but cannot be compared (a boolean with `lt`, a negative amount).
 * - `invalid_range`: `between` or aggregate bounds with the lower end above the upper end, or no bound at all.
 * - `invalid_date`: a `before` / `after` date that is not an ISO-8601 date or instant with an offset.
 * - `invalid_unit`: a time unit that is not one of `timeUnits`.
 * - `invalid_version`: a root `version` other than `1`.
 * - `too_deep`, `too_many_nodes`, `list_too_long`, `string_too_long`: a {@link RuleLimits} limit was exceeded;
 *   from the interpreters and `toSql`, `too_deep` / `too_many_nodes` also mean a rule nested more than
 *   1,000 levels deep or larger than 100,000 nodes once its segment references are expanded.
 * - `unknown_segment`, `segment_cycle`: `inSegment` names a segment that is not given, or segments refer to each other in a cycle (raised at evaluation or compilation).
 * - `unknown_field`, `operator_type_mismatch`, `value_type_mismatch`: found by `checkRule` against a profile schema.
 * - `unsupported_logic`: a JsonLogic or json-rules-engine construct that `parseJsonLogic` or
 *   `parseJsonRulesEngine` cannot translate exactly (arithmetic, `if`, a `var` default, two fields
 *   compared, `params`, a JSONPath with brackets).
 */
export type RuleIssueCode =
  | "invalid_type"
  | "unknown_op"
  | "missing_key"
  | "unrecognized_key"
  | "invalid_path"
  | "forbidden_path"
  | "non_finite_number"
  | "invalid_value"
  | "invalid_range"
  | "invalid_date"
  | "invalid_unit"
  | "invalid_version"
  | "too_deep"
  | "too_many_nodes"
  | "list_too_long"
  | "string_too_long"
  | "unknown_segment"
  | "segment_cycle"
  | "unknown_field"
  | "operator_type_mismatch"
  | "value_type_mismatch"
  | "unsupported_logic";

/**
 * One problem in a rule: `path` leads from the root of the rule document to the faulty node or key
 * (`["rules", 2, "value"]`), so a UI builder can highlight it.
 */
export interface RuleIssue extends Issue {
  readonly code: RuleIssueCode;
}

/**
 * The error of every rule problem: thrown by `parseRule`, by `evaluate` / `compileRule` for
 * unknown or cyclic segment references, and returned by `safeParseRule`.
 *
 * @remarks The message is `"<function> found <n> issue(s): <first message> at <path>"` (no ` at` part when the first issue is at the root); every issue is in `issues`.
 * @example
 * const error = new RuleError("parseRule found 1 issue", [{ code: "unknown_op", path: ["op"], message: "unknown op \"xor\"" }]);
 * error.name //=> "RuleError"
 * error.issues[0]?.code //=> "unknown_op"
 * error instanceof Error //=> true
 * @category Errors
 */
export class RuleError extends SegmentationError {
  /** Every problem found, in document order. */
  declare readonly issues: ReadonlyArray<RuleIssue>;

  /**
   * @param message - the summary line.
   * @param issues - every problem found.
   */
  constructor(message: string, issues: ReadonlyArray<RuleIssue>) {
    super(message, issues);
    this.name = "RuleError";
  }
}

