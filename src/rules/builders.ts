/**
 * Builders: functions that return rule JSON. `and(gte("behavior.totalSpend", 500), inList("geography.country", ["US", "CA"]))`
 * is deep-equal to the JSON a UI would save. {@link ruleBuilder} returns the same functions typed
 * against a profile type, so a wrong field path or a string compared with `gt` is a compile error.
 * The leaf builders run the checks of `parseRule` on the node they build and throw its `RuleError`
 * (named after the builder) for what no type can rule out: `between("age", 10, 5)`, a negative
 * `withinLast` amount, an event `count` without bounds, a non-finite number, a `__proto__` path. They
 * return what `parseRule` returns: a fresh node, with `-0` read as `0`, deep-equal to its JSON read
 * back. `and` / `or` / `not` check only that each child is a node: a tree built in code may be larger
 * than `parseRule`'s default limits for untrusted input allow (32 levels, 10,000 nodes; the
 * evaluators take up to 1,000 levels and 100,000 nodes), so read such a saved rule back with raised
 * limits, and a hand-written child is checked where the rule is used.
 *
 * @module
 */
import type {
  AggregateBounds,
  AlwaysRule,
  AndRule,
  ArrayRule,
  BetweenRule,
  ComparisonRule,
  Duration,
  EventRule,
  InSegmentRule,
  MembershipRule,
  NeverRule,
  NotRule,
  OrRule,
  PresenceRule,
  Rule,
  RuleScalar,
  TextRule,
  TimeBoundRule,
  TimeUnit,
  WithinLastRule,
} from "./ast.js";
import { checkedRule } from "./parseRule.js";
import { dateTimeValue } from "../_lib/instant.js";
import { RuleError } from "./RuleError.js";
import type { RuleIssue } from "./RuleError.js";
import { ruleErrorMessage } from "./_lib/issues.js";
import { assertOptions, quotedKey } from "../_lib/arguments.js";
import type { OptionKeys } from "../_lib/arguments.js";

/** A copy of a builder's list argument; a string or anything else that is not an array is refused (a string would spread into letters). */
function listOf<T>(builder: string, name: string, values: ReadonlyArray<T>): T[] {
  if (!Array.isArray(values)) throw new TypeError(`${builder} requires ${name} to be an array`);
  return [...values];
}

/** The child rules of a combinator builder, each an object (a rule node). */
function childrenOf(builder: string, rules: ReadonlyArray<Rule>): Rule[] {
  rules.forEach((rule, index) => {
    if (typeof rule !== "object" || rule === null || Array.isArray(rule)) throw new TypeError(`${builder} requires every rule to be a rule node (argument ${index})`);
  });
  return [...rules];
}

/**
 * The node built by `builder` as `parseRule` returns it (a fresh copy, `-0` read as `0`, so that the
 * result deep-equals its JSON read back), or the `RuleError` of `parseRule`'s issues named after the builder.
 */
function checked<R>(builder: string, rule: R): R {
  const { rule: clean, issues } = checkedRule(rule);
  if (clean === undefined) throw new RuleError(ruleErrorMessage(builder, issues), issues);
  return clean as R;
}

/**
 * `{ op: "and", rules }`: TRUE when every rule is TRUE, FALSE when one is FALSE, else UNKNOWN. `and()` is TRUE.
 * @param rules - the conjuncts.
 * @returns The rule JSON.
 * @example
 * and(gte("spend", 500), eq("country", "US")) //=> { op: "and", rules: [{ op: "gte", field: "spend", value: 500 }, { op: "eq", field: "country", value: "US" }] }
 * @throws `TypeError` `and requires every rule to be a rule node (argument <i>)`.
 * @category Builders
 */
export function and(...rules: ReadonlyArray<Rule>): AndRule {
  return { op: "and", rules: childrenOf("and", rules) };
}

