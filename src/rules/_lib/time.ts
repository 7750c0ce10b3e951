import type { Rule, TimeUnit } from "../ast.js";

const fixedUnitMilliseconds: Readonly<Record<TimeUnit, number>> = {
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
  months: Number.NaN,
  years: Number.NaN,
};

function daysInUtcMonth(year: number, monthIndex: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex + 1, 0);
  return date.getUTCDate();
}

/**
 * `instant - amount unit` in epoch milliseconds. Fixed units subtract exact lengths (a day is
 * 86,400 s: instants are UTC, there is no DST). Months and years are calendar units computed with
 * UTC fields, exactly like date-fns `subMonths` / `subYears` under `TZ=UTC` (the day of month is
 * clamped to the target month's last day: 31 March minus one month is 28 or 29 February), whatever
 * the process time zone. A result outside the `Date` range is `-Infinity` (earlier than any instant).
 */
export function subtractDuration(instantMilliseconds: number, amount: number, unit: TimeUnit): number {
  if (!Number.isFinite(amount) || typeof unit !== "string" || !Object.hasOwn(fixedUnitMilliseconds, unit)) {
    throw new TypeError(`a rule time window needs a finite amount and a unit from seconds to years, not ${String(amount)} ${JSON.stringify(unit)} (check untrusted rules with parseRule)`);
  }
  let result: number;
  if (unit === "months" || unit === "years") {
    const months = unit === "years" ? amount * 12 : amount;
    // Calendar arithmetic takes whole months: 0.5 months has no meaning (setUTCMonth would round it).
    if (!Number.isInteger(months)) {
      throw new TypeError(`a rule time window in ${unit} needs a whole number of months, not ${String(amount)} ${unit} (check untrusted rules with parseRule)`);
    }
    const date = new Date(instantMilliseconds);
    const day = date.getUTCDate();
    const target = new Date(instantMilliseconds);
    target.setUTCDate(1);
    target.setUTCMonth(target.getUTCMonth() - months);
    const lastDay = daysInUtcMonth(target.getUTCFullYear(), target.getUTCMonth());
    target.setUTCDate(Math.min(day, lastDay));
    result = target.getTime();
  } else {
    result = instantMilliseconds - amount * fixedUnitMilliseconds[unit];
  }
  return Number.isNaN(result) || result < -8.64e15 ? Number.NEGATIVE_INFINITY : result;
}

const isoPattern =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Parses an ISO-8601 date (`2024-03-01`, midnight UTC) or instant with an explicit offset
 * (`2024-03-01T12:00:00Z`, `2024-03-01T12:00:00.5+02:00`) to epoch milliseconds; `NaN` for anything
 * else, including impossible calendar dates (`2024-02-30`) and local times without an offset.
 * A fraction beyond milliseconds rounds `down` (the default) or `up` to a whole millisecond.
 */
export function parseIsoInstant(text: string, rounding: "down" | "up" = "down"): number {
  const match = isoPattern.exec(text);
  if (match === null) return Number.NaN;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = match[4] === undefined ? 0 : Number(match[4]);
  const minute = match[5] === undefined ? 0 : Number(match[5]);
  const second = match[6] === undefined ? 0 : Number(match[6]);
  const fraction = match[7] ?? "";
  const millisecond = Number(fraction.slice(0, 3).padEnd(3, "0")) + (rounding === "up" && /[1-9]/.test(fraction.slice(3)) ? 1 : 0);
  if (month < 1 || month > 12 || day < 1 || day > daysInUtcMonth(year, month - 1)) return Number.NaN;
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  let offsetMinutes = 0;
  const zone = match[8];
  if (zone !== undefined && zone !== "Z") {
    const offsetHours = Number(zone.slice(1, 3));
    const offsetRest = Number(zone.slice(4, 6));
    if (offsetHours > 23 || offsetRest > 59) return Number.NaN;
    offsetMinutes = (zone[0] === "-" ? -1 : 1) * (offsetHours * 60 + offsetRest);
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  return date.getTime() - offsetMinutes * 60_000;
}

/**
 * The bound of a `before` / `after` node in epoch milliseconds, for a comparison with whole
 * milliseconds: a date with a fraction below the millisecond rounds up for `before` and down for
 * `after`, so `t < bound` and `t > bound` stay exact on `Date`s. A `TypeError` for a date that is not
 * ISO-8601 (only a rule that skipped `parseRule` holds one).
 */
export function timeBound(node: Extract<Rule, { op: "before" | "after" }>, asOf: number): number {
  if (!("date" in node)) return subtractDuration(asOf, node.amount, node.unit);
  const bound = typeof node.date === "string" ? parseIsoInstant(node.date, node.op === "before" ? "up" : "down") : Number.NaN;
  if (Number.isNaN(bound)) {
    throw new TypeError(`rule ${node.op} needs an ISO-8601 date or instant with an offset, not ${JSON.stringify(node.date)} (check untrusted rules with parseRule)`);
  }
  return bound;
}
