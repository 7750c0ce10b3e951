import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readJsonLines, type InvalidLine } from "../../src/node/index.js";
import { Transaction, dataQualityReport, dataQualityReportAsync, parseRowsStream, parseTransactions, summarizeCustomers, summarizeCustomersAsync, type RowRejection } from "../../src/schema/index.js";
import { mulberry32 } from "../../src/_lib/random.js";

/** A JSON Lines transaction export with the dirt of real ones: broken lines, wrong types, bad dates, duplicates. */
function dirtyExport(count: number): string {
  const random = mulberry32(7);
  const lines: string[] = [];
  for (let index = 0; index < count; index++) {
    const roll = random();
    const row: Record<string, unknown> = {
      customerId: `c${Math.floor(random() * 40)}`,
      orderId: `o${Math.floor(random() * count)}`,
      timestamp: new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 500) * 86_400_000).toISOString(),
      amount: Math.round((random() * 200 - 20) * 100) / 100,
    };
    if (roll < 0.03) lines.push(`{"customerId": "c${index}", "amount": `); // cut off mid-write
    else if (roll < 0.06) lines.push(JSON.stringify({ ...row, amount: String(row.amount) }));
    else if (roll < 0.08) lines.push(JSON.stringify({ ...row, timestamp: "last tuesday" }));
    else if (roll < 0.1) lines.push(JSON.stringify({ ...row, channel: "web" }));
    else lines.push(JSON.stringify(row));
  }
  return `${lines.join("\n")}\n`;
}

describe("the ETL pipeline: readJsonLines → parseRowsStream → summarizeCustomersAsync, and dataQualityReportAsync", () => {
  const directory = mkdtempSync(join(tmpdir(), "segmentkit-pipeline-"));
  const path = join(directory, "transactions.jsonl");
  const text = dirtyExport(3_000);
  writeFileSync(path, text);
  // The same file read in memory, the batch way.
  const parsedLines: unknown[] = [];
  const brokenLines: number[] = [];
  text.split("\n").slice(0, -1).forEach((line, index) => {
    try {
      parsedLines.push(JSON.parse(line));
    } catch {
      brokenLines.push(index + 1);
    }
  });
  const asOf = new Date("2024-03-01T00:00:00Z");

  it("gives the batch results, and every row and line is accounted for", async () => {
    const invalidLines: InvalidLine[] = [];
    const rejected: RowRejection[] = [];
    const rows = parseRowsStream(readJsonLines(path, { onInvalidLine: (line) => void invalidLines.push(line) }), Transaction, {
      onRejected: (rejection) => void rejected.push(rejection),
    });
    const streamed = await summarizeCustomersAsync(rows, { asOf });

    const batch = parseTransactions(parsedLines);
    expect(streamed).toEqual(summarizeCustomers(batch.valid, { asOf }));
    expect(invalidLines.map((line) => line.line)).toEqual(brokenLines);
    expect(rejected).toEqual(batch.rejected);
    expect(brokenLines.length + batch.counts.input).toBe(3_000);
    expect(brokenLines.length).toBeGreaterThan(50);
    expect(rejected.length).toBeGreaterThan(50);
    expect(streamed.counts.used + streamed.counts.afterAsOf).toBe(batch.counts.valid);
  });

  it("reports the file's data quality as dataQualityReport does in memory", async () => {
    const report = await dataQualityReportAsync(readJsonLines(path, { onInvalidLine: () => undefined }), { schema: Transaction, idField: "orderId" });
    expect(report).toEqual(dataQualityReport(parsedLines, { schema: Transaction, idField: "orderId" }));
    expect(report.unknownFields).toEqual([{ field: "channel", rows: expect.any(Number) }]);
    expect(report.duplicateIds.length).toBeGreaterThan(0);
  });

  it("an aborted read rejects the whole pipeline with the signal's reason, after the rows read before it", async () => {
    const controller = new AbortController();
    const reason = new Error("job cancelled");
    let rowsSeen = 0;
    const rows = parseRowsStream(readJsonLines(path, { signal: controller.signal, onInvalidLine: () => undefined }), Transaction, {
      onRejected: () => {
        rowsSeen++;
        if (rowsSeen === 20) controller.abort(reason);
      },
    });
    await expect(summarizeCustomersAsync(rows, { asOf })).rejects.toBe(reason);
    await expect(dataQualityReportAsync(readJsonLines(path, { signal: AbortSignal.abort(reason) }), { schema: Transaction })).rejects.toBe(reason);
  });
});
