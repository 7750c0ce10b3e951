import type { z } from "zod";
import { CustomerProfile } from "./CustomerProfile.js";

/**
 * Adds the host app's own traits to the customer profile schema.
 *
 * @remarks
 * Returns `CustomerProfile.extend(shape)`: a new zod object schema whose inferred type is the profile
 * plus the new fields. A key that already exists is replaced, which is how a group is extended:
 * `{ behavior: CustomerProfile.shape.behavior.unwrap().unwrap().extend({ ... }).nullish() }`.
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
export function extendProfileSchema<Shape extends z.ZodRawShape>(shape: Shape) {
  return CustomerProfile.extend(shape);
}
