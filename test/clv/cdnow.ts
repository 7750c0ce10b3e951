// Shared CDNOW / donations loaders for the clv tests (not a test file).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const dataDirectory = fileURLToPath(new URL("../../examples/data/", import.meta.url));

export interface CdnowTransaction {
  customerId: string;
  timestamp: Date;
  amount: number;
}

/** CDNOW_sample.txt: master id, sample id, YYYYMMDD, cds, dollars; dates as UTC midnight. */
export function cdnowTransactions(): CdnowTransaction[] {
  const text = readFileSync(dataDirectory + "CDNOW_sample.txt", "utf8");
  const rows: CdnowTransaction[] = [];
  for (const line of text.split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5) continue;
    const date = fields[2] as string;
    rows.push({
      customerId: String(Number(fields[1])),
      timestamp: new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)))),
      amount: Number(fields[4]),
    });
  }
  return rows;
}

export interface SummaryRow {
  id: string;
  frequency: number;
  recency: number;
  T: number;
  monetaryValue: number;
}

/** cdnow_customers_summary_with_transactions.csv (CRLF): ID,x,t_x,T,zbar. */
export function cdnowSummary(): SummaryRow[] {
  const lines = readFileSync(dataDirectory + "cdnow_customers_summary_with_transactions.csv", "utf8").trim().split(/\r?\n/).slice(1);
  return lines.map((line) => {
    const [id, x, tx, T, zbar] = line.split(",");
    return { id: id as string, frequency: Number(x), recency: Number(tx), T: Number(T), monetaryValue: Number(zbar) };
  });
}

/** cdnow_customers_summary.csv (LF): ID,frequency,recency,T. */
export function cdnowSummaryPlain(): Array<{ id: string; frequency: number; recency: number; T: number }> {
  const lines = readFileSync(dataDirectory + "cdnow_customers_summary.csv", "utf8").trim().split(/\r?\n/).slice(1);
  return lines.map((line) => {
    const [id, x, tx, T] = line.split(",");
    return { id: id as string, frequency: Number(x), recency: Number(tx), T: Number(T) };
  });
}

/** donations.csv: frequency,recency,periods,weights. */
export function donations(): Array<{ frequency: number; recency: number; periods: number; weight: number }> {
  const lines = readFileSync(dataDirectory + "donations.csv", "utf8").trim().split(/\r?\n/).slice(1);
  return lines.map((line) => {
    const [x, tx, n, w] = line.split(",").map(Number);
    return { frequency: x as number, recency: tx as number, periods: n as number, weight: w as number };
  });
}

export const day = (iso: string): Date => new Date(iso + "T00:00:00Z");
