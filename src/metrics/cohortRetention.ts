import { assertArray, assertOptions, assertRecord } from "./_lib/assert.js";
import type { OptionKeys } from "./_lib/assert.js";
import { instantOf } from "../_lib/instant.js";

/** One event for {@link cohortRetention}: a purchase, a login, any activity. @category Metrics */
export interface RetentionEvent {
  readonly customerId: string;
  readonly timestamp: Date;
  /** Event type, used by `cohortEventType` / `retentionEventType`. */
  readonly type?: string;
}

/** Options of {@link cohortRetention}. @category Metrics */
export interface CohortRetentionOptions {
  /** Period length (UTC calendar days, ISO weeks starting Monday, calendar months). */
  readonly period: "day" | "week" | "month";
  /** Observation end: periods that have not finished by then are null (right-censored). */
  readonly asOf: Date;
  /**
   * "n-day" (default): a cell counts customers active in exactly period k. "unbounded": active in
   * period k or any later period (observed up to `asOf`).
   */
  readonly mode?: "n-day" | "unbounded";
  /** Type whose first occurrence puts a customer in a cohort; default any event. */
  readonly cohortEventType?: string;
  /** Type that counts as activity; default any event. */
  readonly retentionEventType?: string;
  /** Number of offsets 0..K−1 to report; default up to the period containing `asOf`. */
  readonly periods?: number;
}

/** One cohort row. @category Metrics */
export interface CohortRow {
  /** Start of the cohort period, ISO date (UTC), e.g. "1997-01-01". */
  readonly cohort: string;
  readonly cohortStart: Date;
  /** Customers whose first cohortizing event fell in this period. */
  readonly size: number;
  /** Active customers per offset k; null for periods not finished by `asOf`. */
  readonly active: Array<number | null>;
  /** active / size per offset k; null for unfinished periods (never 0 for "unknown"). */
  readonly retention: Array<number | null>;
}

/** Result of {@link cohortRetention}. @category Metrics */
export interface CohortRetentionResult {
  readonly rows: CohortRow[];
  /** Per offset: Σ active / Σ size over cohorts whose cell is complete (size-weighted); null when none is. */
  readonly average: Array<number | null>;
  readonly period: "day" | "week" | "month";
  readonly mode: "n-day" | "unbounded";
  readonly cohortEventType: string | null;
  readonly retentionEventType: string | null;
}

const DAY = 86_400_000;

/** Months since year 0 of a day number (days since 1970-01-01), by Hinnant's civil-from-days; no Date allocation. */
function monthOfDay(day: number): number {
  const shifted = day + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 2 : shiftedMonth - 10;
  const year = yearOfEra + era * 400 + (month <= 1 ? 1 : 0);
  return year * 12 + month;
}

/** Period number of a UTC instant: days since the epoch, ISO weeks (Monday) since the epoch, or year·12 + month. @internal */
export function periodIndex(time: number, period: "day" | "week" | "month"): number {
  const day = Math.floor(time / DAY);
  if (period === "month") return monthOfDay(day);
  // 1970-01-01 was a Thursday; +3 aligns weeks on Mondays.
  return period === "day" ? day : Math.floor((day + 3) / 7);
}

function periodStart(index: number, period: "day" | "week" | "month"): number {
  if (period === "month") {
    // Date.UTC reads the years 0 to 99 as 1900 to 1999; setUTCFullYear takes them as they are.
    const start = new Date(0);
    start.setUTCFullYear(Math.floor(index / 12), ((index % 12) + 12) % 12, 1);
    return start.getTime();
  }
  return period === "day" ? index * DAY : (index * 7 - 3) * DAY;
}

