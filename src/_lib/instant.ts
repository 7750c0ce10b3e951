// Taken once: a value's own or overridden `getTime` is never called.
const dateTime = Date.prototype.getTime;

/**
 * The time value of a `Date` of any realm (`NaN` for an invalid one), or `undefined` for anything
 * that is not a `Date`. Read through `Date.prototype.getTime`, which checks that the object holds a
 * time value: a `Date` whose `getTime` was overridden gives its real instant, an object that only
 * inherits from `Date.prototype` is not a `Date`, and a `Date` of another realm (an iframe,
 * `node:vm`) is one. Every module reads dates from data and options through it or {@link instantOf}.
 */
export function dateTimeValue(value: unknown): number | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  try {
    return dateTime.call(value);
  } catch {
    return undefined;
  }
}

/** The epoch milliseconds of a valid `Date` (see {@link dateTimeValue}), else `NaN`. */
export function instantOf(value: unknown): number {
  return dateTimeValue(value) ?? Number.NaN;
}
