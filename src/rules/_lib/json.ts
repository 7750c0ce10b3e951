/** The JSON type of a value, as issue messages name it: `null`, `array`, or `typeof`. */
export function jsonType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** A non-null object that is not an array (a JSON object, or any object built in code). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** At most this many issues are reported for one untrusted document; the walk stops there. */
export const maxIssues = 100;
