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

  it("agrees with evaluate on an ICU collation too, whose lower() folds a word-final Σ to ς by context (review)", async () => {
    const postgres = databases.find((database) => database.name === "postgres")!;
    const asOf = new Date("2024-01-01T00:00:00Z");
    const texts = ["ΟΔΟΣ", "ΣΑΣ", "ΑΣ ΒΑ", "ΑΣ.", "Σ", "οδοσ", "οδος", "ΟΔΟΣ."];
    await postgres.query(`DROP TABLE IF EXISTS icu_texts; CREATE TABLE icu_texts (id TEXT, s TEXT COLLATE "und-x-icu")`);
    for (const [index, text] of texts.entries()) await postgres.query("INSERT INTO icu_texts VALUES ($1, $2)", [`p${index}`, text]);
    // The premise: under ICU, lower() alone gives the final ς (libc gives σ).
    const [plain] = await postgres.query(`SELECT lower(s) AS l FROM icu_texts WHERE id = 'p0'`);
    expect(plain?.["l"]).toBe("οδος");
    const rules = [
      { op: "endsWith", field: "s", value: "σ", caseInsensitive: true },
      { op: "endsWith", field: "s", value: "Σ", caseInsensitive: true },
      { op: "contains", field: "s", value: "ς", caseInsensitive: true },
      { op: "contains", field: "s", value: "σ ", caseInsensitive: true },
      { op: "contains", field: "s", value: "ΟΔΟΣ", caseInsensitive: true },
      { op: "startsWith", field: "s", value: "σα", caseInsensitive: true },
    ] as const;
    for (const rule of rules) {
      const want = texts.flatMap((s, index) => (evaluate(rule, { s }, { asOf }) === true ? [`p${index}`] : []));
      const { sql, params } = toSql(rule, { dialect: "postgres", columns: { s: { column: "s", type: "text" } }, asOf });
      const rows = await postgres.query(`SELECT id FROM icu_texts WHERE ${sql} ORDER BY id`, params);
      expect(rows.map((row) => row["id"]), JSON.stringify(rule)).toEqual(want);
    }
    await postgres.query("DROP TABLE icu_texts");
  });
});
