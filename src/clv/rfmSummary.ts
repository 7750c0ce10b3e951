import { assertOptions } from "../_lib/pythonOptions.js";
import type { OptionKeys } from "../_lib/arguments.js";
import { CompensatedSum } from "../_lib/compensatedSum.js";
import { instantOf } from "../_lib/instant.js";
import { assertArray, rowAt } from "./_lib/assert.js";
import { isTimeUnit, UNIT_DAYS } from "./_lib/units.js";
import type { TimeUnit } from "./types.js";

const DAY_MS = 86_400_000;

/**
 * A transaction as `rfmSummary` reads it: the `Transaction` schema's customer, time and amount.
 * @category CLV
 */
export interface RfmTransaction {
  readonly customerId: string;
  readonly timestamp: Date;
  readonly amount: number;
}

/** @category CLV */
export interface RfmSummaryOptions {
  /** Last day of the calibration period (inclusive; its UTC calendar day is what counts). */
  readonly calibrationEnd: Date;
  /** Last day of the holdout period (inclusive). Omit for no holdout. */
  readonly observationEnd?: Date;
  /** Time unit of recency, T and holdout duration. Required: there is no silent default. */
  readonly unit: TimeUnit;
}

/**
 * One customer's calibration statistics (and holdout counts when `observationEnd` is given).
 * @category CLV
 */
export interface RfmCustomer {
  readonly customerId: string;
  /** Repeat purchase days in calibration (first purchase day not counted; same-day purchases merged). */
  readonly frequency: number;
  /** (last calibration purchase day − first purchase day) in `unit`. */
  readonly recency: number;
  /** (calibrationEnd − first purchase day) in `unit`. */
  readonly T: number;
  /** Mean value of the repeat calibration purchase days (0 when frequency is 0). */
  readonly monetaryValue: number;
  /** First purchase (UTC midnight of its day). */
  readonly firstPurchaseAt: Date;
  /** Purchase days in the holdout period; 0 without a holdout. */
  readonly holdoutFrequency: number;
  /** Mean value of the holdout purchase days (0 when none). */
  readonly holdoutMonetaryValue: number;
}

/** @category CLV */
export interface RfmSummaryResult {
  readonly unit: TimeUnit;
  readonly calibrationEnd: Date;
  readonly observationEnd: Date | null;
  /** Holdout length (observationEnd − calibrationEnd) in `unit`; 0 without a holdout. */
  readonly holdoutDuration: number;
  /** Customers whose first purchase falls in the calibration period, ordered by first appearance. */
  readonly customers: ReadonlyArray<RfmCustomer>;
  readonly counts: {
    /** Rows read. */
    readonly transactions: number;
    /** Rows folded into another purchase of the same customer on the same UTC day. */
    readonly mergedSameDay: number;
    /** Rows after observationEnd (or after calibrationEnd without a holdout), ignored. */
    readonly afterObservation: number;
    /** Customers whose first purchase is after calibrationEnd, left out. */
    readonly customersFirstSeenLater: number;
    readonly calibrationRepeatPurchases: number;
    readonly holdoutPurchases: number;
  };
}

/**
 * Builds the per-customer frequency / recency / T / monetary summary the BTYD models need from a
 * transaction log, with an optional calibration / holdout split.
 *
 * @remarks
 * Timestamps are bucketed by UTC calendar day and purchases of one customer on the same day are merged
 * (amounts summed), as in Fader, Hardie & Lee's CDNOW preparation and BTYD's `dc.MergeTransactionsOnSameDate`.
 * `frequency` counts repeat purchase *days*; `recency` and `T` are day differences divided by the unit
 * length (1, 7, 30.4375 or 365.25 days). `monetaryValue` is the mean of the repeat days only (lifetimes
 * convention for Gamma-Gamma). Amounts are summed with compensated summation. O(n) plus a sort of each
 * customer's days.
 * Rows with an invalid date or a non-finite amount throw. Every row is a purchase, zero and negative
 * amounts included, as in lifetimes' `summary_data_from_transaction_data`: drop refunds recorded as
 * separate transactions first (a refund day would count as a repeat purchase), or net them into
 * their purchase. `summarizeCustomers` (segmentkit/schema) separates them itself.
 *
 * @param transactions - rows with `customerId`, `timestamp` (Date) and `amount`.
 * @param options - calibrationEnd, optional observationEnd, unit.
 * @returns `{ unit, calibrationEnd, observationEnd, holdoutDuration, customers, counts }`; an empty
 *   input gives no customers.
 * @throws `TypeError` `rfmSummary requires unit to be days, weeks, months or years`, `rfmSummary requires an array of transactions`, `rfmSummary requires options to be an object`,
 *   `rfmSummary requires every transaction to be an object (row i)`,
 *   `rfmSummary requires calibrationEnd to be a valid Date`, `rfmSummary requires observationEnd to be a valid Date`,
 *   `rfmSummary requires every timestamp to be a valid Date (row i)`,
 *   `rfmSummary requires every amount to be a finite number (row i)`,
 *   `rfmSummary requires every customerId to be a string (row i)`
 * @throws `RangeError` `rfmSummary requires observationEnd to be on or after calibrationEnd`
 * @example
 * const day = (iso) => new Date(iso + "T00:00:00Z");
 * const summary = rfmSummary([
 *   { customerId: "a", timestamp: day("1997-01-01"), amount: 10 },
 *   { customerId: "a", timestamp: day("1997-01-15"), amount: 20 },
 *   { customerId: "a", timestamp: day("1997-01-15"), amount: 5 },
 *   { customerId: "a", timestamp: day("1997-03-01"), amount: 7 },
 * ], { calibrationEnd: day("1997-01-29"), observationEnd: day("1997-03-31"), unit: "weeks" });
 * summary.customers[0].frequency //=> 1
 * summary.customers[0].recency //=> 2
 * summary.customers[0].T //=> 4
 * summary.customers[0].monetaryValue //=> 25
 * summary.customers[0].holdoutFrequency //=> 1
 * @category CLV
 */
