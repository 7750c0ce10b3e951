import type { Rule, RuleScalar, RuleTable, Truth } from "./ast.js";
import { checkExpansion, followSegment, resolveAsOf } from "./_lib/context.js";
import {
  aggregateEvents,
  arrayHasAll,
  arrayHasAny,
  arrayHasNone,
  compareBetween,
  compareScalar,
  foldCase,
  instantBound,
  instantOf,
  instantWithin,
  isPresent,
  listHas,
  listIndex,
  membershipIn,
  membershipNotIn,
  textTest,
  withinBounds,
} from "./_lib/leaves.js";
import type { EventAggregate, RuleEvent } from "./_lib/leaves.js";
import { splitPath } from "../_lib/fieldPaths.js";
import { compileReader } from "./_lib/fieldReaders.js";
import { subtractDuration, timeBound } from "./_lib/time.js";
import { eventsOfWording, ownHandler } from "./_lib/interpreter.js";
import { ruleCost } from "./_lib/cost.js";
import { assertKnownOptions } from "../_lib/arguments.js";
import type { OptionKeys } from "../_lib/arguments.js";
import type { CostContext } from "./_lib/cost.js";

/** Options of {@link compileRule} and {@link compileRuleTruth}. */
export interface CompileRuleOptions<P = unknown> {
  /** The clock, fixed at compilation: every window and relative bound is computed once from it. */
  readonly asOf: Date;
  /** Segments that `inSegment` nodes may name, by id; compiled together with the rule. */
  readonly segments?: Readonly<Record<string, Rule>> | undefined;
  /** Returns a profile's events for `event` nodes. Required when the rule (or a segment it names) has one. */
  readonly eventsOf?: ((profile: P) => ReadonlyArray<RuleEvent>) | undefined;
}

/** The keys of {@link CompileRuleOptions}. @internal */
export const compileRuleOptionKeys = { asOf: true, segments: true, eventsOf: true } as const satisfies OptionKeys<CompileRuleOptions>;

/** A compiled rule: the three-valued result for one profile. */
export type TruthPredicate<P = unknown> = (profile: P) => Truth;

type Compiled = (profile: unknown) => Truth;

interface CompileContext {
  readonly functionName: string;
  readonly asOf: number;
  readonly segments: Readonly<Record<string, Rule>> | undefined;
  readonly eventsOf: ((profile: unknown) => ReadonlyArray<RuleEvent>) | undefined;
  readonly active: string[];
  readonly compiledSegments: Map<string, Compiled>;
  readonly compiledPolar: Map<string, Predicate>;
  readonly cost: CostContext;
  /** The rule passed to `compileRule`: issue paths point into it. */
  readonly root: Rule;
  /** The `inSegment` node of `root` that the compilation is inside, for issue paths. */
  entry: Rule | undefined;
}

type Compiler = (node: never, context: CompileContext) => Compiled;

function compileAnd(children: ReadonlyArray<Compiled>): Compiled {
  if (children.length === 0) return () => true;
  if (children.length === 1) return children[0] as Compiled;
  if (children.length === 2) {
    const [left, right] = children as [Compiled, Compiled];
    return (profile) => {
      const a = left(profile);
      if (a === false) return false;
      const b = right(profile);
      if (b === false) return false;
      return a === null || b === null ? null : true;
    };
  }
  return (profile) => {
    let result: Truth = true;
    for (let index = 0; index < children.length; index += 1) {
      const truth = (children[index] as Compiled)(profile);
      if (truth === false) return false;
      if (truth === null) result = null;
    }
    return result;
  };
}

function compileOr(children: ReadonlyArray<Compiled>): Compiled {
  if (children.length === 0) return () => false;
  if (children.length === 1) return children[0] as Compiled;
  if (children.length === 2) {
    const [left, right] = children as [Compiled, Compiled];
    return (profile) => {
      const a = left(profile);
      if (a === true) return true;
      const b = right(profile);
      if (b === true) return true;
      return a === null || b === null ? null : false;
    };
  }
  return (profile) => {
    let result: Truth = false;
    for (let index = 0; index < children.length; index += 1) {
      const truth = (children[index] as Compiled)(profile);
      if (truth === true) return true;
      if (truth === null) result = null;
    }
    return result;
  };
}

