import { isZodSchema } from "./_lib/isZodSchema.js";
import * as z from "zod/mini";
import { assertIterable, assertRecord } from "../_lib/arguments.js";
import { CustomerProfile } from "./CustomerProfile.js";
import { isPlainObject, maximumSnapshotDepth, ownSnapshot, readingSchema, startsWithPath, type OwnSnapshot } from "./_lib/ownSnapshot.js";
import { schemaLeaves, type SchemaLeaf } from "./_lib/schemaLeaves.js";

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

type FieldState = "valid" | "missing" | "invalid";

interface LeafCheck extends SchemaLeaf {
  /** Index of the leaf's group (the object that holds it) in the report's group list. */
  readonly group: number;
  /** Whether the leaf's schema accepts `null`. */
  readonly acceptsNull: boolean;
  /** Whether the leaf's schema accepts an absent value (it is optional). */
  readonly acceptsUndefined: boolean;
}

/** An object that holds leaves: the row (no keys) or a nested group. */
interface GroupCheck {
  readonly keys: ReadonlyArray<string>;
  /** Whether the schema of each key on the way accepts `null`. */
  readonly levelAcceptsNull: ReadonlyArray<boolean>;
  /** Whether the schema of each key on the way accepts an absent value. */
  readonly levelAcceptsUndefined: ReadonlyArray<boolean>;
}

/** A group of one row: the (snapshot) object that holds its leaves, or the state of all its leaves. */
type GroupValue = Readonly<Record<string, unknown>> | "missing" | "invalid";

function groupValue(row: unknown, group: GroupCheck): GroupValue {
  let current: unknown = row;
  for (let level = 0; level <= group.keys.length; level++) {
    if (level > 0 && current === undefined) return group.levelAcceptsUndefined[level - 1] ? "missing" : "invalid";
    if (level > 0 && current === null) return group.levelAcceptsNull[level - 1] ? "missing" : "invalid";
    // The row, or a group, is present but not an object (the snapshot made every plain object a null-prototype copy).
    if (!isPlainObject(current)) return "invalid";
    if (level === group.keys.length) return current;
    const key = group.keys[level]!;
    current = Object.hasOwn(current, key) ? current[key] : undefined;
  }
  return "invalid";
}

/** The state of one leaf field in one row's snapshot, given its group's value in that row. */
function fieldState(snapshot: OwnSnapshot, leaf: LeafCheck, group: GroupValue): FieldState {
  // A value the snapshot refused (a Map or a class instance where an object belongs) is invalid, and so is everything under it.
  for (const issue of snapshot.issues) {
    if (startsWithPath(leaf.keys, issue.path) || startsWithPath(issue.path, leaf.keys)) return "invalid";
  }
  // A schema that is not an object: its one leaf is the row itself.
  const key = leaf.keys[leaf.keys.length - 1];
  if (key !== undefined && typeof group === "string") return group;
  const value = key === undefined ? snapshot.value : Object.hasOwn(group as object, key) ? (group as Record<string, unknown>)[key] : undefined;
  // Absent or null is missing where the schema allows it, and invalid where the field is required.
  if (value === undefined) return leaf.acceptsUndefined ? "missing" : "invalid";
  if (value === null) return leaf.acceptsNull ? "missing" : "invalid";
  return z.safeParse(leaf.schema, value).success ? "valid" : "invalid";
}

