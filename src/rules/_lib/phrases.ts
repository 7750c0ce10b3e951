import type { Duration, Rule, RuleScalar } from "../ast.js";
import { dateTimeValue } from "../../_lib/instant.js";

/** Field labels for sentences: a path → a human name (`"behavior.totalSpend"` → `"total spend"` by default). */
export type FieldLabels = Readonly<Record<string, string>>;

/**
 * Characters that do not show or that reorder text: format characters (zero-width spaces, bidi
 * controls such as U+202E, tag characters), line and paragraph separators, C1 controls and
 * private-use characters. The zero-width joiner and non-joiner are kept: emoji sequences and
 * Persian or Indic words need them.
 */
const invisible = /(?![\u200c\u200d])[\p{Cf}\p{Zl}\p{Zp}\p{Co}\u007f-\u009f]/gu;

/**
 * `text` with every invisible or reordering character written as `\u` and its code: `"US\u200b"` must
 * not read like `"US"` in a preview, and a field name with U+202E must not reorder the sentence.
 */
function visible(text: string): string {
  return text.replace(invisible, (character) => {
    const code = character.codePointAt(0) as number;
    // \u and four hex digits in the first plane; \u{...} above it, as JavaScript writes them.
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** A path segment in words: camelCase and snake_case split, lower case (`totalSpend` → `total spend`). */
function words(segment: string): string {
  return segment.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase();
}

/** The label of a field: its entry in `labels`, else its last segment in words. */
export function fieldLabel(field: string, labels: FieldLabels | undefined): string {
  if (labels !== undefined && Object.hasOwn(labels, field)) return labels[field] as string;
  return visible(words(field.slice(field.lastIndexOf(".") + 1)));
}

/**
 * The labels for the sentences about one rule: `labels`, plus a longer label for every field whose
 * default would read like another field's label in the same rule. `billing.country` and
 * `shipping.country` become "billing country" and "shipping country": as many trailing segments as
 * it takes, else the path itself. Returns `labels` itself when nothing collides. The fields are
 * those of the rule's leaves, and of the rules of the segments it refers to when `segments` is given
 * (event filters read event properties, which are not profile fields). O(nodes + fields × depth).
 */
export function ruleLabels(rule: Rule, labels: FieldLabels | undefined, segments?: Readonly<Record<string, Rule>>): FieldLabels | undefined {
  const given = (field: string): boolean => labels !== undefined && Object.hasOwn(labels, field);
  const taken = new Set<string>();
  // Each field without a label, with its segments and how many of them its label uses.
  type Naming = { readonly parts: ReadonlyArray<string>; depth: number };
  const unlabelled = new Map<string, Naming>();
  const followed = new Set<string>();
  const stack: unknown[] = [rule];
  while (stack.length > 0) {
    const node = stack.pop() as Rule;
    // Callers check the rule's shape first; a malformed node only makes no label.
    if (typeof node !== "object" || node === null) continue;
    if (node.op === "and" || node.op === "or") {
      if (Array.isArray(node.rules)) for (const child of node.rules) stack.push(child);
    } else if (node.op === "not") stack.push(node.rule);
    else if (node.op === "inSegment") {
      if (segments === undefined || followed.has(node.segment) || !Object.hasOwn(segments, node.segment)) continue;
      followed.add(node.segment);
      stack.push(segments[node.segment]);
    } else if ("field" in node && typeof node.field === "string" && !unlabelled.has(node.field)) {
      if (given(node.field)) taken.add(labels?.[node.field] as string);
      else unlabelled.set(node.field, { parts: node.field.split("."), depth: 1 });
    }
  }
  // Past its last segment a field is named by its path, or, where a given label reads the same, as `the field "path"`.
  const text = (field: string, entry: Naming): string =>
    entry.depth <= entry.parts.length ? entry.parts.slice(-entry.depth).map(words).join(" ") : taken.has(field) ? `the field ${JSON.stringify(field)}` : field;
  let lengthened = false;
  for (let changed = true; changed; ) {
    changed = false;
    const byText = new Map<string, string[]>();
    for (const [field, entry] of unlabelled) {
      const key = text(field, entry);
      const group = byText.get(key);
      if (group === undefined) byText.set(key, [field]);
      else group.push(field);
    }
    for (const [key, group] of byText) {
      if (group.length === 1 && !taken.has(key)) continue;
      for (const field of group) {
        const entry = unlabelled.get(field) as Naming;
        if (entry.depth > entry.parts.length) continue;
        entry.depth += 1;
        changed = lengthened = true;
      }
    }
  }
  if (!lengthened) return labels;
  const resolved: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, labels);
  for (const [field, entry] of unlabelled) if (entry.depth > 1) resolved[field] = visible(text(field, entry));
  return resolved;
}

/** Names for segment ids in sentences: an id → a human name (`{ vip: "VIP customers" }`). */
export type SegmentNames = Readonly<Record<string, string>>;

/** A segment in a sentence: its name in `names`, else its id, quoted. */
export function segmentPhrase(id: string, names: SegmentNames | undefined): string {
  return formatLiteral(names !== undefined && Object.hasOwn(names, id) ? (names[id] as string) : id);
}

/** A literal as it appears in a sentence: strings quoted (invisible characters escaped), numbers and booleans plain. */
export function formatLiteral(value: RuleScalar): string {
  return typeof value === "string" ? visible(JSON.stringify(value)) : String(value);
}

/** A value read from a profile, for explanations (`nested`: an element of an array, where arrays are not shown). */
export function formatValue(value: unknown, nested = false): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (typeof value === "number") return Number.isNaN(value) ? "NaN" : String(value);
  if (typeof value === "string") return visible(JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value));
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) {
    // An array inside an array is not shown: nesting (or a cycle) cannot make the sentence deep or long.
    if (nested) return value.length === 0 ? "[]" : "[...]";
    // Read by index: the array's own `slice` or `map` is never called.
    const shown: string[] = [];
    for (let index = 0; index < Math.min(value.length, 8); index += 1) shown.push(formatValue(Object.hasOwn(value, index) ? value[index] : undefined, true));
    return `[${shown.join(", ")}${value.length > 8 ? ", ..." : ""}]`;
  }
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol") return "a symbol";
  if (typeof value === "function") return "a function";
  const time = dateTimeValue(value);
  if (time === undefined && !(value instanceof Date)) return "an object";
  return time === undefined || Number.isNaN(time) ? "an invalid date" : new Date(time).toISOString();
}

