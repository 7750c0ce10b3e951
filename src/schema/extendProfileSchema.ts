import { isZodSchema } from "./_lib/isZodSchema.js";
import * as z from "zod/mini";
import { assertRecord } from "../_lib/arguments.js";
import { pathProblem } from "../_lib/fieldPaths.js";
import { CustomerProfile } from "./CustomerProfile.js";

/**
 * Adds the host app's own traits to the customer profile schema.
 *
 * @remarks
 * Returns `z.extend(CustomerProfile, shape)` (zod/mini): a new zod object schema whose inferred type is the profile
 * plus the new fields. Field schemas may come from `zod` or `zod/mini` (both are zod 4). A key that
 * already exists is replaced, which is how a group is extended:
 * `{ behavior: z.nullish(z.extend(CustomerProfile.shape.behavior.def.innerType.def.innerType, { ... })) }`.
 * Everything downstream (rules, scoring, `parseProfiles`, `dataQualityReport`) is generic over the
 * schema, so the new fields are typed and checked everywhere.
 *
 * Field names must be usable in rule paths: no `.`, and not `__proto__`, `prototype` or `constructor`.
 *
 * @param shape - zod schemas of the new fields.
 * @returns The extended schema; use `z.infer<typeof schema>` for its type.
 * @throws `TypeError` `extendProfileSchema requires shape to be an object`,
 *   `extendProfileSchema requires the field "<name>" to be a zod 4 schema`;
 *   `RangeError` `extendProfileSchema requires field names that a rule path can read: "<name>" is not one`.
 * @example
 * import { z } from "zod";
 * const ShopProfile = extendProfileSchema({ loyaltyCard: z.string().nullish(), storeVisits: z.number().int().nonnegative().nullish() });
 * const profile = ShopProfile.parse({ id: "c1", storeVisits: 4 });
 * profile.storeVisits //=> 4
 * @category Schema
 */
export function extendProfileSchema<Shape extends z.core.$ZodShape>(shape: Shape) {
  assertRecord("extendProfileSchema", "shape", shape);
  for (const [name, schema] of Object.entries(shape)) {
    // One segment of a rule path: the rules' own path check, without dots.
    if (name.includes(".") || pathProblem(name) !== undefined) {
      throw new RangeError(`extendProfileSchema requires field names that a rule path can read: ${JSON.stringify(name)} is not one`);
    }
    if (!isZodSchema(schema)) {
      throw new TypeError(`extendProfileSchema requires the field ${JSON.stringify(name)} to be a zod 4 schema`);
    }
  }
  return z.extend(CustomerProfile, shape);
}
