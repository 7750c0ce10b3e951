import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { evaluate } from "../../src/rules/index.js";
import { toSql } from "../../src/sql/index.js";
import { dialectAdapter } from "../../src/sql/_lib/dialects.js";
import { connectDuckDB, connectPostgres, testColumns } from "./_databases.js";
import type { Database } from "./_databases.js";

let databases: Database[] = [];
beforeAll(async () => {
  databases = [await connectPostgres(inject("pgUrl")), await connectDuckDB()];
});
afterAll(async () => {
  for (const database of databases) await database.close();
});

/** Every code point that JavaScript changes under toLowerCase or toUpperCase. */
function casedCharacters(): string[] {
  const out: string[] = [];
  for (let codePoint = 0x41; codePoint <= 0x10ffff; codePoint++) {
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
    const character = String.fromCodePoint(codePoint);
    if (character.toLowerCase() !== character || character.toUpperCase() !== character) out.push(character);
  }
  return out;
}

describe("caseInsensitive folding", () => {
  it("equals String.prototype.toLowerCase for every cased code point, in both databases", async () => {
    const characters = casedCharacters();
    expect(characters.length).toBeGreaterThan(2500);
    for (const database of databases) {
      const fold = dialectAdapter(database.name, "test").lower;
      const sql =
        database.name === "postgres"
          ? `SELECT c, ${fold("c")} AS l FROM unnest(CAST($1 AS TEXT[])) AS c`
          : `SELECT c, ${fold("c")} AS l FROM (SELECT unnest(CAST(CAST($1 AS JSON) AS VARCHAR[])) AS c)`;
      const rows = await database.query(sql, [database.name === "postgres" ? characters : JSON.stringify(characters)]);
      expect(rows.length).toBe(characters.length);
      const different = rows.filter((row) => String(row["l"]) !== String(row["c"]).toLowerCase()).map((row) => String(row["c"]));
      expect(different, database.name).toEqual([]);
    }
  });

  it("folds a word-final Σ to σ in memory, as both databases do (String.prototype.toLowerCase alone gives ς)", async () => {
    const asOf = new Date("2024-01-01T00:00:00Z");
    const rule = { op: "endsWith", field: "s", value: "σ", caseInsensitive: true } as const;
    const profile = { id: "p0", s: "ΟΔΟΣ" };
    expect("ΟΔΟΣ".toLowerCase()).toBe("οδος");
    expect(evaluate(rule, profile, { asOf })).toBe(true);
    for (const database of databases) {
      await database.load([profile]);
      const { sql, params, paramTypes } = toSql(rule, { dialect: database.name, columns: testColumns, asOf });
      const rows = await database.query(`SELECT id FROM profiles WHERE ${sql}`, params, paramTypes);
      expect(rows.map((row) => row["id"]), database.name).toEqual(["p0"]);
    }
  });
});
