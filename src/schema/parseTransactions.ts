import type * as z from "zod/mini";
import { Transaction } from "./Transaction.js";
import { parseRows, type ParseRowsResult } from "./_lib/parseRows.js";

/**
 * Validates raw transaction rows and keeps every valid one; see `parseProfiles` for the contract.
 *
 * @param rows - any iterable of unknown values.
 * @param schema - the transaction schema; defaults to `Transaction`.
 * @returns valid rows (with `timestamp` as `Date`), their input indexes, rejections and counts.
 * @example
 * const result = parseTransactions([
 *   { customerId: "c1", orderId: "o1", timestamp: "1997-01-01T00:00:00Z", amount: 11.77 },
 *   { customerId: "c1", orderId: "o2", timestamp: "1997-01-12T00:00:00Z", amount: "12.00" },
 * ]);
 * result.counts //=> { input: 2, valid: 1, rejected: 1 }
 * result.rejected[0].path //=> ["amount"]
 * result.rejected[0].code //=> "invalid_type"
 * @throws `TypeError` `parseTransactions requires rows to be iterable`, `parseTransactions requires schema to be a zod schema`.
 * @throws `TypeError` `parseTransactions requires a schema without async refinements or transforms: zod cannot run them while parsing synchronously`, at the first row that reaches one (no row could pass such a schema).
 * @category Schema
 */
export function parseTransactions<Schema extends z.core.$ZodType = typeof Transaction>(
  rows: Iterable<unknown>,
  schema?: Schema,
): ParseRowsResult<z.output<Schema>> {
  return parseRows("parseTransactions", rows, (schema ?? Transaction) as Schema);
}
