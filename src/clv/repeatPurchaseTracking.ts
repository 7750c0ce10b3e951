import { assertOptions } from "../_lib/pythonOptions.js";
import type { OptionKeys } from "../_lib/arguments.js";
import { assertArray, rowAt } from "./_lib/assert.js";
import { instantOf } from "../_lib/instant.js";
import { assertModel, unconditional, vector } from "./_lib/models.js";
import type { RfmTransaction } from "./rfmSummary.js";
import { UNIT_DAYS } from "./_lib/units.js";
import type { PurchaseModel } from "./types.js";

const DAY_MS = 86_400_000;
/** The longest table: 10,000 periods are 192 years of weeks, and bound the O(periods × first days) cost. */
const MAX_PERIODS = 10_000;

/** @category CLV */
export interface RepeatPurchaseTrackingOptions {
  /** Last day of the calibration period (inclusive); only customers first seen by then are tracked. */
  readonly calibrationEnd: Date;
  /** Last day tracked (inclusive). */
  readonly observationEnd: Date;
}

/** One period of the tracking table. @category CLV */
export interface TrackingRow {
  /** 1-based period index counted from the earliest first purchase, in the model's unit. */
  readonly period: number;
  /** Last calendar day (UTC) included in this row's cumulative counts. */
  readonly through: Date;
  readonly inCalibration: boolean;
  /** Actual cumulative repeat purchase days up to `through`. */
  readonly actual: number;
  /** Model-expected cumulative repeat purchases up to `through`. */
  readonly expected: number;
}

/**
 * Calibration-versus-holdout tracking: actual and model-expected cumulative repeat purchases of the
 * calibration cohort, period by period (Fader, Hardie & Lee 2005, figure 3).
 *
 * @remarks
 * Customers are those first seen on or before `calibrationEnd`. Same-day purchases are merged and the
 * first purchase day is not a repeat. The expected curve is `Σ_i E[X((d + 1 − f_i)/L)]` over customers
 * with first purchase day f_i ≤ d, where d is the row's last day (the window closes at the end of that
 * day, which reproduces FHL 2005's week-78 forecasts) and L the model unit in days (customers
 * are grouped by first-purchase day, so the cost is O(periods × distinct first days) after an O(n) pass).
 *
 * @param transactions - the transaction log (customerId, timestamp, amount).
 * @param model - a converged BG/NBD, MBG/NBD or Pareto/NBD model fitted in the unit that defines the periods.
 * @param options - calibrationEnd and observationEnd.
 * @returns one row per period up to observationEnd (the last row may be partial); empty without customers.
 * @throws `TypeError` `repeatPurchaseTracking requires a fitted BG/NBD, MBG/NBD, Pareto/NBD model` (BG/BB is discrete-time),
 *   `repeatPurchaseTracking requires a converged model`, `repeatPurchaseTracking requires an array of transactions`,
 *   `repeatPurchaseTracking requires options to be an object`,
 *   `repeatPurchaseTracking requires every transaction to be an object (row i)`,
 *   `repeatPurchaseTracking requires every timestamp to be a valid Date (row i)`,
 *   `repeatPurchaseTracking requires every customerId to be a string (row i)`
 * @throws `RangeError` `repeatPurchaseTracking requires a model with unit days, weeks, months or years`,
 *   `repeatPurchaseTracking requires a model with a positive finite parameter r` (any parameter name),
 *   `repeatPurchaseTracking requires calibrationEnd and observationEnd to be valid Dates in order` (as UTC days),
 *   `repeatPurchaseTracking covers at most 10,000 periods of the model's unit from the first purchase to observationEnd`
 * @example
 * const day = (iso) => new Date(iso + "T00:00:00Z");
 * const model = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } });
 * const rows = repeatPurchaseTracking([
 *   { customerId: "a", timestamp: day("1997-01-01"), amount: 1 },
 *   { customerId: "a", timestamp: day("1997-01-10"), amount: 1 },
 * ], model, { calibrationEnd: day("1997-01-14"), observationEnd: day("1997-01-28") });
 * rows.length //=> 4
 * rows[1].actual //=> 1
 * rows[1].inCalibration //=> true
 * @category CLV
 */
