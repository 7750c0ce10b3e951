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
import { readDelimited, readLines, type InvalidLine } from "segmentkit/node";
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

// 1. Data quality, in one pass over the file; lines that are not records are kept, not fatal.
const brokenInReport: InvalidLine[] = [];
const report = await dataQualityReportAsync(transactions(brokenInReport), { schema: Transaction, idField: "orderId" });
console.log(`data quality: ${report.rows} rows, ${report.validRows} valid, ${report.duplicateIds.length} duplicate order ids, ${brokenInReport.length} broken lines`);

// 2. Validate and summarize in a second pass; rejected rows and broken lines are kept for a dead-letter file.
const brokenLines: InvalidLine[] = [];
const rejectedRows: RowRejection[] = [];
const valid = parseRowsStream(transactions(brokenLines), Transaction, { onRejected: (rejection) => void rejectedRows.push(rejection) });
const { customers, counts } = await summarizeCustomersAsync(valid, { asOf });
console.log(`${customers.length} customers from ${counts.used} transactions; ${rejectedRows.length} rows rejected, ${brokenLines.length} lines broken`);

// 3. Reconcile: every data line of the file (not blank, not the header) is a row or a broken line, and every row is summarized or rejected.
let dataLines = -1;
for await (const line of readLines(path)) if (line.trim() !== "") dataLines++;
check(report.rows + brokenInReport.length === dataLines && brokenLines.length === brokenInReport.length, "every line of the file is a row or a broken line");
check(counts.used + counts.afterAsOf + rejectedRows.length === report.rows, "every row is summarized or rejected");
check(report.validRows === counts.used + counts.afterAsOf, "the report and the parser agree on the valid rows");
check(report.rows === 69_659 && customers.length === 23_570, "CDNOW has 69,659 transactions by 23,570 customers");
