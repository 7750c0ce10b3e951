/**
 * Workload "segments in the warehouse": 1,000,000 profiles (and ~2,000,000 purchase events), ten
 * segments; `segmentQuery` in DuckDB (in-process) versus in-memory `assignSegments`, both modes.
 *
 * Run: `TZ=UTC npx tsx bench/sql/run.ts [profiles]` from the repository root. Results go to
 * bench/sql/RESULTS.md by hand (the script prints a markdown table). Not run in CI.
 */
import { BOOLEAN, DOUBLE, DuckDBInstance, LIST, VARCHAR, timestampTZValue } from "@duckdb/node-api";
import { mulberry32 } from "../../src/_lib/random.js";
import { assignSegments, defineSegment } from "../../src/segments/index.js";
import { segmentQuery } from "../../src/sql/index.js";
import type { SqlColumnMapping, SqlEventMapping } from "../../src/sql/index.js";

const count = Number(process.argv[2] ?? 1_000_000);
const asOf = new Date("2024-06-30T00:00:00Z");
const day = 86_400_000;
const random = mulberry32(42);
const countries = ["US", "GB", "DE", "FR", "IN", "BR", "MX", "CA", "JP", "ES"];
const tagPool = ["vip", "newsletter", "loyalty", "b2b", "student", "churn-risk"];

interface Profile {
  id: string;
  behavior: { orderCount: number | null; totalSpend: number | null; lastPurchaseAt: Date | null; firstSeenAt: Date; emailOpens: number | null };
  geography: { country: string | null };
  tags: string[] | null;
}
interface Event {
  customerId: string;
  type: string;
  timestamp: Date;
  properties: { amount: number };
}

console.error(`generating ${count.toLocaleString("en-US")} profiles (seed 42)…`);
const profiles: Profile[] = new Array(count);
const events: Event[] = [];
for (let index = 0; index < count; index++) {
  const orders = Math.floor(-Math.log(1 - random()) * 3);
  const spend = orders === 0 ? 0 : Math.round(orders * (20 + random() * 120) * 100) / 100;
  const last = orders === 0 ? null : new Date(asOf.getTime() - Math.floor(random() * 720) * day - Math.floor(random() * day));
  const tags: string[] = [];
  for (const tag of tagPool) if (random() < 0.15) tags.push(tag);
  const id = `c${index}`;
  profiles[index] = {
    id,
    behavior: {
      orderCount: random() < 0.03 ? null : orders,
      totalSpend: random() < 0.05 ? null : spend,
      lastPurchaseAt: last,
      firstSeenAt: new Date(asOf.getTime() - Math.floor(random() * 1500) * day),
      emailOpens: random() < 0.2 ? null : Math.floor(random() * 40),
    },
    geography: { country: random() < 0.02 ? null : countries[Math.floor(random() * countries.length)]! },
    tags: random() < 0.1 ? null : tags,
  };
  const purchases = Math.floor(-Math.log(1 - random()) * 2);
  for (let purchase = 0; purchase < purchases; purchase++) {
    events.push({ customerId: id, type: random() < 0.8 ? "purchase" : "refund", timestamp: new Date(asOf.getTime() - Math.floor(random() * 400 * day)), properties: { amount: Math.round(random() * 20000) / 100 } });
  }
}

const columns: SqlColumnMapping = {
  "behavior.orderCount": { column: "order_count", type: "integer" },
  "behavior.totalSpend": { column: "total_spend", type: "number" },
  "behavior.lastPurchaseAt": { column: "last_purchase_at", type: "timestamp" },
  "behavior.firstSeenAt": { column: "first_seen_at", type: "timestamp" },
  "behavior.emailOpens": { column: "email_opens", type: "integer" },
  "geography.country": { column: "country", type: "text" },
  tags: { column: "tags", type: "textArray" },
};
const eventMapping: SqlEventMapping = { table: "events", customerId: "customer_id", type: "type", timestamp: "ts", properties: { amount: { column: "amount", type: "number" } } };

const segments = [
  defineSegment({ id: "vip", name: "VIP", priority: 10, rule: { op: "gte", field: "behavior.totalSpend", value: 500 } }),
  defineSegment({ id: "loyal", name: "Loyal", priority: 9, rule: { op: "and", rules: [{ op: "gte", field: "behavior.orderCount", value: 5 }, { op: "hasAny", field: "tags", values: ["loyalty", "vip"] }] } }),
  defineSegment({ id: "recent", name: "Recent", priority: 8, rule: { op: "withinLast", field: "behavior.lastPurchaseAt", amount: 30, unit: "days" } }),
  defineSegment({ id: "lapsed", name: "Lapsed", priority: 7, rule: { op: "and", rules: [{ op: "before", field: "behavior.lastPurchaseAt", amount: 12, unit: "months" }, { op: "not", rule: { op: "inSegment", segment: "vip" } }] } }),
  defineSegment({ id: "intl", name: "International", priority: 6, rule: { op: "notIn", field: "geography.country", values: ["US", "CA"] } }),
  defineSegment({ id: "engaged", name: "Engaged", priority: 5, rule: { op: "between", field: "behavior.emailOpens", min: 10, max: 30 } }),
  defineSegment({ id: "new", name: "New", priority: 4, rule: { op: "withinLast", field: "behavior.firstSeenAt", amount: 90, unit: "days" } }),
  defineSegment({ id: "big-buyer", name: "Big buyer (events)", priority: 3, rule: { op: "event", type: "purchase", withinLast: { amount: 90, unit: "days" }, sum: { property: "amount", gte: 200 } } }),
  defineSegment({ id: "refunder", name: "Refunder (events)", priority: 2, rule: { op: "event", type: "refund", count: { gte: 2 } } }),
  defineSegment({ id: "students", name: "Students", priority: 1, rule: { op: "and", rules: [{ op: "hasAll", field: "tags", values: ["student"] }, { op: "lt", field: "behavior.totalSpend", value: 100 }] } }),
];

