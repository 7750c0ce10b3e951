import type * as z from "zod/mini";

/** A leaf field of an object schema: its dot path, its key path and its own schema. */
export interface SchemaLeaf {
  readonly path: string;
  readonly keys: ReadonlyArray<string>;
  readonly schema: z.core.$ZodType;
  /** The schema of each key on the way: `levels[i]` is the property schema of `keys[i]` (the last one is `schema`). */
  readonly levels: ReadonlyArray<z.core.$ZodType>;
}

const wrapperTypes = new Set(["optional", "nullable", "default", "prefault", "readonly", "catch", "nonoptional"]);

/** Removes optional/nullable/default wrappers around a schema. */
export function unwrapSchema(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema;
  for (;;) {
    const definition = current._zod.def as { type: string; innerType?: z.core.$ZodType };
    if (wrapperTypes.has(definition.type) && definition.innerType) current = definition.innerType;
    else return current;
  }
}

/** The shape of an object schema (after unwrapping), or undefined for any other schema. */
export function objectShape(schema: z.core.$ZodType): Readonly<Record<string, z.core.$ZodType>> | undefined {
  const inner = unwrapSchema(schema);
  const definition = inner._zod.def as { type: string; shape?: Record<string, z.core.$ZodType> };
  return definition.type === "object" ? definition.shape : undefined;
}

/** Every leaf (non-object) field of an object schema, depth first, in declaration order. */
export function schemaLeaves(schema: z.core.$ZodType): SchemaLeaf[] {
  const leaves: SchemaLeaf[] = [];
  const visit = (current: z.core.$ZodType, keys: string[], levels: z.core.$ZodType[]) => {
    const shape = objectShape(current);
    if (shape === undefined) {
      leaves.push({ path: keys.join("."), keys, schema: current, levels });
      return;
    }
    for (const key of Object.keys(shape)) {
      const child = shape[key] as z.core.$ZodType;
      visit(child, [...keys, key], [...levels, child]);
    }
  };
  visit(schema, [], []);
  return leaves;
}