/** `in` through the list index (scanned or hashed): TRUE on a same-typed match; else UNKNOWN if the list has items of another type; else FALSE. */
function compileMembership(node: { readonly field: string; readonly values: ReadonlyArray<RuleScalar> }, negate: boolean): Compiled {
  const read = compileReader(node.field);
  const { values, positions, type } = listIndex(node.values);
  if (values.length === 0) return negate ? (profile) => (isPresent(read(profile)) ? true : null) : () => false;
  if (type === undefined) return negate ? (profile) => membershipNotIn(read(profile), values) : (profile) => membershipIn(read(profile), values);
  return (profile) => {
    const value = read(profile);
    if (typeof value !== type || value !== value) return null;
    const found = hasListed(values, positions, value);
    return negate ? !found : found;
  };
}

function compileComparison(op: "eq" | "ne" | "lt" | "lte" | "gt" | "gte", field: string, expected: RuleScalar): Compiled {
  const read = compileReader(field);
  if (typeof expected === "number") {
    switch (op) {
      case "lt":
        return (profile) => {
          const value = read(profile);
          return typeof value === "number" && value === value ? value < expected : null;
        };
      case "lte":
        return (profile) => {
          const value = read(profile);
          return typeof value === "number" && value === value ? value <= expected : null;
        };
      case "gt":
        return (profile) => {
          const value = read(profile);
          return typeof value === "number" && value === value ? value > expected : null;
        };
      case "gte":
        return (profile) => {
          const value = read(profile);
          return typeof value === "number" && value === value ? value >= expected : null;
        };
      default:
        break;
    }
  }
  return (profile) => compareScalar(op, read(profile), expected);
}

const compilers = {
  and: (node, context) => compileAnd(node.rules.map((child) => compileNode(child, context))),
  or: (node, context) => compileOr(node.rules.map((child) => compileNode(child, context))),
  not: (node, context) => {
    const child = compileNode(node.rule, context);
    return (profile) => {
      const truth = child(profile);
      return truth === null ? null : !truth;
    };
  },
  always: () => () => true,
  never: () => () => false,
  eq: (node) => compileComparison("eq", node.field, node.value),
  ne: (node) => compileComparison("ne", node.field, node.value),
  lt: (node) => compileComparison("lt", node.field, node.value),
  lte: (node) => compileComparison("lte", node.field, node.value),
  gt: (node) => compileComparison("gt", node.field, node.value),
  gte: (node) => compileComparison("gte", node.field, node.value),
  between: (node) => {
    const read = compileReader(node.field);
    const { min, max } = node;
    return (profile) => compareBetween(read(profile), min, max);
  },
  in: (node) => compileMembership(node, false),
  notIn: (node) => compileMembership(node, true),
  contains: (node) => compileText("contains", node),
  startsWith: (node) => compileText("startsWith", node),
  endsWith: (node) => compileText("endsWith", node),
  hasAny: (node) => {
    const read = compileReader(node.field);
    const list = listIndex(node.values);
    return (profile) => arrayHasAny(read(profile), list);
  },
  hasAll: (node) => {
    const read = compileReader(node.field);
    const list = listIndex(node.values);
    return (profile) => arrayHasAll(read(profile), list);
  },
  hasNone: (node) => {
    const read = compileReader(node.field);
    const list = listIndex(node.values);
    return (profile) => arrayHasNone(read(profile), list);
  },
  exists: (node) => {
    const read = compileReader(node.field);
    return (profile) => isPresent(read(profile));
  },
  missing: (node) => {
    const read = compileReader(node.field);
    return (profile) => !isPresent(read(profile));
  },
  withinLast: (node, context) => {
    const read = compileReader(node.field);
    const lower = subtractDuration(context.asOf, node.amount, node.unit);
    const upper = context.asOf;
    return (profile) => instantWithin(read(profile), lower, upper);
  },
  before: (node, context) => {
    const read = compileReader(node.field);
    const bound = timeBound(node, context.asOf);
    return (profile) => instantBound("before", read(profile), bound);
  },
  after: (node, context) => {
    const read = compileReader(node.field);
    const bound = timeBound(node, context.asOf);
    return (profile) => instantBound("after", read(profile), bound);
  },
  event: (node, context) => {
    const eventsOf = context.eventsOf;
    if (eventsOf === undefined) throw new TypeError(`${context.functionName} requires options.eventsOf to compile event rules`);
    const where = node.where === undefined ? undefined : compileNode(node.where, context);
    const lower = node.withinLast === undefined ? Number.NEGATIVE_INFINITY : subtractDuration(context.asOf, node.withinLast.amount, node.withinLast.unit);
    const upper = context.asOf;
    const sumPath = node.sum === undefined ? undefined : splitPath(node.sum.property);
    const aggregate: EventAggregate = { count: 0, sum: 0 };
    const { type, count, sum } = node;
    return (profile) => {
      const events = eventsOf(profile);
      if (!Array.isArray(events)) return null;
      aggregateEvents(events, type, lower, upper, where, sumPath, aggregate);
      if (count === undefined && sum === undefined) return aggregate.count >= 1;
      return (count === undefined || withinBounds(aggregate.count, count.gte, count.lte)) && (sum === undefined || withinBounds(aggregate.sum, sum.gte, sum.lte));
    };
  },
  inSegment: (node, context) => {
    const cached = context.compiledSegments.get(node.segment);
    if (cached !== undefined) return cached;
    return followSegment(context, node, (rule) => {
      const compiled = compileNode(rule, context);
      context.compiledSegments.set(node.segment, compiled);
      return compiled;
    });
  },
} satisfies RuleTable<Compiler>;