/** What {@link formatValue} writes in words rather than as the value itself. */
const valuesInWords: ReadonlySet<string> = /* @__PURE__ */ new Set(["missing", "a symbol", "a function", "an object", "an invalid date"]);

/**
 * The field and the value it read, as the subject of a sentence: `total spend 430`, or, for a value
 * written in words, `country (missing)`, `address (an object)`.
 */
export function valueSubject(label: string, value: unknown): string {
  const shown = formatValue(value);
  return valuesInWords.has(shown) ? `${label} (${shown})` : `${label} ${shown}`;
}

/**
 * A non-empty list of literals for a sentence: one value as it is, several in parentheses
 * (`("US", "CA")`), so that the "and" / "or" of the rule around them cannot be read into the list.
 */
function list(values: ReadonlyArray<RuleScalar>): string {
  if (values.length === 1) return formatLiteral(values[0] as RuleScalar);
  const shown = values.slice(0, 10).map(formatLiteral).join(", ");
  return `(${shown}${values.length > 10 ? `, and ${values.length - 10} more` : ""})`;
}

/** `"vip"`, or `any of ("vip", "loyalty")`. */
function anyOf(values: ReadonlyArray<RuleScalar>): string {
  return values.length === 1 ? list(values) : `any of ${list(values)}`;
}

/** `"vip"`, or `all of ("vip", "loyalty")`. */
function allOf(values: ReadonlyArray<RuleScalar>): string {
  return values.length === 1 ? list(values) : `all of ${list(values)}`;
}

