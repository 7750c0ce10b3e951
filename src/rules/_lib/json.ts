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

/**
 * The items of an untrusted array as a fixed, dense copy of at most `limit` items: the length is read
 * once (a getter cannot grow the list while it is read), and a hole is `undefined`, never an index
 * inherited from `Array.prototype`. Callers report a list longer than `limit` first; the cap keeps a
 * length that changes between their check and the copy (a Proxy) from costing more. O(length).
 */
export function ownItems(list: ReadonlyArray<unknown>, limit: number): unknown[] {
  const length = Math.min(list.length, limit);
  const items = new Array<unknown>(length);
  for (let index = 0; index < length; index += 1) items[index] = Object.hasOwn(list, index) ? list[index] : undefined;
  return items;
}