/**
 * `{ op: "or", rules }`: TRUE when a rule is TRUE, FALSE when every rule is FALSE, else UNKNOWN. `or()` is FALSE.
 * @param rules - the disjuncts.
 * @returns The rule JSON.
 * @example
 * or(eq("tier", "gold"), eq("tier", "platinum")).rules.length //=> 2
 * @throws `TypeError` `or requires every rule to be a rule node (argument <i>)`.
 * @category Builders
 */
export function or(...rules: ReadonlyArray<Rule>): OrRule {
  return { op: "or", rules: childrenOf("or", rules) };
}

/**
 * `{ op: "not", rule }`: Kleene negation (NOT UNKNOWN is UNKNOWN).
 * @param rule - the rule to negate.
 * @returns The rule JSON.
 * @example
 * not(inSegment("vip")) //=> { op: "not", rule: { op: "inSegment", segment: "vip" } }
 * @throws `TypeError` `not requires every rule to be a rule node (argument <i>)`.
 * @category Builders
 */
export function not(rule: Rule): NotRule {
  return { op: "not", rule: childrenOf("not", [rule])[0] as Rule };
}

/**
 * `{ op: "always" }`: TRUE for every profile (the identity of `and`).
 * @returns The rule JSON.
 * @example
 * always() //=> { op: "always" }
 * @category Builders
 */
export function always(): AlwaysRule {
  return { op: "always" };
}

/**
 * `{ op: "never" }`: FALSE for every profile (the identity of `or`).
 * @returns The rule JSON.
 * @example
 * never() //=> { op: "never" }
 * @category Builders
 */
export function never(): NeverRule {
  return { op: "never" };
}

/**
 * `{ op: "eq", field, value }`: `field = value`; UNKNOWN when the field is missing or of another type.
 * @param field - a dot path into the profile.
 * @param value - a string, number or boolean.
 * @returns The rule JSON.
 * @example
 * eq("geography.country", "US") //=> { op: "eq", field: "geography.country", value: "US" }
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes).
 * @category Builders
 */
export function eq(field: string, value: RuleScalar): ComparisonRule<"eq"> {
  return checked("eq", { op: "eq", field, value });
}

/**
 * `{ op: "ne", field, value }`: `field <> value`; UNKNOWN (not selected) when the field is missing.
 * @param field - a dot path into the profile.
 * @param value - a string, number or boolean.
 * @returns The rule JSON.
 * @example
 * ne("geography.country", "US") //=> { op: "ne", field: "geography.country", value: "US" }
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes).
 * @category Builders
 */
export function ne(field: string, value: RuleScalar): ComparisonRule<"ne"> {
  return checked("ne", { op: "ne", field, value });
}

/**
 * `{ op: "lt", field, value }`: `field < value` (numbers, or strings by UTF-16 code units).
 * @param field - a dot path into the profile.
 * @param value - a number or string.
 * @returns The rule JSON.
 * @example
 * lt("demographics.age", 25) //=> { op: "lt", field: "demographics.age", value: 25 }
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes).
 * @category Builders
 */
export function lt(field: string, value: number | string): ComparisonRule<"lt"> {
  return checked("lt", { op: "lt", field, value });
}

/**
 * `{ op: "lte", field, value }`: `field <= value`.
 * @param field - a dot path into the profile.
 * @param value - a number or string.
 * @returns The rule JSON.
 * @example
 * lte("demographics.age", 34) //=> { op: "lte", field: "demographics.age", value: 34 }
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes).
 * @category Builders
 */
export function lte(field: string, value: number | string): ComparisonRule<"lte"> {
  return checked("lte", { op: "lte", field, value });
}

/**
 * `{ op: "gt", field, value }`: `field > value`.
 * @param field - a dot path into the profile.
 * @param value - a number or string.
 * @returns The rule JSON.
 * @example
 * gt("behavior.totalSpend", 500) //=> { op: "gt", field: "behavior.totalSpend", value: 500 }
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes).
 * @category Builders
 */
export function gt(field: string, value: number | string): ComparisonRule<"gt"> {
  return checked("gt", { op: "gt", field, value });
}

