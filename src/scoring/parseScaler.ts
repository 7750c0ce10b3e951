import { issueSummary } from "../_lib/issueSummary.js";
import { SegmentationError } from "../_lib/errors.js";
import type { Issue } from "../_lib/errors.js";
import { createScaler } from "./_lib/scaler.js";
import type { Scaler, ScalerMethod } from "./_lib/scaler.js";

const methods: ReadonlyArray<ScalerMethod> = ["standard", "minMax", "robust", "log"];

/**
 * Reads a fitted scaler back from untrusted JSON (the output of `scaler.toJSON()`).
 *
 * @remarks Checks the format tag, version 1, the method, and that `offset` and `scale` are arrays of
 * the same length holding finite numbers, with positive scales, as `fitScaler` writes them (the
 * method "log" with `log1p` true, offsets 0 and scales 1). O(d).
 * @param json - the parsed JSON value.
 * @returns The scaler, ready to `transform` new rows.
 * @throws `SegmentationError` (`parseScaler found N issues`) listing every problem with its path.
 * @example
 * const scaler = parseScaler({ format: "segmentkit.scaler", version: 1, method: "minMax", log1p: false, offset: [10], scale: [5] });
 * scaler.transform([[12.5]]) //=> [[0.5]]
 * @category Feature preparation
 */
export function parseScaler(json: unknown): Scaler {
  const issues: Issue[] = [];
  const record = json !== null && typeof json === "object" && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
  const get = (key: string): unknown => (record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined);
  if (record === undefined) issues.push({ code: "invalid_type", path: [], message: "a scaler must be an object" });
  else {
    if (get("format") !== "segmentkit.scaler") issues.push({ code: "invalid_format", path: ["format"], message: 'format must be "segmentkit.scaler"' });
    if (get("version") !== 1) issues.push({ code: "unsupported_version", path: ["version"], message: "version must be 1" });
    if (!methods.includes(get("method") as ScalerMethod)) issues.push({ code: "invalid_method", path: ["method"], message: `method must be one of ${methods.join(", ")}` });
    if (typeof get("log1p") !== "boolean") issues.push({ code: "invalid_type", path: ["log1p"], message: "log1p must be a boolean" });
    const offset = get("offset");
    const scale = get("scale");
    for (const [key, value] of [["offset", offset], ["scale", scale]] as const) {
      if (!Array.isArray(value)) {
        issues.push({ code: "invalid_type", path: [key], message: `${key} must be an array of numbers` });
        continue;
      }
      // Indexed: a hole of a sparse array is a missing number, not one skipped.
      for (let index = 0; index < value.length; index++) {
        const entry: unknown = value[index];
        // fitScaler's scales are positive: a standard deviation, a range or an interquartile range (1 where it is 0).
        if (typeof entry !== "number" || !Number.isFinite(entry) || (key === "scale" && !(entry > 0))) {
          issues.push({ code: "invalid_number", path: [key, index], message: `${key} values must be finite${key === "scale" ? " and positive" : ""}` });
        }
      }
    }
    if (Array.isArray(offset) && Array.isArray(scale) && offset.length !== scale.length) {
      issues.push({ code: "invalid_length", path: ["scale"], message: "offset and scale must have the same length" });
    }
    // The "log" method is log1p alone: fitScaler writes it with offset 0 and scale 1.
    if (get("method") === "log" && (get("log1p") !== true || (Array.isArray(offset) && offset.some((entry) => entry !== 0)) || (Array.isArray(scale) && scale.some((entry) => entry !== 1)))) {
      issues.push({ code: "invalid_method", path: ["method"], message: 'the method "log" takes log1p true, offsets 0 and scales 1' });
    }
  }
  if (issues.length > 0) throw new SegmentationError(issueSummary("parseScaler", issues), issues);
  return createScaler({
    format: "segmentkit.scaler",
    version: 1,
    method: get("method") as ScalerMethod,
    log1p: get("log1p") as boolean,
    offset: get("offset") as number[],
    scale: get("scale") as number[],
  });
}