/**
 * Cohort retention table from events: rows are cohorts (the period of each customer's first
 * cohortizing event), columns are offsets k = 0, 1, …, cells the share of the cohort active in period k.
 *
 * @remarks
 * All arithmetic is in UTC, independent of the host time zone (calendar months by integer civil-date
 * arithmetic, no Date allocation per event). Unfinished
 * periods (ending after `asOf`) are `null`, not 0; events after `asOf` are ignored; activity before a
 * customer's cohort period is ignored; empty cohorts are omitted. Period 0 is 100 % only when the
 * retention event is the cohortizing event. The cross-cohort average is weighted by cohort size over
 * complete cells only. Conventions follow PostHog (PostHog/posthog#2219, #14239). O(n log n + cohorts × K)
 * time (one map lookup per event, typed arrays), O(n) memory.
 * @param events - events with `customerId`, valid `timestamp`, optional `type`.
 * @param options - `period`, `asOf` (required), `mode` ("n-day"), `cohortEventType`, `retentionEventType`, `periods`.
 * @returns `{ rows, average, period, mode, cohortEventType, retentionEventType }`; no events gives no rows.
 * @throws RangeError `cohortRetention requires valid timestamps`, `cohortRetention requires a valid asOf date`,
 *   `cohortRetention requires periods to be a positive integer`, `cohortRetention requires periods to be at most 100000`,
 *   `cohortRetention requires the cohorts to span at most 100000 periods, got <n> (pass periods, or check the earliest cohort dates)`,
 *   `cohortRetention requires every cohort to start within the Date range (events from -271821-05-01 on)`; TypeError for an unknown `period` or `mode`.
 * @throws TypeError `cohortRetention requires events to be an array`, `cohortRetention requires options to be an object`,
 *   `cohortRetention requires every event to be an object`, `cohortRetention requires every customerId to be a string (row i)`.
 * @example
 * const day = (d) => new Date(Date.UTC(2024, 0, d));
 * const table = cohortRetention(
 *   [
 *     { customerId: "a", timestamp: day(1) }, { customerId: "a", timestamp: day(9) },
 *     { customerId: "b", timestamp: day(2) },
 *     { customerId: "c", timestamp: day(10) }, { customerId: "c", timestamp: day(16) },
 *   ],
 *   { period: "week", asOf: day(22) },
 * );
 * table.rows.map((row) => row.cohort) //=> ["2024-01-01", "2024-01-08"]
 * table.rows[0]?.retention //=> [1, 0.5, 0, null]
 * table.rows[1]?.retention //=> [1, 1, null, null]
 * @category Metrics
 */