/**
 * `{ op: "gte", field, value }`: `field >= value`.
 * @param field - a dot path into the profile.
 * @param value - a number or string.
 * @returns The rule JSON.
 * @example
 * gte("behavior.orderCount", 3) //=> { op: "gte", field: "behavior.orderCount", value: 3 }
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes).
 * @category Builders
 */
export function gte(field: string, value: number | string): ComparisonRule<"gte"> {
  return checked("gte", { op: "gte", field, value });
}

/**
 * `{ op: "between", field, min, max }`: `min <= field <= max`, inclusive. `parseRule` rejects `min > max`.
 * @param field - a dot path into the profile.
 * @param min - the lower bound (number or string).
 * @param max - the upper bound, of the same type.
 * @returns The rule JSON.
 * @example
 * between("demographics.age", 25, 34) //=> { op: "between", field: "demographics.age", min: 25, max: 34 }
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes).
 * @category Builders
 */
export function between<T extends number | string>(field: string, min: T, max: T): BetweenRule {
  return checked("between", { op: "between", field, min, max });
}

/**
 * `{ op: "in", field, values }`: SQL `IN`. `inList(field, [])` is FALSE.
 * @param field - a dot path into the profile.
 * @param values - the accepted values.
 * @returns The rule JSON.
 * @example
 * inList("geography.country", ["US", "CA"]) //=> { op: "in", field: "geography.country", values: ["US", "CA"] }
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes).
 * @throws `TypeError` `inList requires values to be an array`.
 * @category Builders
 */
export function inList(field: string, values: ReadonlyArray<RuleScalar>): MembershipRule<"in"> {
  return checked("inList", { op: "in", field, values: listOf("inList", "values", values) });
}

/**
 * `{ op: "notIn", field, values }`: SQL `NOT IN`; customers without the field are not selected.
 * @param field - a dot path into the profile.
 * @param values - the excluded values.
 * @returns The rule JSON.
 * @example
 * notInList("geography.country", ["IN", "BR"]) //=> { op: "notIn", field: "geography.country", values: ["IN", "BR"] }
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes).
 * @throws `TypeError` `notInList requires values to be an array`.
 * @category Builders
 */
export function notInList(field: string, values: ReadonlyArray<RuleScalar>): MembershipRule<"notIn"> {
  return checked("notInList", { op: "notIn", field, values: listOf("notInList", "values", values) });
}

/** Options of the text builders. */
export interface TextOptions {
  /** Fold both sides before comparing: `toLowerCase()`, with a capital sigma always becoming σ (as in PostgreSQL and DuckDB). */
  readonly caseInsensitive?: boolean;
}

const textOptionKeys = { caseInsensitive: true } as const satisfies OptionKeys<TextOptions>;

function text<O extends "contains" | "startsWith" | "endsWith">(op: O, field: string, value: string, options: TextOptions | undefined): TextRule<O> {
  if (options !== undefined) assertOptions(op, options, textOptionKeys);
  return checked(op, options?.caseInsensitive === undefined ? { op, field, value } : { op, field, value, caseInsensitive: options.caseInsensitive });
}

/**
 * `{ op: "contains", field, value, caseInsensitive? }`: the string field contains `value`.
 * @param field - a dot path to a string field.
 * @param value - the substring.
 * @param options - `{ caseInsensitive: true }` folds both sides (`toLowerCase()`, Σ always to σ).
 * @returns The rule JSON.
 * @example
 * contains("email", "@example.com", { caseInsensitive: true }) //=> { op: "contains", field: "email", value: "@example.com", caseInsensitive: true }
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes).
 * @category Builders
 */
export function contains(field: string, value: string, options?: TextOptions): TextRule<"contains"> {
  return text("contains", field, value, options);
}

/**
 * `{ op: "startsWith", field, value, caseInsensitive? }`.
 * @param field - a dot path to a string field.
 * @param value - the prefix.
 * @param options - `{ caseInsensitive: true }` folds both sides (`toLowerCase()`, Σ always to σ).
 * @returns The rule JSON.
 * @example
 * startsWith("geography.postalCode", "94") //=> { op: "startsWith", field: "geography.postalCode", value: "94" }
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes).
 * @category Builders
 */