function compileText(op: "contains" | "startsWith" | "endsWith", node: { readonly field: string; readonly value: string; readonly caseInsensitive?: boolean }): Compiled {
  const read = compileReader(node.field);
  const caseInsensitive = node.caseInsensitive === true;
  const needle = caseInsensitive ? foldCase(node.value) : node.value;
  return (profile) => textTest(op, read(profile), needle, caseInsensitive);
}

function compileNode(node: Rule, context: CompileContext): Compiled {
  return (ownHandler(compilers, node, context.functionName) as (node: Rule, context: CompileContext) => Compiled)(node, context);
}

type Predicate = (profile: unknown) => boolean;

function every(children: ReadonlyArray<Predicate>): Predicate {
  if (children.length === 0) return () => true;
  if (children.length === 1) return children[0] as Predicate;
  if (children.length === 2) {
    const [left, right] = children as [Predicate, Predicate];
    return (profile) => left(profile) && right(profile);
  }
  if (children.length === 3) {
    const [first, second, third] = children as [Predicate, Predicate, Predicate];
    return (profile) => first(profile) && second(profile) && third(profile);
  }
  if (children.length === 4) {
    const [first, second, third, fourth] = children as [Predicate, Predicate, Predicate, Predicate];
    return (profile) => first(profile) && second(profile) && third(profile) && fourth(profile);
  }
  if (children.length === 5) {
    const [first, second, third, fourth, fifth] = children as [Predicate, Predicate, Predicate, Predicate, Predicate];
    return (profile) => first(profile) && second(profile) && third(profile) && fourth(profile) && fifth(profile);
  }
  return (profile) => {
    for (let index = 0; index < children.length; index += 1) if (!(children[index] as Predicate)(profile)) return false;
    return true;
  };
}

function some(children: ReadonlyArray<Predicate>): Predicate {
  if (children.length === 0) return () => false;
  if (children.length === 1) return children[0] as Predicate;
  if (children.length === 2) {
    const [left, right] = children as [Predicate, Predicate];
    return (profile) => left(profile) || right(profile);
  }
  return (profile) => {
    for (let index = 0; index < children.length; index += 1) if ((children[index] as Predicate)(profile)) return true;
    return false;
  };
}

/** Numeric comparisons as two-valued closures: no Truth boxing on the hottest leaves. */
function numericComparison(op: "lt" | "lte" | "gt" | "gte", field: string, expected: number, wanted: boolean): Predicate {
  const read = compileReader(field);
  // `value === value` excludes NaN, which reads as missing (UNKNOWN): neither TRUE nor FALSE.
  switch (op) {
    case "lt":
      return wanted
        ? (profile) => { const value = read(profile); return typeof value === "number" && value < expected; }
        : (profile) => { const value = read(profile); return typeof value === "number" && value === value && !(value < expected); };
    case "lte":
      return wanted
        ? (profile) => { const value = read(profile); return typeof value === "number" && value <= expected; }
        : (profile) => { const value = read(profile); return typeof value === "number" && value === value && !(value <= expected); };
    case "gt":
      return wanted
        ? (profile) => { const value = read(profile); return typeof value === "number" && value > expected; }
        : (profile) => { const value = read(profile); return typeof value === "number" && value === value && !(value > expected); };
    default:
      return wanted
        ? (profile) => { const value = read(profile); return typeof value === "number" && value >= expected; }
        : (profile) => { const value = read(profile); return typeof value === "number" && value === value && !(value >= expected); };
  }
}

