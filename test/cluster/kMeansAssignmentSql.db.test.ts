import { describe, expect, inject, it } from "vitest";
import { DuckDBInstance } from "@duckdb/node-api";
import pg from "pg";
import { kMeans, kMeansAssignmentSql, parseKMeansModel } from "../../src/cluster/index.js";
import { fitScaler } from "../../src/scoring/index.js";
import { mulberry32 } from "../../src/_lib/random.js";

/** Random customers in original units, a model fitted on their log1p-standardized features. */
function setup(seed: number) {
  const random = mulberry32(seed);
  const rows = Array.from({ length: 400 }, () => [Math.floor(random() * 500), 1 + Math.floor(random() * random() * 30), Math.round(random() * random() * 200000) / 100]);
  const scaler = fitScaler(rows, { method: "standard", log1p: true });
  const fit = kMeans(scaler.transform(rows), { k: 5, seed, nInit: 3, featureNames: ["recency", "order count", "spend"] });
  const expected = Array.from(fit.model.predict(scaler.transform(rows)));
  const values = rows.map((row, index) => `(${index}, ${row.join(", ")})`).join(", ");
  return { rows, scaler, fit, expected, values };
}

describe("kMeansAssignmentSql in real databases", () => {
  it("DuckDB labels every row like model.predict", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    for (const seed of [1, 2, 3]) {
      const { scaler, fit, expected, values } = setup(seed);
      await connection.run(`CREATE OR REPLACE TABLE customers (id INTEGER, recency INTEGER, "order count" INTEGER, spend DOUBLE)`);
      await connection.run(`INSERT INTO customers VALUES ${values}`);
      const { sql, params } = kMeansAssignmentSql(fit.model, { dialect: "duckdb", tableAlias: "c", transform: scaler });
      const reader = await connection.runAndReadAll(`SELECT id, ${sql} AS cluster FROM customers AS c ORDER BY id`, params);
      const labels = reader.getRowObjectsJson().map((row) => Number(row["cluster"]));
      expect(labels).toEqual(expected);
    }
    connection.closeSync();
  });
  it("PostgreSQL labels every row like model.predict", async () => {
    // The db project's global setup starts a throwaway PostgreSQL (or uses PG_URL) and fails loudly when it cannot.
    const client = new pg.Client({ connectionString: inject("pgUrl") });
    await client.connect();
    try {
      const { scaler, fit, expected, values } = setup(7);
      await client.query(`DROP TABLE IF EXISTS kmeans_customers`);
      await client.query(`CREATE TABLE kmeans_customers (id INTEGER, recency INTEGER, "order count" INTEGER, spend DOUBLE PRECISION)`);
      await client.query(`INSERT INTO kmeans_customers VALUES ${values}`);
      const { sql, params } = kMeansAssignmentSql(fit.model, { dialect: "postgres", transform: scaler });
      const result = await client.query(`SELECT id, ${sql} AS cluster FROM kmeans_customers ORDER BY id`, params);
      expect(result.rows.map((row: { cluster: number }) => Number(row.cluster))).toEqual(expected);
      await client.query(`DROP TABLE kmeans_customers`);
    } finally {
      await client.end();
    }
  });

  describe("a NULL feature gives a NULL cluster, for k = 1 too (before: the last cluster, or 0 for k = 1)", () => {
    const model = (k: number) =>
      parseKMeansModel({ format: "segmentkit.kMeansModel", version: 1, k, columns: 2, centroids: [[0, 1], [5, 5], [-3, 2]].slice(0, k), featureNames: ["a", "b"] });
    const values = "(1, 0, 1), (2, NULL, 1), (3, 5, NULL), (4, 5, 5), (5, NULL, NULL), (6, -3, 2)";
    const expected = { 3: [0, null, null, 1, null, 2], 1: [0, null, null, 0, null, 0] };
    const numberOrNull = (value: unknown) => (value === null ? null : Number(value));
    it("DuckDB", async () => {
      const instance = await DuckDBInstance.create(":memory:");
      const connection = await instance.connect();
      await connection.run(`CREATE TABLE points (id INTEGER, a DOUBLE, b DOUBLE)`);
      await connection.run(`INSERT INTO points VALUES ${values}`);
      for (const k of [3, 1] as const) {
        const { sql, params } = kMeansAssignmentSql(model(k), { dialect: "duckdb" });
        const reader = await connection.runAndReadAll(`SELECT ${sql} AS cluster, typeof(${sql}) AS type FROM points ORDER BY id`, params);
        const rows = reader.getRowObjectsJson();
        expect(rows.map((row) => numberOrNull(row["cluster"]))).toEqual(expected[k]);
        expect(new Set(rows.map((row) => row["type"]))).toEqual(new Set(["INTEGER"]));
      }
      connection.closeSync();
    });
    it("PostgreSQL", async () => {
      const client = new pg.Client({ connectionString: inject("pgUrl") });
      await client.connect();
      try {
        await client.query(`DROP TABLE IF EXISTS kmeans_null_points`);
        await client.query(`CREATE TABLE kmeans_null_points (id INTEGER, a DOUBLE PRECISION, b DOUBLE PRECISION)`);
        await client.query(`INSERT INTO kmeans_null_points VALUES ${values}`);
        for (const k of [3, 1] as const) {
          const { sql, params } = kMeansAssignmentSql(model(k), { dialect: "postgres" });
          const result = await client.query(`SELECT ${sql} AS cluster, pg_typeof(${sql})::text AS type FROM kmeans_null_points ORDER BY id`, params);
          expect(result.rows.map((row: { cluster: unknown }) => numberOrNull(row.cluster))).toEqual(expected[k]);
          expect(new Set(result.rows.map((row: { type: string }) => row.type))).toEqual(new Set(["integer"]));
        }
        await client.query(`DROP TABLE kmeans_null_points`);
      } finally {
        await client.end();
      }
    });
  });

  describe("a row that predict refuses (NaN, an infinity, every distance beyond the double range) gives NULL, never cluster 0 (review)", () => {
    const model = parseKMeansModel({ format: "segmentkit.kMeansModel", version: 1, k: 2, columns: 1, centroids: [[0], [10]], featureNames: ["x"] });
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e200]) expect(() => model.predict([[value]])).toThrow();
    expect(Array.from(model.predict([[9], [-1]]))).toEqual([1, 0]);
    it("DuckDB", async () => {
      const instance = await DuckDBInstance.create(":memory:");
      const connection = await instance.connect();
      await connection.run(`CREATE TABLE odd (id INTEGER, x DOUBLE)`);
      await connection.run(`INSERT INTO odd VALUES (1, 'NaN'), (2, 'Infinity'), (3, '-Infinity'), (4, 1e200), (5, 9), (6, -1)`);
      const { sql, params } = kMeansAssignmentSql(model, { dialect: "duckdb" });
      const rows = (await connection.runAndReadAll(`SELECT ${sql} AS cluster FROM odd ORDER BY id`, params)).getRowObjectsJson();
      expect(rows.map((row) => (row["cluster"] === null ? null : Number(row["cluster"])))).toEqual([null, null, null, null, 1, 0]);
      connection.closeSync();
    });
    it("PostgreSQL (which raises on the overflow of 1e200 squared itself)", async () => {
      const client = new pg.Client({ connectionString: inject("pgUrl") });
      await client.connect();
      try {
        await client.query(`DROP TABLE IF EXISTS kmeans_odd`);
        await client.query(`CREATE TABLE kmeans_odd (id INTEGER, x DOUBLE PRECISION)`);
        await client.query(`INSERT INTO kmeans_odd VALUES (1, 'NaN'), (2, 'Infinity'), (3, '-Infinity'), (5, 9), (6, -1)`);
        const { sql, params } = kMeansAssignmentSql(model, { dialect: "postgres" });
        const result = await client.query(`SELECT ${sql} AS cluster FROM kmeans_odd ORDER BY id`, params);
        expect(result.rows.map((row: { cluster: unknown }) => (row.cluster === null ? null : Number(row.cluster)))).toEqual([null, null, null, 1, 0]);
        await client.query(`INSERT INTO kmeans_odd VALUES (4, 1e200)`);
        await expect(client.query(`SELECT ${sql} AS cluster FROM kmeans_odd`, params)).rejects.toThrow(/out of range/);
        await client.query(`DROP TABLE kmeans_odd`);
      } finally {
        await client.end();
      }
    });
  });
});
