import type { Rule, RuleTable, Truth } from "../ast.js";
import { checkExpansion, followSegment, resolveAsOf, unknownOpError } from "./context.js";
import {
  aggregateEvents,
  arrayHasAll,
  arrayHasAny,
  arrayHasNone,
  compareBetween,
  compareScalar,
  foldCase,
  instantBound,
  instantWithin,
  isPresent,
  listIndex,
  kleeneNot,
  membershipIn,
  membershipNotIn,
  readPath,
  textTest,
  withinBounds,
} from "./leaves.js";
import type { RuleEvent } from "./leaves.js";
import { splitPath } from "../../_lib/fieldPaths.js";
import { subtractDuration, timeBound } from "./time.js";
import { assertKnownOptions } from "../../_lib/arguments.js";
import type { OptionKeys } from "../../_lib/arguments.js";


/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** The clock: every time window and `before` / `after` bound is relative to this instant. */
  readonly asOf: Date;
  /** Segments that `inSegment` nodes may name, by id. */
  readonly segments?: Readonly<Record<string, Rule>> | undefined;
  /** The profile's events, read by `event` nodes. */
  readonly events?: ReadonlyArray<RuleEvent> | undefined;
}

/** The keys of {@link EvaluateOptions}. @internal */
export const evaluateOptionKeys = { asOf: true, segments: true, events: true } as const satisfies OptionKeys<EvaluateOptions>;

/**
 * `evaluate` and `explain` take a profile's `events`; `compileRule` and the segment functions take
 * `eventsOf`, a function from a profile to its events. Each name is answered with the other. @internal
 */
export const eventsWording = { aliases: { names: { eventsOf: "events" }, conversions: { eventsOf: "events, the profile's events" } } };
/** @internal */
export const eventsOfWording = { aliases: { names: { events: "eventsOf" }, conversions: { events: "eventsOf, a function from a profile to its events" } } };

/** @internal */
export interface EvaluationContext {
  readonly functionName: string;
  readonly asOf: number;
  readonly segments: Readonly<Record<string, Rule>> | undefined;
  readonly events: ReadonlyArray<RuleEvent> | undefined;
  /** Segment ids being evaluated, outermost first (cycle detection). */
  readonly active: string[];
  /** The rule passed to `evaluate` / `explain`: issue paths point into it. */
  readonly root: Rule;
  /** The `inSegment` node of `root` that the evaluation is inside, for issue paths. */
  entry: Rule | undefined;
}

type Evaluator = (node: never, profile: unknown, context: EvaluationContext) => Truth;

/**
 * The handler of a node's op from an interpreter table, read as an own property: a rule that did not
 * go through `parseRule` (`{ op: "toString" }`) gets an error, never an inherited method. @internal
 */
export function ownHandler<Table extends object>(table: Table, node: { readonly op: unknown }, functionName: string): Table[keyof Table] {
  const op = node?.op;
  if (typeof op !== "string" || !Object.hasOwn(table, op)) throw unknownOpError(functionName, op);
  return table[op as keyof Table];
}

/** Reduces an event node against the given events: always TRUE or FALSE. @internal */
export function evaluateEventNode(
  node: Extract<Rule, { op: "event" }>,
  events: ReadonlyArray<RuleEvent>,
  asOf: number,
  where: ((properties: Readonly<Record<string, unknown>>) => Truth) | undefined,
): boolean {
  const lower = node.withinLast === undefined ? Number.NEGATIVE_INFINITY : subtractDuration(asOf, node.withinLast.amount, node.withinLast.unit);
  const aggregate = aggregateEvents(events, node.type, lower, asOf, where, node.sum === undefined ? undefined : splitPath(node.sum.property), { count: 0, sum: 0 });
  if (node.count === undefined && node.sum === undefined) return aggregate.count >= 1;
  return (
    (node.count === undefined || withinBounds(aggregate.count, node.count.gte, node.count.lte)) &&
    (node.sum === undefined || withinBounds(aggregate.sum, node.sum.gte, node.sum.lte))
  );
}

const read = (profile: unknown, field: string): unknown => readPath(profile, splitPath(field));

