/**
 * Test harness shared by the `*.db.test.ts` files: a PostgreSQL client (the throwaway cluster of
 * `test/setup/postgres.ts`) and an in-process DuckDB, the test schema, and loaders that write the
 * same random profiles and events into both.
 */
import { BOOLEAN, DOUBLE, DuckDBInstance, VARCHAR } from "@duckdb/node-api";
import type { DuckDBConnection } from "@duckdb/node-api";
import pg from "pg";
import type { SqlColumnMapping, SqlEventMapping, SqlParameterType } from "../../src/sql/index.js";

/** One profile of the test schema, as the in-memory engine reads it (missing keys are absent). */
export type TestProfile = {
  id: string;
  n?: number | null;
  i?: number | null;
  s?: string | null;
  b?: boolean | null;
  t?: Date | null;
  tags?: Array<string | null> | null;
  nums?: Array<number | null> | null;
  doc?: Record<string, unknown> | null;
  behavior?: { totalSpend?: number | null };
};

/** One event of the test schema. */
export type TestEvent = {
  customerId: string;
  type: string;
  timestamp: Date;
  properties: { amount?: number | null; channel?: unknown };
};

/** The mapping of the test schema's field paths to the test tables. */
export const testColumns: SqlColumnMapping = {
  n: { column: "n", type: "number" },
  i: { column: "i", type: "integer" },
  s: { column: "s", type: "text" },
  b: { column: "b", type: "boolean" },
  t: { column: "t", type: "timestamp" },
  tags: { column: "tags", type: "textArray" },
  nums: { column: "nums", type: "numberArray" },
  "doc.num": { json: "doc", path: ["num"] },
  "doc.txt": { json: "doc", path: ["txt"] },
  "behavior.totalSpend": { column: "total spend \"quoted\"", type: "number" },
};

export const testEvents: SqlEventMapping = {
  table: "events",
  customerId: "customer_id",
  type: "type",
  timestamp: "ts",
  properties: {
    amount: { column: "amount", type: "number" },
    channel: { json: "props", path: ["channel"] },
  },
};

export interface Database {
  readonly name: "postgres" | "duckdb";
  /** Runs a query with parameters and returns rows as plain objects. */
  query(sql: string, params?: ReadonlyArray<unknown>, types?: ReadonlyArray<SqlParameterType>): Promise<Array<Record<string, unknown>>>;
  /** Replaces the contents of the test tables. */
  load(profiles: ReadonlyArray<TestProfile>, events?: ReadonlyArray<TestEvent>): Promise<void>;
  close(): Promise<void>;
}

/** A number as text that both databases parse back to the same double (NaN and infinities included). */
export function numberText(value: number | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (Number.isNaN(value)) return "NaN";
  if (value === Number.POSITIVE_INFINITY) return "Infinity";
  if (value === Number.NEGATIVE_INFINITY) return "-Infinity";
  if (Object.is(value, -0)) return "-0";
  return String(value);
}

function profileRow(profile: TestProfile): Array<string | null | Array<string | null>> {
  const doc = profile.doc;
  return [
    profile.id,
    numberText(profile.n),
    numberText(profile.i),
    profile.s ?? null,
    profile.b === undefined || profile.b === null ? null : String(profile.b),
    profile.t === undefined || profile.t === null ? null : profile.t.toISOString(),
    profile.tags ?? null,
    profile.nums === undefined || profile.nums === null ? null : profile.nums.map(numberText),
    doc === undefined || doc === null ? null : JSON.stringify(doc),
    numberText(profile.behavior?.totalSpend),
  ];
}

function eventRow(event: TestEvent): Array<string | null> {
  const { channel } = event.properties;
  return [
    event.customerId,
    event.type,
    event.timestamp.toISOString(),
    numberText(event.properties.amount),
    channel === undefined ? JSON.stringify({}) : JSON.stringify({ channel }),
  ];
}

const profileColumns = `id, n, i, s, b, t, tags, nums, doc, "total spend ""quoted"""`;

