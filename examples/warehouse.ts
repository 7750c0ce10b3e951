/**
 * Segments in the warehouse with DuckDB (in-process): compile a rule to a parameterized WHERE clause
 * with `toSql`, assign segments in one SELECT with `segmentQuery`, and check both against the
 * in-memory engine. Run: `npx tsx --tsconfig examples/tsconfig.json examples/warehouse.ts`.
 */
import { BOOLEAN, DOUBLE, DuckDBInstance, VARCHAR } from "@duckdb/node-api";
import { evaluate } from "segmentkit/rules";
import type { Rule } from "segmentkit/rules";
import { assignSegments, defineSegment } from "segmentkit/segments";
import { segmentQuery, toSql } from "segmentkit/sql";
import type { SqlColumnMapping, SqlEventMapping, SqlParameterType } from "segmentkit/sql";

const asOf = new Date("2024-06-30T00:00:00Z");

// 1. The data, in memory and in DuckDB.
const profiles = [
  { id: "ann", geography: { country: "FR" }, behavior: { totalSpend: 820, lastPurchaseAt: new Date("2024-06-20T10:00:00Z") }, traits: { plan: "pro" } },
  { id: "bob", geography: { country: "US" }, behavior: { totalSpend: 95.5, lastPurchaseAt: new Date("2023-11-02T08:00:00Z") }, traits: { plan: "free" } },
  { id: "cy", geography: {}, behavior: { totalSpend: 1200 }, traits: {} },
  { id: "dee", geography: { country: "DE" }, behavior: { totalSpend: Number.NaN, lastPurchaseAt: new Date("2024-05-31T00:00:00Z") }, traits: { plan: "pro" } },
];
const events = [
  { customerId: "ann", type: "purchase", timestamp: new Date("2024-06-20T10:00:00Z"), properties: { amount: 120 } },
  { customerId: "ann", type: "purchase", timestamp: new Date("2024-06-01T10:00:00Z"), properties: { amount: 80 } },
  { customerId: "dee", type: "purchase", timestamp: new Date("2024-05-31T00:00:00Z"), properties: { amount: 40 } },
];

const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
await connection.run(`CREATE TABLE profiles (customer_id VARCHAR, country VARCHAR, total_spend DOUBLE, last_purchase_at TIMESTAMPTZ, traits JSON);
  CREATE TABLE events (customer_id VARCHAR, type VARCHAR, ts TIMESTAMPTZ, amount DOUBLE);
  INSERT INTO profiles VALUES
    ('ann', 'FR', 820, '2024-06-20T10:00:00Z', '{"plan": "pro"}'),
    ('bob', 'US', 95.5, '2023-11-02T08:00:00Z', '{"plan": "free"}'),
    ('cy', NULL, 1200, NULL, '{}'),
    ('dee', 'DE', 'NaN', '2024-05-31T00:00:00Z', '{"plan": "pro"}');
  INSERT INTO events VALUES
    ('ann', 'purchase', '2024-06-20T10:00:00Z', 120), ('ann', 'purchase', '2024-06-01T10:00:00Z', 80),
    ('dee', 'purchase', '2024-05-31T00:00:00Z', 40);`);

// 2. The mapping: rule field paths → columns (or JSON paths), and the events table.
const columns: SqlColumnMapping = {
  "geography.country": { column: "country", type: "text" },
  "behavior.totalSpend": { column: "total_spend", type: "number" },
  "behavior.lastPurchaseAt": { column: "last_purchase_at", type: "timestamp" },
  "traits.plan": { json: "traits", path: ["plan"] },
};
const eventMapping: SqlEventMapping = { table: "events", customerId: "customer_id", type: "type", timestamp: "ts", properties: { amount: { column: "amount", type: "number" } } };

/** DuckDB's client infers BIGINT for integral numbers: send the reported parameter types. */
const duckdbTypes = (types: ReadonlyArray<SqlParameterType>) => types.map((type) => (type === "number" ? DOUBLE : type === "boolean" ? BOOLEAN : VARCHAR));

// 3. One rule as a WHERE clause.
const rule: Rule = {
  op: "and",
  rules: [
    { op: "notIn", field: "geography.country", values: ["US"] }, // a missing country is UNKNOWN: cy is not selected
    { op: "eq", field: "traits.plan", value: "pro" },
    { op: "withinLast", field: "behavior.lastPurchaseAt", amount: 1, unit: "months" },
  ],
};
const where = toSql(rule, { dialect: "duckdb", columns, asOf });
const selected = (await connection.runAndReadAll(`SELECT customer_id FROM profiles WHERE ${where.sql} ORDER BY 1`, where.params, duckdbTypes(where.paramTypes)))
  .getRowObjectsJson()
  .map((row) => String(row["customer_id"]));
const inMemory = profiles.filter((profile) => evaluate(rule, profile, { asOf }) === true).map((profile) => profile.id);
console.log("WHERE", where.sql);
console.log("params", where.params);
console.log("DuckDB selects", selected, "evaluate selects", inMemory);
if (JSON.stringify(selected) !== JSON.stringify(inMemory)) throw new Error("toSql and evaluate disagree");

// 4. Segments in one SELECT, with an event condition aggregated in one grouped pass.
const segments = [
  defineSegment({ id: "big-spender", name: "Spent $150+ in the last 30 days", priority: 2, rule: { op: "event", type: "purchase", withinLast: { amount: 30, unit: "days" }, sum: { property: "amount", gte: 150 } } }),
  defineSegment({ id: "high-value", name: "Lifetime spend $500+", priority: 1, rule: { op: "gte", field: "behavior.totalSpend", value: 500 } }),
];
const query = segmentQuery(segments, { dialect: "duckdb", table: "profiles", idColumn: "customer_id", mode: "first-match", asOf, columns, events: eventMapping });
const rows = (await connection.runAndReadAll(`${query.sql} ORDER BY 1`, query.params, duckdbTypes(query.paramTypes))).getRowObjectsJson();
const memory = assignSegments(profiles, segments, {
  asOf,
  mode: "first-match",
  eventsOf: (profile) => events.filter((event) => event.customerId === profile.id),
});
console.table(rows);
for (const membership of memory.memberships) {
  const row = rows.find((candidate) => candidate["id"] === membership.id);
  if ((row?.["segment"] ?? null) !== membership.segment) throw new Error(`segmentQuery and assignSegments disagree on ${membership.id}`);
}
console.log("segmentQuery agrees with assignSegments on", memory.total, "profiles");
connection.closeSync();
instance.closeSync();
