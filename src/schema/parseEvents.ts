import type * as z from "zod/mini";
import { CustomerEvent } from "./CustomerEvent.js";
import { parseRows, type ParseRowsResult } from "./_lib/parseRows.js";

/**
 * Validates raw behavioral events and keeps every valid one; see `parseProfiles` for the contract.
 *
 * @param rows - any iterable of unknown values.
 * @param schema - the event schema; defaults to `CustomerEvent`.
 * @returns valid events (with `timestamp` as `Date`), their input indexes, rejections and counts.
 * @example
 * const result = parseEvents([{ customerId: "c1", type: "email_open", timestamp: "2024-05-01T08:00:00Z" }, { customerId: "c1", type: "", timestamp: "2024-05-01T08:00:00Z" }]);
 * result.counts //=> { input: 2, valid: 1, rejected: 1 }
 * result.rejected[0].path //=> ["type"]
 * @throws `TypeError` `parseEvents requires rows to be iterable`, `parseEvents requires schema to be a zod schema`.
 * @throws `TypeError` `parseEvents requires a schema without async refinements or transforms: zod cannot run them while parsing synchronously`, at the first row that reaches one (no row could pass such a schema).
 * @category Schema
 */
export function parseEvents<Schema extends z.core.$ZodType = typeof CustomerEvent>(
  rows: Iterable<unknown>,
  schema?: Schema,
): ParseRowsResult<z.output<Schema>> {
  return parseRows("parseEvents", rows, (schema ?? CustomerEvent) as Schema);
}
