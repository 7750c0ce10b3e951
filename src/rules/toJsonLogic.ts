/**
 * JsonLogic export: a rule as a JsonLogic document that json-logic-js evaluates to the same audience,
 * SQL's UNKNOWN included, for evaluators that only speak JsonLogic (a mobile client, an edge worker,
 * a rules table shared with another service).
 *
 * @module
 */
import { timeUnits } from "./ast.js";
import type { Duration, Rule, RuleScalar, RuleTable } from "./ast.js";
import { RuleError } from "./RuleError.js";
import type { RuleIssue, RuleIssueCode } from "./RuleError.js";
import { checkExpansion, findNodePath, followSegment, resolveAsOf, type SegmentScope } from "./_lib/context.js";
import { ownHandler } from "./_lib/interpreter.js";
import { parseIsoInstant, subtractDuration } from "./_lib/time.js";
import { ruleErrorMessage } from "./_lib/issues.js";
import { inheritedMemberProblem } from "./_lib/jsonLogic.js";
import { maxIssues } from "./_lib/json.js";
import { assertOptions } from "../_lib/arguments.js";
import type { OptionKeys } from "../_lib/arguments.js";
import { pathProblem } from "../_lib/fieldPaths.js";

/** A JsonLogic document: a literal, a list, or an object with one operator. */
export type JsonLogic = boolean | number | string | null | ReadonlyArray<JsonLogic> | { readonly [operator: string]: JsonLogic };

/** Options of {@link toJsonLogic}. */
export interface ToJsonLogicOptions {
  /** Segments that `inSegment` nodes may name, by id; their rules are written in place (JsonLogic has no references). */
  readonly segments?: Readonly<Record<string, Rule>> | undefined;
  /**
   * The clock the document is written for: `withinLast` and `before` / `after` with an amount and a
   * unit become comparisons with the instants they mean at `asOf` (the document does not move with
   * time). Without it, only `before` / `after` with a date are written.
   */
  readonly asOf?: Date | undefined;
}

interface ExportContext extends SegmentScope {
  readonly issues: RuleIssue[];
  /** `options.asOf` in epoch milliseconds, if given. */
  readonly asOf: number | undefined;
}

/** "The node is TRUE" (`wanted`) or "the node is FALSE" as JsonLogic; `undefined` once an issue is reported. */
type Exporter = (node: never, wanted: boolean, context: ExportContext) => JsonLogic | undefined;

const functionName = "toJsonLogic";
const optionKeys = { segments: true, asOf: true } as const satisfies OptionKeys<ToJsonLogicOptions>;

const read = (field: string): JsonLogic => ({ var: field });
const present = (field: string): JsonLogic => ({ "!=": [read(field), null] });
const absent = (field: string): JsonLogic => ({ "==": [read(field), null] });
/** The test for a value that is there: JsonLogic reads `null < 30` as `0 < 30`, so every FALSE (and some TRUE) tests presence first. */
const guarded = (field: string, test: JsonLogic): JsonLogic => ({ and: [present(field), test] });
const negated = (test: JsonLogic): JsonLogic => ({ "!": test });
/** JsonLogic's empty `and` returns `undefined` (falsy), so it is written `true`; one operand is written alone. */
const every = (tests: ReadonlyArray<JsonLogic>): JsonLogic => (tests.length === 0 ? true : tests.length === 1 ? (tests[0] as JsonLogic) : { and: tests });
const some = (tests: ReadonlyArray<JsonLogic>): JsonLogic => (tests.length === 0 ? false : tests.length === 1 ? (tests[0] as JsonLogic) : { or: tests });

function issue(context: ExportContext, node: Rule, message: string, code: RuleIssueCode = "unsupported_logic"): undefined {
  if (context.issues.length >= maxIssues) return undefined;
  const path = context.entry === undefined ? findNodePath(context.root, node) : [...findNodePath(context.root, context.entry), "segment"];
  const where = context.active.length > 0 ? `in segment "${context.active[context.active.length - 1]}": ` : "";
  context.issues.push({ code, path, message: `${where}${message}` });
  return undefined;
}

/**
 * The field, checked as `parseRule` checks it, unless json-logic-js would find one of its segments on
 * `Object.prototype` (an empty path would be the whole profile to `var`).
 */
function field(node: Rule & { readonly field: string }, context: ExportContext): string | undefined {
  const problem = pathProblem(node.field);
  if (problem !== undefined) return issue(context, node, problem.message, problem.code);
  const inherited = inheritedMemberProblem(node.field);
  return inherited === undefined ? node.field : issue(context, node, inherited);
}