export function cohortRetention(events: ReadonlyArray<RetentionEvent>, options: CohortRetentionOptions): CohortRetentionResult {
  assertArray("cohortRetention", "events", events);
  assertOptions("cohortRetention", options, { cohortEventType: true, mode: true, periods: true, retentionEventType: true, period: true, asOf: true } satisfies OptionKeys<CohortRetentionOptions>);
  const { period, asOf } = options;
  const mode = options.mode ?? "n-day";
  if (period !== "day" && period !== "week" && period !== "month") throw new TypeError('cohortRetention requires period to be "day", "week" or "month"');
  if (mode !== "n-day" && mode !== "unbounded") throw new TypeError('cohortRetention requires mode to be "n-day" or "unbounded"');
  const end = instantOf(asOf);
  if (Number.isNaN(end)) throw new RangeError("cohortRetention requires a valid asOf date");
  if (options.periods !== undefined && !(Number.isInteger(options.periods) && options.periods > 0)) throw new RangeError("cohortRetention requires periods to be a positive integer");
  // every cohort row holds `periods` cells: 100 000 days is 270 years
  if (options.periods !== undefined && options.periods > 100_000) throw new RangeError("cohortRetention requires periods to be at most 100000");
  const cohortType = options.cohortEventType;
  const retentionType = options.retentionEventType;
  // Pass 1: intern customer ids, keep each customer's cohort period and the (customer, period) activity pairs.
  const ids = new Map<string, number>();
  const cohortOf: number[] = [];
  let activityCustomer = new Int32Array(1024);
  let activityPeriod = new Float64Array(1024);
  let activityCount = 0;
  let row = 0;
  for (const event of events) {
    assertRecord("cohortRetention", "every event", event);
    // One customer, one id: a Map would count 1 and "1" as two customers.
    if (typeof event.customerId !== "string") throw new TypeError(`cohortRetention requires every customerId to be a string (row ${row})`);
    row++;
    const timestamp = event.timestamp;
    const time = instantOf(timestamp);
    if (Number.isNaN(time)) throw new RangeError("cohortRetention requires valid timestamps");
    if (time > end) continue;
    const index = periodIndex(time, period);
    let id = ids.get(event.customerId);
    if (id === undefined) {
      id = cohortOf.length;
      ids.set(event.customerId, id);
      cohortOf.push(Number.POSITIVE_INFINITY);
    }
    if ((cohortType === undefined || event.type === cohortType) && index < (cohortOf[id] as number)) cohortOf[id] = index;
    if (retentionType === undefined || event.type === retentionType) {
      if (activityCount === activityCustomer.length) {
        const customers = new Int32Array(activityCount * 2);
        customers.set(activityCustomer);
        activityCustomer = customers;
        const periods = new Float64Array(activityCount * 2);
        periods.set(activityPeriod);
        activityPeriod = periods;
      }
      activityCustomer[activityCount] = id;
      activityPeriod[activityCount] = index;
      activityCount++;
    }
  }
  const lastIndex = periodIndex(end, period);
  let firstCohort = Number.POSITIVE_INFINITY;
  for (const index of cohortOf) if (index < firstCohort) firstCohort = index;
  const columns = options.periods ?? (firstCohort === Number.POSITIVE_INFINITY ? 0 : lastIndex - firstCohort + 1);
  // The width derived from the data has the bound of an explicit one: a stray row of the year 1000
  // would otherwise give every cohort some 374,000 daily cells.
  if (options.periods === undefined && columns > 100_000) {
    throw new RangeError(`cohortRetention requires the cohorts to span at most 100000 periods, got ${columns} (pass periods, or check the earliest cohort dates)`);
  }
  const cohorts = new Map<number, { size: number; active: Float64Array }>();
  for (const index of cohortOf) {
    if (index === Number.POSITIVE_INFINITY) continue;
    let cohort = cohorts.get(index);
    if (cohort === undefined) {
      cohort = { size: 0, active: new Float64Array(columns + 1) };
      cohorts.set(index, cohort);
    }
    cohort.size++;
  }
  // Pass 2: count each customer once per offset ("n-day"), or up to its last active offset ("unbounded").
  if (mode === "n-day") {
    const keys = new Float64Array(activityCount);
    let keyCount = 0;
    for (let j = 0; j < activityCount; j++) {
      const customer = activityCustomer[j] as number;
      const offset = (activityPeriod[j] as number) - (cohortOf[customer] as number);
      if (offset >= 0 && offset < columns) keys[keyCount++] = customer * columns + offset;
    }
    const sorted = keys.subarray(0, keyCount).sort();
    for (let j = 0; j < keyCount; j++) {
      const key = sorted[j] as number;
      if (j > 0 && key === sorted[j - 1]) continue;
      const customer = Math.floor(key / columns);
      const cohort = cohorts.get(cohortOf[customer] as number) as { size: number; active: Float64Array };
      const offset = key - customer * columns;
      cohort.active[offset] = (cohort.active[offset] as number) + 1;
    }
  } else {
    const latest = new Float64Array(cohortOf.length).fill(-1);
    for (let j = 0; j < activityCount; j++) {
      const customer = activityCustomer[j] as number;
      const offset = (activityPeriod[j] as number) - (cohortOf[customer] as number);
      if (offset > (latest[customer] as number)) latest[customer] = offset;
    }
    // difference array per cohort: +1 at offset 0, −1 after the last active offset, then prefix sums
    for (let customer = 0; customer < cohortOf.length; customer++) {
      const last = Math.min(latest[customer] as number, columns - 1);
      if (last < 0 || cohortOf[customer] === Number.POSITIVE_INFINITY) continue;
      const cohort = cohorts.get(cohortOf[customer] as number) as { size: number; active: Float64Array };
      cohort.active[0] = (cohort.active[0] as number) + 1;
      cohort.active[last + 1] = (cohort.active[last + 1] as number) - 1;
    }
    for (const cohort of cohorts.values()) for (let offset = 1; offset <= columns; offset++) cohort.active[offset] = (cohort.active[offset] as number) + (cohort.active[offset - 1] as number);
  }
  const sortedIndexes = [...cohorts.keys()].sort((a, b) => a - b);
  const activeSums = new Float64Array(columns);
  const sizeSums = new Float64Array(columns);
  const rows: CohortRow[] = sortedIndexes.map((cohortIndex) => {
    const cohort = cohorts.get(cohortIndex) as { size: number; active: Float64Array };
    const active: Array<number | null> = [];
    const retention: Array<number | null> = [];
    for (let offset = 0; offset < columns; offset++) {
      const complete = periodStart(cohortIndex + offset + 1, period) <= end;
      if (!complete) {
        active.push(null);
        retention.push(null);
        continue;
      }
      const count = cohort.active[offset] as number;
      active.push(count);
      retention.push(count / cohort.size);
      activeSums[offset] = (activeSums[offset] as number) + count;
      sizeSums[offset] = (sizeSums[offset] as number) + cohort.size;
    }
    const start = new Date(periodStart(cohortIndex, period));
    // The week or month of an event in the first days of the Date range starts before it.
    if (Number.isNaN(start.getTime())) throw new RangeError("cohortRetention requires every cohort to start within the Date range (events from -271821-05-01 on)");
    // The date part of the ISO text, also for the six-digit years beyond 0 to 9999 (+010000-03-01).
    const iso = start.toISOString();
    return { cohort: iso.slice(0, iso.indexOf("T")), cohortStart: start, size: cohort.size, active, retention };
  });
  const average: Array<number | null> = [];
  for (let offset = 0; offset < columns; offset++) {
    const size = sizeSums[offset] as number;
    average.push(size > 0 ? (activeSums[offset] as number) / size : null);
  }
  return { rows, average, period, mode, cohortEventType: cohortType ?? null, retentionEventType: retentionType ?? null };
}
