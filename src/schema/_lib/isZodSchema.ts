import type * as z from "zod/mini";

/** Whether a value is a zod 4 schema (classic or mini): an object carrying its own `_zod`. */
export function isZodSchema(value: unknown): value is z.core.$ZodType {
  return typeof value === "object" && value !== null && Object.hasOwn(value, "_zod");
}
