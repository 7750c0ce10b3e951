/**
 * Demo section: the same CDNOW segments computed in memory (`assignSegments`) and pushed down to
 * an in-process DuckDB (`segmentQuery`): one SELECT, one grouped pass over the purchases, identical
 * assignments customer by customer.
 */
import { BOOLEAN, DOUBLE, DuckDBInstance, VARCHAR, timestampTZValue } from "@duckdb/node-api";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { CustomerSummary, Transaction } from "segmentkit/schema";
import { assignSegments, defineSegment } from "segmentkit/segments";
import { segmentQuery } from "segmentkit/sql";
import type { SqlColumnMapping, SqlEventMapping } from "segmentkit/sql";
import { customerProfile } from "./context.js";
import type { DemoContext } from "./context.js";
import { formatNumber, heading, table } from "./format.js";

/** The warehouse mapping: rule field paths → columns of the `customers` and `purchases` tables. */
export const cdnowColumns: SqlColumnMapping = {
  "behavior.orderCount": { column: "order_count", type: "integer" },
  "behavior.totalSpend": { column: "total_spend", type: "number" },
  "behavior.firstPurchaseAt": { column: "first_purchase_at", type: "timestamp" },
  "behavior.lastPurchaseAt": { column: "last_purchase_at", type: "timestamp" },
};
export const cdnowEvents: SqlEventMapping = {
  table: "purchases",
  customerId: "customer_id",
  type: "type",
  timestamp: "purchased_at",
  properties: { amount: { column: "amount", type: "number" } },
};

/** A waterfall of segments; the first one is the "CDNOW segment" of the demo. */
export const warehouseSegments = [
  defineSegment({
    id: "lapsed-high-value",
    name: "Lapsed high value: spent $300+, no purchase in the last 180 days",
    priority: 3,
    rule: {
      op: "and",
      rules: [
        { op: "gte", field: "behavior.totalSpend", value: 300 },
        { op: "not", rule: { op: "event", type: "purchase", withinLast: { amount: 180, unit: "days" } } },
      ],
    },
  }),
  defineSegment({
    id: "repeat-recent",
    name: "Repeat buyer: 2+ purchases worth $50+ in the last 6 months",
    priority: 2,
    rule: { op: "event", type: "purchase", where: { op: "gte", field: "amount", value: 50 }, withinLast: { amount: 6, unit: "months" }, count: { gte: 2 } },
  }),
  defineSegment({
    id: "one-timer",
    name: "One-time buyer",
    priority: 1,
    rule: { op: "eq", field: "behavior.orderCount", value: 1 },
  }),
];

const micros = (date: Date) => timestampTZValue(BigInt(date.getTime()) * 1000n);

/** Creates and fills `customers` and `purchases` with the DuckDB appender. */
export async function loadCdnow(connection: DuckDBConnection, customers: ReadonlyArray<CustomerSummary>, transactions: ReadonlyArray<Transaction>): Promise<void> {
  await connection.run(`CREATE OR REPLACE TABLE customers (customer_id VARCHAR, order_count BIGINT, total_spend DOUBLE, first_purchase_at TIMESTAMPTZ, last_purchase_at TIMESTAMPTZ);
    CREATE OR REPLACE TABLE purchases (customer_id VARCHAR, type VARCHAR, purchased_at TIMESTAMPTZ, amount DOUBLE);`);
  const customerAppender = await connection.createAppender("customers");
  for (const customer of customers) {
    customerAppender.appendVarchar(customer.customerId);
    customerAppender.appendBigInt(BigInt(customer.frequency));
    customerAppender.appendDouble(customer.monetaryTotal);
    customerAppender.appendTimestampTZ(micros(customer.firstPurchaseAt));
    customerAppender.appendTimestampTZ(micros(customer.lastPurchaseAt));
    customerAppender.endRow();
  }
  customerAppender.closeSync();
  const purchaseAppender = await connection.createAppender("purchases");
  for (const transaction of transactions) {
    purchaseAppender.appendVarchar(transaction.customerId);
    purchaseAppender.appendVarchar("purchase");
    purchaseAppender.appendTimestampTZ(micros(transaction.timestamp));
    purchaseAppender.appendDouble(transaction.amount);
    purchaseAppender.endRow();
  }
  purchaseAppender.closeSync();
}

