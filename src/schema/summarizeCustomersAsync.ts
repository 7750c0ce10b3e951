import { createCustomerSummarizer } from "./_lib/customerSummarizer.js";
import { assertIterable } from "../_lib/arguments.js";
import { beforeReading, forEachRow } from "../_lib/rowSources.js";
import type { SummarizeCustomersOptions, SummarizeCustomersResult, TransactionLike } from "./summarizeCustomers.js";

/**
 * `summarizeCustomers` over an async source: a file stream, a database cursor, a message queue.
 *
 * @remarks Same code as `summarizeCustomers`: same features (refunds count in the net total, not as
 * purchases), same counts, same O(transactions) time and O(customers) memory; the input is read once
 * and never held in memory; the transactions of a sync iterable are taken as they are, never awaited
 * (a `Promise` among them is refused), and a refused call closes the source.
 *
 * @param transactions - an async iterable (or a plain iterable) of transactions.
 * @param options - the clock `asOf`.
 * @returns a promise of the summaries, the refund-only customers and the counts.
 * @throws the same errors as `summarizeCustomers` (their messages name `summarizeCustomersAsync`), as a rejected promise;
 * `TypeError` `summarizeCustomersAsync requires transactions to be iterable or async iterable`.
 * @throws `TypeError` `summarizeCustomersAsync takes the rows of a sync iterable as they are, and row <i> is a Promise: pass an async iterable to have them awaited`.
 * @example
 * async function* stream() {
 *   yield { customerId: "c1", timestamp: new Date("2024-01-01T00:00:00Z"), amount: 12.5 };
 *   yield { customerId: "c1", timestamp: new Date("2024-01-05T00:00:00Z"), amount: 7.5 };
 * }
 * const { customers } = await summarizeCustomersAsync(stream(), { asOf: new Date("2024-01-10T00:00:00Z") });
 * customers[0].monetaryTotal //=> 20
 * customers[0].tenureDays //=> 9
 * @category Schema
 */
export async function summarizeCustomersAsync(
  transactions: AsyncIterable<TransactionLike> | Iterable<TransactionLike>,
  options: SummarizeCustomersOptions,
): Promise<SummarizeCustomersResult> {
  const summarizer = await beforeReading(transactions, () => createCustomerSummarizer("summarizeCustomersAsync", options));
  assertIterable("summarizeCustomersAsync", "transactions", transactions, true);
  await forEachRow("summarizeCustomersAsync", transactions, (transaction) => summarizer.add(transaction));
  return summarizer.finish();
}
