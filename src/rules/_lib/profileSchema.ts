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

/** Whether `value` looks like a zod 4 schema: an object with an object `_zod.def`. */
export function isZodSchemaLike(value: unknown): value is ZodSchemaLike {
  if (typeof value !== "object" || value === null || !Object.hasOwn(value, "_zod")) return false;
  const internals = (value as { _zod: unknown })._zod;
  if (typeof internals !== "object" || internals === null) return false;
  const def = (internals as { def?: unknown }).def;
  return typeof def === "object" && def !== null;
}

/**
 * What a field reads as when its schema cannot be followed (malformed, nested more than
 * {@link maxNesting} wrappers deep, or wider than {@link maxMembers} members): any value, which every
 * op accepts.
 */
const anything: ZodSchemaLike = { _zod: { def: { type: "unknown" } } };
/** The most distinct schemas a field may have: a recursive union followed down a long path stays this wide. */
const maxMembers = 256;
/** The most wrappers (optional, lazy, union...) followed around one schema. */
const maxNesting = 64;

/**
 * Unwraps optional/nullable/default/pipe/lazy and flattens unions into the distinct terminal schemas,
 * in order, each once: a recursive schema followed down a path does not multiply its members.
 */
export function terminals(schema: unknown): ZodSchemaLike[] {
  const found = new Set<ZodSchemaLike>();
  const seen = new Set<unknown>();
  const stack: Array<{ readonly schema: unknown; readonly depth: number }> = [{ schema, depth: 0 }];
  while (stack.length > 0) {
    const { schema: current, depth } = stack.pop() as { schema: unknown; depth: number };
    if (seen.has(current)) continue;
    seen.add(current);
    if (!isZodSchemaLike(current) || depth > maxNesting || seen.size > maxMembers * maxNesting) return [anything];
    const def = definition(current);
    const type = def.type ?? "unknown";
    const inner = (next: unknown): void => {
      stack.push({ schema: next, depth: depth + 1 });
    };
    if (wrappers.has(type) && def.innerType !== undefined) inner(def.innerType);
    // zod caches a lazy schema's inner type on `_zod.innerType`; the getter would build it again.
    else if (type === "lazy" && typeof def.getter === "function") inner((current._zod as { innerType?: unknown }).innerType ?? def.getter());
    // A transform's output type is not visible: it stays a terminal of unknown type (see `fieldType`).
    else if (type === "pipe" && def.out !== undefined && def.in !== undefined) inner(def.out);
    else if (type === "union" && Array.isArray(def.options)) for (let index = def.options.length - 1; index >= 0; index -= 1) inner(def.options[index]);
    else {
      found.add(current);
      if (found.size > maxMembers) return [anything];
    }
  }
  return [...found];
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

/** The field's possible kinds. */
export interface FieldType {
  readonly kinds: ReadonlySet<Kind>;
  /** Allowed literal values when every scalar member is an enum or literal. */
  readonly literals: ReadonlyArray<unknown> | undefined;
  readonly schemas: ReadonlyArray<ZodSchemaLike>;
}

/**
 * The kinds of a field's member schemas. A transform's output has no visible type: next to typed
 * members it is taken to be one of theirs (the pattern of "a Date, or a text parsed into a Date"),
 * alone it is of unknown type.
 */
export function fieldType(schemas: ReadonlyArray<ZodSchemaLike>): FieldType {
  const kinds = new Set<Kind>();
  let literals: unknown[] | undefined = [];
  const typed = schemas.filter((schema) => definition(schema).type !== "transform");
  for (const schema of typed.length > 0 ? typed : schemas) {
    const { kinds: memberKinds, literals: values } = kindsOf(schema);
    for (const kind of memberKinds) kinds.add(kind);
    if (memberKinds.some((kind) => kind === "string" || kind === "number" || kind === "boolean")) {
      if (values === undefined) literals = undefined;
      else literals?.push(...values);
    }
  }
  kinds.delete("null");
  return { kinds, literals: literals !== undefined && literals.length > 0 ? literals : undefined, schemas };
}

/** Resolves a dot path in a schema: the terminal schemas there, or `undefined` when no member has the path. */
function resolve(schema: ZodSchemaLike, segments: ReadonlyArray<string>): ZodSchemaLike[] | undefined {
  let current = terminals(schema);
  for (const segment of segments) {
    const next = new Set<ZodSchemaLike>();
    for (const member of current) {
      const def = definition(member);
      const shape = def.type === "object" && typeof def.shape === "object" && def.shape !== null ? def.shape : undefined;
      let below: unknown;
      if (shape !== undefined && Object.hasOwn(shape, segment)) below = shape[segment];
      // Keys outside the shape: a loose object's (catch-all `unknown`) or a `catchall(schema)`'s; a strict object's `never` has none.
      else if (def.type === "object" && def.catchall !== undefined && !(isZodSchemaLike(def.catchall) && definition(def.catchall).type === "never")) below = def.catchall;
      else if (def.type === "record" && def.valueType !== undefined) below = def.valueType;
      else if (kindsOf(member).kinds.includes("unknown") && def.type !== "transform") return [member];
      if (below === undefined) continue;
      for (const terminal of terminals(below)) next.add(terminal);
      if (next.size > maxMembers) return [anything];
    }
    if (next.size === 0) return undefined;
    current = [...next];
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