export async function connectPostgres(url: string): Promise<Database> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SET TIME ZONE 'America/New_York'"); // not UTC on purpose: results must not depend on it
  await client.query(`DROP TABLE IF EXISTS profiles; DROP TABLE IF EXISTS events;
    CREATE TABLE profiles (id TEXT PRIMARY KEY, n DOUBLE PRECISION, i BIGINT, s TEXT, b BOOLEAN, t TIMESTAMPTZ,
      tags TEXT[], nums DOUBLE PRECISION[], doc JSONB, "total spend ""quoted""" DOUBLE PRECISION);
    CREATE TABLE events (customer_id TEXT, type TEXT, ts TIMESTAMPTZ, amount DOUBLE PRECISION, props JSONB);`);
  const types = ["TEXT", "DOUBLE PRECISION", "BIGINT", "TEXT", "BOOLEAN", "TIMESTAMPTZ", "TEXT[]", "DOUBLE PRECISION[]", "JSONB", "DOUBLE PRECISION"];
  const eventTypes = ["TEXT", "TEXT", "TIMESTAMPTZ", "DOUBLE PRECISION", "JSONB"];
  const insert = async (table: string, columns: string, columnTypes: string[], rows: unknown[][]) => {
    if (rows.length === 0) return;
    const params: unknown[] = [];
    const tuples = rows.map((row) => `(${row.map((value, index) => {
      params.push(value);
      return `CAST($${params.length} AS ${columnTypes[index]})`;
    }).join(", ")})`);
    await client.query(`INSERT INTO ${table} (${columns}) VALUES ${tuples.join(", ")}`, params);
  };
  return {
    name: "postgres",
    query: async (sql, params = []) => (await client.query(sql, params as unknown[])).rows as Array<Record<string, unknown>>,
    load: async (profiles, events = []) => {
      await client.query("DELETE FROM profiles; DELETE FROM events;");
      await insert("profiles", profileColumns, types, profiles.map(profileRow));
      await insert("events", "customer_id, type, ts, amount, props", eventTypes, events.map(eventRow));
    },
    close: async () => {
      await client.end();
    },
  };
}

export async function connectDuckDB(): Promise<Database> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection: DuckDBConnection = await instance.connect();
  await connection.run("SET TimeZone = 'Asia/Kolkata'"); // not UTC on purpose
  await connection.run(`CREATE TABLE profiles (id VARCHAR PRIMARY KEY, n DOUBLE, i BIGINT, s VARCHAR, b BOOLEAN, t TIMESTAMPTZ,
      tags VARCHAR[], nums DOUBLE[], doc JSON, "total spend ""quoted""" DOUBLE);
    CREATE TABLE events (customer_id VARCHAR, type VARCHAR, ts TIMESTAMPTZ, amount DOUBLE, props JSON);`);
  const profileCasts = [
    (p: string) => p,
    (p: string) => `CAST(${p} AS DOUBLE)`,
    (p: string) => `CAST(${p} AS BIGINT)`,
    (p: string) => p,
    (p: string) => `CAST(${p} AS BOOLEAN)`,
    (p: string) => `CAST(${p} AS TIMESTAMPTZ)`,
    (p: string) => `CAST(CAST(${p} AS JSON) AS VARCHAR[])`,
    (p: string) => `CAST(CAST(CAST(${p} AS JSON) AS VARCHAR[]) AS DOUBLE[])`,
    (p: string) => `CAST(${p} AS JSON)`,
    (p: string) => `CAST(${p} AS DOUBLE)`,
  ];
  const eventCasts = [
    (p: string) => p,
    (p: string) => p,
    (p: string) => `CAST(${p} AS TIMESTAMPTZ)`,
    (p: string) => `CAST(${p} AS DOUBLE)`,
    (p: string) => `CAST(${p} AS JSON)`,
  ];
  const insert = async (table: string, columns: string, casts: Array<(p: string) => string>, rows: unknown[][]) => {
    if (rows.length === 0) return;
    const params: Array<string | null> = [];
    const tuples = rows.map((row) => `(${row.map((value, index) => {
      params.push(Array.isArray(value) ? JSON.stringify(value) : (value as string | null));
      return casts[index]!(`$${params.length}`);
    }).join(", ")})`);
    await connection.run(`INSERT INTO ${table} (${columns}) VALUES ${tuples.join(", ")}`, params as never);
  };
  return {
    name: "duckdb",
    query: async (sql, params = [], types) => {
      const duckTypes = types?.map((type) => (type === "number" ? DOUBLE : type === "boolean" ? BOOLEAN : VARCHAR));
      return (await connection.runAndReadAll(sql, params as never, duckTypes as never)).getRowObjectsJson() as Array<Record<string, unknown>>;
    },
    load: async (profiles, events = []) => {
      await connection.run("DELETE FROM profiles; DELETE FROM events;");
      await insert("profiles", profileColumns, profileCasts, profiles.map(profileRow));
      await insert("events", "customer_id, type, ts, amount, props", eventCasts, events.map(eventRow));
    },
    close: async () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
