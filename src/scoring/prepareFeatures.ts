import { assertKnownOptions } from "../_lib/pythonOptions.js";
import type { OptionKeys } from "../_lib/arguments.js";
import { ownElements } from "../_lib/ownElements.js";
import { dateTimeValue } from "../_lib/instant.js";
import { issueSummary } from "../_lib/issueSummary.js";
import { SegmentationError } from "../_lib/errors.js";
import type { Issue } from "../_lib/errors.js";
import { quantileSorted } from "../_lib/quantile.js";
import { readPath } from "./_lib/path.js";

/**
 * What to do with a missing value (`undefined`, `null` or `NaN`) of a feature.
 * `"error"`: throw listing every missing value; `"drop"`: drop the row and report it;
 * `{ impute: "mean" | "median" | "mode" }`: fill with the statistic of the present values;
 * `{ impute: number }`: fill with a constant.
 * @category Feature preparation
 */
export type MissingValuePolicy = "error" | "drop" | { readonly impute: "mean" | "median" | "mode" | number };

/**
 * Options of {@link prepareFeatures}.
 * @category Feature preparation
 */
export interface PrepareFeaturesOptions {
  /** Dotted paths of the numeric features, in column order (`"behavior.totalSpend"`). */
  readonly features: ReadonlyArray<string>;
  /** Missing-value policy for every feature, or per feature by path (others default to `"error"`). Default `"error"`. */
  readonly missing?: MissingValuePolicy | Readonly<Record<string, MissingValuePolicy>>;
}

/**
 * Result of {@link prepareFeatures}.
 * @category Feature preparation
 */
export interface PrepareFeaturesResult {
  /** One row of numbers per kept record. */
  readonly data: number[][];
  /** The feature paths, one per column. */
  readonly featureNames: string[];
  /** For each row of `data`, the index of its record in the input. */
  readonly rowIndexes: number[];
  /**
   * What the policy did: dropped rows with their missing features, and imputed counts and values per
   * feature with an impute policy (a statistic with no value to compute it from, and nothing to fill, is left out).
   */
  readonly report: {
    readonly inputRows: number;
    readonly keptRows: number;
    readonly dropped: Array<{ readonly row: number; readonly missing: string[] }>;
    readonly imputed: Record<string, { readonly count: number; readonly value: number }>;
  };
}

/**
 * Turns records (profiles, customer summaries) into a numeric matrix for clustering, applying an explicit missing-value policy.
 *
 * @remarks
 * Reads each feature by its dotted path through own properties only. A value must be a finite
 * number (a `Date` counts as its epoch milliseconds); `undefined`, `null` and `NaN` are missing and
 * handled by the policy — never silently turned into 0. Anything else (a string, an infinite number)
 * is always an error. Imputation statistics come from the present values of the input (dropped rows
 * included). A feature with no present value cannot be imputed by a statistic: that is a `no_values`
 * issue when a kept row misses it, and otherwise (no rows, or every row missing it dropped for another
 * feature) the feature is simply absent from `report.imputed`. O(n * d) (median: O(n log n)).
 * @param records - the records.
 * @param options - features and policy, see {@link PrepareFeaturesOptions}.
 * @returns The matrix, the kept row indexes and a report of dropped and imputed values.
 * @throws `SegmentationError` `prepareFeatures found N issues` with issues `missing_value` (policy
 * `"error"`), `invalid_value` (not a finite number), each with path `[row, ...featurePath]`, or
 * `no_values` (a kept row needs an imputed statistic and the feature has no value to compute it from), with path `[feature]`.
 * @throws `TypeError` `prepareFeatures requires the missing policy of <feature> to be "error", "drop" or { impute: ... }`
 * for any other policy (an unknown name, `{ impute: "avg" }`, a non-finite constant);
 * `prepareFeatures requires missing to be a policy or an object of policies by feature`,
 * `prepareFeatures requires options.features to be an array of field paths`.
 * @example
 * const prepared = prepareFeatures(
 *   [{ spend: 10, visits: 2 }, { spend: null, visits: 4 }, { spend: 30 }],
 *   { features: ["spend", "visits"], missing: { spend: { impute: "mean" }, visits: "drop" } },
 * );
 * prepared.data //=> [[10, 2], [20, 4]]
 * prepared.report.dropped //=> [{ row: 2, missing: ["visits"] }]
 * @category Feature preparation
 */
