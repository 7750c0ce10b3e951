import { describe, expect, it } from "vitest";
import { RuleError, type Rule } from "../../src/rules/index.js";
import { defineSegment } from "../../src/segments/index.js";
import { segmentQuery, SqlCompileError } from "../../src/sql/index.js";
import type { SegmentQueryOptions, SqlDialectName } from "../../src/sql/index.js";
import { testColumns, testEvents } from "./_databases.js";

const asOf = new Date("2024-03-31T12:00:00Z");
const options = (dialect: SqlDialectName, mode: "all" | "first-match" = "first-match"): SegmentQueryOptions => ({
  dialect,
  table: ["analytics", "profiles"],
  idColumn: "id",
  mode,
  asOf,
  columns: testColumns,
  events: testEvents,
});
const segments = [
  defineSegment({ id: "big spender", name: "Big spender", rule: { op: "event", type: "purchase", withinLast: { amount: 30, unit: "days" }, sum: { property: "amount", gte: 100 } }, priority: 2 }),
  defineSegment({ id: "regular", name: "Regular", rule: { op: "event", type: "visit", count: { gte: 3 } }, priority: 1 }),
  defineSegment({ id: "others", name: "Others", rule: { op: "not", rule: { op: "inSegment", segment: "big spender" } } }),
];

describe("segmentQuery golden output", () => {
  for (const dialect of ["postgres", "duckdb", "bigquery", "snowflake"] as const) {
    it(dialect, () => {
      expect(segmentQuery(segments, options(dialect))).toMatchSnapshot();
    });
  }
  it("one grouped aggregation over the events table, joined once", () => {
    const { sql } = segmentQuery(segments, options("postgres"));
    expect(sql.match(/GROUP BY/g)).toHaveLength(1);
    expect(sql.match(/FROM "events"/g)).toHaveLength(1);
    expect(sql.match(/LEFT JOIN/g)).toHaveLength(1);
  });
  it("without event conditions there is no events CTE", () => {
    const { sql, segmentColumns } = segmentQuery([{ id: "a", rule: { op: "exists", field: "s" } }], options("duckdb", "all"));
    expect(sql).toMatchInlineSnapshot(`"WITH "segmentkit_rules" AS (SELECT "p"."id" AS "id", COALESCE(("p"."s" IS NOT NULL), FALSE) AS "rule_1" FROM "analytics"."profiles" AS "p"), "segmentkit_winners" AS (SELECT "segmentkit_rules".*, CASE WHEN "rule_1" THEN 1 END AS "winner" FROM "segmentkit_rules") SELECT "id", "rule_1" AS "segment_1", CASE "winner" WHEN 1 THEN CAST($1 AS VARCHAR) END AS "segment" FROM "segmentkit_winners""`);
    expect(segmentColumns).toEqual([{ id: "a", column: "segment_1" }]);
  });
  it("segment ids are parameters, never SQL text", () => {
    const hostile = "x'; DROP TABLE profiles; --";
    const { sql, params } = segmentQuery([{ id: hostile, rule: { op: "always" } }], options("postgres"));
    expect(sql.includes(hostile)).toBe(false);
    expect(params).toContain(hostile);
  });
});

describe("segmentQuery errors", () => {
  it("duplicate ids, unknown references, cycles, bad mode", () => {
    expect(() => segmentQuery([{ id: "a", rule: { op: "always" } }, { id: "a", rule: { op: "never" } }], options("postgres"))).toThrowErrorMatchingInlineSnapshot(`[TypeError: segmentQuery requires unique segment ids, "a" repeats]`);
    // A NaN priority ranked ahead of priority 5 (claims review); defineSegment refuses it too.
    expect(() => segmentQuery([{ id: "a", rule: { op: "always" }, priority: Number.NaN }], options("postgres"))).toThrow(new TypeError('segmentQuery requires priority to be a finite number (segment "a")'));
    expect(() => segmentQuery([{ id: "a", rule: { op: "inSegment", segment: "b" } }], options("postgres"))).toThrow(SqlCompileError);
    const cycle: Rule = { op: "inSegment", segment: "a" };
    expect(() => segmentQuery([{ id: "a", rule: cycle }], options("postgres"))).toThrowErrorMatchingInlineSnapshot(`[SqlCompileError: segmentQuery found 1 issue: segment "a" refers to itself through a → a at [0].rule.segment.a]`);
    expect(() => segmentQuery([], { ...options("postgres"), mode: "some" as "all" })).toThrowErrorMatchingInlineSnapshot(`[TypeError: segmentQuery requires mode to be "all" or "first-match"]`);
    expect(() => segmentQuery(segments, { ...options("postgres"), events: undefined as never })).toThrowErrorMatchingInlineSnapshot(`[SqlCompileError: segmentQuery found 3 issues: event conditions need the events table mapping (options.events) at [0].rule]`);
  });
});