// Called through a module-local binding: the closures below calling the imported `listHas` directly
// ran 20 % slower on the benchmark's R5 under tsx (an import is a live binding V8 loads on every call).
const hasListed = listHas;
const timeOf = instantOf;

/** Two-valued leaves (`eq`, `ne`, `between`, `exists`, `missing`, `withinLast`, and `in` / `notIn` / `hasAny` / `hasNone` on single-typed lists); `undefined` to fall back. */
function polarLeaf(node: Rule, context: CompileContext, wanted: boolean): Predicate | undefined {
  switch (node.op) {
    case "eq":
    case "ne": {
      const expected = node.value;
      const type = typeof expected;
      const read = compileReader(node.field);
      // TRUE(eq) = FALSE(ne) = same value (=== implies the same type); the other side also needs a known value of that type.
      return (node.op === "eq") === wanted
        ? (profile) => read(profile) === expected
        : (profile) => {
            const value = read(profile);
            return typeof value === type && value === value && value !== expected;
          };
    }
    case "between": {
      const { min, max } = node;
      const type = typeof min;
      if (typeof max !== type) return undefined;
      const read = compileReader(node.field);
      return wanted
        ? (profile) => {
            const value = read(profile) as number | string;
            return typeof value === type && min <= value && value <= max;
          }
        : (profile) => {
            const value = read(profile) as number | string;
            return typeof value === type && value === value && !(min <= value && value <= max);
          };
    }
    case "exists":
    case "missing": {
      const read = compileReader(node.field);
      return (node.op === "exists") === wanted ? (profile) => isPresent(read(profile)) : (profile) => !isPresent(read(profile));
    }
    case "in":
    case "notIn": {
      const { values, positions, type } = listIndex(node.values);
      if (type === undefined) return undefined;
      const read = compileReader(node.field);
      // in: TRUE = same type and found; FALSE = same type and not found. notIn swaps them.
      const found = node.op === "in" ? wanted : !wanted;
      return found
        ? (profile) => {
            const value = read(profile);
            return typeof value === type && value === value && hasListed(values, positions, value);
          }
        : (profile) => {
            const value = read(profile);
            return typeof value === type && value === value && !hasListed(values, positions, value);
          };
    }
    case "hasAny":
    case "hasNone": {
      const { values, positions, type } = listIndex(node.values);
      if (type === undefined) return undefined;
      const read = compileReader(node.field);
      // hasAny TRUE: some element matches. hasAny FALSE: an array whose elements are all known, same-typed and unmatched.
      const anyMatch = node.op === "hasAny" ? wanted : !wanted;
      return anyMatch
        ? (profile) => {
            const value = read(profile);
            if (!Array.isArray(value)) return false;
            for (let index = 0; index < value.length; index += 1) {
              const element: unknown = value[index];
              if (typeof element === type && element === element && hasListed(values, positions, element)) return true;
            }
            return false;
          }
        : (profile) => {
            const value = read(profile);
            if (!Array.isArray(value)) return false;
            for (let index = 0; index < value.length; index += 1) {
              const element: unknown = value[index];
              if (typeof element !== type || element !== element || hasListed(values, positions, element)) return false;
            }
            return true;
          };
    }
    case "withinLast": {
      const read = compileReader(node.field);
      const lower = subtractDuration(context.asOf, node.amount, node.unit);
      const upper = context.asOf;
      return wanted
        ? (profile) => {
            const time = timeOf(read(profile));
            return lower <= time && time <= upper;
          }
        : (profile) => {
            const time = timeOf(read(profile));
            return time === time && !(lower <= time && time <= upper);
          };
    }
    default:
      return undefined;
  }
}

/** The children in increasing estimated cost; equal costs keep the rule's order (the sort is stable). */
function cheapestFirst(rules: ReadonlyArray<Rule>, context: CompileContext): Rule[] {
  const costed = rules.map((rule) => ({ rule, cost: ruleCost(rule, context.cost) }));
  costed.sort((a, b) => a.cost - b.cost);
  return costed.map((entry) => entry.rule);
}

