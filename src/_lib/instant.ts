// Taken once: a value's own or overridden `getTime` is never called.
const dateTime = Date.prototype.getTime;

/**
 * The epoch milliseconds of a valid `Date`, else `NaN` (strings and numbers are not dates). Read
 * through `Date.prototype.getTime`, which checks that the object holds an instant: a `Date` whose
 * `getTime` was overridden gives its real instant, an object that only inherits from
 * `Date.prototype` is `NaN`, and a `Date` of another realm (an iframe, `node:vm`) is a `Date`.
 * Every module reads dates from data and options through it.
 */
export function instantOf(value: unknown): number {
  if (typeof value !== "object" || value === null) return Number.NaN;
  try {
    return dateTime.call(value);
  } catch {
    return Number.NaN;
  }
}

/** Whether `value` is a `Date` of any realm, valid or not: it holds the time value `Date.prototype.getTime` reads. */
export function isDate(value: unknown): value is Date {
  if (typeof value !== "object" || value === null) return false;
  try {
    dateTime.call(value);
    return true;
  } catch {
    return false;
  }
}
