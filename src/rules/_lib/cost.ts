/**
 * A static cost estimate of evaluating a node, used by `compileRule` to evaluate the cheap children
 * of `and` / `or` first (a scalar comparison before an array scan, an event scan or a segment).
 * Kleene `and` and `or` are commutative, so the order changes only how much work a profile costs,
 * never its result. Units are rough "property reads"; only their order matters.
 */
import type { Rule, RuleTable } from "../ast.js";
import { ownHandler } from "./interpreter.js";

/** What a cost estimate needs besides the node. */
export interface CostContext {
  readonly functionName: string;
  /** The cost of a named segment's rule (callers memoise it). */
  readonly segmentCost: (segment: string) => number;
  /** Costs of the composite nodes computed so far, so that sorting every level of a deep rule stays linear. */
  readonly known: WeakMap<object, number>;
}

type Coster = (node: never, context: CostContext) => number;

/** Extra cost of each path segment after the first. */
function pathCost(field: string): number {
  let dots = 0;
  for (let index = 0; index < field.length; index += 1) if (field.charCodeAt(index) === 46) dots += 1;
  return dots * 0.5;
}

function listCost(nodes: ReadonlyArray<Rule>, context: CostContext): number {
  let total = 0;
  for (const node of nodes) total += ruleCost(node, context);
  return total;
}

const costs = {
  and: (node, context) => listCost(node.rules, context),
  or: (node, context) => listCost(node.rules, context),
  not: (node, context) => ruleCost(node.rule, context),
  always: () => 0,
  never: () => 0,
  eq: (node) => 1 + pathCost(node.field),
  ne: (node) => 1 + pathCost(node.field),
  lt: (node) => 1 + pathCost(node.field),
  lte: (node) => 1 + pathCost(node.field),
  gt: (node) => 1 + pathCost(node.field),
  gte: (node) => 1 + pathCost(node.field),
  between: (node) => 1 + pathCost(node.field),
  exists: (node) => 1 + pathCost(node.field),
  missing: (node) => 1 + pathCost(node.field),
  in: (node) => 1 + pathCost(node.field),
  notIn: (node) => 1 + pathCost(node.field),
  withinLast: (node) => 1 + pathCost(node.field),
  before: (node) => 1 + pathCost(node.field),
  after: (node) => 1 + pathCost(node.field),
  contains: (node) => (node.caseInsensitive === true ? 8 : 3) + pathCost(node.field),
  startsWith: (node) => (node.caseInsensitive === true ? 8 : 3) + pathCost(node.field),
  endsWith: (node) => (node.caseInsensitive === true ? 8 : 3) + pathCost(node.field),
  // An array field is a second object to load and a loop over its elements.
  hasAny: (node) => 4 + pathCost(node.field),
  hasAll: (node) => 4 + pathCost(node.field),
  hasNone: (node) => 4 + pathCost(node.field),
  // A callback, a scan over the profile's events and the `where` rule for each of them.
  event: (node, context) => 20 + (node.where === undefined ? 0 : 4 * ruleCost(node.where, context)),
  inSegment: (node, context) => context.segmentCost(node.segment),
} satisfies RuleTable<Coster>;

/** The estimated cost of evaluating `node` for one profile (all children visited); composite nodes are memoised. */
export function ruleCost(node: Rule, context: CostContext): number {
  const known = context.known.get(node);
  if (known !== undefined) return known;
  const cost = (ownHandler(costs, node, context.functionName) as (node: Rule, context: CostContext) => number)(node, context);
  if (node.op === "and" || node.op === "or" || node.op === "not" || node.op === "event") context.known.set(node, cost);
  return cost;
}
