/** The db project's own parts: the throwaway PostgreSQL started by the global setup, and DuckDB in-process. */
import { DuckDBInstance } from "@duckdb/node-api";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";

describe("test databases", () => {
  it("PostgreSQL answers on the URL from the global setup, with UTF-8 and C.UTF-8 case folding", async () => {
    const client = new pg.Client({ connectionString: inject("pgUrl") });
    await client.connect();
    try {
      const { rows } = await client.query<{ encoding: string; lowered: string }>("select pg_encoding_to_char(encoding) as encoding, lower($1::text) as lowered from pg_database where datname = current_database()", ["ÄÖÜ"]);
      expect(rows[0]).toEqual({ encoding: "UTF8", lowered: "äöü" });
    } finally {
      await client.end();
    }
  });

  it("DuckDB runs in-process with $n parameters", async () => {
    const instance = await DuckDBInstance.create(":memory:");
    const connection = await instance.connect();
    const reader = await connection.runAndReadAll("select $1::integer + 1 as answer", [41]);
    expect(reader.getRowObjectsJson()).toEqual([{ answer: 42 }]);
    connection.closeSync();
  });
});
