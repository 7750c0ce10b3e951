import { createCustomerSummarizer } from "./_lib/customerSummarizer.js";
import { assertIterable } from "../_lib/arguments.js";

/** The fields of a transaction that `summarizeCustomers` reads. */
export interface TransactionLike {
  readonly customerId: string;
  readonly timestamp: Date;
  readonly amount: number;
  readonly currency?: string | null | undefined;
}

/**
 * Behavioral features of one customer, as of the clock `asOf`. A purchase is a transaction with an
 * amount of 0 or more (0 is a free item); a negative amount is a refund, which changes the net
 * `monetaryTotal` but is not a purchase.
 */
export interface CustomerSummary {
  readonly customerId: string;
  /** The first purchase up to `asOf` (refunds excluded). */
  readonly firstPurchaseAt: Date;
  /** The last purchase up to `asOf` (refunds excluded). */
  readonly lastPurchaseAt: Date;
  /** Number of purchases (amount >= 0) up to `asOf`; at least 1. */
  readonly frequency: number;
  /** Number of refunds (negative amounts) up to `asOf`. */
  readonly refunds: number;
  /** Net sum of amounts up to `asOf`, refunds included (compensated summation); may be negative. */
  readonly monetaryTotal: number;
  /** `monetaryTotal / frequency`: net amount per purchase. */
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

/** A customer whose transactions up to `asOf` are all refunds: no purchase, so no purchase features. */
export interface RefundOnlyCustomer {
  readonly customerId: string;
  /** Number of refunds up to `asOf`. */
  readonly refunds: number;
  /** Net sum of the refunds (negative). */
  readonly monetaryTotal: number;
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
  /** One summary per customer with at least one purchase up to `asOf`, in order of first appearance. */
  readonly customers: CustomerSummary[];
  /** Customers with refunds but no purchase up to `asOf`, in order of first appearance (usually empty). */
  readonly refundOnly: RefundOnlyCustomer[];
  /**
   * `transactions === used + afterAsOf`; `used` is every purchase and refund up to `asOf`, so it equals
   * the sum of `frequency + refunds` over `customers` plus the sum of `refunds` over `refundOnly`.
   * `customers` is `customers.length`.
   */
  readonly counts: { readonly transactions: number; readonly used: number; readonly afterAsOf: number; readonly customers: number };
}

/**
 * Builds per-customer behavioral features (recency, frequency, monetary total and average, tenure,
 * inter-purchase time) from transactions: the input of RFM scoring, clustering and CLV.
 *
 * @remarks
 * One pass, O(transactions) time and O(customers) memory; input order does not matter (except to
 * the list order, and to a running total that overflows, below). Transactions
 * after `asOf` are skipped and counted. A transaction with an amount of 0 or more is a purchase (0 is
 * a free item); a negative amount is a refund (see `Transaction`): it is added to the net
 * `monetaryTotal` and counted in `refunds`, but it is not a purchase, so it does not change
 * `frequency`, the purchase dates, recency, tenure or inter-purchase time. A customer with refunds but
 * no purchase up to `asOf` has no purchase features: it is listed in `refundOnly`, not in `customers`.
 * Amounts are summed with compensated summation; a running total beyond ±`Number.MAX_VALUE` is
 * ±`Infinity` from then on, even if later refunds would bring it back in range.
 * Times are measured in exact days (milliseconds / 86,400,000), so they do not depend on the time
 * zone. For an async source (a file stream, a database cursor) use `summarizeCustomersAsync`.
 *
 * @param transactions - any iterable of transactions (`customerId`, `timestamp`, `amount`, optional `currency`).
 * @param options - the clock `asOf`.
 * @returns the summaries, the refund-only customers and counts that reconcile.
 * @throws `TypeError` `summarizeCustomers requires asOf to be a valid date` when `asOf` is not a `Date`,
 * and `RangeError` with the same message when it is an invalid `Date`.
 * @throws `TypeError` `summarizeCustomers found a value that is not an object in transaction <i>`
 * (`i` counts from 0) for `null`, `undefined` or a primitive.
 * @throws `TypeError` `summarizeCustomers requires transactions to be iterable`.
 * @throws `TypeError` `summarizeCustomers found a customerId that is not a string in transaction <i>`
 * (rows with an `undefined` id were merged into one customer).
 * @throws `TypeError` `summarizeCustomers found a timestamp that is not a Date in transaction <i>; parse raw rows with parseTransactions first`
 * (an ISO text included), and `RangeError` `summarizeCustomers found an invalid Date in transaction <i>`.
 * @throws `RangeError` `summarizeCustomers found a non-finite amount in transaction <i>` when the
 * amount is not a finite number (`NaN`, `Infinity`, a string).
 * @throws `RangeError` `summarizeCustomers found more than one currency for customer <id> (<first> and <second>); convert amounts to one currency first`
 * when one customer's transactions mix currencies (`none` stands for a missing currency).
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
 * @example
 * // A refund lowers the net total but is not a purchase: frequency and recency come from purchases.
 * const { customers: [buyer] } = summarizeCustomers([
 *   { customerId: "c1", timestamp: new Date("2024-01-01T00:00:00Z"), amount: 50 },
 *   { customerId: "c1", timestamp: new Date("2024-01-21T00:00:00Z"), amount: -20 },
 * ], { asOf: new Date("2024-01-31T00:00:00Z") });
 * [buyer.frequency, buyer.refunds, buyer.monetaryTotal, buyer.recencyDays] //=> [1, 1, 30, 30]
 * @example
 * // Timestamps must be Dates: parse raw rows with parseTransactions first.
 * let message;
 * try { summarizeCustomers([{ customerId: "c1", timestamp: "2024-01-01", amount: 5 }], { asOf: new Date("2024-01-31T00:00:00Z") }); } catch (error) { message = error.message; }
 * message //=> "summarizeCustomers found a timestamp that is not a Date in transaction 0; parse raw rows with parseTransactions first"
 * @category Schema
 */
export function summarizeCustomers(transactions: Iterable<TransactionLike>, options: SummarizeCustomersOptions): SummarizeCustomersResult {
  const summarizer = createCustomerSummarizer("summarizeCustomers", options);
  assertIterable("summarizeCustomers", "transactions", transactions);
  for (const transaction of transactions) summarizer.add(transaction);
  return summarizer.finish();
}
