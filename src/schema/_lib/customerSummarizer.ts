import { CompensatedSum } from "../../_lib/compensatedSum.js";
import type { CustomerSummary, SummarizeCustomersOptions, SummarizeCustomersResult, TransactionLike } from "../summarizeCustomers.js";

const millisecondsPerDay = 86_400_000;

interface Accumulator {
  readonly customerId: string;
  first: number;
  last: number;
  count: number;
  readonly total: CompensatedSum;
  currency: string | null;
}

/**
 * The one-pass core of `summarizeCustomers` and `summarizeCustomersAsync`: `add` each transaction,
 * then `finish`. Memory is O(customers), time O(transactions).
 */
export function createCustomerSummarizer(options: SummarizeCustomersOptions) {
  const asOf = options.asOf.getTime();
  if (!Number.isFinite(asOf)) throw new RangeError("summarizeCustomers requires asOf to be a valid date");
  const byCustomer = new Map<string, Accumulator>();
  let read = 0;
  let afterAsOf = 0;
  return {
    add(transaction: TransactionLike): void {
      read++;
      const time = transaction.timestamp.getTime();
      if (!Number.isFinite(time)) throw new RangeError(`summarizeCustomers found an invalid timestamp in transaction ${read - 1}`);
      if (!Number.isFinite(transaction.amount)) throw new RangeError(`summarizeCustomers found a non-finite amount in transaction ${read - 1}`);
      if (time > asOf) {
        afterAsOf++;
        return;
      }
      const currency = transaction.currency ?? null;
      let accumulator = byCustomer.get(transaction.customerId);
      if (accumulator === undefined) {
        accumulator = { customerId: transaction.customerId, first: time, last: time, count: 0, total: new CompensatedSum(), currency };
        byCustomer.set(transaction.customerId, accumulator);
      } else if (accumulator.currency !== currency) {
        throw new RangeError(
          `summarizeCustomers found more than one currency for customer ${transaction.customerId} (${accumulator.currency ?? "none"} and ${currency ?? "none"}); convert amounts to one currency first`,
        );
      }
      if (time < accumulator.first) accumulator.first = time;
      if (time > accumulator.last) accumulator.last = time;
      accumulator.count++;
      accumulator.total.add(transaction.amount);
    },
    finish(): SummarizeCustomersResult {
      const customers: CustomerSummary[] = [];
      for (const accumulator of byCustomer.values()) {
        const monetaryTotal = accumulator.total.value;
        customers.push({
          customerId: accumulator.customerId,
          firstPurchaseAt: new Date(accumulator.first),
          lastPurchaseAt: new Date(accumulator.last),
          frequency: accumulator.count,
          monetaryTotal,
          monetaryAverage: monetaryTotal / accumulator.count,
          recencyDays: (asOf - accumulator.last) / millisecondsPerDay,
          tenureDays: (asOf - accumulator.first) / millisecondsPerDay,
          meanInterPurchaseDays: accumulator.count < 2 ? null : (accumulator.last - accumulator.first) / millisecondsPerDay / (accumulator.count - 1),
          currency: accumulator.currency,
        });
      }
      return { customers, counts: { transactions: read, used: read - afterAsOf, afterAsOf, customers: customers.length } };
    },
  };
}
