import { describe, expect, it } from "vitest";
import { kMeans, kMeansAssignmentSql, parseKMeansModel } from "../../src/cluster/index.js";

const model = parseKMeansModel({
  format: "segmentkit.kMeansModel",
  version: 1,
  k: 3,
  columns: 2,
  centroids: [[0, 1], [5, 5], [-3, 2]],
  featureNames: ["recency days", 'spend "usd"'],
});

describe("kMeansAssignmentSql", () => {
  it("golden PostgreSQL expression with reused placeholders", () => {
    const { sql, params } = kMeansAssignmentSql(model, { dialect: "postgres", tableAlias: "c" });
    const d = (a: number, b: number) =>
      `(POWER(CAST("c"."recency days" AS DOUBLE PRECISION) - CAST($${a} AS DOUBLE PRECISION), 2) + POWER(CAST("c"."spend ""usd""" AS DOUBLE PRECISION) - CAST($${b} AS DOUBLE PRECISION), 2))`;
    const anyNull = `"c"."recency days" IS NULL OR "c"."spend ""usd""" IS NULL`;
    const finite = (a: number, b: number) => `${d(a, b)} - ${d(a, b)} = 0`;
    const noneFinite = `NOT (${finite(1, 2)} OR ${finite(3, 4)} OR ${finite(5, 6)})`;
    expect(sql).toBe(`CASE WHEN ${anyNull} THEN NULL WHEN ${noneFinite} THEN NULL WHEN ${d(1, 2)} <= ${d(3, 4)} AND ${d(1, 2)} <= ${d(5, 6)} THEN 0 WHEN ${d(3, 4)} <= ${d(5, 6)} THEN 1 ELSE 2 END`);
    expect(params).toEqual([0, 1, 5, 5, -3, 2]);
  });
  it("Snowflake gets one positional parameter per occurrence; BigQuery named ones; offsets and transforms", () => {
    const snowflake = kMeansAssignmentSql(model, { dialect: "snowflake" });
    expect(snowflake.sql.split("?").length - 1).toBe(snowflake.params.length);
    expect(snowflake.params).toHaveLength((3 * 2 + 3 * 2) * 2); // (3 comparisons + 3 finiteness tests) x 2 distances x 2 features
    const bigquery = kMeansAssignmentSql(model, { dialect: "bigquery", parameterOffset: 2, transform: { offset: [1, 2], scale: [3, 4], log1p: true } });
    expect(bigquery.sql).toContain("@p3");
    expect(bigquery.sql).not.toContain("@p1 ");
    expect(bigquery.sql).toContain("LN(1 + CAST(`recency days` AS FLOAT64))");
    expect(bigquery.params.slice(0, 2)).toEqual([1, 3]);
  });
  it("a NULL feature gives NULL, for k = 1 too (before: the last cluster, or the constant 0 for k = 1)", () => {
    const one = parseKMeansModel({ format: "segmentkit.kMeansModel", version: 1, k: 1, columns: 2, centroids: [[1, 2]] });
    expect(kMeansAssignmentSql(one, { dialect: "duckdb", columns: ["x", "y"] })).toEqual({ sql: 'CASE WHEN "x" IS NULL OR "y" IS NULL THEN NULL ELSE 0 END', params: [] });
    expect(kMeansAssignmentSql(one, { dialect: "bigquery", columns: ["x", "y"], tableAlias: "t", transform: { offset: [1, 2], scale: [3, 4], log1p: false } })).toEqual({
      sql: "CASE WHEN `t`.`x` IS NULL OR `t`.`y` IS NULL THEN NULL ELSE 0 END",
      params: [],
    });
    const two = parseKMeansModel({ format: "segmentkit.kMeansModel", version: 1, k: 2, columns: 1, centroids: [[0], [10]] });
    const { sql, params } = kMeansAssignmentSql(two, { dialect: "snowflake", columns: ["spend"] });
    const d = "(POWER(CAST(\"spend\" AS DOUBLE) - CAST(? AS DOUBLE), 2))";
    expect(sql).toBe(`CASE WHEN "spend" IS NULL THEN NULL WHEN NOT (${d} - ${d} = 0 OR ${d} - ${d} = 0) THEN NULL WHEN ${d} <= ${d} THEN 0 ELSE 1 END`);
    expect(params).toEqual([0, 0, 10, 10, 0, 10]);
  });
  it("rejects missing column names and mismatched transforms", () => {
    const unnamed = kMeans([[1], [2], [9]], { k: 2 }).model;
    expect(() => kMeansAssignmentSql(unnamed, { dialect: "duckdb" })).toThrow("kMeansAssignmentSql requires one column name per feature");
    expect(() => kMeansAssignmentSql(model, { dialect: "duckdb", transform: { offset: [1], scale: [1], log1p: false } })).toThrow(
      "kMeansAssignmentSql requires a transform with one offset and scale per feature",
    );
  });
});