/** A literal as JSON writes it: a non-finite number, which only a rule that skipped `parseRule` can hold, would become `null`. */
function literal<Value extends RuleScalar>(value: Value, node: Rule, context: ExportContext): Value | undefined {
  if (typeof value !== "number" || Number.isFinite(value)) return value;
  return issue(context, node, `the number ${value} is not finite, and JSON cannot hold it`, "non_finite_number");
}

/** A copy of a list of one type; JsonLogic's strict `indexOf` cannot give the UNKNOWN that a list of two types gives. */
function singleTyped(node: Rule & { readonly values: ReadonlyArray<RuleScalar> }, context: ExportContext): RuleScalar[] | undefined {
  const types = new Set(node.values.map((value) => typeof value));
  if (types.size > 1) return issue(context, node, `the list mixes ${[...types].join(" and ")} values, which JsonLogic cannot compare with SQL's UNKNOWN`);
  const values = node.values.map((value) => literal(value, node, context));
  return values.every((value) => value !== undefined) ? (values as RuleScalar[]) : undefined;
}

/** `eq` / `ne` / `lt` / ... : TRUE and FALSE, each for a value of the literal's type only. */
function comparison(op: "===" | "!==" | "<" | "<=" | ">" | ">=", opposite: "===" | "!==" | "<" | "<=" | ">" | ">=") {
  return (node: Rule & { readonly field: string; readonly value: RuleScalar }, wanted: boolean, context: ExportContext): JsonLogic | undefined => {
    const name = field(node, context);
    const value = literal(node.value, node, context);
    if (name === undefined || value === undefined) return undefined;
    // Booleans have no order: `lt true` is UNKNOWN for every profile.
    if (typeof value === "boolean" && op !== "===" && op !== "!==") return false;
    const test: JsonLogic = { [wanted ? op : opposite]: [read(name), value] };
    // `===` with a literal is false for null and missing values already.
    return (wanted ? op : opposite) === "===" ? test : guarded(name, test);
  };
}

/** `contains` / `startsWith` / `endsWith`: the empty text is in every text; others through `in` and `substr`. */
function text(kind: "contains" | "startsWith" | "endsWith") {
  return (node: Rule & { readonly field: string; readonly value: string; readonly caseInsensitive?: boolean }, wanted: boolean, context: ExportContext): JsonLogic | undefined => {
    const name = field(node, context);
    if (name === undefined) return undefined;
    if (node.caseInsensitive === true) return issue(context, node, "JsonLogic has no case folding for caseInsensitive");
    const needle = node.value;
    if (needle === "") return wanted ? present(name) : false;
    const length = needle.length;
    const found: JsonLogic =
      kind === "contains"
        ? { in: [needle, read(name)] }
        : { "===": [{ substr: kind === "startsWith" ? [read(name), 0, length] : [read(name), -length] }, needle] };
    // `in` is false for null; `substr` reads null as the text "null", so the TRUE of a prefix or suffix is guarded too.
    if (wanted) return kind === "contains" ? found : guarded(name, found);
    return guarded(name, negated(found));
  };
}

/** `hasAny`: TRUE when an element is listed; FALSE for an array whose elements are all unlisted. */
function hasAny(node: Rule & { readonly field: string; readonly values: ReadonlyArray<RuleScalar> }, wanted: boolean, context: ExportContext): JsonLogic | undefined {
  const name = field(node, context);
  const values = singleTyped(node, context);
  if (name === undefined || values === undefined) return undefined;
  if (values.length === 0) return wanted ? false : present(name);
  const listed: JsonLogic = values.length === 1 ? { in: [values[0] as RuleScalar, read(name)] } : { some: [read(name), { in: [{ var: "" }, values] }] };
  return wanted ? listed : guarded(name, negated(listed));
}

/** The instants that JSON writes as `0000-01-01T00:00:00.000Z` to `9999-12-31T23:59:59.999Z`, which sort in time order as texts. */
const firstSortable = Date.parse("0000-01-01T00:00:00.000Z");
const lastSortable = Date.parse("9999-12-31T23:59:59.999Z");

/**
 * `field <op> bound` on a date field as JsonLogic compares the texts that JSON writes: the bound as
 * such a text, or, beyond the years 0 to 9999, `true` / `false` for every date there. `null` and a
 * missing field compare false with a text, as with SQL's UNKNOWN.
 */
