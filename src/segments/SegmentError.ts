import { SegmentationError } from "../_lib/errors.js";
import type { Issue } from "../_lib/errors.js";
import type { RuleIssueCode } from "../rules/RuleError.js";

/**
 * Machine-readable codes of {@link SegmentIssue}. Stable: UIs and tests may switch on them.
 *
 * - `invalid_definition`: a segment definition is not an object, has a key other than `id`,
 *   `name`, `rule`, `description` and `priority` (the `path` ends at it), or its `id`, `name`,
 *   `description` or `priority` has the wrong type or is empty, too long or not finite.
 * - `invalid_rule`: the segment's rule is not a valid rule (the issue's `path` continues into the rule).
 * - `duplicate_segment_id`: two segments of one list share an id.
 * - `unknown_segment`: an `inSegment` node names a segment that is not in the list.
 * - `segment_cycle`: segments refer to each other in a cycle; the message names the cycle and the
 *   `path` leads to an `inSegment` node of it.
 * - `too_deep`: a segment's rule, with the segments it refers to expanded, nests more than 1,000
 *   levels deep, or segments refer to one another more than 100 levels deep.
 * - `too_many_nodes`: a segment's rule expands to more than 100,000 nodes through its references.
 */
export type SegmentIssueCode =
  | "invalid_definition"
  | "invalid_rule"
  | "duplicate_segment_id"
  | "unknown_segment"
  | "segment_cycle"
  | "too_deep"
  | "too_many_nodes";

/**
 * One problem in a segment definition or a list of segments. `path` leads from the definition (or
 * from the segment list: `[2, "rule", "rules", 0]`) to the faulty key or rule node.
 */
export interface SegmentIssue extends Issue {
  readonly code: SegmentIssueCode;
  /** For `segment_cycle`: the segment ids of the cycle, the first repeated at the end. */
  readonly cycle?: ReadonlyArray<string>;
  /** For `invalid_rule`: the code of the rule's own issue (`"unknown_op"`, `"invalid_type"`, …), as `parseRule` reports it. */
  readonly ruleCode?: RuleIssueCode;
}

/**
 * The error of invalid segment definitions and segment lists: thrown by `defineSegment`,
 * `assignSegments`, `assignSegmentsStream` and `analyzeSegments`.
 *
 * @remarks The message is `"<function> found <n> issue(s): <first message> at <path>"` (no ` at` part when the first issue is at the root); every issue is in `issues`.
 * @example
 * const error = new SegmentError("assignSegments found 1 issue: duplicate segment id \"vip\"", [
 *   { code: "duplicate_segment_id", path: [1, "id"], message: "duplicate segment id \"vip\"" },
 * ]);
 * error.name //=> "SegmentError"
 * error.issues[0]?.code //=> "duplicate_segment_id"
 * error instanceof Error //=> true
 * @category Segments
 */
export class SegmentError extends SegmentationError {
  /** Every problem found. */
  declare readonly issues: ReadonlyArray<SegmentIssue>;

  /**
   * @param message - the summary line.
   * @param issues - every problem found.
   */
  constructor(message: string, issues: ReadonlyArray<SegmentIssue>) {
    super(message, issues);
    this.name = "SegmentError";
  }
}
