import { createCustomerSummarizer } from "./_lib/customerSummarizer.js";

/** The fields of a transaction that `summarizeCustomers` reads. */
export interface TransactionLike {
  readonly customerId: string;
  readonly timestamp: Date;
  readonly amount: number;
  readonly currency?: string | null | undefined;
}

/** Behavioral features of one customer, as of the clock `asOf`. */
export interface CustomerSummary {
  readonly customerId: string;
  readonly firstPurchaseAt: Date;
  readonly lastPurchaseAt: Date;
  /** Number of transactions up to `asOf`. */
  readonly frequency: number;
  /** Sum of amounts (compensated summation). */
  readonly monetaryTotal: number;
  /** `monetaryTotal / frequency`. */
  readonly monetaryAverage: number;
  /** Days from the last purchase to `asOf` (fractional: 36 hours is 1.5). */
  readonly recencyDays: number;
  /** Days from the first purchase to `asOf`. */
  readonly tenureDays: number;
  /** Mean days between consecutive purchases, `(last - first) / (frequency - 1)`; `null` for one purchase. */
  readonly meanInterPurchaseDays: number | null;
  /** The currency of the amounts, or `null` when transactions carry none. */
  readonly currency: string | null;
}

/** Options of {@link summarizeCustomers}. */
export interface SummarizeCustomersOptions {
  /** The clock: transactions after it are not counted, recency and tenure are measured to it. */
  readonly asOf: Date;
}

/** What {@link summarizeCustomers} returns. */
export interface SummarizeCustomersResult {
  /** One summary per customer, in order of first appearance. */
  readonly customers: CustomerSummary[];
  /** `transactions === used + afterAsOf`. */
  readonly counts: { readonly transactions: number; readonly used: number; readonly afterAsOf: number; readonly customers: number };
}

/**
 * Builds per-customer behavioral features (recency, frequency, monetary total and average, tenure,
 * inter-purchase time) from transactions: the input of RFM scoring, clustering and CLV.
 *
 * @remarks
 * One pass, O(transactions) time and O(customers) memory; input order does not matter. Transactions
 * after `asOf` are skipped and counted. Amounts are summed with compensated summation. Times are
 * measured in exact days (milliseconds / 86,400,000), so they do not depend on the time zone.
 * For an async source (a file stream, a database cursor) use `summarizeCustomersAsync`.
 *
 * @param transactions - any iterable of transactions (`customerId`, `timestamp`, `amount`, optional `currency`).
 * @param options - the clock `asOf`.
 * @returns the summaries and counts that reconcile.
 * @throws `summarizeCustomers requires asOf to be a valid date`
 * @throws `summarizeCustomers found more than one currency for customer <id> (...)` when one customer's amounts mix currencies.
 * @example
 * const { customers, counts } = summarizeCustomers([
 *   { customerId: "c1", timestamp: new Date("2024-01-01T00:00:00Z"), amount: 20 },
 *   { customerId: "c1", timestamp: new Date("2024-01-11T00:00:00Z"), amount: 30 },
 *   { customerId: "c2", timestamp: new Date("2024-01-21T00:00:00Z"), amount: 5 },
 *   { customerId: "c2", timestamp: new Date("2024-03-01T00:00:00Z"), amount: 7 },
 * ], { asOf: new Date("2024-01-31T00:00:00Z") });
 * counts //=> { transactions: 4, used: 3, afterAsOf: 1, customers: 2 }
 * customers[0].recencyDays //=> 20
 * customers[0].monetaryAverage //=> 25
 * customers[0].meanInterPurchaseDays //=> 10
 * customers[1].meanInterPurchaseDays //=> null
 * @category Schema
 */
export function summarizeCustomers(transactions: Iterable<TransactionLike>, options: SummarizeCustomersOptions): SummarizeCustomersResult {
  const summarizer = createCustomerSummarizer(options);
  for (const transaction of transactions) summarizer.add(transaction);
  return summarizer.finish();
}
