import type { Rule, RuleTable } from "../ast.js";
import { subtractDuration, timeBound } from "./time.js";

/**
 * What a rule that skipped `parseRule` can hold wrong in one node's literals, checked before any
 * profile is read so that the errors do not depend on the data (an event's `where` is otherwise
 * evaluated only for events that match). A problem with a literal is the returned message (an
 * `invalid_type` issue); a malformed time window or date throws the interpreters' `TypeError`
 * (`subtractDuration`, `timeBound`). The node's `op`, `field`, `rules` and `values` containers are
 * checked by the caller. A table keyed by op: a new op is a type error until it says what it needs.
 * @internal
 */
export const nodeShapeProblems = {
  and: () => undefined,
  or: () => undefined,
  not: () => undefined,
  always: () => undefined,
  never: () => undefined,
  eq: (node) => scalarProblem(node, "value", node.value),
  ne: (node) => scalarProblem(node, "value", node.value),
  lt: (node) => scalarProblem(node, "value", node.value),
  lte: (node) => scalarProblem(node, "value", node.value),
  gt: (node) => scalarProblem(node, "value", node.value),
  gte: (node) => scalarProblem(node, "value", node.value),
  between: (node) => {
    const numbers = typeof node.min === "number" && Number.isFinite(node.min) && typeof node.max === "number" && Number.isFinite(node.max);
    const strings = typeof node.min === "string" && typeof node.max === "string";
    return numbers || strings ? undefined : `the min and max of "between" must be both finite numbers or both strings, got ${typeName(node.min)} and ${typeName(node.max)}`;
  },
  in: (node) => listProblem(node),
  notIn: (node) => listProblem(node),
  contains: (node) => textProblem(node),
  startsWith: (node) => textProblem(node),
  endsWith: (node) => textProblem(node),
  hasAny: (node) => listProblem(node),
  hasAll: (node) => listProblem(node),
  hasNone: (node) => listProblem(node),
  exists: () => undefined,
  missing: () => undefined,
  withinLast: (node) => {
    subtractDuration(0, node.amount, node.unit);
    return undefined;
  },
  before: (node) => {
    timeBound(node, 0);
    return undefined;
  },
  after: (node) => {
    timeBound(node, 0);
    return undefined;
  },
  event: (node) => {
    if (typeof node.type !== "string") return `the type of "event" must be a string, got ${typeName(node.type)}`;
    if (node.withinLast !== undefined) {
      if (typeof node.withinLast !== "object" || node.withinLast === null) return `the withinLast of "event" must be an object, got ${typeName(node.withinLast)}`;
      subtractDuration(0, node.withinLast.amount, node.withinLast.unit);
    }
    if (node.count !== undefined) {
      const problem = boundsProblem("count", node.count);
      if (problem !== undefined) return problem;
    }
    if (node.sum !== undefined) {
      const problem = boundsProblem("sum", node.sum);
      if (problem !== undefined) return problem;
      if (typeof node.sum.property !== "string") return `the sum.property of "event" must be a string, got ${typeName(node.sum.property)}`;
    }
    return undefined;
  },
  inSegment: (node) => (typeof node.segment === "string" ? undefined : `the segment of "inSegment" must be a string, got ${typeName(node.segment)}`),
} satisfies RuleTable<(node: never) => string | undefined>;

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return typeof value;
}

// Booleans pass under `lt` and the like too, which `parseRule` refuses: such a leaf is UNKNOWN in
// `evaluate` (ordering compares numbers and strings only) and NULL in `toSql` alike, so the rule is
// well defined, only useless.
function isScalar(value: unknown): boolean {
  return typeof value === "string" || (typeof value === "number" && Number.isFinite(value)) || typeof value === "boolean";
}

function scalarProblem(node: Rule, key: string, value: unknown): string | undefined {
  if (isScalar(value)) return undefined;
  return `the ${key} of "${node.op}" must be a string, a finite number or a boolean, got ${typeName(value)}`;
}

function listProblem(node: { readonly op: string; readonly values: ReadonlyArray<unknown> }): string | undefined {
  const values = node.values;
  for (let index = 0; index < values.length; index += 1) {
    // A hole is not read (it would read Array.prototype): it is an item that is not a literal.
    const item = Object.hasOwn(values, index) ? values[index] : undefined;
    if (!isScalar(item)) return `the values of "${node.op}" must be strings, finite numbers or booleans: item ${index} is ${typeName(item)}`;
  }
  return undefined;
}

function textProblem(node: { readonly op: string; readonly value: unknown; readonly caseInsensitive?: unknown }): string | undefined {
  if (typeof node.value !== "string") return `the value of "${node.op}" must be a string, got ${typeName(node.value)}`;
  if (node.caseInsensitive !== undefined && typeof node.caseInsensitive !== "boolean") return `the caseInsensitive of "${node.op}" must be a boolean, got ${typeName(node.caseInsensitive)}`;
  return undefined;
}

function boundsProblem(key: "count" | "sum", bounds: unknown): string | undefined {
  if (typeof bounds !== "object" || bounds === null || Array.isArray(bounds)) return `the ${key} of "event" must be an object, got ${typeName(bounds)}`;
  for (const end of ["gte", "lte"] as const) {
    const value = Object.hasOwn(bounds, end) ? (bounds as Record<string, unknown>)[end] : undefined;
    if (value !== undefined && !(typeof value === "number" && Number.isFinite(value))) return `the ${key}.${end} of "event" must be a finite number, got ${typeName(value)}`;
  }
  return undefined;
}