const eventsByCustomer = new Map<string, Event[]>();
for (const event of events) {
  const list = eventsByCustomer.get(event.customerId);
  if (list === undefined) eventsByCustomer.set(event.customerId, [event]);
  else list.push(event);
}
const none: Event[] = [];

function best(times: number[]): string {
  return `${Math.min(...times).toFixed(0)} ms`;
}

const results: Array<[string, string, string]> = [];
for (const mode of ["all", "first-match"] as const) {
  const times: number[] = [];
  let sizes = "";
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const result = assignSegments(profiles, segments, { asOf, mode, eventsOf: (profile) => eventsByCustomer.get(profile.id) ?? none });
    times.push(performance.now() - started);
    sizes = result.sizes.map((size) => size.size).join(",");
  }
  results.push([`assignSegments (in memory), ${mode}`, best(times), sizes]);
}

console.error(`loading DuckDB (${events.length.toLocaleString("en-US")} events)…`);
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
await connection.run(`CREATE TABLE profiles (id VARCHAR, order_count BIGINT, total_spend DOUBLE, last_purchase_at TIMESTAMPTZ, first_seen_at TIMESTAMPTZ, email_opens BIGINT, country VARCHAR, tags VARCHAR[]);
  CREATE TABLE events (customer_id VARCHAR, type VARCHAR, ts TIMESTAMPTZ, amount DOUBLE);`);
const micros = (date: Date) => timestampTZValue(BigInt(date.getTime()) * 1000n);
let started = performance.now();
const appender = await connection.createAppender("profiles");
for (const profile of profiles) {
  const b = profile.behavior;
  appender.appendVarchar(profile.id);
  if (b.orderCount === null) appender.appendNull();
  else appender.appendBigInt(BigInt(b.orderCount));
  if (b.totalSpend === null) appender.appendNull();
  else appender.appendDouble(b.totalSpend);
  if (b.lastPurchaseAt === null) appender.appendNull();
  else appender.appendTimestampTZ(micros(b.lastPurchaseAt));
  appender.appendTimestampTZ(micros(b.firstSeenAt));
  if (b.emailOpens === null) appender.appendNull();
  else appender.appendBigInt(BigInt(b.emailOpens));
  if (profile.geography.country === null) appender.appendNull();
  else appender.appendVarchar(profile.geography.country);
  if (profile.tags === null) appender.appendNull();
  else appender.appendList(profile.tags, LIST(VARCHAR));
  appender.endRow();
}
appender.closeSync();
const eventAppender = await connection.createAppender("events");
for (const event of events) {
  eventAppender.appendVarchar(event.customerId);
  eventAppender.appendVarchar(event.type);
  eventAppender.appendTimestampTZ(micros(event.timestamp));
  eventAppender.appendDouble(event.properties.amount);
  eventAppender.endRow();
}
eventAppender.closeSync();
const loadMilliseconds = performance.now() - started;

for (const mode of ["all", "first-match"] as const) {
  const query = segmentQuery(segments, { dialect: "duckdb", table: "profiles", idColumn: "id", mode, asOf, columns, events: eventMapping });
  const types = query.paramTypes.map((type) => (type === "number" ? DOUBLE : type === "boolean" ? BOOLEAN : VARCHAR));
  const sizeSql = `SELECT ${query.segmentColumns.map(({ column }) => `COUNT(*) FILTER (WHERE "${column}")`).join(", ")} FROM (${query.sql})`;
  const inWarehouse: number[] = [];
  const toClient: number[] = [];
  let sizes = "";
  for (let run = 0; run < 3; run++) {
    started = performance.now();
    await connection.run(`CREATE OR REPLACE TABLE assignments AS ${query.sql}`, query.params as never, types);
    inWarehouse.push(performance.now() - started);
    started = performance.now();
    const reader = await connection.runAndReadAll(query.sql, query.params as never, types);
    reader.getColumnsJS();
    toClient.push(performance.now() - started);
    const sizeRow = (await connection.runAndReadAll(sizeSql, query.params as never, types)).getRows()[0] ?? [];
    sizes = sizeRow.map(String).join(",");
  }
  results.push([`segmentQuery in DuckDB, ${mode}: CREATE TABLE AS (stays in the warehouse)`, best(inWarehouse), sizes]);
  results.push([`segmentQuery in DuckDB, ${mode}: rows read into Node`, best(toClient), sizes]);
}
connection.closeSync();
instance.closeSync();

console.log(`${count.toLocaleString("en-US")} profiles, ${events.length.toLocaleString("en-US")} events, 10 segments (2 with event conditions, 1 inSegment); best of 3; DuckDB load (appender) ${(loadMilliseconds / 1000).toFixed(1)} s, not counted.\n`);
console.log("| engine | time | segment sizes (declaration order) |\n| --- | ---: | --- |");
for (const [name, time, sizes] of results) console.log(`| ${name} | ${time} | ${sizes} |`);
