import type { Rule } from "./ast.js";
import { eventPhrase, fieldLabel, leafPhrase, ruleLabels, segmentPhrase } from "./_lib/phrases.js";
import type { FieldLabels, SegmentNames } from "./_lib/phrases.js";
import { checkExpansion } from "./_lib/context.js";
import { evaluators, ownHandler } from "./_lib/interpreter.js";
import { assertOptions } from "../_lib/arguments.js";
import type { OptionKeys } from "../_lib/arguments.js";

/** Options of {@link describeRule}. */
export interface DescribeRuleOptions {
  /**
   * Names for field paths (`{ "behavior.totalSpend": "lifetime revenue" }`), used as they are. By
   * default a field is named by its last path segment in words ("total spend"), or by as many
   * trailing segments as it takes to tell it from the other fields of the rule ("billing country",
   * "shipping country").
   */
  readonly labels?: FieldLabels;
  /** Names for segment ids in `inSegment` conditions (`{ vip: "VIP customers" }`); by default the id. */
  readonly segmentNames?: SegmentNames;
}

/** The keys of {@link DescribeRuleOptions}. @internal */
export const describeRuleOptionKeys = { labels: true, segmentNames: true } as const satisfies OptionKeys<DescribeRuleOptions>;

function describeNode(node: Rule, labels: FieldLabels | undefined, nested: boolean, names: SegmentNames | undefined): string {
  switch (node.op) {
    case "and":
    case "or": {
      if (node.rules.length === 0) return node.op === "and" ? "everyone" : "no one";
      if (node.rules.length === 1) return describeNode(node.rules[0] as Rule, labels, nested, names);
      // `+` keeps the children's text as ropes; `join` would copy it again at every level of a deep rule.
      let text = describeNode(node.rules[0] as Rule, labels, true, names);
      for (let index = 1; index < node.rules.length; index += 1) text += ` ${node.op} ${describeNode(node.rules[index] as Rule, labels, true, names)}`;
      return nested ? `(${text})` : text;
    }
    case "not":
      return `not (${describeNode(node.rule, labels, false, names)})`;
    case "always":
      return "everyone";
    case "never":
      return "no one";
    case "event":
      return eventPhrase(node, (where) => describeNode(where, undefined, true, names));
    case "inSegment":
      return `in segment ${segmentPhrase(node.segment, names)}`;
    default:
      ownHandler(evaluators, node, "describeRule");
      return `${fieldLabel(node.field, labels)} ${leafPhrase(node).positive}`;
  }
}

/**
 * Renders a rule as plain English for UIs and documentation.
 *
 * @remarks Nested groups are parenthesised; strings are quoted; fields are named by their last path
 * segment in words unless `labels` names them, with more segments where two fields of the rule would
 * read alike; segments are named by id unless `segmentNames` names them. O(size of the rule).
 * @param rule - the rule.
 * @param options - optional field `labels` and `segmentNames`.
 * @returns One sentence fragment ("age is 25 to 34 and country is one of ("US", "CA")").
 * @example
 * describeRule(and(between("demographics.age", 25, 34), inList("geography.country", ["US", "CA"]), gt("behavior.totalSpend", 500))) //=> "age is 25 to 34 and country is one of (\"US\", \"CA\") and total spend is more than 500"
 * describeRule(or(inSegment("vip"), not(exists("email"))), { labels: { email: "e-mail address" } }) //=> "in segment \"vip\" or not (e-mail address is known)"
 * describeRule(and(inSegment("vip"), eq("billing.country", "US"), ne("shipping.country", "US")), { segmentNames: { vip: "VIP customers" } }) //=> "in segment \"VIP customers\" and billing country is \"US\" and shipping country has a value other than \"US\""
 * @throws `RuleError` with code `too_deep` or `too_many_nodes` for a rule nested more than 1,000 levels
 * deep or larger than 100,000 nodes (only a rule that skipped `parseRule` can be); `invalid_type` for a
 * malformed node, as `evaluate`.
 * @throws `TypeError` `"describeRule requires a valid rule: unknown op \"<op>\" (check untrusted rules with parseRule)"`.
 * @category Rules
 */
export function describeRule(rule: Rule, options: DescribeRuleOptions = {}): string {
  assertOptions("describeRule", options, describeRuleOptionKeys);
  checkExpansion("describeRule", rule, undefined);
  return describeNode(rule, ruleLabels(rule, options.labels), false, options.segmentNames);
}
