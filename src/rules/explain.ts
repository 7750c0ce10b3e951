import type { Rule, Truth } from "./ast.js";
import { evaluateNode, evaluateOptionKeys, evaluationContext } from "./_lib/interpreter.js";
import type { EvaluateOptions, EvaluationContext } from "./_lib/interpreter.js";
import { followSegment } from "./_lib/context.js";
import { aggregateEvents, isPresent, kleeneNot, readPath } from "./_lib/leaves.js";
import { splitPath } from "../_lib/fieldPaths.js";
import { eventPhrase, fieldLabel, formatValue, leafPhrase, ruleLabels, segmentPhrase, valueSubject } from "./_lib/phrases.js";
import type { FieldLabels, SegmentNames } from "./_lib/phrases.js";
import { subtractDuration, timeBound } from "./_lib/time.js";
import { describeRule } from "./describeRule.js";
import type { OptionKeys } from "../_lib/arguments.js";

/** Options of {@link explain}: those of `evaluate` plus names for the sentences. */
export interface ExplainOptions extends EvaluateOptions {
  /** Names for field paths in sentences, as in `describeRule` (fields of referenced segments included). */
  readonly labels?: FieldLabels;
  /** Names for segment ids in sentences, as in `describeRule`. */
  readonly segmentNames?: SegmentNames;
}

const optionKeys = { ...evaluateOptionKeys, labels: true, segmentNames: true } as const satisfies OptionKeys<ExplainOptions>;

/** One node of an explanation: the op, its three-valued result, what it read and why. */
export interface RuleExplanation {
  readonly op: Rule["op"];
  /** The node's result; equal to `evaluate` of this node's rule. */
  readonly result: Truth;
  /** The field read by a leaf (as read: `undefined` when missing), or `{ count }` for an event node (with `sum` when it has a sum condition). */
  readonly value?: unknown;
  /** The field path of a leaf. */
  readonly field?: string;
  /** A sentence: "total spend 430 is not at least 500". */
  readonly sentence: string;
  /** The explanations of the children (`and`, `or`, `not`, and the named segment's rule for `inSegment`). */
  readonly children?: ReadonlyArray<RuleExplanation>;
}

function word(result: Truth): string {
  return result === null ? "unknown" : String(result);
}

/** What every node of one explanation shares: the evaluation and the names for its sentences. */
interface ExplainContext extends EvaluationContext {
  readonly labels: FieldLabels | undefined;
  readonly segmentNames: SegmentNames | undefined;
}

function explainNode(node: Rule, profile: unknown, context: ExplainContext): RuleExplanation {
  switch (node.op) {
    case "and":
    case "or": {
      const children = node.rules.map((child) => explainNode(child, profile, context));
      let result: Truth = node.op === "and";
      for (const child of children) {
        if (node.op === "and") result = child.result === false || result === false ? false : child.result === null || result === null ? null : true;
        else result = child.result === true || result === true ? true : child.result === null || result === null ? null : false;
      }
      const deciding = children.filter((child) => child.result === result).length;
      const unknown = children.filter((child) => child.result === null).length;
      const are = (count: number): string => (count === 1 ? "is" : "are");
      const sentence =
        children.length === 0
          ? `an empty ${node.op} is ${word(result)}`
          : result === null
            ? `${unknown} of ${children.length} conditions ${are(unknown)} unknown and none is ${node.op === "and" ? "false" : "true"}, so the ${node.op} is unknown`
            : node.op === "and"
              ? result
                ? `all ${children.length} conditions are true`
                : `${deciding} of ${children.length} conditions ${are(deciding)} false`
              : result
                ? `${deciding} of ${children.length} conditions ${are(deciding)} true`
                : `all ${children.length} conditions are false`;
      return { op: node.op, result, sentence, children };
    }
    case "not": {
      const child = explainNode(node.rule, profile, context);
      const result = kleeneNot(child.result);
      return { op: "not", result, sentence: `the negated condition is ${word(child.result)}, so this is ${word(result)}`, children: [child] };
    }
    case "always":
      return { op: "always", result: true, sentence: "always true" };
    case "never":
      return { op: "never", result: false, sentence: "never true" };
    case "inSegment":
      return followSegment(context, node, (rule) => {
        const child = explainNode(rule, profile, context);
        return { op: "inSegment", result: child.result, sentence: `${child.result === true ? "is" : child.result === false ? "is not" : "may or may not be"} in segment ${segmentPhrase(node.segment, context.segmentNames)}`, children: [child] };
      });
    case "event": {
      const result = evaluateNode(node, profile, context);
      // As `evaluate`: anything but an array holds no events (its `length` is never read).
      const events = Array.isArray(context.events) ? context.events : [];
      const where = node.where;
      const lower = node.withinLast === undefined ? Number.NEGATIVE_INFINITY : subtractDuration(context.asOf, node.withinLast.amount, node.withinLast.unit);
      const aggregate = aggregateEvents(events, node.type, lower, context.asOf, where === undefined ? undefined : (properties) => evaluateNode(where, properties, context), node.sum === undefined ? undefined : splitPath(node.sum.property), { count: 0, sum: 0 });
      const value = node.sum === undefined ? { count: aggregate.count } : { count: aggregate.count, sum: aggregate.sum };
      const found = `${aggregate.count} matching event${aggregate.count === 1 ? "" : "s"}${node.sum === undefined ? "" : ` summing to ${aggregate.sum}`}`;
      return { op: "event", result, value, sentence: `${found}, so '${eventPhrase(node, (rule) => describeRule(rule))}' is ${word(result)}` };
    }
    default: {
      const result = evaluateNode(node, profile, context);
      const value = readPath(profile, splitPath(node.field));
      const label = fieldLabel(node.field, context.labels);
      const phrase = leafPhrase(node);
      const subject = valueSubject(label, value);
      let sentence: string;
      if (node.op === "exists" || node.op === "missing") sentence = `${label} ${result === true ? phrase.positive : phrase.negative}`;
      else if (result === true) sentence = `${subject} ${phrase.positive}`;
      else if (result === false) sentence = `${subject} ${phrase.negative}`;
      else if (!isPresent(value)) sentence = `${label} is ${formatValue(value)}, so '${phrase.positive}' is unknown`;
      else sentence = `${subject} ${unknownReason(node, value, context.asOf)}, so '${phrase.positive}' is unknown`;
      return { op: node.op, result, value, field: node.field, sentence };
    }
  }
}

