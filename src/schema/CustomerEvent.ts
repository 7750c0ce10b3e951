import * as z from "zod/mini";
import { instant, optional, ownRecord, text } from "./_lib/fields.js";

function createCustomerEventSchema() {
  return z.object({
    customerId: text(),
    /** The event name, e.g. `purchase`, `page_view`, `email_open`. */
    type: text(),
    timestamp: instant(),
    /** Event properties that rule `where` clauses read; the key `__proto__` is rejected (zod would drop it silently). */
    properties: optional(ownRecord(z.unknown())),
  });
}

/**
 * The zod schema of one behavioral event (a page view, an email open, a purchase).
 *
 * @example
 * const event = CustomerEvent.parse({ customerId: "c1", type: "purchase", timestamp: "2024-05-01T12:00:00Z", properties: { amount: 40 } });
 * event.type //=> "purchase"
 * @category Schema
 */
export const CustomerEvent = /* @__PURE__ */ createCustomerEventSchema();

/** A parsed customer event. @category Schema */
export interface CustomerEvent extends z.infer<typeof CustomerEvent> {}