describe("kMeansAssignmentSql rejects hostile arguments", () => {
  it("parameterOffset must be a non-negative safe integer (before: CAST($1e+308 …))", () => {
    const range = new RangeError("kMeansAssignmentSql requires parameterOffset to be a non-negative safe integer");
    for (const parameterOffset of [1e308, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => kMeansAssignmentSql(model, { dialect: "postgres", parameterOffset })).toThrow(range);
    }
    expect(() => kMeansAssignmentSql(model, { dialect: "postgres", parameterOffset: "2" as never })).toThrow(new TypeError("kMeansAssignmentSql requires parameterOffset to be a number"));
    expect(kMeansAssignmentSql(model, { dialect: "postgres", parameterOffset: 7 }).sql).toContain("CAST($8 AS DOUBLE PRECISION)");
  });
  it("columns must be an array of strings (before: a string was split into characters)", () => {
    const oneFeature = parseKMeansModel({ format: "segmentkit.kMeansModel", version: 1, k: 2, columns: 1, centroids: [[0], [1]] });
    const strings = new TypeError("kMeansAssignmentSql requires columns to be an array of strings");
    expect(() => kMeansAssignmentSql(oneFeature, { dialect: "duckdb", columns: "x" as never })).toThrow(strings);
    expect(() => kMeansAssignmentSql(model, { dialect: "duckdb", columns: "xy" as never })).toThrow(strings);
    expect(() => kMeansAssignmentSql(model, { dialect: "duckdb", columns: ["a", 2] as never })).toThrow(strings);
    expect(() => kMeansAssignmentSql(model, { dialect: "duckdb", columns: ["a"] })).toThrow(new RangeError("kMeansAssignmentSql requires one column name per feature"));
  });
  it("names itself for a missing model, options or transform", () => {
    expect(() => kMeansAssignmentSql(undefined as never, { dialect: "postgres" })).toThrow(new TypeError("kMeansAssignmentSql requires a k-means model"));
    expect(() => kMeansAssignmentSql(model, undefined as never)).toThrow(new TypeError("kMeansAssignmentSql requires an options object"));
    const shape = new TypeError("kMeansAssignmentSql requires transform to be { offset, scale, log1p } with arrays of finite numbers");
    expect(() => kMeansAssignmentSql(model, { dialect: "postgres", transform: {} as never })).toThrow(shape);
    expect(() => kMeansAssignmentSql(model, { dialect: "postgres", transform: null as never })).toThrow(shape);
    expect(() => kMeansAssignmentSql(model, { dialect: "postgres", transform: { offset: [0, Number.NaN], scale: [1, 1], log1p: false } })).toThrow(shape);
    expect(() => kMeansAssignmentSql(model, { dialect: "postgres", transform: { offset: [0, 0], scale: [1, 1], log1p: "yes" as never } })).toThrow(shape);
  });
});
