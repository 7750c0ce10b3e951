import type { OptionKeys } from "../_lib/arguments.js";
import { CompensatedSum } from "../_lib/compensatedSum.js";
import { assertArray, assertObject, optionsObject } from "./_lib/assert.js";
import { assertModel } from "./_lib/models.js";
import { expectedPurchases } from "./expectedPurchases.js";
import type { RfmSummaryResult } from "./rfmSummary.js";
import type { PurchaseModel } from "./types.js";

/** The most groups a comparison has: a larger `maxFrequency` would only add empty rows. */
const MAX_GROUPS = 10_000;

/** Options of {@link holdoutComparison}. @category CLV */
export interface HoldoutComparisonOptions {
  /** Customers with at least this many calibration repeat purchases form the last group; default 7. */
  readonly maxFrequency?: number;
}

/** One group of {@link holdoutComparison}: the customers with one calibration frequency. @category CLV */
export interface HoldoutComparisonRow {
  /** Repeat purchases in the calibration period; the last row holds this many or more. */
  readonly frequency: number;
  /** Whether the row holds `frequency` or more (the last row). */
  readonly orMore: boolean;
  readonly customers: number;
  /** Mean purchases per customer in the holdout period; NaN for a group without customers (not defined). */
  readonly actual: number;
  /** Mean expected purchases over the holdout, each conditional on the customer's calibration history. */
  readonly predicted: number;
}

/** Result of {@link holdoutComparison}. @category CLV */
export interface HoldoutComparisonResult {
  /** The holdout length, in the model's unit. */
  readonly horizon: number;
  readonly rows: ReadonlyArray<HoldoutComparisonRow>;
  /** Every customer: their count, and the sums of actual and expected holdout purchases. */
  readonly total: { readonly customers: number; readonly actual: number; readonly predicted: number };
}

/**
 * Validates a fitted purchase model on a holdout period: the customers grouped by their calibration
 * repeat purchases, with the mean actual and the mean predicted purchases of each group over the
 * holdout (the table of lifetimes' `plot_calibration_purchases_vs_holdout_purchases`).
 *
 * @remarks The summary is `rfmSummary`'s with an `observationEnd`: the model is fitted on its
 * calibration columns (`frequency`, `recency`, `T`), and each customer's prediction is
 * `expectedPurchases(model, customer, holdoutDuration)`, compared with `holdoutFrequency`. Groups run
 * from 0 to `maxFrequency`, the last holding every customer with more, so every customer is counted
 * (lifetimes' plot leaves them out). A model of another unit than the summary's is refused: its
 * predictions would be off by the unit ratio without a word. On CDNOW with the published BG/NBD
 * parameters, the one-time buyers made 0.237 purchases each in the 39 holdout weeks against 0.225
 * predicted, and all 2,357 customers 1,882 against 1,653.4. O(customers).
 * @param model - a converged BG/NBD, MBG/NBD or Pareto/NBD model, in the summary's unit.
 * @param summary - `rfmSummary(transactions, { calibrationEnd, observationEnd, unit })`.
 * @param options - `maxFrequency` (default 7).
 * @returns `{ horizon, rows, total }`, rows by calibration frequency.
 * @throws `TypeError` `holdoutComparison requires a fitted BG/NBD, MBG/NBD or Pareto/NBD model` (and the
 *   other model messages of `expectedPurchases`), `holdoutComparison requires summary to be an object`,
 *   `holdoutComparison requires an array of customers`.
 * @throws `RangeError` `holdoutComparison requires a summary with a holdout period (rfmSummary with observationEnd)`,
 *   `holdoutComparison requires the model's unit (days) to be the summary's (weeks): fit the model on this summary`,
 *   `holdoutComparison requires maxFrequency to be an integer from 1 to 10000`,
 *   `holdoutComparison requires holdoutFrequency to be a non-negative integer (customer i)`, and the customer messages of `expectedPurchases`.
 * @example
 * const day = (text) => new Date(`${text}T00:00:00Z`);
 * const transactions = [
 *   { customerId: "a", timestamp: day("2024-01-01"), amount: 10 }, { customerId: "a", timestamp: day("2024-02-01"), amount: 12 },
 *   { customerId: "a", timestamp: day("2024-05-01"), amount: 9 }, { customerId: "b", timestamp: day("2024-01-15"), amount: 30 },
 * ];
 * const summary = rfmSummary(transactions, { calibrationEnd: day("2024-03-31"), observationEnd: day("2024-06-30"), unit: "weeks" });
 * const model = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 } });
 * const check = holdoutComparison(model, summary, { maxFrequency: 1 });
 * check.rows.map((row) => [row.frequency, row.customers, row.actual]) //=> [[0, 1, 0], [1, 1, 1]]
 * check.total.actual //=> 1
 * @category CLV
 */
export function holdoutComparison(model: PurchaseModel, summary: RfmSummaryResult, options: HoldoutComparisonOptions = {}): HoldoutComparisonResult {
  assertModel(model, "holdoutComparison", true);
  assertObject(summary, "holdoutComparison", "summary");
  const settings = optionsObject(options, "holdoutComparison", { maxFrequency: true } satisfies OptionKeys<HoldoutComparisonOptions>);
  const maxFrequency = settings.maxFrequency ?? 7;
  if (!Number.isSafeInteger(maxFrequency) || maxFrequency < 1 || maxFrequency > MAX_GROUPS) {
    throw new RangeError(`holdoutComparison requires maxFrequency to be an integer from 1 to ${MAX_GROUPS}`);
  }
  const horizon = summary.holdoutDuration;
  if (summary.observationEnd === null || !(typeof horizon === "number" && horizon > 0 && Number.isFinite(horizon))) {
    throw new RangeError("holdoutComparison requires a summary with a holdout period (rfmSummary with observationEnd)");
  }
  if (model.unit !== summary.unit) {
    throw new RangeError(`holdoutComparison requires the model's unit (${model.unit}) to be the summary's (${String(summary.unit)}): fit the model on this summary`);
  }
  const customers = summary.customers;
  assertArray(customers, "holdoutComparison", "customers");
  const groups = Array.from({ length: maxFrequency + 1 }, () => ({ customers: 0, actual: new CompensatedSum(), predicted: new CompensatedSum() }));
  const actualTotal = new CompensatedSum();
  const predictedTotal = new CompensatedSum();
  for (let index = 0; index < customers.length; index++) {
    const customer = customers[index]!;
    const predicted = expectedPurchases(model, customer, horizon);
    const actual: unknown = customer.holdoutFrequency;
    if (typeof actual !== "number" || !Number.isSafeInteger(actual) || actual < 0) {
      throw new RangeError(`holdoutComparison requires holdoutFrequency to be a non-negative integer (customer ${index})`);
    }
    const group = groups[Math.min(customer.frequency, maxFrequency)]!;
    group.customers++;
    group.actual.add(actual);
    group.predicted.add(predicted);
    actualTotal.add(actual);
    predictedTotal.add(predicted);
  }
  const rows = groups.map((group, frequency): HoldoutComparisonRow => ({
    frequency,
    orMore: frequency === maxFrequency,
    customers: group.customers,
    actual: group.customers === 0 ? Number.NaN : group.actual.value / group.customers,
    predicted: group.customers === 0 ? Number.NaN : group.predicted.value / group.customers,
  }));
  return { horizon, rows, total: { customers: customers.length, actual: actualTotal.value, predicted: predictedTotal.value } };
}
