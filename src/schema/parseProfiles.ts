import type * as z from "zod/mini";
import { CustomerProfile } from "./CustomerProfile.js";
import { parseRows, type ParseRowsResult } from "./_lib/parseRows.js";

/**
 * Validates raw profile rows (JSON records, database rows) and keeps every valid one.
 *
 * @remarks
 * Each row is checked with the schema (`CustomerProfile` unless given, e.g. one made by
 * `extendProfileSchema`). Nothing is lost: every invalid row comes back in `rejected` with its index,
 * the field path, the zod issue code and a message, and `counts.input === counts.valid + counts.rejected`.
 * Duplicate ids are not rejected here; `dataQualityReport` lists them.
 *
 * Only a row's own enumerable properties are read, never inherited ones (a polluted
 * `Object.prototype`, a class getter, a template given to `Object.create`): each row is validated
 * through an own-property snapshot. Where the schema expects an object (the row, a group, a record),
 * a plain object (prototype `Object.prototype` or `null`) is required; a `Map`, a `Date`, a class
 * instance or an object with another prototype rejects the row with code `invalid_type` and the
 * message `Invalid input: expected a plain object, received …` at that path, and nesting deeper than
 * 64 levels rejects it with code `too_big`. An own key `__proto__` in a record, or in an object
 * that keeps unknown keys (a catchall, `looseObject`), rejects the row with code `custom` at that key:
 * zod would drop it unseen. Parsed rows are ordinary objects. Messages are zod's
 * English ones, passed to each parse; zod's global configuration is never changed, and when the host
 * app configured messages of its own (`z.config({ localeError })` or `customError`), zod uses those.
 * O(n) in the number of rows.
 *
 * @param rows - any iterable of unknown values.
 * @param schema - the profile schema; defaults to `CustomerProfile`.
 * @returns valid rows (parsed), their input indexes, rejections and counts.
 * @example
 * const result = parseProfiles([{ id: "c1" }, { id: "c2", demographics: { age: -4 } }, { name: "no id" }]);
 * result.counts //=> { input: 3, valid: 1, rejected: 2 }
 * result.rejected[0].index //=> 1
 * result.rejected[0].path //=> ["demographics", "age"]
 * result.rejected[1].path //=> ["id"]
 * @example
 * // Inherited properties are never read, and a Map is not a group.
 * const tricky = parseProfiles([Object.create({ id: "ghost" }), { id: "c3", demographics: new Map([["age", 40]]) }]);
 * tricky.counts //=> { input: 2, valid: 0, rejected: 2 }
 * tricky.rejected[1].path //=> ["demographics"]
 * tricky.rejected[1].message //=> "Invalid input: expected a plain object, received Map"
 * @throws `TypeError` `parseProfiles requires rows to be iterable`, `parseProfiles requires schema to be a zod schema`.
 * @throws `TypeError` `parseProfiles requires a schema without async refinements or transforms: zod cannot run them while parsing synchronously`, at the first row that reaches one (no row could pass such a schema).
 * @category Schema
 */
export function parseProfiles<Schema extends z.core.$ZodType = typeof CustomerProfile>(
  rows: Iterable<unknown>,
  schema?: Schema,
): ParseRowsResult<z.output<Schema>> {
  return parseRows("parseProfiles", rows, (schema ?? CustomerProfile) as Schema);
}
