import { dateTimeValue } from "../../_lib/instant.js";
import { CompensatedSum } from "../../_lib/compensatedSum.js";
import { assertKnownOptions } from "../../_lib/arguments.js";
import type { OptionKeys } from "../../_lib/arguments.js";
import type { CustomerSummary, RefundOnlyCustomer, SummarizeCustomersOptions, SummarizeCustomersResult, TransactionLike } from "../summarizeCustomers.js";

const millisecondsPerDay = 86_400_000;
const optionKeys = { asOf: true } as const satisfies OptionKeys<SummarizeCustomersOptions>;

interface Accumulator {
  readonly customerId: string;
  /** Time of the first purchase (amount >= 0), `NaN` before any purchase. */
  first: number;
  /** Time of the last purchase, `NaN` before any purchase. */
  last: number;
  /** Purchases: transactions with an amount >= 0. */
  purchases: number;
  /** Refunds: transactions with a negative amount. */
  refunds: number;
  /** Net amount: purchases and refunds. */
  readonly total: CompensatedSum;
  currency: string | null;
}

/**
 * The one-pass core of `summarizeCustomers` and `summarizeCustomersAsync`: `add` each transaction,
 * then `finish`. Memory is O(customers), time O(transactions). The errors are the ones listed on
 * `summarizeCustomers`, naming `functionName`.
 */
export function createCustomerSummarizer(functionName: string, options: SummarizeCustomersOptions) {
  // Not an object is a missing clock, as below.
  if (typeof options === "object" && options !== null) assertKnownOptions(functionName, options, optionKeys);
  const asOfTime = dateTimeValue((options as Partial<SummarizeCustomersOptions> | null | undefined)?.asOf);
  if (asOfTime === undefined) throw new TypeError(`${functionName} requires asOf to be a valid date`);
  if (!Number.isFinite(asOfTime)) throw new RangeError(`${functionName} requires asOf to be a valid date`);
  const asOf = asOfTime;
  const byCustomer = new Map<string, Accumulator>();
  let read = 0;
  let afterAsOf = 0;
  return {
    add(transaction: TransactionLike): void {
      const index = read++;
      if (typeof transaction !== "object" || transaction === null) {
        throw new TypeError(`${functionName} found a value that is not an object in transaction ${index}`);
      }
      if (typeof transaction.customerId !== "string") throw new TypeError(`${functionName} found a customerId that is not a string in transaction ${index}`);
      const time = dateTimeValue(transaction.timestamp);
      if (time === undefined) throw new TypeError(`${functionName} found a timestamp that is not a Date in transaction ${index}; parse raw rows with parseTransactions first`);
      if (!Number.isFinite(time)) throw new RangeError(`${functionName} found an invalid Date in transaction ${index}`);
      const amount = transaction.amount;
      if (!Number.isFinite(amount)) throw new RangeError(`${functionName} found a non-finite amount in transaction ${index}`);
      if (time > asOf) {
        afterAsOf++;
        return;
      }
      const currency = transaction.currency ?? null;
      let accumulator = byCustomer.get(transaction.customerId);
      if (accumulator === undefined) {
        accumulator = { customerId: transaction.customerId, first: Number.NaN, last: Number.NaN, purchases: 0, refunds: 0, total: new CompensatedSum(), currency };
        byCustomer.set(transaction.customerId, accumulator);
      } else if (accumulator.currency !== currency) {
        throw new RangeError(
          `${functionName} found more than one currency for customer ${transaction.customerId} (${accumulator.currency ?? "none"} and ${currency ?? "none"}); convert amounts to one currency first`,
        );
      }
      accumulator.total.add(amount);
      // A refund (negative amount) changes the net total, not the purchase history; 0 is a purchase (a free item).
      if (amount < 0) {
        accumulator.refunds++;
        return;
      }
      if (accumulator.purchases === 0 || time < accumulator.first) accumulator.first = time;
      if (accumulator.purchases === 0 || time > accumulator.last) accumulator.last = time;
      accumulator.purchases++;
    },
    finish(): SummarizeCustomersResult {
      const customers: CustomerSummary[] = [];
      const refundOnly: RefundOnlyCustomer[] = [];
      for (const accumulator of byCustomer.values()) {
        const monetaryTotal = accumulator.total.value;
        if (accumulator.purchases === 0) {
          refundOnly.push({ customerId: accumulator.customerId, refunds: accumulator.refunds, monetaryTotal, currency: accumulator.currency });
          continue;
        }
        customers.push({
          customerId: accumulator.customerId,
          firstPurchaseAt: new Date(accumulator.first),
          lastPurchaseAt: new Date(accumulator.last),
          frequency: accumulator.purchases,
          refunds: accumulator.refunds,
          monetaryTotal,
          monetaryAverage: monetaryTotal / accumulator.purchases,
          recencyDays: (asOf - accumulator.last) / millisecondsPerDay,
          tenureDays: (asOf - accumulator.first) / millisecondsPerDay,
          meanInterPurchaseDays: accumulator.purchases < 2 ? null : (accumulator.last - accumulator.first) / millisecondsPerDay / (accumulator.purchases - 1),
          currency: accumulator.currency,
        });
      }
      return { customers, refundOnly, counts: { transactions: read, used: read - afterAsOf, afterAsOf, customers: customers.length } };
    },
  };
}
