import * as z from "zod/mini";
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
 * @param shape - zod schemas of the new fields.
 * @returns The extended schema; use `z.infer<typeof schema>` for its type.
 * @example
 * import { z } from "zod";
 * const ShopProfile = extendProfileSchema({ loyaltyCard: z.string().nullish(), storeVisits: z.number().int().nonnegative().nullish() });
 * const profile = ShopProfile.parse({ id: "c1", storeVisits: 4 });
 * profile.storeVisits //=> 4
 * @category Schema
 */
export function extendProfileSchema<Shape extends z.core.$ZodShape>(shape: Shape) {
  return z.extend(CustomerProfile, shape);
}