export async function sqlSection(context: DemoContext): Promise<string> {
  const { customers, transactions, asOf } = context;
  // In memory: profiles plus each customer's purchases as events.
  const purchasesOf = new Map<string, Array<{ type: string; timestamp: Date; properties: { amount: number } }>>();
  for (const transaction of transactions) {
    const list = purchasesOf.get(transaction.customerId) ?? [];
    list.push({ type: "purchase", timestamp: transaction.timestamp, properties: { amount: transaction.amount } });
    purchasesOf.set(transaction.customerId, list);
  }
  const profiles = customers.map(customerProfile);
  let started = performance.now();
  const memory = assignSegments(profiles, warehouseSegments, { asOf, mode: "first-match", eventsOf: (profile) => purchasesOf.get(profile.id) ?? [] });
  const memoryMilliseconds = performance.now() - started;

  // In DuckDB: one SELECT from segmentQuery.
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    await loadCdnow(connection, customers, transactions);
    const query = segmentQuery(warehouseSegments, {
      dialect: "duckdb",
      table: "customers",
      idColumn: "customer_id",
      mode: "first-match",
      asOf,
      columns: cdnowColumns,
      events: cdnowEvents,
    });
    started = performance.now();
    // DuckDB's client infers BIGINT for integral numbers: send the types segmentQuery reports.
    const types = query.paramTypes.map((type) => (type === "number" ? DOUBLE : type === "boolean" ? BOOLEAN : VARCHAR));
    const reader = await connection.runAndReadAll(query.sql, query.params as never, types);
    const rows = reader.getRowObjectsJson() as Array<Record<string, unknown>>;
    const duckdbMilliseconds = performance.now() - started;

    const sqlCounts = new Map<string, number>();
    const sqlSegmentOf = new Map<string, string | null>();
    for (const row of rows) {
      const segment = row["segment"] === null ? null : String(row["segment"]);
      sqlSegmentOf.set(String(row["id"]), segment);
      if (segment !== null) sqlCounts.set(segment, (sqlCounts.get(segment) ?? 0) + 1);
    }
    let disagreements = 0;
    for (const membership of memory.memberships) if (sqlSegmentOf.get(membership.id) !== membership.segment) disagreements++;
    const sizeOf = new Map(memory.sizes.map((size) => [size.id, size.size]));
    const out = [heading("Segments in the warehouse (segmentkit/sql, DuckDB in-process)")];
    out.push(
      `${formatNumber(customers.length)} customers and ${formatNumber(transactions.length)} purchases loaded into DuckDB; ` +
        `the segments below run as one SELECT with ${query.params.length} bound parameters and one grouped pass over the purchases (first-match, as of ${asOf.toISOString().slice(0, 10)}).\n`,
    );
    out.push(
      table(
        ["segment", "in memory", "in DuckDB", "same"],
        warehouseSegments.map((segment) => {
          const inMemory = sizeOf.get(segment.id) ?? 0;
          const inDuckdb = sqlCounts.get(segment.id) ?? 0;
          return [segment.name, inMemory, inDuckdb, inMemory === inDuckdb ? "yes" : "NO"];
        }),
      ),
    );
    out.push(
      `\nUnassigned: ${formatNumber(memory.unassigned.count)} in memory, ${formatNumber(rows.filter((row) => row["segment"] === null).length)} in DuckDB. ` +
        `Customers assigned differently: ${disagreements}. ` +
        `Time: assignSegments ${memoryMilliseconds.toFixed(0)} ms, DuckDB query ${duckdbMilliseconds.toFixed(0)} ms.`,
    );
    if (disagreements > 0 || rows.length !== customers.length) throw new Error("segmentkit/sql demo: DuckDB and the in-memory engine disagree");
    return out.join("\n");
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
