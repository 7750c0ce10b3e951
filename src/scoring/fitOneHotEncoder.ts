import { choice } from "../_lib/arguments.js";
import { assertOptions } from "../_lib/pythonOptions.js";
import type { OptionKeys } from "../_lib/arguments.js";
import { ownElements } from "../_lib/ownElements.js";
import { issueSummary } from "../_lib/issueSummary.js";
import { SegmentationError } from "../_lib/errors.js";
import type { Issue } from "../_lib/errors.js";
import { categoriesOf, createOneHotEncoder, missingCategory, sharedColumnName } from "./_lib/oneHotEncoder.js";
import type { OneHotEncoder } from "./_lib/oneHotEncoder.js";
import { pathProblem } from "../_lib/fieldPaths.js";

export type { OneHotEncoder, OneHotEncoderJson } from "./_lib/oneHotEncoder.js";

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
 * Learns the categories of categorical features and encodes records as 0/1 indicator columns.
 *
 * @remarks
 * Like scikit-learn's `OneHotEncoder`: categories are sorted (as strings), one column each; array
 * values (multi-label fields such as `psychographics.interests`) set one column per element.
 * Values are read through own properties only. Categories are compared as text, so the number 1
 * and the string "1" (or `true` and "true") are one category. `toJSON()` saves the encoder and
 * `parseOneHotEncoder` restores it. O(n * d).
 * @param records - the records to learn categories from.
 * @param options - see {@link FitOneHotEncoderOptions}.
 * @returns The fitted {@link OneHotEncoder}.
 * @throws `TypeError` `fitOneHotEncoder requires handleUnknown to be "error" or "ignore"` (likewise
 * `missing`), `fitOneHotEncoder requires features to be an array of field paths`; `RangeError`
 * `fitOneHotEncoder requires valid feature paths: <problem>`, `fitOneHotEncoder requires unique features: "<feature>" repeats`,
 * `fitOneHotEncoder requires distinct column names: "<feature=category>" would name two columns` (a path or a category holding "=");
 * `SegmentationError` `fitOneHotEncoder found N issues` (`missing_value`, `invalid_value`);
 * `transform` throws `SegmentationError` `oneHotEncoder.transform found <n> issue(s): <first message> at <path>` (`unknown_category`, ...).
 * @example
 * const encoder = fitOneHotEncoder([{ channel: "email" }, { channel: "sms" }, { channel: "email" }], { features: ["channel"] });
 * encoder.featureNames //=> ["channel=email", "channel=sms"]
 * encoder.transform([{ channel: "sms" }]) //=> [[0, 1]]
 * @category Feature preparation
 */
export function fitOneHotEncoder(records: ReadonlyArray<unknown>, options: FitOneHotEncoderOptions): OneHotEncoder {
  if (!Array.isArray(records)) throw new TypeError("fitOneHotEncoder requires records to be an array");
  // A hole is a record without the features (missing), never a record skipped.
  const rows = ownElements(records);
  assertOptions("fitOneHotEncoder", options, { features: true, handleUnknown: true, missing: true } satisfies OptionKeys<FitOneHotEncoderOptions>);
  const handleUnknown = choice("fitOneHotEncoder", "handleUnknown", options.handleUnknown, ["error", "ignore"], "error");
  const missing = choice("fitOneHotEncoder", "missing", options.missing, ["error", "category"], "error");
  if (!Array.isArray(options.features)) throw new TypeError("fitOneHotEncoder requires features to be an array of field paths");
  const features = [...options.features];
  // The checks of parseOneHotEncoder, so that every fitted encoder can be saved and restored.
  features.forEach((feature, index) => {
    if (typeof feature !== "string") throw new TypeError("fitOneHotEncoder requires features to be an array of field paths");
    const problem = pathProblem(feature);
    if (problem !== undefined) throw new RangeError(`fitOneHotEncoder requires valid feature paths: ${problem.message}`);
    if (features.indexOf(feature) !== index) throw new RangeError(`fitOneHotEncoder requires unique features: "${feature}" repeats`);
  });
  const issues: Issue[] = [];
  const seen = features.map(() => new Set<string>());
  rows.forEach((record, row) => {
    features.forEach((feature, column) => {
      for (const value of categoriesOf(record, feature, row, missing, issues)) seen[column]?.add(value);
    });
  });
  if (issues.length > 0) throw new SegmentationError(issueSummary("fitOneHotEncoder", issues), issues);
  const categories: Record<string, string[]> = {};
  features.forEach((feature, column) => {
    const values = [...(seen[column] as Set<string>)].filter((value) => value !== missingCategory).sort();
    if (seen[column]?.has(missingCategory)) values.push(missingCategory);
    categories[feature] = values;
  });
  const shared = sharedColumnName(features, categories);
  if (shared !== undefined) throw new RangeError(`fitOneHotEncoder requires distinct column names: ${JSON.stringify(shared)} would name two columns`);
  return createOneHotEncoder(features, categories, handleUnknown, missing);
}