/**
 * Compiles "the node is TRUE" (`wanted` true) or "the node is FALSE" (`wanted` false) as a
 * two-valued closure: TRUE(and) = every child TRUE, FALSE(and) = some child FALSE, TRUE(not x) =
 * FALSE(x), and so on. Exactly Kleene logic, but `and` stops at the first child that is not TRUE.
 */
function compilePolar(node: Rule, context: CompileContext, wanted: boolean): Predicate {
  switch (node.op) {
    case "and": {
      const children = cheapestFirst(node.rules, context).map((child) => compilePolar(child, context, wanted));
      return wanted ? every(children) : some(children);
    }
    case "or": {
      const children = cheapestFirst(node.rules, context).map((child) => compilePolar(child, context, wanted));
      return wanted ? some(children) : every(children);
    }
    case "not":
      return compilePolar(node.rule, context, !wanted);
    case "always":
      return wanted ? () => true : () => false;
    case "never":
      return wanted ? () => false : () => true;
    case "lt":
    case "lte":
    case "gt":
    case "gte":
      if (typeof node.value === "number") return numericComparison(node.op, node.field, node.value, wanted);
      break;
    case "inSegment": {
      const key = `${wanted ? "+" : "-"}${node.segment}`;
      const cached = context.compiledPolar.get(key);
      if (cached !== undefined) return cached;
      return followSegment(context, node, (rule) => {
        const compiled = compilePolar(rule, context, wanted);
        context.compiledPolar.set(key, compiled);
        return compiled;
      });
    }
    default:
      break;
  }
  const leaf = polarLeaf(node, context, wanted);
  if (leaf !== undefined) return leaf;
  const truth = compileNode(node, context);
  return wanted ? (profile) => truth(profile) === true : (profile) => truth(profile) === false;
}

function compileContext<P>(functionName: string, rule: Rule, options: CompileRuleOptions<P>, keys: Readonly<Record<string, true>> | undefined): CompileContext {
  // No options at all is a missing clock.
  if (typeof options !== "object" || options === null) throw new TypeError(`${functionName} requires asOf to be a valid Date`);
  if (keys !== undefined) assertKnownOptions(functionName, options, keys, eventsOfWording);
  if (options.eventsOf !== undefined && typeof options.eventsOf !== "function") throw new TypeError(`${functionName} requires options.eventsOf to be a function`);
  checkExpansion(functionName, rule, options.segments);
  const segments = options.segments;
  const segmentCosts = new Map<string, number>();
  const cost: CostContext = {
    functionName,
    known: new WeakMap(),
    segmentCost: (segment) => {
      const known = segmentCosts.get(segment);
      if (known !== undefined) return known;
      // Unknown segments and cycles cost nothing here: compilation reports them.
      segmentCosts.set(segment, 0);
      const value = segments !== undefined && Object.hasOwn(segments, segment) ? ruleCost(segments[segment] as Rule, cost) : 0;
      segmentCosts.set(segment, value);
      return value;
    },
  };
  return {
    functionName,
    asOf: resolveAsOf(options.asOf, functionName),
    segments: options.segments,
    eventsOf: options.eventsOf as ((profile: unknown) => ReadonlyArray<RuleEvent>) | undefined,
    active: [],
    compiledSegments: new Map(),
    compiledPolar: new Map(),
    cost,
    root: rule,
    entry: undefined,
  };
}

/**
 * `compileRuleTruth` with the errors naming `functionName`; the options are checked against `keys`
 * when given (a caller whose options add to these checks them once). @internal
 */
export function compileTruth<P>(functionName: string, rule: Rule, options: CompileRuleOptions<P>, keys?: Readonly<Record<string, true>>): Compiled {
  return compileNode(rule, compileContext(functionName, rule, options, keys));
}

