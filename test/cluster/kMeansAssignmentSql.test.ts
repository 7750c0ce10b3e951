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
    expect(sql).toBe(`CASE WHEN ${d(1, 2)} <= ${d(3, 4)} AND ${d(1, 2)} <= ${d(5, 6)} THEN 0 WHEN ${d(3, 4)} <= ${d(5, 6)} THEN 1 ELSE 2 END`);
    expect(params).toEqual([0, 1, 5, 5, -3, 2]);
  });
  it("Snowflake gets one positional parameter per occurrence; BigQuery named ones; offsets and transforms", () => {
    const snowflake = kMeansAssignmentSql(model, { dialect: "snowflake" });
    expect(snowflake.sql.split("?").length - 1).toBe(snowflake.params.length);
    expect(snowflake.params).toHaveLength(3 * 2 * 2); // 3 comparisons x 2 distances x 2 features
    const bigquery = kMeansAssignmentSql(model, { dialect: "bigquery", parameterOffset: 2, transform: { offset: [1, 2], scale: [3, 4], log1p: true } });
    expect(bigquery.sql).toContain("@p3");
    expect(bigquery.sql).not.toContain("@p1 ");
    expect(bigquery.sql).toContain("LN(1 + CAST(`recency days` AS FLOAT64))");
    expect(bigquery.params.slice(0, 2)).toEqual([1, 3]);
    expect(kMeansAssignmentSql(parseKMeansModel({ format: "segmentkit.kMeansModel", version: 1, k: 1, columns: 1, centroids: [[1]] }), { dialect: "duckdb", columns: ["x"] })).toEqual({ sql: "0", params: [] });
  });
  it("rejects missing column names and mismatched transforms", () => {
    const unnamed = kMeans([[1], [2], [9]], { k: 2 }).model;
    expect(() => kMeansAssignmentSql(unnamed, { dialect: "duckdb" })).toThrow("kMeansAssignmentSql requires one column name per feature");
    expect(() => kMeansAssignmentSql(model, { dialect: "duckdb", transform: { offset: [1], scale: [1], log1p: false } })).toThrow(
      "kMeansAssignmentSql requires a transform with one offset and scale per feature",
    );
  });
});
