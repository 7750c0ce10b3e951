import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { evaluate } from "../../src/rules/index.js";
import type { Rule } from "../../src/rules/index.js";
import { toSql } from "../../src/sql/index.js";
import { mixedLeafArbitrary, ruleArbitrary, scenarioArbitrary } from "./_arbitraries.js";
import { connectDuckDB, connectPostgres, testColumns, testEvents } from "./_databases.js";
import type { Database, TestEvent, TestProfile } from "./_databases.js";

let databases: Database[] = [];

beforeAll(async () => {
  databases = [await connectPostgres(inject("pgUrl")), await connectDuckDB()];
});
afterAll(async () => {
  for (const database of databases) await database.close();
});

/** Named rules that generated inSegment leaves refer to. */
const segments: Record<string, Rule> = {
  rich: { op: "gte", field: "behavior.totalSpend", value: 1 },
  "o'brien": { op: "or", rules: [{ op: "contains", field: "s", value: "'", caseInsensitive: true }, { op: "hasAny", field: "tags", values: ["vip"] }] },
  "not rich": { op: "not", rule: { op: "inSegment", segment: "rich" } },
};

function expected(rule: Rule, profiles: ReadonlyArray<TestProfile>, events: ReadonlyArray<TestEvent>, asOf: Date): string[] {
  return profiles
    .filter((profile) => evaluate(rule, profile, { asOf, segments, events: events.filter((event) => event.customerId === profile.id) }) === true)
    .map((profile) => profile.id)
    .sort();
}

async function selected(database: Database, rule: Rule, asOf: Date): Promise<string[]> {
  const { sql, params, paramTypes } = toSql(rule, { dialect: database.name, columns: testColumns, asOf, events: testEvents, segments, tableAlias: "profiles", idColumn: "id" });
  const rows = await database.query(`SELECT id FROM profiles WHERE ${sql}`, params, paramTypes);
  return rows.map((row) => String(row["id"])).sort();
}

describe("toSql selects exactly the profiles evaluate selects", () => {
  it("on PostgreSQL and DuckDB, for random rules (event conditions as correlated subqueries included) and random profiles (300 runs each)", async () => {
    expect(databases.map((database) => database.name)).toEqual(["postgres", "duckdb"]);
    const scenario = scenarioArbitrary(fc.array(ruleArbitrary(mixedLeafArbitrary(Object.keys(segments))), { minLength: 1, maxLength: 3 }));
    let informative = 0; // rules that select some but not all profiles: the test is not vacuous
    await fc.assert(
      fc.asyncProperty(scenario, async ({ asOf, profiles, events, rules }) => {
        for (const database of databases) {
          await database.load(profiles, events);
          for (const rule of rules) {
            const want = expected(rule, profiles, events, asOf);
            if (database.name === "postgres" && want.length > 0 && want.length < profiles.length) informative++;
            const got = await selected(database, rule, asOf);
            if (JSON.stringify(got) !== JSON.stringify(want)) {
              throw new Error(`${database.name} selected ${JSON.stringify(got)}, evaluate selected ${JSON.stringify(want)} for ${JSON.stringify(rule)}`);
            }
          }
        }
      }),
      { numRuns: 300, endOnFailure: false },
    );
    expect(informative).toBeGreaterThan(50);
  });
});
