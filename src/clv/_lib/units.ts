import type { TimeUnit } from "../types.js";

/** Length of one unit in days. */
export const UNIT_DAYS: Readonly<Record<TimeUnit, number>> = { days: 1, weeks: 7, months: 30.4375, years: 365.25 };
