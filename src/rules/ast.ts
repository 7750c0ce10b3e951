/**
 * The segment rule AST: plain JSON, a tree of nodes tagged by `op`. This file is the contract that
 * every interpreter (the evaluator, the compiled predicate, `explain`, `describeRule`, the SQL
 * compiler) implements; each of them is a table keyed by {@link RuleOp}, so a new op is a type
 * error until every backend handles it.
 *
 * @module
 */

/** A literal that a rule compares with. `null` is never a literal: use `exists` / `missing`. */
export type RuleScalar = string | number | boolean;

/** Units of a time window. Seconds to weeks are fixed lengths; months and years are calendar units (UTC). */
export type TimeUnit = "seconds" | "minutes" | "hours" | "days" | "weeks" | "months" | "years";

/**
 * Every {@link TimeUnit}, in increasing length.
 * @example
 * timeUnits.includes("days") //=> true
 * @category Rules
 */
export const timeUnits: ReadonlyArray<TimeUnit> = ["seconds", "minutes", "hours", "days", "weeks", "months", "years"];

/** A length of time relative to the clock `asOf`. */
export interface Duration {
  readonly amount: number;
  readonly unit: TimeUnit;
}

/** `{ op: "and" | "or", rules }`: Kleene conjunction or disjunction. An empty `and` is TRUE, an empty `or` FALSE. */
export interface AndRule {
  readonly op: "and";
  readonly rules: ReadonlyArray<Rule>;
}
/** See {@link AndRule}. */
export interface OrRule {
  readonly op: "or";
  readonly rules: ReadonlyArray<Rule>;
}
/** `{ op: "not", rule }`: Kleene negation; NOT UNKNOWN is UNKNOWN. */
export interface NotRule {
  readonly op: "not";
  readonly rule: Rule;
}
/** `{ op: "always" }`: TRUE for everyone. */
export interface AlwaysRule {
  readonly op: "always";
}
/** `{ op: "never" }`: FALSE for everyone. */
export interface NeverRule {
  readonly op: "never";
}

/** Comparison operators of {@link ComparisonRule}. */
export type ComparisonOp = "eq" | "ne" | "lt" | "lte" | "gt" | "gte";

/** `{ op: "eq" | "ne" | "lt" | "lte" | "gt" | "gte", field, value }`: UNKNOWN when the field is missing or null. */
export interface ComparisonRule<O extends ComparisonOp = ComparisonOp> {
  readonly op: O;
  readonly field: string;
  readonly value: RuleScalar;
}

/** `{ op: "between", field, min, max }`: `min <= field <= max`, both ends inclusive. */
export interface BetweenRule {
  readonly op: "between";
  readonly field: string;
  readonly min: number | string;
  readonly max: number | string;
}

/** `{ op: "in" | "notIn", field, values }`: SQL `IN` / `NOT IN`; UNKNOWN when the field is missing or null. */
export interface MembershipRule<O extends "in" | "notIn" = "in" | "notIn"> {
  readonly op: O;
  readonly field: string;
  readonly values: ReadonlyArray<RuleScalar>;
}

/** `{ op: "contains" | "startsWith" | "endsWith", field, value, caseInsensitive? }`: text tests, no regular expressions. */
export interface TextRule<O extends "contains" | "startsWith" | "endsWith" = "contains" | "startsWith" | "endsWith"> {
  readonly op: O;
  readonly field: string;
  readonly value: string;
  readonly caseInsensitive?: boolean;
}

/** `{ op: "hasAny" | "hasAll" | "hasNone", field, values }`: tests on an array field. */
export interface ArrayRule<O extends "hasAny" | "hasAll" | "hasNone" = "hasAny" | "hasAll" | "hasNone"> {
  readonly op: O;
  readonly field: string;
  readonly values: ReadonlyArray<RuleScalar>;
}

