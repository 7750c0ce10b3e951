/**
 * Reading a zod 4 profile schema (classic or mini) through its `_zod.def`: the possible kinds of the
 * value at a dot path. Shared by `checkRule` and the importers' `schema` option.
 */
import { splitPath } from "../../_lib/fieldPaths.js";

/** Any zod 4 schema (classic or mini): only its `_zod.def` is read. */
export interface ZodSchemaLike {
  readonly _zod: { readonly def: unknown };
}

export type Kind = "string" | "number" | "boolean" | "date" | "array" | "object" | "null" | "unknown";

interface Definition {
  readonly type?: string;
  readonly innerType?: ZodSchemaLike;
  readonly in?: ZodSchemaLike;
  readonly out?: ZodSchemaLike;
  readonly getter?: () => ZodSchemaLike;
  readonly options?: ReadonlyArray<ZodSchemaLike>;
  readonly shape?: Readonly<Record<string, ZodSchemaLike>>;
  readonly valueType?: ZodSchemaLike;
  readonly catchall?: ZodSchemaLike;
  readonly element?: ZodSchemaLike;
  readonly entries?: Readonly<Record<string, string | number>>;
  readonly values?: ReadonlyArray<unknown>;
}

const wrappers = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional", "success"]);

export function definition(schema: ZodSchemaLike): Definition {
  const def = schema._zod.def;
  return typeof def === "object" && def !== null ? (def as Definition) : {};
}

/** Unwraps optional/nullable/default/pipe/lazy and flattens unions into the possible terminal schemas. */
export function terminals(schema: ZodSchemaLike, depth = 0): ZodSchemaLike[] {
  if (depth > 64) return [];
  const def = definition(schema);
  const type = def.type ?? "unknown";
  if (wrappers.has(type) && def.innerType !== undefined) return terminals(def.innerType, depth + 1);
  if (type === "lazy" && def.getter !== undefined) return terminals(def.getter(), depth + 1);
  if (type === "pipe" && def.out !== undefined && def.in !== undefined) {
    // A transform's output type is not visible: treat it as unknown (see `kinds`).
    return definition(def.out).type === "transform" ? [def.out] : terminals(def.out, depth + 1);
  }
  if (type === "union" && def.options !== undefined) return def.options.flatMap((option) => terminals(option, depth + 1));
  return [schema];
}

/** The kind of a literal value. */
function valueKind(value: unknown): Kind {
  if (value === null || value === undefined) return "null";
  const type = typeof value;
  return type === "string" || type === "number" || type === "boolean" ? type : "unknown";
}

/** An enum's values, as zod reads them: a numeric TypeScript enum's reverse mappings (`"1": "Active"`) are not values. */
function enumValues(entries: Readonly<Record<string, string | number>>): ReadonlyArray<string | number> {
  const numbers = Object.values(entries).filter((value) => typeof value === "number");
  return Object.entries(entries)
    .filter(([key]) => !numbers.includes(Number(key)))
    .map(([, value]) => value);
}

function kindsOf(schema: ZodSchemaLike): { kinds: ReadonlyArray<Kind>; literals?: ReadonlyArray<unknown> } {
  const def = definition(schema);
  switch (def.type) {
    case "string":
    case "template_literal":
      return { kinds: ["string"] };
    case "number":
      return { kinds: ["number"] };
    case "boolean":
      return { kinds: ["boolean"] };
    case "date":
      return { kinds: ["date"] };
    case "array":
      return { kinds: ["array"] };
    case "object":
    case "record":
      return { kinds: ["object"] };
    case "null":
    case "undefined":
      return { kinds: ["null"] };
    case "enum": {
      const values = enumValues(def.entries ?? {});
      return { kinds: values.map(valueKind), literals: values };
    }
    case "literal": {
      const values = def.values ?? [];
      return { kinds: values.map(valueKind), literals: values };
    }
    default:
      return { kinds: ["unknown"] };
  }
}

/** The field's possible kinds; a transform's unknown output is dropped when other members are known. */
export interface FieldType {
  readonly kinds: ReadonlySet<Kind>;
  /** Allowed literal values when every scalar member is an enum or literal. */
  readonly literals: ReadonlyArray<unknown> | undefined;
  readonly schemas: ReadonlyArray<ZodSchemaLike>;
}

export function fieldType(schemas: ReadonlyArray<ZodSchemaLike>): FieldType {
  const kinds = new Set<Kind>();
  let literals: unknown[] | undefined = [];
  for (const schema of schemas) {
    const { kinds: memberKinds, literals: values } = kindsOf(schema);
    for (const kind of memberKinds) kinds.add(kind);
    if (memberKinds.some((kind) => kind === "string" || kind === "number" || kind === "boolean")) {
      if (values === undefined) literals = undefined;
      else literals?.push(...values);
    }
  }
  kinds.delete("null");
  if (kinds.size > 1) kinds.delete("unknown");
  return { kinds, literals: literals !== undefined && literals.length > 0 ? literals : undefined, schemas };
}

/** Resolves a dot path in a schema: the terminal schemas there, or `undefined` when no member has the path. */
function resolve(schema: ZodSchemaLike, segments: ReadonlyArray<string>): ZodSchemaLike[] | undefined {
  let current = terminals(schema);
  for (const segment of segments) {
    const next: ZodSchemaLike[] = [];
    for (const member of current) {
      const def = definition(member);
      if (def.type === "object" && def.shape !== undefined && Object.hasOwn(def.shape, segment)) next.push(...terminals(def.shape[segment] as ZodSchemaLike));
      // Keys outside the shape: a loose object's (catch-all `unknown`) or a `catchall(schema)`'s; a strict object's `never` has none.
      else if (def.type === "object" && def.catchall !== undefined && definition(def.catchall).type !== "never") next.push(...terminals(def.catchall));
      else if (def.type === "record" && def.valueType !== undefined) next.push(...terminals(def.valueType));
      else if (kindsOf(member).kinds.includes("unknown") && def.type !== "transform") return [member];
    }
    if (next.length === 0) return undefined;
    current = next;
  }
  return current;
}

/** The type of the value at the dot path `field`, or `undefined` when no member of the schema has the path. */
export function fieldTypeAt(schema: ZodSchemaLike, field: string): FieldType | undefined {
  const resolved = resolve(schema, splitPath(field));
  return resolved === undefined ? undefined : fieldType(resolved);
}

/** Whether a field of this type holds only `kind` (besides null and missing). */
export function holdsOnly(type: FieldType | undefined, kind: Kind): boolean {
  return type !== undefined && type.kinds.size === 1 && type.kinds.has(kind);
}

/** Whether `value` looks like a zod 4 schema: an object with an object `_zod.def`. */
export function isZodSchemaLike(value: unknown): value is ZodSchemaLike {
  if (typeof value !== "object" || value === null || !Object.hasOwn(value, "_zod")) return false;
  const internals = (value as { _zod: unknown })._zod;
  return typeof internals === "object" && internals !== null && typeof (internals as { def?: unknown }).def === "object";
}
