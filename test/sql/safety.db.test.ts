import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { evaluate } from "../../src/rules/index.js";
import type { Rule } from "../../src/rules/index.js";
import { segmentQuery, SqlCompileError, toSql } from "../../src/sql/index.js";
import { connectDuckDB, connectPostgres, testColumns, testEvents } from "./_databases.js";
import type { Database, TestEvent, TestProfile } from "./_databases.js";

let databases: Database[] = [];
beforeAll(async () => {
  databases = [await connectPostgres(inject("pgUrl")), await connectDuckDB()];
});
afterAll(async () => {
  for (const database of databases) await database.close();
});

const asOf = new Date("2024-03-31T12:00:00Z");
const injections = [
  "'; DROP TABLE profiles; --",
  "x' OR '1'='1",
  "\\'; DROP TABLE profiles; --",
  "$1",
  "?",
  "@p1",
  "%' OR 1=1 --",
  '"; DROP TABLE profiles; --',
  "E'\\x27",
];
const profiles: TestProfile[] = injections.map((s, index) => ({ id: `p${index}`, s, tags: [s], doc: { txt: s } }));

async function countProfiles(database: Database): Promise<number> {
  const rows = await database.query("SELECT COUNT(*) AS n FROM profiles");
  return Number(rows[0]?.["n"]);
}

describe("injection attempts fail safely", () => {
  it("values never reach the SQL text and select exactly what evaluate selects", async () => {
    for (const database of databases) {
      await database.load(profiles);
      for (const value of injections) {
        const rules: Rule[] = [
          { op: "eq", field: "s", value },
          { op: "contains", field: "s", value, caseInsensitive: true },
          { op: "in", field: "doc.txt", values: [value, "zzz"] },
          { op: "hasAny", field: "tags", values: [value] },
          { op: "event", type: value, count: { gte: 0 } },
        ];
        for (const rule of rules) {
          const { sql, params, paramTypes } = toSql(rule, {
            dialect: database.name,
            columns: testColumns,
            asOf,
            events: testEvents,
            tableAlias: "profiles",
            idColumn: "id",
          });
          // ("$1", "?" and "@p1" are also placeholders, so only the longer attempts can be searched for.)
          if (value.length > 3) expect(sql.includes(value), `${database.name}: ${sql}`).toBe(false);
          expect(params).toContain(rule.op === "contains" ? `%${value.replaceAll("\\", "\\\\").replaceAll("%", "\\%").replaceAll("_", "\\_")}%` : value);
          const rows = await database.query(`SELECT id FROM profiles WHERE ${sql}`, params, paramTypes);
          const want = profiles.filter((profile) => evaluate(rule, profile, { asOf, events: [] }) === true).map((profile) => profile.id).sort();
          expect(rows.map((row) => String(row["id"])).sort(), `${database.name} ${JSON.stringify(rule)}`).toEqual(want);
        }
      }
      expect(await countProfiles(database)).toBe(injections.length);
    }
  });

  it("hostile column and table names are quoted as one identifier: the query fails on an unknown column, nothing runs", async () => {
    for (const database of databases) {
      await database.load(profiles);
      for (const column of ['s" IS NULL OR 1=1; DROP TABLE profiles; --', "s`; DROP TABLE profiles; --", "s'); DROP TABLE profiles; --"]) {
        const { sql, params, paramTypes } = toSql({ op: "exists", field: "hostile" }, { dialect: database.name, columns: { hostile: { column, type: "text" } }, asOf });
        await expect(database.query(`SELECT id FROM profiles WHERE ${sql}`, params, paramTypes)).rejects.toThrow();
      }
      const query = segmentQuery([{ id: "a", rule: { op: "always" } }], {
        dialect: database.name,
        table: 'profiles"; DROP TABLE profiles; --',
        idColumn: "id",
        mode: "all",
        asOf,
        columns: testColumns,
      });
      await expect(database.query(query.sql, query.params, query.paramTypes)).rejects.toThrow();
      expect(await countProfiles(database)).toBe(injections.length);
    }
  });

  it("field names come only from the mapping: an unmapped or inherited field is a compile error, never a column", () => {
    for (const field of ["s; DROP TABLE profiles", "constructor", "__proto__", "toString"]) {
      expect(() => toSql({ op: "exists", field }, { dialect: "postgres", columns: testColumns, asOf })).toThrow(SqlCompileError);
    }
    expect(() =>
      toSql({ op: "exists", field: "x" }, { dialect: "postgres", columns: { x: { column: "a\u0000b", type: "text" } }, asOf }),
    ).toThrowErrorMatchingInlineSnapshot(`[SqlCompileError: toSql found 1 issue: the column of field "x" must be a non-empty identifier without control characters, got "a\\u0000b" at field]`);
  });
});