export function rfmSummary(transactions: ReadonlyArray<RfmTransaction>, options: RfmSummaryOptions): RfmSummaryResult {
  assertArray(transactions, "rfmSummary", "transactions");
  assertOptions("rfmSummary", options, { calibrationEnd: true, observationEnd: true, unit: true } satisfies OptionKeys<RfmSummaryOptions>);
  const unit = options.unit;
  if (!isTimeUnit(unit)) throw new TypeError("rfmSummary requires unit to be days, weeks, months or years");
  const unitDays = UNIT_DAYS[unit];
  const calibrationTime = instantOf(options.calibrationEnd);
  if (!Number.isFinite(calibrationTime)) throw new TypeError("rfmSummary requires calibrationEnd to be a valid Date");
  const calibrationDay = Math.floor(calibrationTime / DAY_MS);
  let observationDay = calibrationDay;
  if (options.observationEnd !== undefined) {
    const observationTime = instantOf(options.observationEnd);
    if (!Number.isFinite(observationTime)) throw new TypeError("rfmSummary requires observationEnd to be a valid Date");
    observationDay = Math.floor(observationTime / DAY_MS);
    if (observationDay < calibrationDay) throw new RangeError("rfmSummary requires observationEnd to be on or after calibrationEnd");
  }
  // customer → (day → amount)
  const byCustomer = new Map<string, Map<number, CompensatedSum>>();
  let mergedSameDay = 0;
  let afterObservation = 0;
  for (let i = 0; i < transactions.length; i++) {
    const row = rowAt(transactions, i, "rfmSummary", "transaction");
    if (typeof row.customerId !== "string") throw new TypeError(`rfmSummary requires every customerId to be a string (row ${i})`);
    const time = instantOf(row.timestamp);
    if (!Number.isFinite(time)) throw new TypeError(`rfmSummary requires every timestamp to be a valid Date (row ${i})`);
    if (typeof row.amount !== "number" || !Number.isFinite(row.amount)) throw new TypeError(`rfmSummary requires every amount to be a finite number (row ${i})`);
    const day = Math.floor(time / DAY_MS);
    if (day > observationDay) {
      afterObservation++;
      continue;
    }
    let days = byCustomer.get(row.customerId);
    if (days === undefined) {
      days = new Map();
      byCustomer.set(row.customerId, days);
    }
    let sum = days.get(day);
    if (sum === undefined) {
      sum = new CompensatedSum();
      days.set(day, sum);
    } else mergedSameDay++;
    sum.add(row.amount);
  }
  const customers: RfmCustomer[] = [];
  let customersFirstSeenLater = 0;
  let calibrationRepeatPurchases = 0;
  let holdoutPurchases = 0;
  for (const [customerId, days] of byCustomer) {
    const sortedDays = Float64Array.from(days.keys()).sort();
    const first = sortedDays[0] as number;
    if (first > calibrationDay) {
      customersFirstSeenLater++;
      continue;
    }
    let frequency = 0;
    let lastCalibration = first;
    const repeatSpend = new CompensatedSum();
    let holdoutFrequency = 0;
    const holdoutSpend = new CompensatedSum();
    for (let k = 1; k < sortedDays.length; k++) {
      const day = sortedDays[k] as number;
      const amount = (days.get(day) as CompensatedSum).value;
      if (day <= calibrationDay) {
        frequency++;
        lastCalibration = day;
        repeatSpend.add(amount);
      } else {
        holdoutFrequency++;
        holdoutSpend.add(amount);
      }
    }
    calibrationRepeatPurchases += frequency;
    holdoutPurchases += holdoutFrequency;
    customers.push({
      customerId,
      frequency,
      recency: (lastCalibration - first) / unitDays,
      T: (calibrationDay - first) / unitDays,
      monetaryValue: frequency > 0 ? repeatSpend.value / frequency : 0,
      firstPurchaseAt: new Date(first * DAY_MS),
      holdoutFrequency,
      holdoutMonetaryValue: holdoutFrequency > 0 ? holdoutSpend.value / holdoutFrequency : 0,
    });
  }
  return {
    unit,
    calibrationEnd: new Date(calibrationDay * DAY_MS),
    observationEnd: options.observationEnd === undefined ? null : new Date(observationDay * DAY_MS),
    holdoutDuration: (observationDay - calibrationDay) / unitDays,
    customers,
    counts: {
      transactions: transactions.length,
      mergedSameDay,
      afterObservation,
      customersFirstSeenLater,
      calibrationRepeatPurchases,
      holdoutPurchases,
    },
  };
}