function instantTest(name: string, op: "<" | "<=" | ">" | ">=", bound: number): JsonLogic {
  if (bound < firstSortable || bound > lastSortable) {
    const holds = op === "<" || op === "<=" ? bound > lastSortable : bound < firstSortable;
    return holds ? present(name) : false;
  }
  // Dates hold whole milliseconds: a fractional bound (a fractional amount) is the next one inward.
  const whole = op === "<" || op === ">=" ? Math.ceil(bound) : Math.floor(bound);
  return { [op]: [read(name), new Date(whole).toISOString()] };
}

/** `options.asOf - amount unit`, or an issue: without `asOf`, or for an amount or unit that a rule that skipped `parseRule` may hold. */
function clockBound(node: Rule, duration: Duration, context: ExportContext): number | undefined {
  if (context.asOf === undefined) return issue(context, node, "a time condition relative to the clock needs options.asOf, the instant the document is written for");
  if (!Number.isFinite(duration.amount)) return issue(context, node, `the amount ${duration.amount} is not finite`, "non_finite_number");
  if (!timeUnits.includes(duration.unit)) return issue(context, node, `unit must be one of ${timeUnits.join(", ")}, got ${JSON.stringify(String(duration.unit).slice(0, 40))}`, "invalid_unit");
  return subtractDuration(context.asOf, duration.amount, duration.unit);
}

/** An absolute bound, or an `invalid_date` issue for a date that a rule that skipped `parseRule` may hold. */
function fixedBound(node: Rule, date: string, context: ExportContext): number | undefined {
  const bound = typeof date === "string" ? parseIsoInstant(date, node.op === "before" ? "up" : "down") : Number.NaN;
  if (!Number.isNaN(bound)) return bound;
  return issue(context, node, `date must be an ISO-8601 date (2024-03-01) or instant with an offset (2024-03-01T12:00:00Z), got ${JSON.stringify(String(date).slice(0, 40))}`, "invalid_date");
}

/** `before` / `after`: TRUE is the strict comparison, FALSE its complement, each false for a null or missing date. */
function timeBoundTest(op: "before" | "after") {
  return (node: Extract<Rule, { op: "before" | "after" }>, wanted: boolean, context: ExportContext): JsonLogic | undefined => {
    const name = field(node, context);
    const bound = "date" in node ? fixedBound(node, node.date, context) : clockBound(node, node, context);
    if (name === undefined || bound === undefined) return undefined;
    const comparison = op === "before" ? (wanted ? "<" : ">=") : wanted ? ">" : "<=";
    return instantTest(name, comparison, bound);
  };
}

function unsupported(message: string) {
  return (node: Rule, _wanted: boolean, context: ExportContext): undefined => issue(context, node, message);
}

function exportNode(node: Rule, wanted: boolean, context: ExportContext): JsonLogic | undefined {
  return (ownHandler(exporters, node, functionName) as (node: Rule, wanted: boolean, context: ExportContext) => JsonLogic | undefined)(node, wanted, context);
}

function exportAll(rules: ReadonlyArray<Rule>, wanted: boolean, context: ExportContext): JsonLogic[] | undefined {
  const tests = rules.map((rule) => exportNode(rule, wanted, context));
  return tests.every((test) => test !== undefined) ? (tests as JsonLogic[]) : undefined;
}

