import { isZodSchema } from "./isZodSchema.js";
import * as z from "zod/mini";
import type { Issue } from "../../_lib/errors.js";
import { assertIterable } from "../../_lib/arguments.js";
import { parseContext } from "./messages.js";
import { parseRow } from "./parseRow.js";

/**
 * One rejected input row: its index in the input, the first problem (path, code, message) and all of
 * them. `path` is the field path inside the row.
 */
export interface RowRejection {
  /** Zero-based position of the row in the input. */
  readonly index: number;
  /** The field path of the first problem, e.g. `["geography", "country"]`. */
  readonly path: ReadonlyArray<string | number>;
  /** The zod issue code of the first problem, e.g. `"invalid_type"`. */
  readonly code: string;
  /** The message of the first problem. */
  readonly message: string;
  /** Every problem found in the row. */
  readonly issues: ReadonlyArray<Issue>;
  /** What reading or validating the row threw (code `row_error`: a getter, a refinement or transform), for the host's logs. */
  readonly error?: unknown;
}

/** What `parseProfiles`, `parseTransactions` and `parseEvents` return. */
export interface ParseRowsResult<Row> {
  /** Every valid row, parsed, in input order. */
  readonly valid: Row[];
  /** The input index of each valid row (`validIndexes[i]` is where `valid[i]` came from). */
  readonly validIndexes: number[];
  /** One entry per invalid row, in input order. */
  readonly rejected: RowRejection[];
  /** `input === valid + rejected`, always. */
  readonly counts: { readonly input: number; readonly valid: number; readonly rejected: number };
}

/**
 * Validates rows one by one with a zod schema, keeping every valid row and reporting every invalid one.
 * Each row is validated by `parseRow`: through its own-property snapshot, so inherited properties
 * are never read, and a non-plain object where the schema expects an object rejects the row. O(n).
 */
export function parseRows<Schema extends z.core.$ZodType>(functionName: string, rows: Iterable<unknown>, schema: Schema): ParseRowsResult<z.output<Schema>> {
  assertIterable(functionName, "rows", rows);
  if (!isZodSchema(schema)) throw new TypeError(`${functionName} requires schema to be a zod schema`);
  const context = parseContext();
  const valid: Array<z.output<Schema>> = [];
  const validIndexes: number[] = [];
  const rejected: RowRejection[] = [];
  let index = 0;
  for (const row of rows) {
    const result = parseRow(functionName, schema, row, context);
    if (result.success) {
      valid.push(result.data);
      validIndexes.push(index);
    } else {
      rejected.push(toRejection(index, result));
    }
    index++;
  }
  return { valid, validIndexes, rejected, counts: { input: index, valid: valid.length, rejected: rejected.length } };
}

/** Turns the failed parse of one row into a {@link RowRejection}, keeping what threw, if anything. */
export function toRejection(index: number, failure: { readonly issues: ReadonlyArray<Issue>; readonly error?: unknown }): RowRejection {
  const { issues } = failure;
  const first = issues[0] ?? { code: "invalid_row", path: [], message: "Invalid row" };
  const rejection = { index, path: first.path, code: first.code, message: first.message, issues };
  return "error" in failure ? { ...rejection, error: failure.error } : rejection;
}