/** "is one of ("US", "CA")", or "is "US"" for one value. */
function oneOf(values: ReadonlyArray<RuleScalar>): string {
  return values.length === 1 ? `is ${list(values)}` : `is one of ${list(values)}`;
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
      // "has a value": customers without one are not selected (the comparison is UNKNOWN), which "is not" hides.
      return { positive: `has a value other than ${formatLiteral(node.value)}`, negative: `is ${formatLiteral(node.value)}` };
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
      return { positive: oneOf(node.values), negative: `has a value other than ${list(node.values)}` };
    case "notIn":
      if (node.values.length === 0) return { positive: "is not in an empty list", negative: "is in an empty list" };
      return { positive: `has a value other than ${list(node.values)}`, negative: oneOf(node.values) };
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
      return { positive: `includes ${anyOf(node.values)}`, negative: `is a list without ${anyOf(node.values)}` };
    case "hasAll":
      if (node.values.length === 0) return { positive: "includes every value of an empty list", negative: "does not include every value of an empty list" };
      return { positive: `includes ${allOf(node.values)}`, negative: `does not include ${allOf(node.values)}` };
    case "hasNone":
      // "is a list": customers without the list are not selected (UNKNOWN), which "includes none" hides.
      if (node.values.length === 0) return { positive: "includes no value of an empty list", negative: "includes a value of an empty list" };
      return { positive: `is a list without ${anyOf(node.values)}`, negative: `includes ${anyOf(node.values)}` };
    case "exists":
      return { positive: "is known", negative: "is missing" };
    case "missing":
      return { positive: "is missing", negative: "is known" };
    case "withinLast":
      return { positive: `is within the last ${duration(node)}`, negative: `is not within the last ${duration(node)}` };
    case "before":
    case "after": {
      // A date without a time is its first instant, midnight UTC: "after 2024-03-01" includes most of March 1.
      const bound = "date" in node ? (node.date.length === 10 ? `the start of ${node.date} (UTC)` : node.date) : `${duration(node)} ago`;
      return { positive: `is ${node.op} ${bound}`, negative: `is not ${node.op} ${bound}` };
    }
  }
}

/** "purchase events in the last 30 days where ..." : the subject of an event condition. */
export function eventPhrase(node: Extract<Rule, { op: "event" }>, describeWhere: (rule: Rule) => string): string {
  const { count, sum } = node;
  const type = formatLiteral(node.type);
  // Counts are whole numbers: an upper bound below 1 with no lower bound above 0 means "none".
  const none = count !== undefined && count.lte !== undefined && count.lte >= 0 && count.lte < 1 && !(count.gte !== undefined && count.gte > 0);
  const parts: string[] = [none && sum === undefined ? `had no ${type} events` : count === undefined && sum === undefined ? `had a ${type} event` : `had ${type} events`];
  if (node.where !== undefined) parts.push(`where ${describeWhere(node.where)}`);
  if (node.withinLast !== undefined) parts.push(`in the last ${duration(node.withinLast)}`);
  if (count !== undefined && !(none && sum === undefined)) {
    // "(or never)" when a customer with no such events meets the count too.
    const orNever = (count.gte === undefined || count.gte <= 0) && (count.lte === undefined || count.lte >= 0);
    parts.push(`${bounds(count)} time${count.gte === 1 && count.lte === 1 ? "" : "s"}${orNever ? " (or never)" : ""}`);
  }
  if (sum !== undefined) parts.push(`with ${fieldLabel(sum.property, undefined)} summing to ${bounds(sum)}`);
  return parts.join(" ");
}

/** "exactly 2", "2 to 5", "at least 2", "at most 2". */
function bounds({ gte, lte }: { readonly gte?: number; readonly lte?: number }): string {
  if (gte !== undefined && lte !== undefined) return gte === lte ? `exactly ${gte}` : `${gte} to ${lte}`;
  return gte !== undefined ? `at least ${gte}` : `at most ${lte as number}`;
}
