import { ownElements } from "../../_lib/ownElements.js";
import { issueSummary } from "../../_lib/issueSummary.js";
/**
 * The one-hot encoder that `fitOneHotEncoder` fits and `parseOneHotEncoder` restores.
 */
import { SegmentationError } from "../../_lib/errors.js";
import type { Issue } from "../../_lib/errors.js";
import { readPath } from "./path.js";

/**
 * The JSON form of a {@link OneHotEncoder} (`toJSON()`), read back by `parseOneHotEncoder`.
 * @category Feature preparation
 */
export interface OneHotEncoderJson {
  readonly format: "segmentkit.oneHotEncoder";
  readonly version: 1;
  readonly features: string[];
  readonly categories: Record<string, string[]>;
  readonly handleUnknown: "error" | "ignore";
  readonly missing: "error" | "category";
}

/**
 * A fitted one-hot encoder.
 * @category Feature preparation
 */
export interface OneHotEncoder {
  /** Sorted categories per feature (the missing category last when used). */
  readonly categories: Readonly<Record<string, ReadonlyArray<string>>>;
  /** Output column names, `feature=category`. */
  readonly featureNames: ReadonlyArray<string>;
  /** Encodes records as rows of 0/1. */
  transform(records: ReadonlyArray<unknown>): number[][];
  toJSON(): OneHotEncoderJson;
}

/** The column of a missing value under `missing: "category"`. */
export const missingCategory = "(missing)";

/** The categories of one feature of one record, as text; problems go to `issues`. */
export function categoriesOf(record: unknown, feature: string, row: number, missing: "error" | "category", issues: Issue[]): string[] {
  const path = feature.split(".");
  const value = readPath(record, path);
  if (value === undefined || value === null) {
    if (missing === "category") return [missingCategory];
    issues.push({ code: "missing_value", path: [row, ...path], message: `${feature} is missing` });
    return [];
  }
  const values = Array.isArray(value) ? (value as unknown[]) : [value];
  const result: string[] = [];
  values.forEach((entry, index) => {
    const scalar = typeof entry === "string" || typeof entry === "boolean" || (typeof entry === "number" && Number.isFinite(entry));
    // A present "(missing)" would share the column of missing values.
    const reserved = missing === "category" && entry === missingCategory;
    if (scalar && !reserved) {
      result.push(String(entry));
      return;
    }
    const message = reserved ? `${feature} holds "${missingCategory}", which names missing values when missing is "category"` : `${feature} must be a string, number or boolean`;
    issues.push({ code: "invalid_value", path: Array.isArray(value) ? [row, ...path, index] : [row, ...path], message });
  });
  return result;
}

/**
 * The first column name (`feature=category`) that two columns would share, or `undefined`: a feature
 * path or a category holding "=" can make `a` + `b=c` and `a=b` + `c` one name.
 */
export function sharedColumnName(features: ReadonlyArray<string>, categories: Readonly<Record<string, ReadonlyArray<string>>>): string | undefined {
  const names = new Set<string>();
  for (const feature of features) {
    for (const category of categories[feature] ?? []) {
      const name = `${feature}=${category}`;
      if (names.has(name)) return name;
      names.add(name);
    }
  }
  return undefined;
}

export function createOneHotEncoder(
  features: string[],
  categories: Record<string, string[]>,
  handleUnknown: "error" | "ignore",
  missing: "error" | "category",
): OneHotEncoder {
  const offsets: number[] = [];
  const featureNames: string[] = [];
  const indexes = features.map((feature) => {
    offsets.push(featureNames.length);
    const map = new Map<string, number>();
    for (const category of categories[feature] ?? []) {
      map.set(category, featureNames.length);
      featureNames.push(`${feature}=${category}`);
    }
    return map;
  });
  return {
    categories,
    featureNames,
    transform(records) {
      if (!Array.isArray(records)) throw new TypeError("transform requires records to be an array");
      const issues: Issue[] = [];
      // A hole is a record without the features, never a row left out of the matrix.
      const rows = ownElements(records).map((record, row) => {
        const encoded = new Array<number>(featureNames.length).fill(0);
        features.forEach((feature, column) => {
          for (const value of categoriesOf(record, feature, row, missing, issues)) {
            const index = indexes[column]?.get(value);
            if (index !== undefined) encoded[index] = 1;
            else if (handleUnknown === "error") {
              issues.push({ code: "unknown_category", path: [row, ...feature.split(".")], message: `${feature} has the unknown category "${value}"` });
            }
          }
        });
        return encoded;
      });
      if (issues.length > 0) throw new SegmentationError(issueSummary("oneHotEncoder.transform", issues), issues);
      return rows;
    },
    toJSON() {
      return { format: "segmentkit.oneHotEncoder", version: 1, features: [...features], categories: structuredClone(categories), handleUnknown, missing };
    },
  };
}
