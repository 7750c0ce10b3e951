import { issueSummary } from "../_lib/issueSummary.js";
import { SegmentationError } from "../_lib/errors.js";
import type { Issue } from "../_lib/errors.js";
import { createOneHotEncoder, sharedColumnName } from "./_lib/oneHotEncoder.js";
import type { OneHotEncoder } from "./_lib/oneHotEncoder.js";
import { pathProblem } from "../_lib/fieldPaths.js";

/**
 * Restores a one-hot encoder saved with `toJSON()` (for example in a model registry), checking the
 * untrusted document first.
 *
 * @remarks Every problem is reported with its path, and nothing half-built is returned: the format
 * and version, the features (unique, non-empty dotted paths without `__proto__`, `prototype` or
 * `constructor` segments), one list of unique category strings per feature (read as own properties
 * only), and the `handleUnknown` and `missing` policies. O(size of the document).
 * @param json - the parsed JSON of `encoder.toJSON()`.
 * @returns The {@link OneHotEncoder}, encoding exactly as the saved one.
 * @throws `SegmentationError` `parseOneHotEncoder found N issues` with codes `invalid_type`,
 * `invalid_format`, `unsupported_version`, `invalid_feature`, `invalid_categories` and `invalid_policy`.
 * @example
 * const encoder = fitOneHotEncoder([{ channel: "email" }, { channel: "sms" }], { features: ["channel"] });
 * const restored = parseOneHotEncoder(JSON.parse(JSON.stringify(encoder)));
 * restored.transform([{ channel: "sms" }]) //=> [[0, 1]]
 * restored.featureNames //=> ["channel=email", "channel=sms"]
 * @category Feature preparation
 */
export function parseOneHotEncoder(json: unknown): OneHotEncoder {
  const issues: Issue[] = [];
  const record = json !== null && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  const get = (key: string): unknown => (record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined);
  const features: string[] = [];
  const categories: Record<string, string[]> = {};
  if (record === undefined) issues.push({ code: "invalid_type", path: [], message: "a one-hot encoder must be an object" });
  else {
    if (get("format") !== "segmentkit.oneHotEncoder") issues.push({ code: "invalid_format", path: ["format"], message: 'format must be "segmentkit.oneHotEncoder"' });
    if (get("version") !== 1) issues.push({ code: "unsupported_version", path: ["version"], message: "version must be 1" });
    if (get("handleUnknown") !== "error" && get("handleUnknown") !== "ignore") issues.push({ code: "invalid_policy", path: ["handleUnknown"], message: 'handleUnknown must be "error" or "ignore"' });
    if (get("missing") !== "error" && get("missing") !== "category") issues.push({ code: "invalid_policy", path: ["missing"], message: 'missing must be "error" or "category"' });
    const rawFeatures = get("features");
    if (!Array.isArray(rawFeatures)) issues.push({ code: "invalid_type", path: ["features"], message: "features must be an array of strings" });
    else {
      rawFeatures.forEach((feature: unknown, index) => {
        // The same paths a rule may name: non-empty segments, none of __proto__, prototype, constructor.
        const valid = typeof feature === "string" && pathProblem(feature) === undefined && !features.includes(feature);
        if (!valid) issues.push({ code: "invalid_feature", path: ["features", index], message: "features must be unique non-empty dotted paths without __proto__, prototype or constructor" });
        else features.push(feature);
      });
    }
    const rawCategories = get("categories");
    const categoryRecord = rawCategories !== null && typeof rawCategories === "object" && !Array.isArray(rawCategories) ? (rawCategories as Record<string, unknown>) : undefined;
    if (categoryRecord === undefined) issues.push({ code: "invalid_type", path: ["categories"], message: "categories must be an object" });
    else {
      for (const feature of features) {
        const list = Object.hasOwn(categoryRecord, feature) ? categoryRecord[feature] : undefined;
        const valid = Array.isArray(list) && list.every((category: unknown) => typeof category === "string") && new Set(list).size === list.length;
        if (!valid) issues.push({ code: "invalid_categories", path: ["categories", feature], message: `categories of ${feature} must be a list of unique strings` });
        else Object.defineProperty(categories, feature, { value: [...(list as string[])], enumerable: true, writable: true });
      }
    }
  }
  const shared = issues.length === 0 ? sharedColumnName(features, categories) : undefined;
  if (shared !== undefined) issues.push({ code: "invalid_categories", path: ["categories"], message: `the column name ${JSON.stringify(shared)} would name two columns` });
  if (issues.length > 0) throw new SegmentationError(issueSummary("parseOneHotEncoder", issues), issues);
  return createOneHotEncoder(features, categories, get("handleUnknown") as "error" | "ignore", get("missing") as "error" | "category");
}