/**
 * Compiles a rule once into a fast predicate: `true` only when the rule is TRUE for the profile
 * (FALSE and UNKNOWN are both "not selected", as in SQL `WHERE`).
 *
 * @remarks The same semantics as {@link evaluate} (checked by property tests on random rules and
 * profiles), built from closures: no `eval`, no `new Function`, so it runs under a strict
 * Content-Security-Policy. Field paths are split, time bounds computed from `asOf`, `in` lists
 * hashed and segments resolved once, at compilation; for rules without `event` nodes or
 * case-insensitive text tests (which fold the text they read), evaluation creates no objects, arrays
 * or closures (V8 may still box a fractional number it reads, as it does in hand-written code: 0 to
 * 1.3 bytes per evaluation in the rule benchmark). `and` / `or`
 * short-circuit; the boolean predicate is compiled as "is TRUE" / "is FALSE" closures, so an `and` stops at the first child
 * that is not TRUE. The children of `and` / `or` run cheapest first (comparisons, `in` lists and
 * time tests before text tests, array scans, event conditions and segments; equal costs in the
 * written order): Kleene `and` / `or` are commutative, so the order changes the work, never the
 * result. Short literal lists are scanned, long ones hashed. Compilation is O(size of the rule and
 * the segments it names); evaluation O(nodes visited + elements of the arrays read + events read).
 * @param rule - a rule, usually from `parseRule` or the builders.
 * @param options - the clock `asOf`, `segments` for `inSegment`, and `eventsOf` for `event` nodes.
 * @returns `(profile) => boolean`.
 * @throws `TypeError` `"compileRule requires asOf to be a valid Date"`.
 * @throws `TypeError` `"compileRule requires options.eventsOf to compile event rules"`.
 * @throws `TypeError` for a rule that skipped `parseRule` and names an unknown op or holds a malformed
 * date or time window, as `evaluate`; `"compileRule requires options.eventsOf to be a function"`.
 * @throws `RuleError` with code `unknown_segment` or `segment_cycle`, at compilation; `too_deep` or
 * `too_many_nodes` when the rule, its segment references expanded, nests more than 1,000 levels or
 * exceeds 100,000 nodes, or segments refer to one another more than 100 levels deep (a rule that
 * skipped `parseRule` gets this error, never a stack overflow); `invalid_type` for a malformed node,
 * as `evaluate`.
 * @example
 * const isVip = compileRule({ op: "and", rules: [
 *   { op: "gte", field: "spend", value: 500 },
 *   { op: "notIn", field: "country", values: ["IN", "BR"] },
 * ] }, { asOf: new Date("2024-06-30T00:00:00Z") });
 * isVip({ spend: 640, country: "US" }) //=> true
 * isVip({ spend: 640 }) //=> false
 * [{ spend: 900, country: "DE" }, { spend: 10, country: "DE" }].filter(isVip).length //=> 1
 * @category Rules
 */
export function compileRule<P = unknown>(rule: Rule, options: CompileRuleOptions<P>): (profile: P) => boolean {
  return compilePredicate("compileRule", rule, options);
}

/** `compileRule` with the errors naming `functionName` (fp's `toPredicate`). @internal */
export function compilePredicate<P>(functionName: string, rule: Rule, options: CompileRuleOptions<P>): (profile: P) => boolean {
  return compilePolar(rule, compileContext(functionName, rule, options, compileRuleOptionKeys), true) as (profile: P) => boolean;
}

/**
 * Like {@link compileRule}, but the predicate returns the three-valued result (`true`, `false`, or
 * `null` for UNKNOWN), as {@link evaluate} does.
 *
 * @remarks Compiled as {@link compileRule}, without its two-valued fast paths: every node returns
 * its truth, so this predicate is slower (the benchmark rules run through `compileRule`). Evaluation
 * O(nodes visited + elements of the arrays read + events read).
 * @param rule - the rule.
 * @param options - see {@link CompileRuleOptions}.
 * @returns `(profile) => true | false | null`.
 * @throws As {@link compileRule}, with `compileRuleTruth` in the messages.
 * @example
 * const recentBuyer = compileRuleTruth({ op: "withinLast", field: "lastPurchaseAt", amount: 30, unit: "days" }, { asOf: new Date("2024-06-30T00:00:00Z") });
 * recentBuyer({ lastPurchaseAt: new Date("2024-06-01T00:00:00Z") }) //=> true
 * recentBuyer({ lastPurchaseAt: null }) //=> null
 * @category Rules
 */
export function compileRuleTruth<P = unknown>(rule: Rule, options: CompileRuleOptions<P>): TruthPredicate<P> {
  return compileTruth("compileRuleTruth", rule, options, compileRuleOptionKeys);
}