/** `{ op: "exists" | "missing", field }`: presence tests, always TRUE or FALSE (null counts as missing). */
export interface PresenceRule<O extends "exists" | "missing" = "exists" | "missing"> {
  readonly op: O;
  readonly field: string;
}

/** `{ op: "withinLast", field, amount, unit }`: `asOf - amount unit <= field <= asOf`, on a timestamp field. */
export interface WithinLastRule extends Duration {
  readonly op: "withinLast";
  readonly field: string;
}

/**
 * `{ op: "before" | "after", field, date }` with an absolute ISO-8601 instant, or
 * `{ op: "before" | "after", field, amount, unit }` relative to the clock (`asOf - amount unit`).
 * Both bounds are strict: `before` is `field < bound`, `after` is `field > bound`.
 */
export type TimeBoundRule<O extends "before" | "after" = "before" | "after"> =
  | { readonly op: O; readonly field: string; readonly date: string }
  | { readonly op: O; readonly field: string; readonly amount: number; readonly unit: TimeUnit };

/** Bounds on an event aggregate; both ends inclusive. */
export interface AggregateBounds {
  readonly gte?: number;
  readonly lte?: number;
}

/**
 * `{ op: "event", type, where?, withinLast?, count?, sum? }`: extract the customer's events of a
 * type, filter them with `where` (a rule over the event's `properties`), keep those inside the
 * window, reduce (count, or sum of a numeric property) and compare. Without `count` and `sum` the
 * condition is "at least one such event".
 */
export interface EventRule {
  readonly op: "event";
  readonly type: string;
  readonly where?: Rule;
  readonly withinLast?: Duration;
  readonly count?: AggregateBounds;
  readonly sum?: AggregateBounds & { readonly property: string };
}

/** `{ op: "inSegment", segment }`: TRUE when the profile is in the named segment. */
export interface InSegmentRule {
  readonly op: "inSegment";
  readonly segment: string;
}

/** A segment rule: one node of the tree. */
export type Rule =
  | AndRule
  | OrRule
  | NotRule
  | AlwaysRule
  | NeverRule
  | ComparisonRule<"eq">
  | ComparisonRule<"ne">
  | ComparisonRule<"lt">
  | ComparisonRule<"lte">
  | ComparisonRule<"gt">
  | ComparisonRule<"gte">
  | BetweenRule
  | MembershipRule<"in">
  | MembershipRule<"notIn">
  | TextRule<"contains">
  | TextRule<"startsWith">
  | TextRule<"endsWith">
  | ArrayRule<"hasAny">
  | ArrayRule<"hasAll">
  | ArrayRule<"hasNone">
  | PresenceRule<"exists">
  | PresenceRule<"missing">
  | WithinLastRule
  | TimeBoundRule<"before">
  | TimeBoundRule<"after">
  | EventRule
  | InSegmentRule;

/** Every op name. */
export type RuleOp = Rule["op"];

/** The node type of one op. */
export type RuleOfOp<K extends RuleOp> = Extract<Rule, { readonly op: K }>;

/**
 * A table with one handler per op: the shape of every interpreter. Declaring an interpreter as
 * `const table = { ... } satisfies RuleTable<...>` makes a missing op a compile error.
 */
export type RuleTable<Handler extends (node: never, ...rest: never[]) => unknown> = {
  readonly [K in RuleOp]: Handler extends (node: never, ...rest: infer Rest) => infer Result
    ? (node: RuleOfOp<K>, ...rest: Rest) => Result
    : never;
};

/** A saved rule document: a rule plus the format version. */
export type RuleDocument = Rule & { readonly version?: 1 };

/**
 * The current rule format version: a saved document may carry `"version": 1` at its root.
 * @example
 * ruleFormatVersion //=> 1
 * @category Rules
 */
export const ruleFormatVersion = 1;

/** Three-valued truth: `true`, `false`, or `null` for UNKNOWN. */
export type Truth = boolean | null;
