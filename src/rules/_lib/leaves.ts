/**
 * The leaf semantics shared by every in-memory interpreter (`evaluate`, `compileRule`, `explain`):
 * one definition of each comparison, so the interpreters cannot drift apart.
 */
import type { ComparisonOp, RuleScalar, Truth } from "../ast.js";
import { dateTimeValue, instantOf } from "../../_lib/instant.js";

/** Kleene conjunction of two truths. */
export function kleeneAnd(left: Truth, right: Truth): Truth {
  if (left === false || right === false) return false;
  if (left === null || right === null) return null;
  return true;
}

/** Kleene disjunction of two truths. */
export function kleeneOr(left: Truth, right: Truth): Truth {
  if (left === true || right === true) return true;
  if (left === null || right === null) return null;
  return false;
}

/** Kleene negation. */
export function kleeneNot(value: Truth): Truth {
  return value === null ? null : !value;
}

/**
 * Reads a dot path through own properties of objects other than arrays (class instances and typed
 * arrays included). Never descends into arrays, strings or other primitives; `undefined` when a step
 * is missing.
 */
export function readPath(root: unknown, segments: ReadonlyArray<string>): unknown {
  let value = root;
  for (let index = 0; index < segments.length; index += 1) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    const key = segments[index] as string;
    if (!Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** `undefined`, `null`, `NaN` and an invalid `Date` read as missing. */
export function isPresent(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === "number") return value === value;
  if (typeof value !== "object") return true;
  // A Date (of any realm) holds a time value; plain objects and arrays are never Dates (no brand check).
  const prototype = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null || Array.isArray(value)) return true;
  const time = dateTimeValue(value);
  // Not a Date: present, unless it only inherits from Date.prototype (a Date without a time value).
  if (time === undefined) return !(value instanceof Date);
  return time === time;
}

export { instantOf } from "../../_lib/instant.js";

/** `eq` / `ne` / `lt` / ... : same-typed values only; anything else is UNKNOWN. */
export function compareScalar(op: ComparisonOp, actual: unknown, expected: RuleScalar): Truth {
  const type = typeof actual;
  if (type !== typeof expected || (type === "number" && actual !== actual)) return null;
  if (op === "eq") return actual === expected;
  if (op === "ne") return actual !== expected;
  if (type === "boolean") return null;
  const a = actual as number | string;
  const b = expected as number | string;
  switch (op) {
    case "lt":
      return a < b;
    case "lte":
      return a <= b;
    case "gt":
      return a > b;
    default:
      return a >= b;
  }
}

/** `between`: `min <= actual <= max` when `actual` has the bounds' type, else UNKNOWN. */
export function compareBetween(actual: unknown, min: number | string, max: number | string): Truth {
  if (typeof actual !== typeof min || (typeof actual === "number" && actual !== actual)) return null;
  const a = actual as number | string;
  return min <= a && a <= max;
}

/** `actual = expected` with SQL-style UNKNOWN for missing values and type mismatches. */
function equalsTruth(actual: unknown, expected: RuleScalar): Truth {
  if (typeof actual !== typeof expected || (typeof actual === "number" && actual !== actual)) return null;
  return actual === expected;
}

/**
 * `in`: the Kleene OR of `actual = v` over the list, so a list item of another type than the value
 * gives UNKNOWN unless another item matches. The empty list is FALSE for every profile (missing
 * value included): the documented constant that the SQL compiler emits for `IN ()`.
 */
export function membershipIn(actual: unknown, values: ReadonlyArray<RuleScalar>): Truth {
  if (values.length === 0) return false;
  if (!isPresent(actual)) return null;
  let result: Truth = false;
  for (let index = 0; index < values.length; index += 1) {
    const truth = equalsTruth(actual, values[index] as RuleScalar);
    if (truth === true) return true;
    if (truth === null) result = null;
  }
  return result;
}

/** `notIn`: UNKNOWN for a missing value (also with an empty list), else NOT `in`. */
export function membershipNotIn(actual: unknown, values: ReadonlyArray<RuleScalar>): Truth {
  if (!isPresent(actual)) return null;
  return kleeneNot(membershipIn(actual, values));
}

/**
 * The one case folding of `caseInsensitive`, applied to both sides: `String.prototype.toLowerCase`
 * (locale-independent) code point by code point. Its only context-sensitive mapping, the word-final
 * capital sigma (Σ to ς), is replaced by the plain σ that PostgreSQL (libc) and DuckDB give, so the SQL
 * compiler's `lower()` agrees character for character; the compiler maps Σ to σ itself before
 * `lower()`, since ICU's `lower()` is context-sensitive too.
 */
export function foldCase(text: string): string {
  return text.includes("Σ") ? text.replaceAll("Σ", "σ").toLowerCase() : text.toLowerCase();
}