const exporters = {
  // TRUE(and) = every operand TRUE; FALSE(and) = some operand FALSE; `or` the other way round.
  and: (node, wanted, context) => {
    const tests = exportAll(node.rules, wanted, context);
    return tests === undefined ? undefined : wanted ? every(tests) : some(tests);
  },
  or: (node, wanted, context) => {
    const tests = exportAll(node.rules, wanted, context);
    return tests === undefined ? undefined : wanted ? some(tests) : every(tests);
  },
  not: (node, wanted, context) => exportNode(node.rule, !wanted, context),
  always: (_node, wanted) => wanted,
  never: (_node, wanted) => !wanted,
  eq: comparison("===", "!=="),
  ne: comparison("!==", "==="),
  lt: comparison("<", ">="),
  lte: comparison("<=", ">"),
  gt: comparison(">", "<="),
  gte: comparison(">=", "<"),
  between: (node, wanted, context) => {
    const name = field(node, context);
    const min = literal(node.min, node, context);
    const max = literal(node.max, node, context);
    if (name === undefined || min === undefined || max === undefined) return undefined;
    if (typeof min !== typeof max) return issue(context, node, "the bounds have two types, which JsonLogic would compare by converting one");
    const inside: JsonLogic = { "<=": [min, read(name), max] };
    return guarded(name, wanted ? inside : negated(inside));
  },
  in: (node, wanted, context) => {
    const name = field(node, context);
    const values = singleTyped(node, context);
    if (name === undefined || values === undefined) return undefined;
    // `in []` is FALSE for every profile, a missing value included.
    if (values.length === 0) return !wanted;
    const listed: JsonLogic = { in: [read(name), values] };
    return wanted ? listed : guarded(name, negated(listed));
  },
  notIn: (node, wanted, context) => {
    const name = field(node, context);
    const values = singleTyped(node, context);
    if (name === undefined || values === undefined) return undefined;
    // `notIn []` is TRUE for a value that is there, UNKNOWN for a missing one.
    if (values.length === 0) return wanted ? present(name) : false;
    const listed: JsonLogic = { in: [read(name), values] };
    return wanted ? guarded(name, negated(listed)) : listed;
  },
  contains: text("contains"),
  startsWith: text("startsWith"),
  endsWith: text("endsWith"),
  hasAny: (node, wanted, context) => hasAny(node, wanted, context),
  hasNone: (node, wanted, context) => hasAny(node, !wanted, context),
  hasAll: (node, wanted, context) => {
    const name = field(node, context);
    const values = singleTyped(node, context);
    if (name === undefined || values === undefined) return undefined;
    // The empty list is TRUE for every array.
    if (values.length === 0) return wanted ? present(name) : false;
    const found = values.map((value): JsonLogic => ({ in: [value, read(name)] }));
    return wanted ? every(found) : guarded(name, some(found.map(negated)));
  },
  exists: (node, wanted, context) => {
    const name = field(node, context);
    return name === undefined ? undefined : wanted ? present(name) : absent(name);
  },
  missing: (node, wanted, context) => {
    const name = field(node, context);
    return name === undefined ? undefined : wanted ? absent(name) : present(name);
  },
  // `asOf - amount unit <= t <= asOf`: FALSE is a date before the window or after the clock.
  withinLast: (node, wanted, context) => {
    const name = field(node, context);
    const lower = clockBound(node, node, context);
    const asOf = context.asOf;
    if (name === undefined || lower === undefined || asOf === undefined) return undefined;
    return wanted ? every([instantTest(name, ">=", lower), instantTest(name, "<=", asOf)]) : some([instantTest(name, "<", lower), instantTest(name, ">", asOf)]);
  },
  before: timeBoundTest("before"),
  after: timeBoundTest("after"),
  event: unsupported("JsonLogic reads one object: event conditions have no JsonLogic equivalent"),
  inSegment: (node, wanted, context) => followSegment(context, node, (rule) => exportNode(rule, wanted, context)),
} satisfies RuleTable<Exporter>;