describe("segmentQuery priorities (fourth mutation review)", () => {
  it("refuses an infinite priority, as defineSegment does (Infinity - Infinity would make the ranking NaN)", () => {
    for (const priority of [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      expect(() => segmentQuery([{ id: "a", rule: { op: "always" }, priority }], options("postgres"))).toThrow(new TypeError('segmentQuery requires priority to be a finite number (segment "a")'));
    }
  });
});

describe("segmentQuery checks saved segments as assignSegments does (segments review)", () => {
  // The same saved JSON failed in memory and ran with another meaning in the warehouse.
  const saved = (extra: object, rule: unknown = { op: "gte", field: "behavior.totalSpend", value: 10 }) => [{ id: "hi", name: "High", rule, ...extra }] as never;

  it("refuses an unknown key on a segment (a priorty typo would change the waterfall)", () => {
    expect(() => segmentQuery(saved({ priorty: 5 }), options("duckdb"))).toThrow(
      new TypeError('segmentQuery requires segments with only the keys id, name, description, priority, rule: "priorty" is not one (segment "hi")'),
    );
  });

  it("refuses a rule that parseRule refuses, with the segment's index in each path", () => {
    const cases: ReadonlyArray<readonly [unknown, string, ReadonlyArray<string | number>]> = [
      [{ op: "between", field: "behavior.totalSpend", min: 2000, max: 10 }, "invalid_range", [0, "rule"]],
      [{ op: "gte", field: "behavior.totalSpend", value: 10, vlaue: 2000 }, "unrecognized_key", [0, "rule", "vlaue"]],
      [{ version: 2, op: "always" }, "invalid_version", [0, "rule", "version"]],
    ];
    for (const [rule, code, path] of cases) {
      let caught: unknown;
      try {
        segmentQuery(saved({}, rule), options("duckdb"));
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(RuleError);
      expect((caught as RuleError).issues[0]).toMatchObject({ code, path });
    }
  });

  it("trusts segments from defineSegment, including rules deeper than parseRule's default limits", () => {
    let deep: Rule = { op: "gte", field: "behavior.totalSpend", value: 10 };
    for (let level = 0; level < 40; level++) deep = { op: "not", rule: { op: "not", rule: deep } };
    const segment = defineSegment({ id: "deep", name: "Deep", rule: deep }, { maxDepth: 100 });
    expect(() => segmentQuery([segment], options("duckdb"))).not.toThrow();
    expect(() => segmentQuery([{ id: "deep", rule: deep }], options("duckdb"))).toThrow(RuleError);
    // A plain segment with a deep rule passes with raised limits, as defineSegment's does (final review).
    expect(() => segmentQuery([{ id: "deep", rule: deep }], { ...options("duckdb"), limits: { maxDepth: 100 } })).not.toThrow();
    expect(() => segmentQuery([], { ...options("duckdb"), limits: { maxDepth: 0 } })).toThrow(new RangeError("segmentQuery requires maxDepth to be an integer from 1 to 1000"));
  });

  it("reports at most 100 rule issues across all segments", () => {
    const bad = Array.from({ length: 5 }, (_, index) => ({ id: `s${index}`, rule: { op: "and", rules: Array.from({ length: 60 }, () => ({ op: "xor" })) } }));
    let caught: unknown;
    try {
      segmentQuery(bad as never, options("duckdb"));
    } catch (error) {
      caught = error;
    }
    expect((caught as RuleError).issues).toHaveLength(100);
  });
});
