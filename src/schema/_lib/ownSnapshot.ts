/**
 * Own-property snapshots of raw rows, taken before zod sees them: zod reads declared keys with
 * `input[key]`, which would find inherited properties (a polluted `Object.prototype`, a class getter,
 * an object made with `Object.create(template)`), and it parses a `Map` or a `Date` given for a group
 * as `{}`. The row parsers and `dataQualityReport` validate the snapshot instead, so that what they
 * accept, count and return comes from the row's own enumerable properties only.
 */
import type * as z from "zod/mini";
import type { Issue } from "../../_lib/errors.js";
import { unwrapSchema } from "./schemaLeaves.js";
import { dateTimeValue } from "../../_lib/instant.js";

/** Nesting levels a snapshot follows before it reports the row as too deep. */
export const maximumSnapshotDepth = 64;

/** A snapshot of one row and the problems found while taking it. */
export interface OwnSnapshot {
  /**
   * The row as zod should see it: plain objects (where the schema expects an object or a record)
   * become null-prototype copies of their own enumerable string keys, arrays become copies of their
   * own elements, everything else is kept as it is. A value that raised an issue is left out.
   */
  readonly value: unknown;
  /**
   * Non-plain objects where the schema expects an object (code `invalid_type`), nesting deeper than
   * {@link maximumSnapshotDepth} (code `too_big`), and an own key `__proto__` where the schema keeps
   * unknown keys (a record, an object with a catchall; code `custom`), which zod would drop unseen.
   */
  readonly issues: Issue[];
}

interface Definition {
  readonly type: string;
  readonly innerType?: z.core.$ZodType;
  readonly in?: z.core.$ZodType;
  readonly out?: z.core.$ZodType;
  readonly getter?: () => z.core.$ZodType;
  readonly shape?: Readonly<Record<string, z.core.$ZodType>>;
  readonly catchall?: z.core.$ZodType;
  readonly valueType?: z.core.$ZodType;
  readonly element?: z.core.$ZodType;
  readonly items?: ReadonlyArray<z.core.$ZodType>;
  readonly rest?: z.core.$ZodType | null;
  readonly options?: ReadonlyArray<z.core.$ZodType>;
}

/**
 * The schema that first reads a value: optional/nullable/default wrappers and lazy schemas removed,
 * the input side of a pipe followed (its output side when the input side is a custom check, which
 * passes the value on unchanged). `undefined` when the chain does not end (a lazy schema that
 * returns itself).
 */
export function readingSchema(schema: z.core.$ZodType): z.core.$ZodType | undefined {
  let current = schema;
  for (let step = 0; step < maximumSnapshotDepth; step++) {
    current = unwrapSchema(current);
    const definition = current._zod.def as Definition;
    // `success` reads its input with its inner schema (and outputs a boolean).
    if (definition.type === "success" && definition.innerType !== undefined) current = definition.innerType;
    else if (definition.type === "pipe" && definition.in !== undefined && definition.out !== undefined) {
      // A custom schema (a check such as `ownRecord`'s) hands its input on unchanged: the output side reads it.
      current = (definition.in._zod.def as Definition).type === "custom" ? definition.out : definition.in;
    }
    else if (definition.type === "lazy" && definition.getter !== undefined) current = definition.getter();
    else return current;
  }
  return undefined;
}

/** `readingSchema(schema)._zod.def` per schema (`null` when the chain does not end), so that a row costs no schema walking. */
const readingDefinitions = /* @__PURE__ */ new WeakMap<z.core.$ZodType, Definition | null>();

function definitionOf(schema: z.core.$ZodType | undefined): Definition | undefined {
  if (schema === undefined) return undefined;
  let definition = readingDefinitions.get(schema);
  if (definition === undefined) {
    const reading = readingSchema(schema);
    definition = reading === undefined ? null : (reading._zod.def as Definition);
    readingDefinitions.set(schema, definition);
  }
  return definition ?? undefined;
}

/** A non-null object whose prototype is `Object.prototype` (of any realm) or `null`; not an array. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

function describe(value: object): string {
  const tag = Object.prototype.toString.call(value).slice(8, -1);
  return tag === "Object" ? "an object with a custom prototype (a class instance or Object.create)" : tag;
}

/** The options of a union that could read `value`: the one array option or the one object option, if exactly one. */
function unionOption(options: ReadonlyArray<z.core.$ZodType>, value: unknown): z.core.$ZodType | undefined {
  const wanted = Array.isArray(value) ? ["array", "tuple"] : isPlainObject(value) ? ["object", "record"] : undefined;
  if (wanted === undefined) return undefined;
  const matching = options.filter((option) => wanted.includes(definitionOf(option)?.type ?? ""));
  return matching.length === 1 ? matching[0] : undefined;
}

