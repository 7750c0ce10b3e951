import type { TimeUnit } from "../types.js";

/** Length of one unit in days. */
export const UNIT_DAYS: Readonly<Record<TimeUnit, number>> = { days: 1, weeks: 7, months: 30.4375, years: 365.25 };

/** Whether `value` is one of the time units (own keys of `UNIT_DAYS` only, so never "toString"). */
export function isTimeUnit(value: unknown): value is TimeUnit {
  return typeof value === "string" && Object.hasOwn(UNIT_DAYS, value);
}
