import * as z from "zod/mini";
import { code, instant, nonNegative, optional, text } from "./_lib/fields.js";

function createTransactionSchema() {
  return z.object({
    customerId: text(),
    /** The order's id, when the source has one: `dataQualityReport(rows, { schema: Transaction, idField: "orderId" })` finds duplicates by it. */
    orderId: optional(text()),
    timestamp: instant(),
    /** The order's value. Refunds are separate transactions with a negative amount. */
    amount: z.number(),
    /** ISO 4217 code, upper case (`USD`). */
    currency: optional(code(/^[A-Z]{3}$/, "Invalid currency: expected an ISO 4217 code such as USD")),
    items: optional(
      z.array(
        z.object({
          sku: optional(text()),
          name: optional(text()),
          category: optional(text()),
          quantity: nonNegative(),
          unitPrice: optional(z.number()),
        }),
      ),
    ),
  });
}

/**
 * The zod schema of one purchase: who bought, which order, when, how much, in which currency, what.
 *
 * @example
 * const transaction = Transaction.parse({ customerId: "c1", orderId: "o1", timestamp: "1997-01-01T00:00:00Z", amount: 29.33, currency: "USD", items: [{ sku: "cd", quantity: 2 }] });
 * transaction.timestamp.toISOString() //=> "1997-01-01T00:00:00.000Z"
 * Transaction.safeParse({ customerId: "c1", orderId: "o1", timestamp: "yesterday", amount: 5 }).success //=> false
 * Transaction.safeParse({ customerId: "c1", timestamp: "1997-01-01T00:00:00Z", amount: 5 }).success //=> true
 * @category Schema
 */
export const Transaction = /* @__PURE__ */ createTransactionSchema();

/** A parsed transaction. @category Schema */
export interface Transaction extends z.infer<typeof Transaction> {}
