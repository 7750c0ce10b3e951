import * as z from "zod/mini";
import { ensureMessages } from "./_lib/messages.js";
import { CustomerProfile } from "./CustomerProfile.js";
import { objectShape, schemaLeaves } from "./_lib/schemaLeaves.js";

/** Quality of one field across all rows. */
export interface FieldQuality {
  /** Dot path of the field, e.g. `geography.country`. */
  readonly field: string;
  /** Rows with a value that the field's schema accepts. */
  readonly valid: number;
  /** Rows where the field is absent or `null` (including rows whose whole group is absent). */
  readonly missing: number;
  /** Rows with a value that the field's schema rejects. */
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
  /** Identifiers used by more than one row, with the indexes of those rows. */
  readonly duplicateIds: Array<{ readonly id: string; readonly indexes: number[] }>;
  /** Keys present in rows but unknown to the schema (they would be stripped by parsing), with counts. */
  readonly unknownFields: Array<{ readonly field: string; readonly rows: number }>;
}

/** Options of {@link dataQualityReport}. */
export interface DataQualityReportOptions {
  /** The row schema; defaults to `CustomerProfile`. */
  readonly schema?: z.core.$ZodType;
  /** The key that identifies a row, for duplicate detection; defaults to `"id"` (use `null` to skip). */
  readonly idField?: string | null;
}

function ownValue(row: unknown, keys: ReadonlyArray<string>): unknown {
  let current: unknown = row;
  for (const key of keys) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/**
 * Measures how complete and how valid raw rows are, field by field, before any segmentation.
 *
 * @remarks
 * The seeds name data quality as the first challenge of segmentation, so this report is honest: for
 * every leaf field of the schema it counts rows where the value is valid, missing (absent or null) or
 * invalid (present but rejected by the field's schema), lists identifiers used more than once, and
 * lists keys the schema does not know (parsing would drop them). Only own properties are read. Rates
 * are `null` for an empty input, never 0. O(rows × fields).
 *
 * @param rows - raw rows (anything iterable).
 * @param options - the schema (default `CustomerProfile`) and the id field (default `"id"`).
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
 * @category Schema
 */
export function dataQualityReport(rows: Iterable<unknown>, options: DataQualityReportOptions = {}): DataQualityReport {
  ensureMessages();
  const schema = options.schema ?? CustomerProfile;
  const idField = options.idField === undefined ? "id" : options.idField;
  const leaves = schemaLeaves(schema);
  const valid = new Float64Array(leaves.length);
  const missing = new Float64Array(leaves.length);
  const invalid = new Float64Array(leaves.length);
  const idIndexes = new Map<string, number[]>();
  const unknown = new Map<string, number>();
  let rowCount = 0;
  let validRows = 0;

  const collectUnknown = (value: unknown, currentSchema: z.core.$ZodType, prefix: string) => {
    const shape = objectShape(currentSchema);
    if (shape === undefined || value === null || typeof value !== "object" || Array.isArray(value)) return;
    for (const key of Object.keys(value)) {
      const field = prefix === "" ? key : `${prefix}.${key}`;
      if (!Object.hasOwn(shape, key)) unknown.set(field, (unknown.get(field) ?? 0) + 1);
      else collectUnknown((value as Record<string, unknown>)[key], shape[key] as z.core.$ZodType, field);
    }
  };

  for (const row of rows) {
    if (z.safeParse(schema, row).success) validRows++;
    for (let leaf = 0; leaf < leaves.length; leaf++) {
      const { keys, schema: fieldSchema } = leaves[leaf]!;
      const value = ownValue(row, keys);
      if (value === undefined || value === null) missing[leaf]!++;
      else if (z.safeParse(fieldSchema, value).success) valid[leaf]!++;
      else invalid[leaf]!++;
    }
    if (idField !== null) {
      const id = ownValue(row, [idField]);
      if (typeof id === "string" || typeof id === "number") {
        const key = String(id);
        const indexes = idIndexes.get(key);
        if (indexes) indexes.push(rowCount);
        else idIndexes.set(key, [rowCount]);
      }
    }
    collectUnknown(row, schema, "");
    rowCount++;
  }

  const rate = (value: number) => (rowCount === 0 ? null : value / rowCount);
  return {
    rows: rowCount,
    validRows,
    invalidRows: rowCount - validRows,
    fields: leaves.map((leaf, index) => ({
      field: leaf.path,
      valid: valid[index]!,
      missing: missing[index]!,
      invalid: invalid[index]!,
      missingRate: rate(missing[index]!),
      invalidRate: rate(invalid[index]!),
    })),
    duplicateIds: [...idIndexes].filter(([, indexes]) => indexes.length > 1).map(([id, indexes]) => ({ id, indexes })),
    unknownFields: [...unknown].map(([field, count]) => ({ field, rows: count })),
  };
}