export function startsWith(field: string, value: string, options?: TextOptions): TextRule<"startsWith"> {
  return text("startsWith", field, value, options);
}

/**
 * `{ op: "endsWith", field, value, caseInsensitive? }`.
 * @param field - a dot path to a string field.
 * @param value - the suffix.
 * @param options - `{ caseInsensitive: true }` folds both sides (`toLowerCase()`, Σ always to σ).
 * @returns The rule JSON.
 * @example
 * endsWith("email", ".de") //=> { op: "endsWith", field: "email", value: ".de" }
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes).
 * @category Builders
 */
export function endsWith(field: string, value: string, options?: TextOptions): TextRule<"endsWith"> {
  return text("endsWith", field, value, options);
}

/**
 * `{ op: "hasAny", field, values }`: the array field contains at least one of the values.
 * @param field - a dot path to an array field.
 * @param values - the values looked for.
 * @returns The rule JSON.
 * @example
 * hasAny("tags", ["vip", "loyalty"]) //=> { op: "hasAny", field: "tags", values: ["vip", "loyalty"] }
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes).
 * @throws `TypeError` `hasAny requires values to be an array`.
 * @category Builders
 */
export function hasAny(field: string, values: ReadonlyArray<RuleScalar>): ArrayRule<"hasAny"> {
  return checked("hasAny", { op: "hasAny", field, values: listOf("hasAny", "values", values) });
}

/**
 * `{ op: "hasAll", field, values }`: the array field contains every value.
 * @param field - a dot path to an array field.
 * @param values - the values looked for.
 * @returns The rule JSON.
 * @example
 * hasAll("tags", ["newsletter", "vip"]).op //=> "hasAll"
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes).
 * @throws `TypeError` `hasAll requires values to be an array`.
 * @category Builders
 */
export function hasAll(field: string, values: ReadonlyArray<RuleScalar>): ArrayRule<"hasAll"> {
  return checked("hasAll", { op: "hasAll", field, values: listOf("hasAll", "values", values) });
}

/**
 * `{ op: "hasNone", field, values }`: the array field contains none of the values (NOT `hasAny`).
 * @param field - a dot path to an array field.
 * @param values - the excluded values.
 * @returns The rule JSON.
 * @example
 * hasNone("tags", ["churned"]) //=> { op: "hasNone", field: "tags", values: ["churned"] }
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes).
 * @throws `TypeError` `hasNone requires values to be an array`.
 * @category Builders
 */
export function hasNone(field: string, values: ReadonlyArray<RuleScalar>): ArrayRule<"hasNone"> {
  return checked("hasNone", { op: "hasNone", field, values: listOf("hasNone", "values", values) });
}

/**
 * `{ op: "exists", field }`: the field is present (not missing, `null`, `NaN` or an invalid date). Never UNKNOWN.
 * @param field - a dot path into the profile.
 * @returns The rule JSON.
 * @example
 * exists("behavior.lastPurchaseAt") //=> { op: "exists", field: "behavior.lastPurchaseAt" }
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes).
 * @category Builders
 */
export function exists(field: string): PresenceRule<"exists"> {
  return checked("exists", { op: "exists", field });
}

/**
 * `{ op: "missing", field }`: NOT `exists`. Never UNKNOWN.
 * @param field - a dot path into the profile.
 * @returns The rule JSON.
 * @example
 * missing("geography.country") //=> { op: "missing", field: "geography.country" }
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes).
 * @category Builders
 */
export function missing(field: string): PresenceRule<"missing"> {
  return checked("missing", { op: "missing", field });
}

/**
 * `{ op: "withinLast", field, amount, unit }`: `asOf - amount unit <= field <= asOf` on a `Date` field.
 * @param field - a dot path to a `Date` field.
 * @param amount - a non-negative integer.
 * @param unit - a time unit; `months` and `years` are calendar units in UTC.
 * @returns The rule JSON.
 * @example
 * withinLast("behavior.lastPurchaseAt", 30, "days") //=> { op: "withinLast", field: "behavior.lastPurchaseAt", amount: 30, unit: "days" }
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes).
 * @category Builders
 */
