import { assertIterable } from "../_lib/arguments.js";
import { beforeReading, forEachRow } from "../_lib/rowSources.js";
import { createQualityReporter } from "./_lib/qualityReporter.js";
import type { DataQualityReport, DataQualityReportOptions } from "./dataQualityReport.js";

/**
 * `dataQualityReport` over an async source (ETL): a file read with `readJsonLines` or
 * `readDelimited`, a database cursor, a message queue.
 *
 * @remarks Same code as `dataQualityReport`: the same counts, duplicate ids and unknown fields, and
 * the same O(rows × fields) time. The rows are read once and never held: memory grows only with the
 * rows that carry an id (one index each, for duplicate detection; pass `idField: null` to skip it)
 * and the distinct unknown keys. The
 * rows of a sync iterable are taken as they are, never awaited (a `Promise` among them is refused),
 * and a refused call closes the source.
 *
 * @param rows - an async iterable (or a plain iterable) of raw rows.
 * @param options - the schema (default `CustomerProfile`) and the id field, as for `dataQualityReport`.
 * @returns a promise of the report.
 * @throws the errors of `dataQualityReport`, naming `dataQualityReportAsync`, as a rejected promise:
 *   `TypeError` `dataQualityReportAsync requires rows to be iterable or async iterable`,
 *   `dataQualityReportAsync requires options to be an object`, `dataQualityReportAsync requires schema to be a zod schema`;
 *   `RangeError` `dataQualityReportAsync requires idField to name a top-level field of the schema: "<name>" is not one`;
 *   `TypeError` `dataQualityReportAsync requires a schema without async refinements or transforms: zod cannot run them while parsing synchronously`.
 * @throws `TypeError` `dataQualityReportAsync takes the rows of a sync iterable as they are, and row <i> is a Promise: pass an async iterable to have them awaited`.
 * @example
 * async function* rows() {
 *   yield { customerId: "c1", orderId: "o1", timestamp: "2024-01-01T00:00:00Z", amount: 12.5 };
 *   yield { customerId: "c1", orderId: "o1", timestamp: "2024-01-05", amount: 7.5 };
 * }
 * const report = await dataQualityReportAsync(rows(), { schema: Transaction, idField: "orderId" });
 * [report.validRows, report.invalidRows] //=> [1, 1]
 * report.fields.find((field) => field.field === "timestamp").invalid //=> 1
 * report.duplicateIds //=> [{ id: "o1", indexes: [0, 1] }]
 * @category Schema
 */
export async function dataQualityReportAsync(
  rows: AsyncIterable<unknown> | Iterable<unknown>,
  options: DataQualityReportOptions = {},
): Promise<DataQualityReport> {
  const reporter = await beforeReading(rows, () => createQualityReporter("dataQualityReportAsync", options));
  assertIterable("dataQualityReportAsync", "rows", rows, true);
  await forEachRow("dataQualityReportAsync", rows, (row) => reporter.add(row));
  return reporter.finish();
}