/** Why a leaf that read a present value is UNKNOWN, as the middle of a sentence. */
function unknownReason(node: Rule, value: unknown, asOf: number): string {
  if ((node.op === "before" || node.op === "after") && Number.isNaN(timeBound(node, asOf))) return "is compared with an invalid date bound";
  if ((node.op === "hasAny" || node.op === "hasAll" || node.op === "hasNone") && Array.isArray(value)) {
    return "holds an element that is null, NaN or of another type than the listed values";
  }
  if ((node.op === "in" || node.op === "notIn") && node.values.some((listed) => typeof listed === typeof value)) {
    return "cannot be compared with the listed values of another type";
  }
  return "cannot be compared with this condition (wrong type)";
}

/**
 * Explains a rule's result for one profile: the evaluated tree with each node's three-valued
 * result, the value it read, and a sentence.
 *
 * @remarks Every node's `result` equals `evaluate` of that node's rule with the same `asOf`,
 * `segments` and `events` (checked by property tests), and the root's equals `evaluate` of the whole
 * rule with them (`evaluate` refuses `labels` and `segmentNames`, which only name things). Leaves
 * report the value read (`undefined` when missing) and say why a result is unknown (missing value
 * or wrong type); `inSegment` nodes explain the named segment's rule as their child; `event` nodes
 * report `{ count }`, with `sum` when the node has a `sum` condition. O(size of the rule + elements
 * of the arrays read + events read).
 * @param rule - the rule.
 * @param profile - the profile.
 * @param options - as for `evaluate`, plus optional `labels` and `segmentNames` for the sentences (as in `describeRule`).
 * @returns The explanation tree.
 * @throws As `evaluate` (invalid `asOf`, missing `events`, unknown or cyclic segments, a rule nested
 * more than 1,000 levels deep or larger than 100,000 nodes once expanded), with `explain` in the messages.
 * @example
 * const why = explain(and(gte("behavior.totalSpend", 500), eq("geography.country", "US")), { behavior: { totalSpend: 430 }, geography: { country: "US" } }, { asOf: new Date("2024-06-30T00:00:00Z") });
 * why.result //=> false
 * why.children?.[0]?.sentence //=> "total spend 430 is not at least 500"
 * why.sentence //=> "1 of 2 conditions is false"
 * @category Rules
 */
export function explain(rule: Rule, profile: unknown, options: ExplainOptions): RuleExplanation {
  const context = evaluationContext("explain", rule, options, optionKeys);
  return explainNode(rule, profile, { ...context, labels: ruleLabels(rule, options.labels, context.segments), segmentNames: options.segmentNames });
}