export function withinLast(field: string, amount: number, unit: TimeUnit): WithinLastRule {
  return checked("withinLast", { op: "withinLast", field, amount, unit });
}

function timeBound<O extends "before" | "after">(op: O, field: string, bound: string | Date | Duration): TimeBoundRule<O> {
  if (typeof bound === "string") return checked(op, { op, field, date: bound });
  // A Date of any realm, read through Date.prototype.getTime; an invalid one becomes the text
  // "Invalid Date", which the check reports as `invalid_date`.
  const time = dateTimeValue(bound);
  if (time !== undefined || bound instanceof Date) {
    return checked(op, { op, field, date: time === undefined || Number.isNaN(time) ? "Invalid Date" : new Date(time).toISOString() });
  }
  // Anything else that is no duration (null from JavaScript) goes to the check as it is, which names it.
  if (typeof bound !== "object" || bound === null) return checked(op, { op, field, date: bound as unknown as string });
  // The duration's keys become the node's own: one it does not take (`from`) is refused here, where it can be named.
  const extra = Object.keys(bound).find((key) => key !== "amount" && key !== "unit" && (bound as unknown as Record<string, unknown>)[key] !== undefined);
  if (extra !== undefined) {
    const issues: RuleIssue[] = [{ code: "unrecognized_key", path: [extra], message: `a duration takes only amount and unit, not the key ${quotedKey(extra)}` }];
    throw new RuleError(ruleErrorMessage(op, issues), issues);
  }
  return checked(op, { op, field, amount: bound.amount, unit: bound.unit });
}

/**
 * `{ op: "before", field, date }` or `{ op: "before", field, amount, unit }`: `field < bound`, strict.
 * @param field - a dot path to a `Date` field.
 * @param bound - an ISO-8601 date or instant, a `Date` of the years 0 to 9999 (stored with `toISOString()`; a later
 *   or earlier one is an `invalid_date`, as rule dates have four-digit years), or `{ amount, unit }` before `asOf`.
 * @returns The rule JSON.
 * @example
 * before("behavior.lastPurchaseAt", { amount: 90, unit: "days" }) //=> { op: "before", field: "behavior.lastPurchaseAt", amount: 90, unit: "days" }
 * before("createdAt", new Date(Date.UTC(2024, 0, 1))) //=> { op: "before", field: "createdAt", date: "2024-01-01T00:00:00.000Z" }
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes).
 * @category Builders
 */
export function before(field: string, bound: string | Date | Duration): TimeBoundRule<"before"> {
  return timeBound("before", field, bound);
}

/**
 * `{ op: "after", field, date }` or `{ op: "after", field, amount, unit }`: `field > bound`, strict.
 * @param field - a dot path to a `Date` field.
 * @param bound - an ISO-8601 date or instant, a `Date`, or `{ amount, unit }` before `asOf`.
 * @returns The rule JSON.
 * @example
 * after("createdAt", "2024-01-01") //=> { op: "after", field: "createdAt", date: "2024-01-01" }
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes).
 * @category Builders
 */
export function after(field: string, bound: string | Date | Duration): TimeBoundRule<"after"> {
  return timeBound("after", field, bound);
}

/** Options of {@link event}: filter, window, reducers. */
export interface EventOptions {
  /** A rule over the event's `properties`; only events where it is TRUE count. */
  readonly where?: Rule;
  /** Only events with `asOf - amount unit <= timestamp <= asOf` count. */
  readonly withinLast?: Duration;
  /** Inclusive bounds on the number of events. */
  readonly count?: AggregateBounds;
  /** Inclusive bounds on the sum of a numeric property (non-numbers ignored; empty sum 0). */
  readonly sum?: AggregateBounds & { readonly property: string };
}

const eventOptionKeys = { where: true, withinLast: true, count: true, sum: true } as const satisfies OptionKeys<EventOptions>;