/** `contains` / `startsWith` / `endsWith` on a string value; anything else is UNKNOWN. `needle` is already folded when `caseInsensitive`. */
export function textTest(op: "contains" | "startsWith" | "endsWith", actual: unknown, needle: string, caseInsensitive: boolean): Truth {
  if (typeof actual !== "string") return null;
  const haystack = caseInsensitive ? foldCase(actual) : actual;
  if (op === "contains") return haystack.includes(needle);
  if (op === "startsWith") return haystack.startsWith(needle);
  return haystack.endsWith(needle);
}

/** A literal list prepared for the array tests: hashed when long, with its one type when it has one. */
export interface ListIndex {
  readonly values: ReadonlyArray<RuleScalar>;
  /** For lists longer than `scanLimit`: the position of each value (its first); shorter lists are scanned. */
  readonly positions: ReadonlyMap<unknown, number> | undefined;
  /** For `hasAll` on long lists: the round in which each position was last matched, reused by every evaluation. */
  readonly marks: { round: number; readonly stamps: Uint32Array } | undefined;
  /** The `typeof` shared by every value; `undefined` for an empty or mixed list. */
  readonly type: string | undefined;
}

/** Lists up to this length are scanned with `===`, which beats a hash lookup; longer ones are hashed. */
const scanLimit = 8;

/** The index of a literal list: `compileRule` builds it once per node, the interpreters once per evaluation. O(values). */
export function listIndex(values: ReadonlyArray<RuleScalar>): ListIndex {
  let type: string | undefined = values.length === 0 ? undefined : typeof values[0];
  for (let index = 1; index < values.length && type !== undefined; index += 1) if (typeof values[index] !== type) type = undefined;
  if (values.length <= scanLimit) return { values, positions: undefined, marks: undefined, type };
  const positions = new Map<unknown, number>();
  for (let index = values.length - 1; index >= 0; index -= 1) positions.set(values[index], index);
  return { values, positions, marks: { round: 0, stamps: new Uint32Array(values.length) }, type };
}

/**
 * Whether a list holds `value`, which must not be NaN (`===`, so 0 and -0 are equal and types never
 * mix): the list's `positions` when it has them, else a scan of its `values`. Compiled rules capture
 * the two fields and call this through a local binding (see `compileRule.ts`).
 */
export function listHas(values: ReadonlyArray<RuleScalar>, positions: ReadonlyMap<unknown, number> | undefined, value: unknown): boolean {
  if (positions !== undefined) return positions.has(value);
  for (let index = 0; index < values.length; index += 1) if (values[index] === value) return true;
  return false;
}

/**
 * `hasAny`: the Kleene OR over the values of SQL `v = ANY(array)`, in one pass over the array. TRUE
 * when an element equals a value; else UNKNOWN when an element is null, NaN or of a type that some
 * value does not share (then that value's `= ANY` is UNKNOWN); else FALSE. UNKNOWN when the field
 * is not an array; the empty list is FALSE. O(elements + values).
 */
export function arrayHasAny(actual: unknown, list: ListIndex): Truth {
  if (!Array.isArray(actual)) return null;
  if (list.values.length === 0) return false;
  let unknown = false;
  for (let index = 0; index < actual.length; index += 1) {
    const element: unknown = actual[index];
    if (element === element && listHas(list.values, list.positions, element)) return true;
    // In a mixed list some value always has another type than the element.
    if (element !== element || typeof element !== list.type) unknown = true;
  }
  return unknown ? null : false;
}

/**
 * `hasAll`: the Kleene AND over the values of SQL `v = ANY(array)`. A value is TRUE when an element
 * equals it; else UNKNOWN when an element is NaN or of another type than the value (null included);
 * else FALSE, which decides. UNKNOWN when the field is not an array; the empty list is TRUE.
 * O(elements + values) for long lists (matches are stamped in the list's marks, so nothing is
 * allocated); short lists are looked up in the array, O(elements × values) with values ≤ 8.
 */
export function arrayHasAll(actual: unknown, list: ListIndex): Truth {
  if (!Array.isArray(actual)) return null;
  const values = list.values;
  if (values.length === 0) return true;
  const { positions, marks } = list;
  let round = 0;
  if (marks !== undefined) {
    if (marks.round === 0xffffffff) {
      marks.stamps.fill(0);
      marks.round = 0;
    }
    round = ++marks.round;
  }
  // What the elements hold apart from matches: a NaN, and which types (a bit per `typeof`).
  let hasNaN = false;
  let types = 0;
  for (let index = 0; index < actual.length; index += 1) {
    const element: unknown = actual[index];
    if (element !== element) hasNaN = true;
    types |= typeBit(typeof element);
    if (marks !== undefined) {
      const position = (positions as ReadonlyMap<unknown, number>).get(element);
      if (position !== undefined) marks.stamps[position] = round;
    }
  }
  let result: Truth = true;
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index] as RuleScalar;
    const found = value === value && (marks !== undefined ? marks.stamps[(positions as ReadonlyMap<unknown, number>).get(value) as number] === round : holds(actual, value));
    if (found) continue;
    if (hasNaN || (types & ~typeBit(typeof value)) !== 0) result = null;
    else return false;
  }
  return result;
}

