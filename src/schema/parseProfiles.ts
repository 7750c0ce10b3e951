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
 * Duplicate ids are not rejected here; `dataQualityReport` lists them. O(n) in the number of rows.
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
 * @category Schema
 */
export function parseProfiles<Schema extends z.core.$ZodType = typeof CustomerProfile>(
  rows: Iterable<unknown>,
  schema?: Schema,
): ParseRowsResult<z.output<Schema>> {
  return parseRows(rows, (schema ?? CustomerProfile) as Schema);
}