/**
 * A copy of an option's object without the keys whose value is `undefined`; every other key is kept,
 * so that the check refuses a key the node does not take (`{ gte: 2, min: 3 }`) instead of the
 * builder dropping it.
 */
function definedKeys<T>(value: T): T {
  // Not an object (null from JavaScript): left to the check, which names it.
  if (typeof value !== "object" || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) if (entry !== undefined) copy[key] = entry;
  return copy as T;
}

/**
 * `{ op: "event", type, where?, withinLast?, count?, sum? }`: a condition on the customer's events.
 * Without `count` and `sum`, "at least one such event".
 * @param type - the event type.
 * @param options - filter, window and reducers.
 * @returns The rule JSON.
 * @example
 * event("purchase", { withinLast: { amount: 30, unit: "days" }, count: { gte: 2 } }) //=> { op: "event", type: "purchase", withinLast: { amount: 30, unit: "days" }, count: { gte: 2 } }
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes); `TypeError` `event requires options to be an object`,
 * `event does not take the option "<key>" (its options: where, withinLast, count, sum)`.
 * @category Builders
 */
export function event(type: string, options: EventOptions = {}): EventRule {
  assertOptions("event", options, eventOptionKeys);
  const rule: { -readonly [K in keyof EventRule]: EventRule[K] } = { op: "event", type };
  if (options.where !== undefined) rule.where = options.where;
  if (options.withinLast !== undefined) rule.withinLast = definedKeys(options.withinLast);
  if (options.count !== undefined) rule.count = definedKeys(options.count);
  if (options.sum !== undefined) rule.sum = definedKeys(options.sum);
  return checked("event", rule);
}

/**
 * `{ op: "inSegment", segment }`: TRUE when the profile is in the named segment.
 * @param segment - the segment id.
 * @returns The rule JSON.
 * @example
 * inSegment("vip") //=> { op: "inSegment", segment: "vip" }
 * @throws `RuleError` when `parseRule` would reject the node (see the module notes).
 * @category Builders
 */
export function inSegment(segment: string): InSegmentRule {
  return checked("inSegment", { op: "inSegment", segment });
}

// ---------------------------------------------------------------------------------------------
// Typed builders

/**
 * Values that a field path stops at (it does not descend into them). Collections and other built-in
 * objects (`Map`, `Set`, `RegExp`, `Promise`, binary data) are leaves: the rules read only own
 * properties, so `"meta.size"` on a `Map` would always be missing.
 */
export type PathLeaf =
  | string
  | number
  | boolean
  | bigint
  | symbol
  | Date
  | ReadonlyArray<unknown>
  | ((...args: never[]) => unknown)
  | ReadonlyMap<unknown, unknown>
  | ReadonlySet<unknown>
  | WeakMap<object, unknown>
  | WeakSet<object>
  | RegExp
  | PromiseLike<unknown>
  | ArrayBuffer
  | ArrayBufferView;
type PreviousDepth = [never, 0, 1, 2, 3, 4, 5, 6];

/**
 * Every dot path into `P`, for editor completion: `"behavior.totalSpend"`, `"geography"`...
 * Arrays, dates and functions are leaves; a `Record<string, V>` (or an `unknown` field) admits any
 * key below it (`"traits.${string}"`), and the paths into `V` below that key when `V` is an object.
 * Optional and nullable groups, unions of objects and numeric keys (`"byYear.2023"`) are followed.
 * Only own properties are read at run time, so a getter of a class (which TypeScript cannot tell from
 * a data property) type-checks as a path but reads as missing: give the builder the plain data type.
 * Paths have at most 7 segments. The paths multiply with every nested object: a recursive type that
 * refers to itself from several fields (`parent`, `owner`, `partner`...) can pass TypeScript's
 * instantiation limit (TS2589); type the builder with a narrower profile type there, or use the
 * untyped builders. Below a record key any text is admitted (`"traits.plan.x"` too), as no type can
 * say "a key without a dot".
 */