/** Adds to `found` the dot paths of keys that `schema` does not know (keys of objects inside arrays without indexes). */
function collectUnknown(value: unknown, schema: z.core.$ZodType, prefix: string, found: Set<string>, depth: number): void {
  const reading = depth > maximumSnapshotDepth ? undefined : readingSchema(schema);
  if (reading === undefined) return;
  const definition = reading._zod.def as {
    type: string;
    shape?: Readonly<Record<string, z.core.$ZodType>>;
    catchall?: z.core.$ZodType;
    element?: z.core.$ZodType;
  };
  if (definition.type === "object" && definition.shape !== undefined && isPlainObject(value)) {
    // Keys a catchall schema accepts (z.looseObject) are kept by parsing: they are not unknown.
    const known = definition.catchall !== undefined && (definition.catchall._zod.def as { type: string }).type !== "never";
    for (const key of Object.keys(value)) {
      const field = prefix === "" ? key : `${prefix}.${key}`;
      if (Object.hasOwn(definition.shape, key)) collectUnknown(value[key], definition.shape[key]!, field, found, depth + 1);
      else if (!known) found.add(field);
    }
  } else if (definition.type === "array" && definition.element !== undefined && Array.isArray(value)) {
    for (const element of value as unknown[]) collectUnknown(element, definition.element, prefix, found, depth + 1);
  }
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
 * @category Schema
 */
export function dataQualityReport(rows: Iterable<unknown>, options: DataQualityReportOptions = {}): DataQualityReport {
  assertRecord("dataQualityReport", "options", options);
  const schema = options.schema ?? CustomerProfile;
  if (!isZodSchema(schema)) throw new TypeError("dataQualityReport requires schema to be a zod schema");
  const groups: GroupCheck[] = [];
  const groupIndexes = new Map<string, number>();
  const leaves: LeafCheck[] = schemaLeaves(schema).map((leaf) => {
    const groupKeys = leaf.keys.slice(0, -1);
    const name = groupKeys.join("\u0000");
    let group = groupIndexes.get(name);
    if (group === undefined) {
      group = groups.length;
      const levels = leaf.levels.slice(0, -1);
      groups.push({
        keys: groupKeys,
        levelAcceptsNull: levels.map((level) => z.safeParse(level, null).success),
        levelAcceptsUndefined: levels.map((level) => z.safeParse(level, undefined).success),
      });
      groupIndexes.set(name, group);
    }
    return { ...leaf, group, acceptsNull: z.safeParse(leaf.schema, null).success, acceptsUndefined: z.safeParse(leaf.schema, undefined).success };
  });
  const topLevel = (name: string): boolean => leaves.some((leaf) => leaf.keys.length === 1 && leaf.keys[0] === name);
  const idField = options.idField === undefined ? (topLevel("id") ? "id" : null) : options.idField;
  if (idField !== null && (typeof idField !== "string" || !topLevel(idField))) {
    throw new RangeError(`dataQualityReport requires idField to name a top-level field of the schema: ${JSON.stringify(String(idField))} is not one`);
  }
  const groupValues: GroupValue[] = new Array<GroupValue>(groups.length);
  const valid = new Float64Array(leaves.length);
  const missing = new Float64Array(leaves.length);
  const invalid = new Float64Array(leaves.length);
  const idIndexes = new Map<string, number[]>();
  const unknown = new Map<string, number>();
  const unknownInRow = new Set<string>();
  let rowCount = 0;
  let validRows = 0;

  assertIterable("dataQualityReport", "rows", rows);
  const states = new Array<FieldState>(leaves.length);
  for (const row of rows) {
    // Every count below reads this one snapshot, so validRows and the field counts agree. A row that
    // throws while read or validated (a getter, a Proxy trap, zod out of stack on a huge array) is
    // invalid in every field; it never stops the report.
    let snapshot: OwnSnapshot | undefined;
    let rowValid = false;
    try {
      snapshot = ownSnapshot(row, schema);
      rowValid = snapshot.issues.length === 0 && z.safeParse(schema, snapshot.value).success;
      for (let group = 0; group < groups.length; group++) groupValues[group] = groupValue(snapshot.value, groups[group]!);
      for (let leaf = 0; leaf < leaves.length; leaf++) states[leaf] = fieldState(snapshot, leaves[leaf]!, groupValues[leaves[leaf]!.group]!);
    } catch {
      snapshot = undefined;
      rowValid = false;
      states.fill("invalid");
    }
    if (rowValid) validRows++;
    for (let leaf = 0; leaf < leaves.length; leaf++) {
      const state = states[leaf];
      if (state === "valid") valid[leaf]!++;
      else if (state === "missing") missing[leaf]!++;
      else invalid[leaf]!++;
    }
    if (snapshot !== undefined && idField !== null && isPlainObject(snapshot.value) && Object.hasOwn(snapshot.value, idField)) {
      const id = snapshot.value[idField];
      if (typeof id === "string" || typeof id === "number") {
        const key = String(id);
        const indexes = idIndexes.get(key);
        if (indexes) indexes.push(rowCount);
        else idIndexes.set(key, [rowCount]);
      }
    }
    unknownInRow.clear();
    if (snapshot !== undefined) collectUnknown(snapshot.value, schema, "", unknownInRow, 0);
    for (const field of unknownInRow) unknown.set(field, (unknown.get(field) ?? 0) + 1);
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
    idField,
    duplicateIds: [...idIndexes].filter(([, indexes]) => indexes.length > 1).map(([id, indexes]) => ({ id, indexes })),
    unknownFields: [...unknown].map(([field, count]) => ({ field, rows: count })),
  };
}
