import { issueSummary } from "../../_lib/issueSummary.js";
import { SegmentationError } from "../../_lib/errors.js";
import type { Issue } from "../../_lib/errors.js";

/**
 * Checks the envelope that every stored cluster model shares (an object with the right `format`
 * tag and `version: 1`), pushing one issue per problem. Returns a reader of the document's own
 * properties, or `undefined` when the value is not an object at all.
 */
export function readModelEnvelope(json: unknown, format: string, noun: string, issues: Issue[]): ((key: string) => unknown) | undefined {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    issues.push({ code: "invalid_type", path: [], message: `${noun} must be an object` });
    return undefined;
  }
  const record = json as Record<string, unknown>;
  const get = (key: string): unknown => (Object.hasOwn(record, key) ? record[key] : undefined);
  if (get("format") !== format) issues.push({ code: "invalid_format", path: ["format"], message: `format must be "${format}"` });
  if (get("version") !== 1) issues.push({ code: "unsupported_version", path: ["version"], message: "version must be 1" });
  return get;
}

/** The `{ success: false, error }` result of a model parser. */
export function modelParseFailure(functionName: string, issues: ReadonlyArray<Issue>): { readonly success: false; readonly error: SegmentationError } {
  return {
    success: false,
    error: new SegmentationError(issueSummary(functionName, issues), issues),
  };
}

/**
 * Reads the optional `fit` record of a stored model: an object whose keys have the given types
 * (`"string"` or `"number"`), one `invalid_fit` issue otherwise. `undefined` when absent or invalid.
 */
export function readFitRecord(fit: unknown, shape: Readonly<Record<string, "string" | "number">>, issues: Issue[]): Record<string, string | number> | undefined {
  if (fit === undefined) return undefined;
  const keys = Object.keys(shape);
  const record = fit as Record<string, unknown>;
  if (fit === null || typeof fit !== "object" || keys.some((key) => !Object.hasOwn(record, key) || typeof record[key] !== shape[key])) {
    issues.push({ code: "invalid_fit", path: ["fit"], message: `fit must be { ${keys.join(", ")} }` });
    return undefined;
  }
  const result: Record<string, string | number> = {};
  for (const key of keys) result[key] = record[key] as string | number;
  return result;
}

/** Whether `value` is an integer of at least `minimum` (a count read from untrusted JSON). */
export function isCount(value: unknown, minimum: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= minimum;
}