/**
 * Takes the own-property snapshot of `row` guided by `schema`; see {@link OwnSnapshot}. Only the
 * parts of the row that the schema reads as objects, records, arrays or tuples are copied (through
 * wrappers, pipes, lazy schemas and unions with a single object or array option); values under
 * `unknown`, `any`, custom or transform schemas are kept as they are, so zod returns them unchanged.
 * O(size of the row).
 */
export function ownSnapshot(row: unknown, schema: z.core.$ZodType): OwnSnapshot {
  const state: SnapshotState = { issues: [], path: [] };
  const value = copy(state, row, schema, 0);
  return { value, issues: state.issues };
}

interface SnapshotState {
  readonly issues: Issue[];
  /** The path of the value being copied. */
  readonly path: Array<string | number>;
}

function copy(state: SnapshotState, input: unknown, schema: z.core.$ZodType | undefined, depth: number): unknown {
  if (typeof input !== "object" || input === null) return input;
  let value: object = input;
  // A Date is copied into a fresh Date of this realm from its time value, read by Date.prototype.getTime:
  // one of another realm is a Date here too (zod's z.date() checks instanceof), a Date's own getTime
  // decides nothing (zod would call it), and an object that only inherits from Date.prototype is an
  // invalid date, reported at its field. Plain objects and arrays skip the check.
  if (!Array.isArray(value) && !isPlainObject(value)) {
    const time = dateTimeValue(value);
    if (time !== undefined) value = new Date(time);
    else if (value instanceof Date) value = new Date(Number.NaN);
  }
  const definition = definitionOf(schema);
  if (definition === undefined) return value;
  const { path, issues } = state;
  switch (definition.type) {
    case "object":
    case "record": {
      if (Array.isArray(value)) return value;
      if (!isPlainObject(value)) {
        issues.push({ code: "invalid_type", path: [...path], message: `Invalid input: expected a plain object, received ${describe(value)}` });
        return undefined;
      }
      if (depth >= maximumSnapshotDepth) return tooDeep(state);
      const result: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      const shape = definition.shape;
      // zod drops the key `__proto__` from records and from objects that keep unknown keys (a
      // catchall, `looseObject`, `strictObject`) while the row counts as valid: it is reported instead.
      const keepsUnknownKeys = definition.type === "record" || definition.catchall !== undefined;
      for (const key of Object.keys(value)) {
        if (key === "__proto__" && keepsUnknownKeys && !(shape !== undefined && Object.hasOwn(shape, key))) {
          issues.push({ code: "custom", path: [...path, key], message: 'Invalid key: "__proto__" is not allowed as a key' });
          continue;
        }
        const child =
          definition.type === "record" ? definition.valueType : shape !== undefined && Object.hasOwn(shape, key) ? shape[key] : definition.catchall;
        const own = value[key];
        if (typeof own !== "object" || own === null) {
          result[key] = own;
          continue;
        }
        path.push(key);
        const copied = copy(state, own, child, depth + 1);
        path.pop();
        if (copied !== undefined) result[key] = copied;
      }
      return result;
    }
    case "array":
    case "tuple": {
      if (!Array.isArray(value)) return value;
      if (depth >= maximumSnapshotDepth) return tooDeep(state);
      const result: unknown[] = new Array<unknown>(value.length);
      for (let index = 0; index < value.length; index++) {
        const child = definition.type === "array" ? definition.element : (definition.items?.[index] ?? definition.rest ?? undefined);
        const own: unknown = Object.hasOwn(value, index) ? value[index] : undefined;
        if (typeof own !== "object" || own === null) {
          result[index] = own;
          continue;
        }
        path.push(index);
        result[index] = copy(state, own, child, depth + 1);
        path.pop();
      }
      return result;
    }
    case "union": {
      const option = unionOption(definition.options ?? [], value);
      return option === undefined ? value : copy(state, value, option, depth);
    }
    default:
      return value;
  }
}

function tooDeep(state: SnapshotState): undefined {
  state.issues.push({ code: "too_big", path: [...state.path], message: `Too deep: expected at most ${maximumSnapshotDepth} levels of nesting` });
  return undefined;
}

/** Whether `prefix` is a prefix of `path` (or equal to it). */
export function startsWithPath(path: ReadonlyArray<PropertyKey>, prefix: ReadonlyArray<PropertyKey>): boolean {
  if (prefix.length > path.length) return false;
  for (let index = 0; index < prefix.length; index++) if (path[index] !== prefix[index]) return false;
  return true;
}
