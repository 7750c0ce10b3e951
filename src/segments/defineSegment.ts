import type { RuleLimits } from "../rules/parseRule.js";
import { resolveRuleLimits } from "../rules/_lib/limits.js";
import { SegmentError } from "./SegmentError.js";
import { checkSegmentDefinition } from "./_lib/definition.js";
import type { Segment } from "./_lib/definition.js";
import { segmentErrorMessage } from "./_lib/messages.js";

export type { Segment } from "./_lib/definition.js";

/** What {@link defineSegment} accepts: a TypeScript object or a parsed JSON document. */
export interface SegmentDefinition {
  /** Stable identifier, used by `inSegment` references and in results. 1 to 256 characters. */
  readonly id: string;
  /** Human-readable name. 1 to 1,000 characters. */
  readonly name: string;
  /** The rule: a `Rule` or untrusted JSON, validated with `parseRule`. */
  readonly rule: unknown;
  /** Optional longer text. At most 10,000 characters. */
  readonly description?: string;
  /** Under first-match assignment, a larger priority is tried first; ties keep declaration order. Default 0. */
  readonly priority?: number;
}

/**
 * Defines a named segment: validates the definition, parses its rule (untrusted JSON is welcome)
 * and returns a frozen {@link Segment}.
 *
 * @remarks The rule goes through `parseRule` (limits, forbidden paths, shapes), so an invalid rule
 * never becomes a segment that matches everyone. A key other than those five is an `invalid_definition`
 * issue at that key: a typo such as `priorty` would otherwise leave the priority at 0 and change
 * first-match assignment without a word. Ids are checked for uniqueness, and `inSegment`
 * references resolved, when segments are used together (`assignSegments`, `analyzeSegments`). The
 * result shares nothing with the input. O(size of the rule).
 * @param definition - `{ id, name, rule, description?, priority? }`.
 * @param limits - rule limits passed to `parseRule` (depth, node count, list and string length).
 * @returns The frozen segment; `priority` defaults to 0.
 * @throws `SegmentError` with message `"defineSegment found <n> issue(s): <first message> at <path>"`;
 *   rule problems have code `invalid_rule`, the rule's own code in `ruleCode`, and a path that continues into the rule (`["rule", "rules", 1, "value"]`).
 * @throws `RangeError` `defineSegment requires maxDepth to be an integer from 1 to 1000` (and likewise for the other limits).
 * @example
 * const vip = defineSegment({ id: "vip", name: "VIP", rule: { op: "gte", field: "behavior.totalSpend", value: 1000 } });
 * vip.priority //=> 0
 * Object.isFrozen(vip.rule) //=> true
 * let code = "";
 * try { defineSegment({ id: "x", name: "X", rule: { op: "xor" } }); } catch (error) { code = `${error.issues[0].code} (${error.issues[0].ruleCode})`; }
 * code //=> "invalid_rule (unknown_op)"
 * try { defineSegment(JSON.parse('{ "id": "x", "name": "X", "rule": { "op": "always" }, "priorty": 2 }')); } catch (error) { code = `${error.issues[0].code} at ${error.issues[0].path}`; }
 * code //=> "invalid_definition at priorty"
 * @category Segments
 */
export function defineSegment(definition: SegmentDefinition, limits?: RuleLimits): Segment {
  // Checked here so that the error names defineSegment, not the parseRule it calls.
  resolveRuleLimits("defineSegment", limits, "limits");
  const { segment, issues } = checkSegmentDefinition(definition, [], limits);
  if (segment === undefined) throw new SegmentError(segmentErrorMessage("defineSegment", issues), issues);
  return segment;
}
