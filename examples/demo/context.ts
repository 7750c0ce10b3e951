/**
 * Loads the bundled CDNOW transactions (examples/data/CDNOW_master.txt: 69,659 purchases by 23,570
 * customers, Jan 1997 - Jun 1998; MIT, from CamDavidsonPilon/lifetimes; Fader, Hardie & Lee 2005),
 * validates them and builds per-customer features: the shared input of every demo section.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readDelimited } from "segmentkit/node";
import {
  type CustomerSummary,
  type DataQualityReport,
  type ParseRowsResult,
  Transaction,
  dataQualityReport,
  parseTransactions,
  summarizeCustomers,
} from "segmentkit/schema";

export interface DemoContext {
  /** Valid CDNOW transactions, `timestamp` at UTC midnight of the purchase day, amounts in USD. */
  readonly transactions: Transaction[];
  /** One feature row per customer as of `asOf`. */
  readonly customers: CustomerSummary[];
  /** The clock of the demo: the day after the last CDNOW purchase. */
  readonly asOf: Date;
  /** Absolute path of examples/data. */
  readonly dataDirectory: string;
}

export interface LoadedDemo {
  readonly context: DemoContext;
  readonly parsed: ParseRowsResult<Transaction>;
  readonly quality: DataQualityReport;
  readonly rawRows: number;
}

/**
 * The profile every demo section evaluates rules on: the behavior group of `CustomerProfile` from a
 * customer's summary, plus the mean gap between purchases (null after a single purchase).
 */
export function customerProfile(customer: CustomerSummary) {
  return {
    id: customer.customerId,
    behavior: {
      orderCount: customer.frequency,
      totalSpend: customer.monetaryTotal,
      averageOrderValue: customer.monetaryAverage,
      firstPurchaseAt: customer.firstPurchaseAt,
      lastPurchaseAt: customer.lastPurchaseAt,
      meanInterPurchaseDays: customer.meanInterPurchaseDays,
    },
  };
}

export const dataDirectory = join(dirname(fileURLToPath(import.meta.url)), "..", "data");
export const asOf = new Date("1998-07-01T00:00:00Z");

/** One raw CDNOW row as a transaction-shaped record (still unvalidated). */
function toRawTransaction(row: Record<string, string>, index: number) {
  const date = row.date ?? "";
  return {
    customerId: row.customer_id,
    orderId: `cdnow-${index + 1}`,
    timestamp: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T00:00:00Z`,
    amount: Number(row.dollar_value),
    currency: "USD",
    items: [{ sku: "cd", quantity: Number(row.number_of_cds) }],
  };
}

export async function loadDemo(): Promise<LoadedDemo> {
  const raw: unknown[] = [];
  // The file's first line is its header: customer_id date number_of_cds dollar_value.
  const rows = readDelimited(join(dataDirectory, "CDNOW_master.txt"), { delimiter: "whitespace" });
  for await (const row of rows) raw.push(toRawTransaction(row, raw.length));
  const quality = dataQualityReport(raw, { schema: Transaction, idField: "orderId" });
  const parsed = parseTransactions(raw);
  const { customers } = summarizeCustomers(parsed.valid, { asOf });
  return { context: { transactions: parsed.valid, customers, asOf, dataDirectory }, parsed, quality, rawRows: raw.length };
}
