/**
 * `breakdownQuery` on real PostgreSQL and DuckDB: the counts the warehouse returns equal the
 * in-memory `ruleBreakdown` (itself checked against `evaluate`) for random rules, profiles and events.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ruleBreakdown } from "../../src/rules/index.js";
import type { Rule } from "../../src/rules/index.js";
import { breakdownQuery } from "../../src/sql/index.js";
import { clocks, mixedLeafArbitrary, ruleArbitrary, scenarioArbitrary } from "./_arbitraries.js";
import { connectDuckDB, connectPostgres, testColumns, testEvents } from "./_databases.js";
import type { Database } from "./_databases.js";

let databases: Database[] = [];

beforeAll(async () => {
  databases = [await connectPostgres(inject("pgUrl")), await connectDuckDB()];
});
afterAll(async () => {
  for (const database of databases) await database.close();
});

const segments: Record<string, Rule> = { rich: { op: "gte", field: "behavior.totalSpend", value: 1 } };

describe("breakdownQuery counts what ruleBreakdown counts", () => {
  it("on PostgreSQL and DuckDB, for random rules (event conditions and segments included) and random profiles (50 runs)", async () => {
    expect(databases.map((database) => database.name)).toEqual(["postgres", "duckdb"]);
    // A group at the root, so that there are operands to take out.
    const rule = fc
      .tuple(fc.constantFrom("and" as const, "or" as const), fc.array(ruleArbitrary(mixedLeafArbitrary(["rich"])), { minLength: 2, maxLength: 3 }))
      .map(([op, rules]): Rule => ({ op, rules }));
    const scenario = scenarioArbitrary(rule);
    let informative = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async ({ asOf, profiles, events, rules: rule }) => {
        const want = ruleBreakdown(rule, profiles, { asOf, segments, eventsOf: (profile) => events.filter((event) => event.customerId === profile.id) });
        // Not vacuous: some condition below the root splits the profiles.
        const split = (node: typeof want.root): boolean =>
          (node.children ?? []).some((child) => [child.true, child.false, child.unknown].filter((count) => count > 0).length >= 2 || split(child));
        if (split(want.root)) informative += 1;
        for (const database of databases) {
          await database.load(profiles, events);
          const query = breakdownQuery(rule, { dialect: database.name, table: "profiles", idColumn: "id", columns: testColumns, events: testEvents, segments, asOf });
          const [row] = await database.query(query.sql, query.params, query.paramTypes);
          expect(query.read(row ?? {}), `${database.name}: ${JSON.stringify(rule)}`).toEqual(want);
        }
      }),
      { numRuns: 50, endOnFailure: false },
    );
    expect(informative).toBeGreaterThan(20);
  });

  it("gives zeros for an empty table, and refuses what it cannot compile with paths into the rule", async () => {
    const asOf = clocks[0] as Date;
    const rule: Rule = { op: "and", rules: [{ op: "gte", field: "behavior.totalSpend", value: 1 }, { op: "not", rule: { op: "exists", field: "s" } }] };
    for (const database of databases) {
      await database.load([], []);
      const query = breakdownQuery(rule, { dialect: database.name, table: "profiles", columns: testColumns, asOf });
      const [row] = await database.query(query.sql, query.params, query.paramTypes);
      expect(query.read(row ?? {})).toEqual(ruleBreakdown(rule, [], { asOf }));
    }
    expect(() => breakdownQuery({ op: "and", rules: [{ op: "gte", field: "nope", value: 1 }] }, { dialect: "postgres", table: "profiles", columns: testColumns, asOf })).toThrowErrorMatchingInlineSnapshot(
      `[SqlCompileError: breakdownQuery found 1 issue: field "nope" is not mapped to a column at rules[0].field]`,
    );
    // Every "without" repeats the rest of the rule: 150 operands of one `or` compile to 23,000 rule nodes.
    const wide: Rule = { op: "or", rules: Array.from({ length: 150 }, (_, index) => ({ op: "gte", field: "n", value: index }) as Rule) };
    expect(() => breakdownQuery(wide, { dialect: "duckdb", table: "profiles", columns: testColumns, asOf })).toThrowErrorMatchingInlineSnapshot(`[SqlCompileError: breakdownQuery found 1 issue: breakdownQuery compiles every condition, its negation and the rule without each operand: 23253 rule nodes for this rule of 151, more than the limit of 20000; count parts of it, or use ruleBreakdown]`);
    const hundred: Rule = { op: "or", rules: wide.op === "or" ? wide.rules.slice(0, 100) : [] };
    const query = breakdownQuery(hundred, { dialect: "postgres", table: "profiles", columns: testColumns, asOf });
    const [row] = await (databases[0] as Database).query(query.sql, query.params, query.paramTypes);
    expect(query.read(row ?? {}).root.children).toHaveLength(100);
    const onEvents: Rule = { op: "or", rules: [{ op: "event", type: "purchase" }, { op: "event", type: "refund" }] };
    expect(() => breakdownQuery(onEvents, { dialect: "postgres", table: "profiles", columns: testColumns, events: testEvents, asOf })).toThrowErrorMatchingInlineSnapshot(`[SqlCompileError: breakdownQuery found 1 issue: breakdownQuery needs idColumn, the profile table's customer id, to correlate event conditions with it at idColumn]`);
  });
});
