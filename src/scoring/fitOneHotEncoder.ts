import { SegmentationError } from "../_lib/errors.js";
import type { Issue } from "../_lib/errors.js";
import { readPath } from "./_lib/path.js";

/**
 * Options of {@link fitOneHotEncoder}.
 * @category Feature preparation
 */
export interface FitOneHotEncoderOptions {
  /** Dotted paths of the categorical features. A string, number or boolean is one category; an array of them (interests, channels) sets several columns. */
  readonly features: ReadonlyArray<string>;
  /** A category not seen when fitting: `"error"` (default) or `"ignore"` (all its columns 0). */
  readonly handleUnknown?: "error" | "ignore";
  /** A missing value (`undefined` / `null`): `"error"` (default) or `"category"` (its own column, named `feature=(missing)`). */
  readonly missing?: "error" | "category";
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
  toJSON(): { format: "segmentkit.oneHotEncoder"; version: 1; features: string[]; categories: Record<string, string[]>; handleUnknown: "error" | "ignore"; missing: "error" | "category" };
}

const missingCategory = "(missing)";

/**
 * Learns the categories of categorical features and encodes records as 0/1 indicator columns.
 *
 * @remarks
 * Like scikit-learn's `OneHotEncoder`: categories are sorted (as strings), one column each; array
 * values (multi-label fields such as `psychographics.interests`) set one column per element.
 * Values are read through own properties only. O(n * d).
 * @param records - the records to learn categories from.
 * @param options - see {@link FitOneHotEncoderOptions}.
 * @returns The fitted {@link OneHotEncoder}.
 * @throws `SegmentationError` `fitOneHotEncoder found N issues` (`missing_value`, `invalid_value`);
 * `transform` throws `SegmentationError` `transform found N issues` (`unknown_category`, ...).
 * @example
 * const encoder = fitOneHotEncoder([{ channel: "email" }, { channel: "sms" }, { channel: "email" }], { features: ["channel"] });
 * encoder.featureNames //=> ["channel=email", "channel=sms"]
 * encoder.transform([{ channel: "sms" }]) //=> [[0, 1]]
 * @category Feature preparation
 */
export function fitOneHotEncoder(records: ReadonlyArray<unknown>, options: FitOneHotEncoderOptions): OneHotEncoder {
  const handleUnknown = options.handleUnknown ?? "error";
  const missing = options.missing ?? "error";
  const features = [...options.features];
  const issues: Issue[] = [];
  const seen = features.map(() => new Set<string>());
  records.forEach((record, row) => {
    features.forEach((feature, column) => {
      for (const value of categoriesOf(record, feature, row, missing, issues)) seen[column]?.add(value);
    });
  });
  if (issues.length > 0) throw new SegmentationError(`fitOneHotEncoder found ${issues.length} issue${issues.length === 1 ? "" : "s"}`, issues);
  const categories: Record<string, string[]> = {};
  features.forEach((feature, column) => {
    const values = [...(seen[column] as Set<string>)].filter((value) => value !== missingCategory).sort();
    if (seen[column]?.has(missingCategory)) values.push(missingCategory);
    categories[feature] = values;
  });
  return createEncoder(features, categories, handleUnknown, missing);
}

function categoriesOf(record: unknown, feature: string, row: number, missing: "error" | "category", issues: Issue[]): string[] {
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
    if (typeof entry === "string" || typeof entry === "boolean" || (typeof entry === "number" && Number.isFinite(entry))) result.push(String(entry));
    else issues.push({ code: "invalid_value", path: Array.isArray(value) ? [row, ...path, index] : [row, ...path], message: `${feature} must be a string, number or boolean` });
  });
  return result;
}

function createEncoder(
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
      const issues: Issue[] = [];
      const rows = records.map((record, row) => {
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
      if (issues.length > 0) throw new SegmentationError(`transform found ${issues.length} issue${issues.length === 1 ? "" : "s"}`, issues);
      return rows;
    },
    toJSON() {
      return { format: "segmentkit.oneHotEncoder", version: 1, features: [...features], categories: structuredClone(categories), handleUnknown, missing };
    },
  };
}