export function prepareFeatures(records: ReadonlyArray<unknown>, options: PrepareFeaturesOptions): PrepareFeaturesResult {
  if (!Array.isArray(records)) throw new TypeError("prepareFeatures requires records to be an array");
  // A hole is a record without features (missing values under the policy), never a row skipped.
  const rows = ownElements(records);
  if (typeof options !== "object" || options === null || !Array.isArray(options.features) || !options.features.every((feature) => typeof feature === "string")) {
    throw new TypeError("prepareFeatures requires options.features to be an array of field paths");
  }
  assertKnownOptions("prepareFeatures", options, { features: true, missing: true } satisfies OptionKeys<PrepareFeaturesOptions>);
  const { features } = options;
  const paths = features.map((feature) => feature.split("."));
  const missing: unknown = options.missing ?? "error";
  if (typeof missing !== "string" && (typeof missing !== "object" || missing === null || Array.isArray(missing))) {
    throw new TypeError("prepareFeatures requires missing to be a policy or an object of policies by feature");
  }
  // `{ impute: "mean" }` is one policy for every feature; `{ impute: "drop" }` or `{ impute: { impute: 0 } }`
  // is the policy of a feature named "impute": a feature's policy is "error", "drop" or an object.
  const hasImpute = typeof missing === "object" && Object.hasOwn(missing, "impute");
  const imputeValue: unknown = hasImpute ? (missing as { impute: unknown }).impute : undefined;
  const featureNamedImpute = imputeValue === "error" || imputeValue === "drop" || (typeof imputeValue === "object" && imputeValue !== null);
  const global = typeof missing === "string" || (hasImpute && !featureNamedImpute);
  // `{ impute: "mean", spend: "drop" }` would silently impute spend: one policy or a record, not both.
  if (global && typeof missing === "object" && Object.keys(missing).length > 1) {
    throw new TypeError("prepareFeatures requires missing to be a policy or an object of policies by feature");
  }
  const policyOf = (feature: string): MissingValuePolicy => {
    if (global) return missing as MissingValuePolicy;
    return Object.hasOwn(missing, feature) ? ((missing as Record<string, MissingValuePolicy>)[feature] as MissingValuePolicy) : "error";
  };
  const policies = features.map(policyOf);
  policies.forEach((policy, column) => {
    const valid =
      policy === "error" ||
      policy === "drop" ||
      (typeof policy === "object" && policy !== null && (policy.impute === "mean" || policy.impute === "median" || policy.impute === "mode" || (typeof policy.impute === "number" && Number.isFinite(policy.impute))));
    if (!valid) {
      throw new TypeError(`prepareFeatures requires the missing policy of ${features[column]} to be "error", "drop" or { impute: "mean" | "median" | "mode" | a finite number }`);
    }
  });
  const issues: Issue[] = [];
  const raw: Array<Array<number | undefined>> = rows.map((record, row) =>
    paths.map((path, column) => {
      const value = readPath(record, path);
      if (value === undefined || value === null || (typeof value === "number" && Number.isNaN(value))) {
        if (policies[column] === "error") {
          issues.push({ code: "missing_value", path: [row, ...path], message: `${features[column]} is missing` });
        }
        return undefined;
      }
      const number = dateTimeValue(value) ?? value;
      if (typeof number !== "number" || !Number.isFinite(number)) {
        issues.push({ code: "invalid_value", path: [row, ...path], message: `${features[column]} must be a finite number` });
        return undefined;
      }
      return number;
    }),
  );
  // A row missing a "drop" feature is dropped, so it needs no imputed value for the other features.
  const droppedRows = raw.map((row) => row.some((value, column) => value === undefined && policies[column] === "drop"));
  const fills: Array<number | undefined> = features.map((feature, column) => {
    const policy = policies[column] as MissingValuePolicy;
    if (typeof policy === "string") return undefined;
    if (typeof policy.impute === "number") return policy.impute;
    const present: number[] = [];
    for (const row of raw) if (row[column] !== undefined) present.push(row[column] as number);
    if (present.length === 0) {
      // Nothing to compute the statistic from: an issue only if a kept row needs the value.
      if (raw.some((row, rowIndex) => row[column] === undefined && !droppedRows[rowIndex])) {
        issues.push({ code: "no_values", path: [feature], message: `${feature} has no values to impute from` });
      }
      return undefined;
    }
    if (policy.impute === "mean") {
      const mean = present.reduce((sum, value) => sum + value, 0) / present.length;
      // A sum past the double range (values near ±1.8e308): the mean of the scaled values is finite.
      return Number.isFinite(mean) ? mean : present.reduce((sum, value) => sum + value / present.length, 0);
    }
    if (policy.impute === "median") return quantileSorted(Float64Array.from(present).sort(), 0.5);
    // Mode: the most frequent value, the smallest one on ties.
    const counts = new Map<number, number>();
    for (const value of present) counts.set(value, (counts.get(value) ?? 0) + 1);
    let best = Number.POSITIVE_INFINITY;
    let bestCount = 0;
    for (const [value, count] of counts) if (count > bestCount || (count === bestCount && value < best)) [best, bestCount] = [value, count];
    return best;
  });
  if (issues.length > 0) throw new SegmentationError(issueSummary("prepareFeatures", issues), issues);
  const data: number[][] = [];
  const rowIndexes: number[] = [];
  const dropped: Array<{ row: number; missing: string[] }> = [];
  const imputedCounts = new Array<number>(features.length).fill(0);
  raw.forEach((row, rowIndex) => {
    const missing: string[] = [];
    row.forEach((value, column) => {
      if (value === undefined && policies[column] === "drop") missing.push(features[column] as string);
    });
    if (droppedRows[rowIndex]) {
      dropped.push({ row: rowIndex, missing });
      return;
    }
    data.push(
      row.map((value, column) => {
        if (value !== undefined) return value;
        imputedCounts[column] = (imputedCounts[column] as number) + 1;
        return fills[column] as number;
      }),
    );
    rowIndexes.push(rowIndex);
  });
  const imputed: Record<string, { count: number; value: number }> = {};
  features.forEach((feature, column) => {
    if (fills[column] !== undefined) imputed[feature] = { count: imputedCounts[column] as number, value: fills[column] as number };
  });
  return { data, featureNames: [...features], rowIndexes, report: { inputRows: rows.length, keptRows: data.length, dropped, imputed } };
}