/** The interpreter table: one handler per op. Every child is evaluated (no short-circuit), so errors do not depend on the profile. */
export const evaluators = {
  and: (node, profile, context) => {
    let result: Truth = true;
    for (const child of node.rules) {
      const truth = evaluateNode(child, profile, context);
      if (truth === false) result = false;
      else if (truth === null && result === true) result = null;
    }
    return result;
  },
  or: (node, profile, context) => {
    let result: Truth = false;
    for (const child of node.rules) {
      const truth = evaluateNode(child, profile, context);
      if (truth === true) result = true;
      else if (truth === null && result === false) result = null;
    }
    return result;
  },
  not: (node, profile, context) => kleeneNot(evaluateNode(node.rule, profile, context)),
  always: () => true,
  never: () => false,
  eq: (node, profile) => compareScalar("eq", read(profile, node.field), node.value),
  ne: (node, profile) => compareScalar("ne", read(profile, node.field), node.value),
  lt: (node, profile) => compareScalar("lt", read(profile, node.field), node.value),
  lte: (node, profile) => compareScalar("lte", read(profile, node.field), node.value),
  gt: (node, profile) => compareScalar("gt", read(profile, node.field), node.value),
  gte: (node, profile) => compareScalar("gte", read(profile, node.field), node.value),
  between: (node, profile) => compareBetween(read(profile, node.field), node.min, node.max),
  in: (node, profile) => membershipIn(read(profile, node.field), node.values),
  notIn: (node, profile) => membershipNotIn(read(profile, node.field), node.values),
  contains: (node, profile) => textTest("contains", read(profile, node.field), node.caseInsensitive === true ? foldCase(node.value) : node.value, node.caseInsensitive === true),
  startsWith: (node, profile) => textTest("startsWith", read(profile, node.field), node.caseInsensitive === true ? foldCase(node.value) : node.value, node.caseInsensitive === true),
  endsWith: (node, profile) => textTest("endsWith", read(profile, node.field), node.caseInsensitive === true ? foldCase(node.value) : node.value, node.caseInsensitive === true),
  hasAny: (node, profile) => arrayHasAny(read(profile, node.field), listIndex(node.values)),
  hasAll: (node, profile) => arrayHasAll(read(profile, node.field), listIndex(node.values)),
  hasNone: (node, profile) => arrayHasNone(read(profile, node.field), listIndex(node.values)),
  exists: (node, profile) => isPresent(read(profile, node.field)),
  missing: (node, profile) => !isPresent(read(profile, node.field)),
  withinLast: (node, profile, context) => instantWithin(read(profile, node.field), subtractDuration(context.asOf, node.amount, node.unit), context.asOf),
  before: (node, profile, context) => instantBound("before", read(profile, node.field), timeBound(node, context.asOf)),
  after: (node, profile, context) => instantBound("after", read(profile, node.field), timeBound(node, context.asOf)),
  event: (node, _profile, context) => {
    const events = context.events;
    if (events === undefined) throw new TypeError(`${context.functionName} requires options.events to evaluate event rules`);
    const where = node.where;
    const evaluateWhere = where === undefined ? undefined : (properties: Readonly<Record<string, unknown>>) => evaluateNode(where, properties, context);
    if (!Array.isArray(events)) return null;
    return evaluateEventNode(node, events, context.asOf, evaluateWhere);
  },
  inSegment: (node, profile, context) => followSegment(context, node, (rule) => evaluateNode(rule, profile, context)),
} satisfies RuleTable<Evaluator>;

/** Evaluates one node with the table. @internal */
export function evaluateNode(node: Rule, profile: unknown, context: EvaluationContext): Truth {
  const evaluator = ownHandler(evaluators, node, context.functionName);
  return (evaluator as (node: Rule, profile: unknown, context: EvaluationContext) => Truth)(node, profile, context);
}

/** Builds the evaluation context shared by `evaluate` and `explain`. @internal */
export function evaluationContext(functionName: string, rule: Rule, options: EvaluateOptions, keys: Readonly<Record<string, true>>): EvaluationContext {
  // No options at all is a missing clock.
  if (typeof options !== "object" || options === null) throw new TypeError(`${functionName} requires asOf to be a valid Date`);
  assertKnownOptions(functionName, options, keys, eventsWording);
  checkExpansion(functionName, rule, options.segments);
  return {
    functionName,
    asOf: resolveAsOf(options.asOf, functionName),
    segments: options.segments,
    events: options.events,
    active: [],
    root: rule,
    entry: undefined,
  };
}