/** `value` is an element (`===`), read by index: the array's own `includes` is never called. */
function holds(array: ReadonlyArray<unknown>, value: unknown): boolean {
  for (let index = 0; index < array.length; index += 1) if (array[index] === value) return true;
  return false;
}

const typeBits: Readonly<Record<string, number>> = { string: 1, number: 2, boolean: 4, undefined: 8, object: 16, bigint: 32, symbol: 64, function: 128 };

function typeBit(type: string): number {
  return typeBits[type] as number;
}

/** `hasNone`: NOT `hasAny`. */
export function arrayHasNone(actual: unknown, list: ListIndex): Truth {
  return kleeneNot(arrayHasAny(actual, list));
}

/** `lower <= t <= upper` on a `Date` value; UNKNOWN for anything that is not a valid `Date`. */
export function instantWithin(actual: unknown, lower: number, upper: number): Truth {
  const time = instantOf(actual);
  if (time !== time) return null;
  return lower <= time && time <= upper;
}

/** `t < bound` (before) or `t > bound` (after) on a `Date` value; UNKNOWN for anything else. */
export function instantBound(op: "before" | "after", actual: unknown, bound: number): Truth {
  const time = instantOf(actual);
  if (time !== time) return null;
  return op === "before" ? time < bound : time > bound;
}

/** An event as the evaluators read it. */
export interface RuleEvent {
  readonly type: string;
  readonly timestamp: Date;
  readonly properties?: Readonly<Record<string, unknown>> | undefined;
}

/** Bounds check of an aggregate, inclusive at both ends. */
export function withinBounds(value: number, gte: number | undefined, lte: number | undefined): boolean {
  return (gte === undefined || value >= gte) && (lte === undefined || value <= lte);
}

const noProperties: Readonly<Record<string, unknown>> = /* @__PURE__ */ Object.freeze({});

/** The event keys, read with `readPath` (own properties only, like every profile read). */
const typeKey: ReadonlyArray<string> = ["type"];
const timestampKey: ReadonlyArray<string> = ["timestamp"];
const propertiesKey: ReadonlyArray<string> = ["properties"];

/** The properties object an event's `where` reads (`{}` when absent); own properties only, like every read. */
export function eventProperties(event: RuleEvent): Readonly<Record<string, unknown>> {
  const properties = readPath(event, propertiesKey);
  return typeof properties === "object" && properties !== null ? (properties as Readonly<Record<string, unknown>>) : noProperties;
}

/** The result of reducing a customer's events for one `event` node. */
export interface EventAggregate {
  count: number;
  sum: number;
}

/**
 * Extract → filter → window → reduce: counts the events of `type` with `lower <= t <= upper`
 * whose `where` is TRUE, and sums the finite numbers found at `sumPath` in their properties
 * (other values ignored; an empty sum is 0). Adds left to right in the events' order, as SQL `SUM`
 * does in scan order, so in-memory and SQL sums agree to the last bit when the rows come in the
 * same order (a compensated sum is more accurate but differs from every database's `SUM` at a
 * bound: 0.1 + 0.2 + 0.3 is 0.6000000000000001 in both). An overflow is `Infinity`, as in DuckDB.
 * Writes into `into`, allocation free.
 */
export function aggregateEvents(
  events: ReadonlyArray<RuleEvent>,
  type: string,
  lower: number,
  upper: number,
  where: ((properties: Readonly<Record<string, unknown>>) => Truth) | undefined,
  sumPath: ReadonlyArray<string> | undefined,
  into: EventAggregate,
): EventAggregate {
  let count = 0;
  let sum = 0;
  for (let index = 0; index < events.length; index += 1) {
    const event = events[index] as RuleEvent;
    if (readPath(event, typeKey) !== type) continue;
    const time = instantOf(readPath(event, timestampKey));
    if (!(lower <= time && time <= upper)) continue;
    if (where !== undefined && where(eventProperties(event)) !== true) continue;
    count += 1;
    if (sumPath !== undefined) {
      const value = readPath(eventProperties(event), sumPath);
      if (typeof value === "number" && Number.isFinite(value)) sum += value;
    }
  }
  into.count = count;
  into.sum = sum;
  return into;
}
