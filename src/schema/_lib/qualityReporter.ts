import { isZodSchema } from "./isZodSchema.js";
import * as z from "zod/mini";
import { assertOptions } from "../../_lib/arguments.js";
import type { OptionKeys } from "../../_lib/arguments.js";
import { CustomerProfile } from "../CustomerProfile.js";
import { isPlainObject, maximumSnapshotDepth, ownSnapshot, readingSchema, startsWithPath, type OwnSnapshot } from "./ownSnapshot.js";
import { schemaLeaves, type SchemaLeaf } from "./schemaLeaves.js";
import { asyncSchemaError } from "./parseRow.js";
import type { DataQualityReport, DataQualityReportOptions } from "../dataQualityReport.js";

const optionKeys = { schema: true, idField: true } as const satisfies OptionKeys<DataQualityReportOptions>;

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


/** Runs `check` (which parses with the schema's parts); zod's error for an async check becomes the {@link asyncSchemaError}. */
function withSchemaChecks<Result>(functionName: string, check: () => Result): Result {
  try {
    return check();
  } catch (error) {
    throw asyncSchemaError(functionName, error) ?? error;
  }
}

/**
 * The one-pass core of `dataQualityReport` and `dataQualityReportAsync`: `add` each row, then
 * `finish`. Checks the options at once; its errors name `functionName`. Memory is O(fields + ids
 * + unknown keys), time O(rows × fields).
 */
export function createQualityReporter(functionName: string, options: DataQualityReportOptions) {
  assertOptions(functionName, options, optionKeys);
  const schema = options.schema ?? CustomerProfile;
  if (!isZodSchema(schema)) throw new TypeError(`${functionName} requires schema to be a zod schema`);
  const groups: GroupCheck[] = [];
  const groupIndexes = new Map<string, number>();
  const leaves: LeafCheck[] = withSchemaChecks(functionName, () => schemaLeaves(schema).map((leaf) => {
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
  }));
  const topLevel = (name: string): boolean => leaves.some((leaf) => leaf.keys.length === 1 && leaf.keys[0] === name);
  const idField = options.idField === undefined ? (topLevel("id") ? "id" : null) : options.idField;
  if (idField !== null && (typeof idField !== "string" || !topLevel(idField))) {
    throw new RangeError(`${functionName} requires idField to name a top-level field of the schema: ${JSON.stringify(String(idField))} is not one`);
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

  const states = new Array<FieldState>(leaves.length);
  return {
    add(row: unknown): void {
      // Every count below reads this one snapshot, so validRows and the field counts agree. A row that
      // throws while read or validated (a getter, a Proxy trap, zod out of stack on a huge array) is
      // invalid in every field; it never stops the report (a schema with async checks does: no row could pass it).
      let snapshot: OwnSnapshot | undefined;
      let rowValid = false;
      try {
        snapshot = ownSnapshot(row, schema);
        rowValid = snapshot.issues.length === 0 && z.safeParse(schema, snapshot.value).success;
        for (let group = 0; group < groups.length; group++) groupValues[group] = groupValue(snapshot.value, groups[group]!);
        for (let leaf = 0; leaf < leaves.length; leaf++) states[leaf] = fieldState(snapshot, leaves[leaf]!, groupValues[leaves[leaf]!.group]!);
      } catch (error) {
        const schemaError = asyncSchemaError(functionName, error);
        if (schemaError !== undefined) throw schemaError;
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
    },
    finish(): DataQualityReport {
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
    },
  };
}
