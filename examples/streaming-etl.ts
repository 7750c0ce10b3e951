/**
 * A nightly ETL job over a file larger than memory: the bundled CDNOW transactions are read as a
 * stream, checked for data quality, validated row by row and summarized per customer, without ever
 * holding the rows in an array. Every line of the file is accounted for: a broken line, a rejected
 * row, or a valid transaction.
 *
 *   npx tsx --tsconfig examples/tsconfig.json examples/streaming-etl.ts
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readDelimited, type InvalidLine } from "segmentkit/node";
import { Transaction, dataQualityReportAsync, parseRowsStream, summarizeCustomersAsync, type RowRejection } from "segmentkit/schema";

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`examples/streaming-etl.ts: ${message}`);
}

const path = join(dirname(fileURLToPath(import.meta.url)), "data/CDNOW_master.txt");
const asOf = new Date("1998-07-01T00:00:00Z");

/** The file's columns (customer_id date number_of_cds dollar_value) in the shape of `Transaction`, one row at a time. */
async function* transactions(brokenLines: InvalidLine[]) {
  let index = 0;
  for await (const row of readDelimited(path, { delimiter: "whitespace", onInvalidLine: (line) => void brokenLines.push(line) })) {
    const date = row.date ?? "";
    index++;
    yield {
      customerId: row.customer_id,
      orderId: `cdnow-${index}`,
      timestamp: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T00:00:00Z`,
      amount: Number(row.dollar_value),
      currency: "USD",
    };
  }
}

// 1. Data quality, in one pass over the file.
const report = await dataQualityReportAsync(transactions([]), { schema: Transaction, idField: "orderId" });
console.log(`data quality: ${report.rows} rows, ${report.validRows} valid, ${report.duplicateIds.length} duplicate order ids`);

// 2. Validate and summarize in a second pass; rejects and broken lines are kept for a dead-letter file.
const brokenLines: InvalidLine[] = [];
const rejectedRows: RowRejection[] = [];
const valid = parseRowsStream(transactions(brokenLines), Transaction, { onRejected: (rejection) => void rejectedRows.push(rejection) });
const { customers, counts } = await summarizeCustomersAsync(valid, { asOf });
console.log(`${customers.length} customers from ${counts.used} transactions; ${rejectedRows.length} rows rejected, ${brokenLines.length} lines broken`);

check(report.rows === 69_659 && report.validRows === 69_659, "the CDNOW file has 69,659 valid transactions");
check(customers.length === 23_570, "CDNOW has 23,570 customers");
check(counts.used + counts.afterAsOf + rejectedRows.length + brokenLines.length === report.rows, "every row is accounted for");