export function repeatPurchaseTracking(
  transactions: ReadonlyArray<RfmTransaction>,
  model: PurchaseModel,
  options: RepeatPurchaseTrackingOptions,
): TrackingRow[] {
  assertArray(transactions, "repeatPurchaseTracking", "transactions");
  assertModel(model, "repeatPurchaseTracking", true);
  assertOptions("repeatPurchaseTracking", options, { calibrationEnd: true, observationEnd: true } satisfies OptionKeys<RepeatPurchaseTrackingOptions>);
  const calibrationTime = instantOf(options.calibrationEnd);
  const observationTime = instantOf(options.observationEnd);
  // The ends are inclusive UTC days, as in rfmSummary: two instants of one day are in order.
  const calibrationDay = Math.floor(calibrationTime / DAY_MS);
  const observationDay = Math.floor(observationTime / DAY_MS);
  if (!Number.isFinite(calibrationTime) || !Number.isFinite(observationTime) || observationDay < calibrationDay) {
    throw new RangeError("repeatPurchaseTracking requires calibrationEnd and observationEnd to be valid Dates in order");
  }
  const unitDays = UNIT_DAYS[model.unit as keyof typeof UNIT_DAYS]; // a time unit: assertModel checked it
  const days = new Map<string, Set<number>>();
  for (let i = 0; i < transactions.length; i++) {
    const row = rowAt(transactions, i, "repeatPurchaseTracking", "transaction");
    const time = instantOf(row.timestamp);
    if (!Number.isFinite(time)) throw new TypeError(`repeatPurchaseTracking requires every timestamp to be a valid Date (row ${i})`);
    if (typeof row.customerId !== "string") throw new TypeError(`repeatPurchaseTracking requires every customerId to be a string (row ${i})`);
    const day = Math.floor(time / DAY_MS);
    if (day > observationDay) continue;
    let set = days.get(row.customerId);
    if (set === undefined) {
      set = new Set();
      days.set(row.customerId, set);
    }
    set.add(day);
  }
  const firstDayCounts = new Map<number, number>();
  const repeatDays: number[] = [];
  let startDay = Number.POSITIVE_INFINITY;
  for (const set of days.values()) {
    let first = Number.POSITIVE_INFINITY;
    for (const day of set) if (day < first) first = day;
    if (first > calibrationDay) continue;
    firstDayCounts.set(first, (firstDayCounts.get(first) ?? 0) + 1);
    if (first < startDay) startDay = first;
    for (const day of set) if (day !== first) repeatDays.push(day);
  }
  if (!Number.isFinite(startDay)) return [];
  if (Math.ceil((observationDay + 1 - startDay) / unitDays) > MAX_PERIODS) {
    throw new RangeError(`repeatPurchaseTracking covers at most ${MAX_PERIODS.toLocaleString("en-US")} periods of the model's unit from the first purchase to observationEnd`);
  }
  const sortedRepeats = Float64Array.from(repeatDays).sort();
  const firstDays = Float64Array.from(firstDayCounts.keys()).sort();
  const firstCounts = Float64Array.from(firstDays, (day) => firstDayCounts.get(day) as number);
  const params = vector(model);
  const rows: TrackingRow[] = [];
  let pointer = 0;
  for (let period = 1; ; period++) {
    // the last whole day before the period boundary, capped at the observation end
    const throughDay = Math.min(Math.ceil(startDay + period * unitDays) - 1, observationDay);
    while (pointer < sortedRepeats.length && (sortedRepeats[pointer] as number) <= throughDay) pointer++;
    let expected = 0;
    for (let k = 0; k < firstDays.length; k++) {
      const first = firstDays[k] as number;
      if (first > throughDay) break;
      // the window closes at the end of `throughDay`, so age runs to the next midnight
      expected += (firstCounts[k] as number) * unconditional(model, params, (throughDay + 1 - first) / unitDays);
    }
    rows.push({
      period,
      through: new Date(throughDay * DAY_MS),
      inCalibration: throughDay <= calibrationDay,
      actual: pointer,
      expected,
    });
    if (throughDay >= observationDay) break;
  }
  return rows;
}
