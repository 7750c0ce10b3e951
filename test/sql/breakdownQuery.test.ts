/** `breakdownQuery`'s `read`: what a driver returns is taken as counts only when it is one. */
import { describe, expect, it } from "vitest";
import { breakdownQuery } from "../../src/sql/index.js";

const query = breakdownQuery(
  { op: "and", rules: [{ op: "gte", field: "spend", value: 500 }, { op: "lt", field: "days", value: 30 }] },
  { dialect: "postgres", table: "profiles", asOf: new Date("2024-06-30T00:00:00Z"), columns: { spend: { column: "spend", type: "number" }, days: { column: "days", type: "integer" } } },
);
const row = { profiles: "4", node_0_true: "1", node_0_false: "2", node_1_true: "3", node_1_false: "1", node_1_without: "2", node_2_true: "2", node_2_false: "1", node_2_without: "3" };

describe("breakdownQuery read", () => {
  it("reads numbers, bigints and texts of digits, and the NULL sums of an empty table", () => {
    const numbers = Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)]));
    const bigints = Object.fromEntries(Object.entries(row).map(([key, value]) => [key, BigInt(value)]));
    expect(query.read(row)).toEqual(query.read(numbers));
    expect(query.read(bigints)).toEqual(query.read(numbers));
    expect(query.read(row).root.children?.map((node) => [node.true, node.false, node.unknown, node.selectedWithout])).toEqual([[3, 1, 0, 2], [2, 1, 1, 3]]);
    const empty = Object.fromEntries(Object.keys(row).map((key) => [key, key === "profiles" ? 0 : null]));
    expect(query.read(empty)).toMatchObject({ profiles: 0, selected: 0, root: { true: 0, false: 0, unknown: 0 } });
  });

  it("refuses what is not the query's row, with the column named", () => {
    expect(() => query.read({})).toThrowErrorMatchingInlineSnapshot(`[TypeError: breakdownQuery's read requires the column "profiles" to hold a count, got "undefined"]`);
    expect(() => query.read({ rows: [row] } as never)).toThrowErrorMatchingInlineSnapshot(`[TypeError: breakdownQuery's read requires the column "profiles" to hold a count, got "undefined"]`);
    expect(() => query.read([row] as never)).toThrowErrorMatchingInlineSnapshot(`[TypeError: breakdownQuery's read requires the one row the query returned, as an object]`);
    expect(() => query.read({ ...row, node_1_without: undefined as never })).toThrowErrorMatchingInlineSnapshot(`[TypeError: breakdownQuery's read requires the column "node_1_without" to hold a count, got "undefined"]`);
    expect(() => query.read({ ...row, node_2_true: "0x1" })).toThrowErrorMatchingInlineSnapshot(`[TypeError: breakdownQuery's read requires the column "node_2_true" to hold a count, got "0x1"]`);
    expect(() => query.read({ ...row, node_2_true: "" })).toThrowErrorMatchingInlineSnapshot(`[TypeError: breakdownQuery's read requires the column "node_2_true" to hold a count, got ""]`);
    expect(() => query.read({ ...row, node_0_true: 9 })).toThrowErrorMatchingInlineSnapshot(`[TypeError: breakdownQuery's read got 9 in "node_0_true", which does not fit the 4 profiles counted]`);
    expect(() => query.read({ ...row, node_1_false: "3" })).toThrowErrorMatchingInlineSnapshot(`[TypeError: breakdownQuery's read got 3 in "node_1_false", which does not fit the 4 profiles counted]`);
    expect(() => query.read({ ...row, node_1_true: null })).toThrowErrorMatchingInlineSnapshot(`[TypeError: breakdownQuery's read requires the column "node_1_true" to hold a count, got NULL]`);
  });
});

describe("breakdownQuery on PostgreSQL's parameter limit (fourth mutation review)", () => {
  it("refuses a query of more than 65,535 parameters on PostgreSQL only; one key less compiles", () => {
    // A JSON path of L keys binds L(L-1)/2 + 2L placeholders per read (every proper prefix is checked to be an object),
    // and the one leaf is read twice (true, false): L = 255 binds 65,792 parameters, L = 254 binds 65,280.
    const options = (dialect: "postgres" | "duckdb", keys: number) => ({
      dialect,
      table: "profiles",
      asOf: new Date("2024-06-30T00:00:00Z"),
      columns: { deep: { json: "doc", path: Array.from({ length: keys }, (_, index) => `k${index}`) } },
    });
    const rule = { op: "eq", field: "deep", value: "x" } as const;
    expect(breakdownQuery(rule, options("postgres", 254)).params).toHaveLength(65_280);
    expect(() => breakdownQuery(rule, options("postgres", 255))).toThrowErrorMatchingInlineSnapshot(
      `[SqlCompileError: breakdownQuery found 1 issue: breakdownQuery binds 65792 parameters for this rule, more than PostgreSQL's 65535; count parts of it, or use ruleBreakdown]`,
    );
    // DuckDB binds one JSONPath per read and has no such limit.
    expect(breakdownQuery(rule, options("duckdb", 255)).params.length).toBeLessThan(10);
  });
});