/**
 * Writes a rule as a JsonLogic document that json-logic-js evaluates to the same audience: truthy
 * exactly for the profiles the rule is TRUE for.
 *
 * @remarks JsonLogic is two-valued and JavaScript's comparisons convert null (`null < 30` is
 * `0 < 30`), so every condition is written for the truth value it needs, as `compileRule` compiles
 * it: "TRUE" and, under `not`, "FALSE", each with a `{ "!=": [{ "var": field }, null] }` test where
 * JsonLogic would otherwise take a null or missing value. `not` is pushed down to the leaves. The
 * document is linear in the rule (segments named by `inSegment`, from `options.segments`, are
 * written in place).
 *
 * Exactness: on profiles whose fields hold values of the type the rule compares them with (finite
 * numbers, texts, booleans; for `hasAny` / `hasAll` / `hasNone` arrays of the listed values' type),
 * null, or nothing, reached through plain objects (json-logic-js also steps into arrays and texts,
 * `tags.0`, `name.length`, and reads inherited getters, where segmentkit reads own fields of
 * objects), `jsonLogic.truthy(jsonLogic.apply(logic, profile))` is `true` exactly when `evaluate`
 * gives TRUE (tested against json-logic-js 2.0.5). JsonLogic converts types where segmentkit gives
 * UNKNOWN (`"30" < 60`), so values of other types can be selected. Written with `===`, `!==`, `==`
 * / `!=` with `null`, `<`, `<=` (also three-operand), `>`, `>=`, `!`, `and`, `or`, `in`, `some` and
 * `substr`, all built into json-logic-js; `parseJsonLogic` (with the array fields in `arrayFields`,
 * and a `schema` for date fields) reads every document back to a rule with the same audience.
 *
 * Time conditions: JsonLogic has no dates; stored as JSON, a date is a text such as
 * `2024-01-01T10:00:00.000Z`, and these texts sort in time order in the years 0 to 9999. So
 * `withinLast` and `before` / `after` are written as `<`, `<=`, `>`, `>=` with their bounds as such
 * texts (a bound beyond those years as the answer it gives there), exact where the profile's date
 * fields hold `Date`s of the years 0 to 9999 (JSON writes a later one as `+010000-…`, which sorts
 * before them), compared only by time conditions (json-logic-js would compare the text of a
 * date with `eq` or `contains`, or read `d.0` in it), and json-logic-js reads the profile as
 * `JSON.stringify` writes it. Bounds relative to the clock are computed at `options.asOf`, so the
 * document holds fixed instants; without `asOf` they are `unsupported_logic` issues.
 * `parseJsonLogic` with a schema that says the field holds dates reads them back.
 *
 * Not exported, as `unsupported_logic` issues with the node's path: `event` conditions,
 * `caseInsensitive` text tests, lists that mix types, `between` with bounds of two types, and
 * fields through `toString`, `valueOf` and the other members of `Object.prototype`, which
 * json-logic-js finds on every object. A rule that skipped `parseRule` gets its `invalid_path`,
 * `forbidden_path`, `non_finite_number`, `invalid_date` and `invalid_unit` issues here too. The
 * document shares no array with the rule. O(n) for a rule of n nodes, segments expanded.
 * @param rule - a rule, usually from `parseRule` or the builders.
 * @param options - `segments` for `inSegment`, and `asOf` for time conditions relative to the clock.
 * @returns The JsonLogic document, JSON-serialisable.
 * @throws `RuleError` `"toJsonLogic found <n> issue(s): <first message> at <path>"` with every
 *   `unsupported_logic` issue and its path into the rule; `unknown_segment`, `segment_cycle`,
 *   `too_deep` and `too_many_nodes` as `compileRule`.
 * @throws `TypeError` for a rule that names an unknown op (check untrusted rules with `parseRule`),
 *   for `options` that are not an object, and `"toJsonLogic requires asOf to be a valid Date"`.
 * @example
 * import jsonLogic from "json-logic-js";
 * const logic = toJsonLogic({ op: "and", rules: [
 *   { op: "gte", field: "totalSpend", value: 500 },
 *   { op: "not", rule: { op: "in", field: "country", values: ["IN", "BR"] } },
 * ] });
 * logic //=> { and: [{ and: [{ "!=": [{ var: "totalSpend" }, null] }, { ">=": [{ var: "totalSpend" }, 500] }] }, { and: [{ "!=": [{ var: "country" }, null] }, { "!": { in: [{ var: "country" }, ["IN", "BR"]] } }] }] }
 * jsonLogic.apply(logic, { totalSpend: 640 }) //=> false
 * toJsonLogic({ op: "withinLast", field: "lastPurchaseAt", amount: 30, unit: "days" }, { asOf: new Date("2024-06-30T00:00:00Z") }) //=> { and: [{ ">=": [{ var: "lastPurchaseAt" }, "2024-05-31T00:00:00.000Z"] }, { "<=": [{ var: "lastPurchaseAt" }, "2024-06-30T00:00:00.000Z"] }] }
 * (() => { try { return toJsonLogic({ op: "event", type: "purchase" }); } catch (error) { return (error as RuleError).issues.map((issue) => issue.code); } })() //=> ["unsupported_logic"]
 * @category Rules
 */
export function toJsonLogic(rule: Rule, options?: ToJsonLogicOptions): JsonLogic {
  if (options !== undefined) assertOptions(functionName, options, optionKeys);
  // The exporters report non-finite numbers, malformed dates and units as issues with their codes; the
  // other literals are checked after them.
  checkExpansion(functionName, rule, options?.segments, false);
  const asOf = options?.asOf === undefined ? undefined : resolveAsOf(options.asOf, functionName);
  const context: ExportContext = { functionName, issues: [], segments: options?.segments, active: [], asOf, root: rule, entry: undefined };
  const logic = exportNode(rule, true, context);
  // What the exporters let through (`eq` without a value, a `null` literal) is refused as the evaluators refuse it.
  if (context.issues.length === 0) checkExpansion(functionName, rule, options?.segments);
  if (logic === undefined || context.issues.length > 0) throw new RuleError(ruleErrorMessage(functionName, context.issues), context.issues);
  return logic;
}