export type Path<P, Depth extends number = 6> = [Depth] extends [never]
  ? never
  : NonNullable<P> extends infer O
    ? O extends PathLeaf
      ? never
      : O extends object
        ? {
            [K in keyof O & (string | number)]-?: unknown extends O[K]
              ? `${K}` | `${K}.${string}`
              : NonNullable<O[K]> extends PathLeaf
                ? `${K}`
                : string extends keyof NonNullable<O[K]>
                  ? `${K}` | `${K}.${string}` | `${K}.${string}.${Path<NonNullable<O[K]>[string], PreviousDepth[Depth]>}`
                  : `${K}` | `${K}.${Path<O[K], PreviousDepth[Depth]>}`;
          }[keyof O & (string | number)]
        : never
    : never;

/**
 * The type at a dot path of `P` (`unknown` for paths below an `unknown` field). Over a union of
 * objects, the union of the members' types at the path (a member without the key adds nothing).
 */
export type PathValue<P, K extends string> = unknown extends P
  ? unknown
  : NonNullable<P> extends infer O
    ? O extends unknown
      ? K extends `${infer Head}.${infer Rest}`
        ? Head extends keyof O
          ? PathValue<O[Head], Rest>
          : Head extends `${infer N extends number}`
            ? N extends keyof O
              ? PathValue<O[N], Rest>
              : never
            : never
        : K extends keyof O
          ? O[K]
          : K extends `${infer N extends number}`
            ? N extends keyof O
              ? O[N]
              : never
            : never
      : never
    : never;

/**
 * The part of a field's type that a literal of type `T` can be compared with (`T` for `unknown`
 * fields). A branded type (`z.string().brand<"CustomerId">()`, `number & { __brand: "USD" }`) takes
 * the plain literal, as no rule literal can carry a brand; literal unions (enums) stay as they are.
 */
export type ValueFor<V, T> = unknown extends V ? T : Unbranded<Extract<NonNullable<V>, T>>;

/**
 * A branded string or number as the plain type (`string & { __brand: "X" }` → `string`); other types,
 * string and number literals included, as they are.
 */
export type Unbranded<M> = M extends string
  ? [Exclude<keyof M, keyof string>] extends [never]
    ? M
    : string
  : M extends number
    ? [Exclude<keyof M, keyof number>] extends [never]
      ? M
      : number
    : M;

/** The paths of `P` whose type has a part of type `T` (a conditional type over each path: key patterns such as `"traits.${string}"` would overlap as the keys of a mapped type). */
export type PathOf<P, T> = Path<P> extends infer K ? (K extends string ? ([ValueFor<PathValue<P, K>, T>] extends [never] ? never : K) : never) : never;

/** The element type of an array field (of each array part of a union), restricted to literals. */
export type ElementFor<V> = unknown extends V
  ? RuleScalar
  : NonNullable<V> extends infer U
    ? U extends ReadonlyArray<infer E>
      ? Extract<NonNullable<E>, RuleScalar>
      : never
    : never;

/**
 * The builders typed against a profile type `P`: fields are `Path<P>` with completion, and values
 * follow the field type. Ordering ops (`lt`, `gt`, `between`...) take number fields only; text ops
 * string fields; array ops array fields; time ops `Date` fields.
 */
