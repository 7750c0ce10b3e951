import type { Rule, Truth } from "./ast.js";
import { evaluateNode, evaluateOptionKeys, evaluationContext } from "./_lib/interpreter.js";
import type { EvaluateOptions } from "./_lib/interpreter.js";

export type { EvaluateOptions } from "./_lib/interpreter.js";
export type { RuleEvent } from "./_lib/leaves.js";

/**
 * Evaluates a rule against one profile with SQL three-valued logic: `true`, `false`, or `null`
 * for UNKNOWN.
 *
 * @remarks Kleene logic (`false AND unknown` is `false`, `true OR unknown` is `true`, `NOT unknown`
 * is unknown), exactly like SQL `WHERE`. A comparison that reads a missing, `null` or `NaN` value,
 * or a value of another type than the literal (`"30"` vs `30`, a `Date` vs a number), is UNKNOWN;
 * `exists` / `missing` are never UNKNOWN. Field paths read own properties of objects other than
 * arrays (class instances and typed arrays included; never arrays, never inherited properties). Time bounds are computed from `asOf`:
 * `withinLast` is `asOf - amount unit <= t <= asOf`, `before` / `after` are strict. Event nodes
 * count the events of the type with `timestamp <= asOf` (and inside the window) whose `where` is
 * TRUE. An interpreter for one-off checks; use {@link compileRule} for many profiles.
 * O(size of the rule + elements of the arrays read + events read), no short-circuit (every node is visited, so the errors below
 * do not depend on the profile).
 * @param rule - a rule, usually from `parseRule` or the builders.
 * @param profile - the profile (any object; fields are read by path).
 * @param options - the clock `asOf`, the `segments` that `inSegment` may name, and the profile's `events`.
 * @returns `true`, `false`, or `null` for UNKNOWN.
 * @throws `TypeError` `"evaluate requires asOf to be a valid Date"`.
 * @throws `TypeError` `"evaluate requires options.events to evaluate event rules"` when the rule has an `event` node and `events` is not given.
 * @throws `TypeError` for a rule that skipped `parseRule` and names an unknown op
 * (`"evaluate requires a valid rule: unknown op \"xor\" (check untrusted rules with parseRule)"`), or
 * holds a `before` / `after` date that is not ISO-8601 or a time window without a finite amount and a
 * known unit, or with a fractional number of months (`"rule before needs an ISO-8601 date or instant with an offset, not …"`,
 * `"a rule time window needs a finite amount and a unit from seconds to years, not …"`,
 * `"a rule time window in months needs a whole number of months, not …"`); inside an event's `where`
 * too, whether or not an event matches.
 * @throws `RuleError` with code `unknown_segment` (`inSegment` names a segment not in `segments`) or `segment_cycle`;
 * `too_deep` or `too_many_nodes` when the rule, its segment references expanded, nests more than 1,000
 * levels or exceeds 100,000 nodes, or segments refer to one another more than 100 levels deep;
 * `invalid_type` for a node that is not an object, has no `op`, or has a `field` that is not a string
 * or `rules` / `values` that are not arrays, or a literal of the wrong type (a missing or `null` `value`,
 * a list item that is not a string, finite number or boolean, a text test's non-text `value`, event
 * bounds that are not finite numbers); a rule that skipped `parseRule`.
 * @example
 * const asOf = new Date("2024-06-30T00:00:00Z");
 * evaluate({ op: "gte", field: "behavior.totalSpend", value: 500 }, { behavior: { totalSpend: 640 } }, { asOf }) //=> true
 * evaluate({ op: "gte", field: "behavior.totalSpend", value: 500 }, { behavior: {} }, { asOf }) //=> null
 * evaluate({ op: "notIn", field: "geography.country", values: ["IN", "BR"] }, {}, { asOf }) //=> null
 * evaluate({ op: "withinLast", field: "lastPurchaseAt", amount: 30, unit: "days" }, { lastPurchaseAt: new Date("2024-05-31T00:00:00Z") }, { asOf }) //=> true
 * @category Rules
 */
export function evaluate(rule: Rule, profile: unknown, options: EvaluateOptions): Truth {
  return evaluateNode(rule, profile, evaluationContext("evaluate", rule, options, evaluateOptionKeys));
}
