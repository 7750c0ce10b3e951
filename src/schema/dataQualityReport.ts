import type * as z from "zod/mini";
import { assertIterable } from "../_lib/arguments.js";
import { createQualityReporter } from "./_lib/qualityReporter.js";

/** Quality of one field across all rows. */
export interface FieldQuality {
  /** Dot path of the field, e.g. `geography.country`. */
  readonly field: string;
  /** Rows with a value that the field's schema accepts. */
  readonly valid: number;
  /**
   * Rows where the field is absent or `null` where its schema allows that, including rows whose
   * whole group is absent or `null` where the group allows it.
   */
  readonly missing: number;
  /**
   * Rows with a value that the field's schema rejects, including an absent value or a `null` that
   * a required field (such as `consent.email.granted`) does not accept, and rows whose group (or the
   * row itself) is present but not a plain object: a string, an array, a `Date`, a `Map`, a class
   * instance.
   */
  readonly invalid: number;
  /** `missing / rows`, or `null` when there are no rows. */
  readonly missingRate: number | null;
  /** `invalid / rows`, or `null` when there are no rows. */
  readonly invalidRate: number | null;
}

/** What {@link dataQualityReport} returns. */
export interface DataQualityReport {
  /** Number of input rows. */
  readonly rows: number;
  /** Rows that the whole schema accepts. */
  readonly validRows: number;
  /** Rows that the whole schema rejects; `validRows + invalidRows === rows`. */
  readonly invalidRows: number;
  /** One entry per leaf field of the schema, in declaration order. */
  readonly fields: FieldQuality[];
  /** The field whose values identify rows (option `idField`, or its default), `null` when none. */
  readonly idField: string | null;
  /**
   * Identifiers used by more than one row, with the indexes of those rows; empty when `idField` is
   * `null`. String and number ids compare as text, so `1` and `"1"` are one id: a source that mixes
   * the two types almost always means the same customer, and joins on the id would merge them.
   */
  readonly duplicateIds: Array<{ readonly id: string; readonly indexes: number[] }>;
  /**
   * Keys present in rows but unknown to the schema (parsing strips them), with the number of rows
   * where each occurs. Keys of objects inside arrays are named without the index (`items.colour`)
   * and counted once per row.
   */
  readonly unknownFields: Array<{ readonly field: string; readonly rows: number }>;
}

/** Options of {@link dataQualityReport}. */
export interface DataQualityReportOptions {
  /** The row schema; defaults to `CustomerProfile`. */
  readonly schema?: z.core.$ZodType;
  /**
   * The top-level field that identifies a row, for duplicate detection (`"orderId"` for
   * `Transaction`). Defaults to `"id"` when the schema has such a field, otherwise `null`; `null` skips
   * duplicate detection.
   */
  readonly idField?: string | null;
}

/**
 * Measures how complete and how valid raw rows are, field by field, before any segmentation.
 *
 * @remarks
 * The seeds name data quality as the first challenge of segmentation, so this report is honest: for
 * every leaf field of the schema it counts rows where the value is valid, missing (absent or `null`
 * where the field allows it) or invalid (rejected by the field's schema, including an absent value
 * or a `null` that a required field rejects, and any field of a group that is present but not a
 * plain object), lists identifiers used more than once, and lists keys the schema does not know (parsing
 * would drop them), inside arrays of objects too. Rows are read exactly as `parseProfiles` reads
 * them: through a snapshot of their own enumerable properties (inherited properties are never
 * read), where a `Map`, a `Date` or a class instance given for an object makes its fields invalid;
 * so `validRows` always equals the number of rows `parseProfiles` (or `parseTransactions`,
 * `parseEvents` with their schema) would accept, and it agrees with the field counts. Rates are
 * `null` for an empty input, never 0. A row that throws while it is read (a getter, a Proxy trap) or
 * validated is invalid in every field and does not stop the report. O(rows × fields).
 *
 * @param rows - raw rows (anything iterable).
 * @param options - the schema (default `CustomerProfile`) and the id field (default `"id"` when the
 *   schema has one; the report echoes the field used).
 * @returns per-field counts and rates, duplicate ids and unknown fields.
 * @example
 * const report = dataQualityReport([
 *   { id: "c1", geography: { country: "US" } },
 *   { id: "c1", geography: { country: "usa" } },
 *   { id: "c3", nickname: "Al" },
 * ]);
 * const country = report.fields.find((field) => field.field === "geography.country");
 * [country.valid, country.invalid, country.missing] //=> [1, 1, 1]
 * report.duplicateIds //=> [{ id: "c1", indexes: [0, 1] }]
 * report.unknownFields //=> [{ field: "nickname", rows: 1 }]
 * [report.validRows, report.invalidRows] //=> [2, 1]
 * @example
 * // A group that is not an object makes its fields invalid; an absent value or a null that a required field rejects is invalid too.
 * const consent = dataQualityReport([
 *   { id: "c1", demographics: "unknown" },
 *   { id: "c2", consent: { email: { granted: null } } },
 *   { id: "c3", consent: { email: null } },
 * ]);
 * const age = consent.fields.find((field) => field.field === "demographics.age");
 * [age.valid, age.missing, age.invalid] //=> [0, 2, 1]
 * const granted = consent.fields.find((field) => field.field === "consent.email.granted");
 * [granted.valid, granted.missing, granted.invalid] //=> [0, 2, 1]
 * @throws `TypeError` `dataQualityReport requires rows to be iterable`, `dataQualityReport requires options to be an object`,
 *   `dataQualityReport requires schema to be a zod schema`;
 *   `RangeError` `dataQualityReport requires idField to name a top-level field of the schema: "<name>" is not one`.
 * @throws `TypeError` `dataQualityReport requires a schema without async refinements or transforms: zod cannot run them while parsing synchronously`, at the first row that reaches one (no row could pass such a schema).
 * @category Schema
 */
export function dataQualityReport(rows: Iterable<unknown>, options: DataQualityReportOptions = {}): DataQualityReport {
  const reporter = createQualityReporter("dataQualityReport", options);
  assertIterable("dataQualityReport", "rows", rows);
  for (const row of rows) reporter.add(row);
  return reporter.finish();
}
