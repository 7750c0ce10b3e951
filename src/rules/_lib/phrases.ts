import type { Duration, Rule, RuleScalar } from "../ast.js";
import { dateTimeValue } from "../../_lib/instant.js";

/** Field labels for sentences: a path → a human name (`"behavior.totalSpend"` → `"total spend"` by default). */
export type FieldLabels = Readonly<Record<string, string>>;

/** The default label of a field: its last segment, camelCase split into lower-case words. */
export function fieldLabel(field: string, labels: FieldLabels | undefined): string {
  if (labels !== undefined && Object.hasOwn(labels, field)) return labels[field] as string;
  const last = field.slice(field.lastIndexOf(".") + 1);
  return last.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
}

/** A literal as it appears in a sentence: strings quoted, numbers and booleans plain. */
export function formatLiteral(value: RuleScalar): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** A value read from a profile, for explanations (`nested`: an element of an array, where arrays are not shown). */
export function formatValue(value: unknown, nested = false): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    // An array inside an array is not shown: nesting (or a cycle) cannot make the sentence deep or long.
    if (nested) return value.length === 0 ? "[]" : "[...]";
    // Read by index: the array's own `slice` or `map` is never called.
    const shown: string[] = [];
    for (let index = 0; index < Math.min(value.length, 8); index += 1) shown.push(formatValue(Object.hasOwn(value, index) ? value[index] : undefined, true));
    return `[${shown.join(", ")}${value.length > 8 ? ", ..." : ""}]`;
  }
  const time = dateTimeValue(value);
  if (time === undefined && !(value instanceof Date)) return "an object";
  return time === undefined || Number.isNaN(time) ? "an invalid date" : new Date(time).toISOString();
}

/** A non-empty list of literals for a sentence (empty lists have phrases of their own). */
function list(values: ReadonlyArray<RuleScalar>, joiner: "or" | "and"): string {
  if (values.length === 1) return formatLiteral(values[0] as RuleScalar);
  const shown = values.slice(0, 10).map(formatLiteral);
  const rest = values.length > 10 ? `, ... (${values.length} values)` : "";
  return `${shown.slice(0, -1).join(", ")} ${joiner} ${shown[shown.length - 1] as string}${rest}`;
}

function duration(window: Duration): string {
  const unit = window.amount === 1 ? window.unit.slice(0, -1) : window.unit;
  return `${window.amount} ${unit}`;
}

/** The positive and negative predicate phrase of a leaf node ("is at least 500" / "is not at least 500"). */
export function leafPhrase(node: Exclude<Rule, { op: "and" | "or" | "not" | "always" | "never" | "event" | "inSegment" }>): { positive: string; negative: string } {
  switch (node.op) {
    case "eq":
      return { positive: `is ${formatLiteral(node.value)}`, negative: `is not ${formatLiteral(node.value)}` };
    case "ne":
      return { positive: `is not ${formatLiteral(node.value)}`, negative: `is ${formatLiteral(node.value)}` };
    case "lt":
      return { positive: `is less than ${formatLiteral(node.value)}`, negative: `is not less than ${formatLiteral(node.value)}` };
    case "lte":
      return { positive: `is at most ${formatLiteral(node.value)}`, negative: `is not at most ${formatLiteral(node.value)}` };
    case "gt":
      return { positive: `is more than ${formatLiteral(node.value)}`, negative: `is not more than ${formatLiteral(node.value)}` };
    case "gte":
      return { positive: `is at least ${formatLiteral(node.value)}`, negative: `is not at least ${formatLiteral(node.value)}` };
    case "between":
      return { positive: `is ${formatLiteral(node.min)} to ${formatLiteral(node.max)}`, negative: `is not ${formatLiteral(node.min)} to ${formatLiteral(node.max)}` };
    case "in":
      if (node.values.length === 0) return { positive: "is in an empty list", negative: "is not in an empty list" };
      return { positive: `is ${list(node.values, "or")}`, negative: `is not ${list(node.values, "or")}` };
    case "notIn":
      if (node.values.length === 0) return { positive: "is not in an empty list", negative: "is in an empty list" };
      return { positive: `is not ${list(node.values, "or")}`, negative: `is ${list(node.values, "or")}` };
    case "contains":
    case "startsWith":
    case "endsWith": {
      const verb = node.op === "contains" ? "contain" : node.op === "startsWith" ? "start with" : "end with";
      const suffix = node.caseInsensitive === true ? " (ignoring case)" : "";
      const third = node.op === "contains" ? "contains" : node.op === "startsWith" ? "starts with" : "ends with";
      return { positive: `${third} ${formatLiteral(node.value)}${suffix}`, negative: `does not ${verb} ${formatLiteral(node.value)}${suffix}` };
    }
    case "hasAny":
      if (node.values.length === 0) return { positive: "includes a value of an empty list", negative: "includes no value of an empty list" };
      return { positive: `includes ${list(node.values, "or")}`, negative: `includes none of ${list(node.values, "or")}` };
    case "hasAll":
      if (node.values.length === 0) return { positive: "includes every value of an empty list", negative: "does not include every value of an empty list" };
      return { positive: `includes ${list(node.values, "and")}`, negative: `does not include all of ${list(node.values, "and")}` };
    case "hasNone":
      if (node.values.length === 0) return { positive: "includes no value of an empty list", negative: "includes a value of an empty list" };
      return { positive: `includes none of ${list(node.values, "or")}`, negative: `includes ${list(node.values, "or")}` };
    case "exists":
      return { positive: "is known", negative: "is missing" };
    case "missing":
      return { positive: "is missing", negative: "is known" };
    case "withinLast":
      return { positive: `is within the last ${duration(node)}`, negative: `is not within the last ${duration(node)}` };
    case "before":
    case "after": {
      const bound = "date" in node ? node.date : `${duration(node)} ago`;
      return { positive: `is ${node.op} ${bound}`, negative: `is not ${node.op} ${bound}` };
    }
  }
}

/** "purchase events in the last 30 days where ..." : the subject of an event condition. */
export function eventPhrase(node: Extract<Rule, { op: "event" }>, describeWhere: (rule: Rule) => string): string {
  const parts: string[] = [];
  if (node.count === undefined && node.sum === undefined) parts.push(`had a ${JSON.stringify(node.type)} event`);
  else parts.push(`had ${JSON.stringify(node.type)} events`);
  if (node.where !== undefined) parts.push(`where ${describeWhere(node.where)}`);
  if (node.withinLast !== undefined) parts.push(`in the last ${duration(node.withinLast)}`);
  const bounds = (bounds: { gte?: number; lte?: number }): string =>
    bounds.gte !== undefined && bounds.lte !== undefined ? `${bounds.gte} to ${bounds.lte}` : bounds.gte !== undefined ? `at least ${bounds.gte}` : `at most ${bounds.lte as number}`;
  if (node.count !== undefined) parts.push(`${bounds(node.count)} times`);
  if (node.sum !== undefined) parts.push(`with ${fieldLabel(node.sum.property, undefined)} summing to ${bounds(node.sum)}`);
  return parts.join(" ");
}