describe("segmentQuery on a hand-checked example", () => {
  it("counts, sums and windows events per customer in one grouped pass", async () => {
    const people: TestProfile[] = [{ id: "ann" }, { id: "bob" }, { id: "cy" }];
    const day = 86_400_000;
    const at = (days: number) => new Date(asOf.getTime() - days * day);
    const events: TestEvent[] = [
      { customerId: "ann", type: "purchase", timestamp: at(1), properties: { amount: 10, channel: "web" } },
      { customerId: "ann", type: "purchase", timestamp: at(40), properties: { amount: 5, channel: "web" } },
      { customerId: "ann", type: "purchase", timestamp: new Date(asOf.getTime() + 1), properties: { amount: 100 } }, // after the clock: ignored
      { customerId: "bob", type: "purchase", timestamp: at(30), properties: { amount: Number.NaN, channel: "store" } }, // exactly on the window bound
      { customerId: "bob", type: "visit", timestamp: at(2), properties: {} },
    ];
    const segments = [
      { id: "recent buyer", rule: { op: "event", type: "purchase", withinLast: { amount: 30, unit: "days" } } as Rule },
      { id: "web spender", rule: { op: "event", type: "purchase", where: { op: "eq", field: "channel", value: "web" }, sum: { property: "amount", gte: 15 } } as Rule },
      { id: "no purchase", rule: { op: "not", rule: { op: "event", type: "purchase" } } as Rule, priority: 5 },
    ];
    for (const database of databases) {
      await database.load(people, events);
      const query = segmentQuery(segments, { dialect: database.name, table: "profiles", idColumn: "id", mode: "all", asOf, columns: testColumns, events: testEvents });
      expect(query.sql.match(/GROUP BY/g)?.length).toBe(1);
      const rows = await database.query(`${query.sql} ORDER BY 1`, query.params, query.paramTypes);
      expect(rows, database.name).toEqual([
        { id: "ann", segment_1: true, segment_2: true, segment_3: false, segment: "recent buyer" },
        { id: "bob", segment_1: true, segment_2: false, segment_3: false, segment: "recent buyer" },
        { id: "cy", segment_1: false, segment_2: false, segment_3: true, segment: "no purchase" },
      ]);
    }
  });
});

describe("JSON paths declared as timestamps", () => {
  it("read ISO-8601 strings in the warehouse as the instants a parsed profile holds in memory", async () => {
    const columns = { ...testColumns, "doc.seen": { json: "doc", path: ["seen"], type: "timestamp" as const } };
    // In memory the value is a Date; loaded through JSON.stringify, the database holds its ISO string.
    const people: TestProfile[] = [
      { id: "a", doc: { seen: new Date("2024-03-01T12:00:00.000Z") } },
      { id: "b", doc: { seen: new Date("2024-02-29T11:59:59.999Z") } },
      { id: "c", doc: { seen: new Date("2024-02-29T12:00:00.000Z") } },
      { id: "d", doc: {} },
    ];
    const rules: Rule[] = [
      { op: "withinLast", field: "doc.seen", amount: 1, unit: "months" },
      { op: "before", field: "doc.seen", date: "2024-03-01" },
      { op: "not", rule: { op: "after", field: "doc.seen", amount: 31, unit: "days" } },
      { op: "exists", field: "doc.seen" },
    ];
    for (const database of databases) {
      await database.load(people);
      for (const rule of rules) {
        const { sql, params, paramTypes } = toSql(rule, { dialect: database.name, columns, asOf });
        const rows = await database.query(`SELECT id FROM profiles WHERE ${sql}`, params, paramTypes);
        const want = people.filter((profile) => evaluate(rule, profile, { asOf }) === true).map((profile) => profile.id).sort();
        expect(want.length).toBeGreaterThan(0);
        expect(rows.map((row) => String(row["id"])).sort(), `${database.name} ${JSON.stringify(rule)}`).toEqual(want);
      }
    }
  });
});