export interface RuleBuilder<P> {
  readonly and: typeof and;
  readonly or: typeof or;
  readonly not: typeof not;
  readonly always: typeof always;
  readonly never: typeof never;
  readonly eq: <K extends PathOf<P, RuleScalar>>(field: K, value: ValueFor<PathValue<P, K>, RuleScalar>) => ComparisonRule<"eq">;
  readonly ne: <K extends PathOf<P, RuleScalar>>(field: K, value: ValueFor<PathValue<P, K>, RuleScalar>) => ComparisonRule<"ne">;
  readonly lt: <K extends PathOf<P, number>>(field: K, value: number) => ComparisonRule<"lt">;
  readonly lte: <K extends PathOf<P, number>>(field: K, value: number) => ComparisonRule<"lte">;
  readonly gt: <K extends PathOf<P, number>>(field: K, value: number) => ComparisonRule<"gt">;
  readonly gte: <K extends PathOf<P, number>>(field: K, value: number) => ComparisonRule<"gte">;
  readonly between: <K extends PathOf<P, number>>(field: K, min: number, max: number) => BetweenRule;
  readonly inList: <K extends PathOf<P, RuleScalar>>(field: K, values: ReadonlyArray<ValueFor<PathValue<P, K>, RuleScalar>>) => MembershipRule<"in">;
  readonly notInList: <K extends PathOf<P, RuleScalar>>(field: K, values: ReadonlyArray<ValueFor<PathValue<P, K>, RuleScalar>>) => MembershipRule<"notIn">;
  readonly contains: <K extends PathOf<P, string>>(field: K, value: string, options?: TextOptions) => TextRule<"contains">;
  readonly startsWith: <K extends PathOf<P, string>>(field: K, value: string, options?: TextOptions) => TextRule<"startsWith">;
  readonly endsWith: <K extends PathOf<P, string>>(field: K, value: string, options?: TextOptions) => TextRule<"endsWith">;
  readonly hasAny: <K extends PathOf<P, ReadonlyArray<unknown>>>(field: K, values: ReadonlyArray<ElementFor<PathValue<P, K>>>) => ArrayRule<"hasAny">;
  readonly hasAll: <K extends PathOf<P, ReadonlyArray<unknown>>>(field: K, values: ReadonlyArray<ElementFor<PathValue<P, K>>>) => ArrayRule<"hasAll">;
  readonly hasNone: <K extends PathOf<P, ReadonlyArray<unknown>>>(field: K, values: ReadonlyArray<ElementFor<PathValue<P, K>>>) => ArrayRule<"hasNone">;
  readonly exists: (field: Path<P>) => PresenceRule<"exists">;
  readonly missing: (field: Path<P>) => PresenceRule<"missing">;
  readonly withinLast: (field: PathOf<P, Date>, amount: number, unit: TimeUnit) => WithinLastRule;
  readonly before: (field: PathOf<P, Date>, bound: string | Date | Duration) => TimeBoundRule<"before">;
  readonly after: (field: PathOf<P, Date>, bound: string | Date | Duration) => TimeBoundRule<"after">;
  readonly event: typeof event;
  readonly inSegment: typeof inSegment;
}

/**
 * The builders, typed against a profile type. At run time they are exactly the untyped builders
 * (`and`, `eq`, ...); only the types differ.
 *
 * @remarks A wrong field path, a string compared with `gt`, a number given to `eq` on a string
 * field, `hasAny` on a non-array field or `withinLast` on a non-date field are compile errors, and
 * editors complete the paths. O(1).
 * @typeParam P - the profile type, e.g. `CustomerProfile` from `segmentkit/schema`.
 * @returns An object with every builder.
 * @example
 * type Profile = { behavior?: { totalSpend?: number | null; lastPurchaseAt?: Date }; geography?: { country?: string }; tags?: string[] };
 * const r = ruleBuilder<Profile>();
 * r.and(r.gte("behavior.totalSpend", 500), r.inList("geography.country", ["US", "CA"])) //=> { op: "and", rules: [{ op: "gte", field: "behavior.totalSpend", value: 500 }, { op: "in", field: "geography.country", values: ["US", "CA"] }] }
 * r.withinLast("behavior.lastPurchaseAt", 30, "days").op //=> "withinLast"
 * @category Builders
 */
export function ruleBuilder<P>(): RuleBuilder<P> {
  return builders as RuleBuilder<P>;
}

const builders = {
  and,
  or,
  not,
  always,
  never,
  eq,
  ne,
  lt,
  lte,
  gt,
  gte,
  between,
  inList,
  notInList,
  contains,
  startsWith,
  endsWith,
  hasAny,
  hasAll,
  hasNone,
  exists,
  missing,
  withinLast,
  before,
  after,
  event,
  inSegment,
};
