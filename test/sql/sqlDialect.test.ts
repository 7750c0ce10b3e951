import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { sqlDialect, sqlDialectNames } from "../../src/sql/index.js";

describe("sqlDialect", () => {
  it("quotes identifiers per dialect", () => {
    expect(sqlDialect("postgres").quoteIdentifier('a"b')).toBe('"a""b"');
    expect(sqlDialect("duckdb").quoteIdentifier("x; DROP TABLE t; --")).toBe('"x; DROP TABLE t; --"');
    expect(sqlDialect("snowflake").quoteIdentifier("CUSTOMER_ID")).toBe('"CUSTOMER_ID"');
    expect(sqlDialect("bigquery").quoteIdentifier("a`b\\c")).toBe("`a\\`b\\\\c`");
    expect(sqlDialect("postgres").quoteQualified(["s", "t.x"])).toBe('"s"."t.x"');
    expect(sqlDialect("postgres").quoteQualified("s.t")).toBe('"s.t"');
  });

  it("writes placeholders per dialect", () => {
    expect(sqlDialect("postgres").placeholder(1)).toBe("$1");
    expect(sqlDialect("duckdb").placeholder(12)).toBe("$12");
    expect(sqlDialect("bigquery").placeholder(12)).toBe("@p12");
    expect(sqlDialect("snowflake").placeholder(12)).toBe("?");
  });

  it("rejects bad input with exact messages", () => {
    expect(() => sqlDialect("mysql" as never)).toThrowErrorMatchingInlineSnapshot(`[TypeError: sqlDialect does not know the dialect "mysql"]`);
    expect(() => sqlDialect("postgres").quoteIdentifier("")).toThrowErrorMatchingInlineSnapshot(`[TypeError: quoteIdentifier requires a non-empty string]`);
    expect(() => sqlDialect("postgres").quoteIdentifier("a\u0000b")).toThrowErrorMatchingInlineSnapshot(`[TypeError: quoteIdentifier rejects identifiers containing NUL characters]`);
    expect(() => sqlDialect("bigquery").quoteIdentifier("a\nb")).toThrowErrorMatchingInlineSnapshot(`[TypeError: quoteIdentifier rejects control characters in bigquery identifiers]`);
    expect(() => sqlDialect("postgres").placeholder(0)).toThrowErrorMatchingInlineSnapshot(`[RangeError: placeholder requires an integer index from 1 to 2^53 - 1]`);
    // Claims review: 1e21 printed as "$1e+21", and [] quoted to an empty name.
    expect(() => sqlDialect("duckdb").placeholder(1e21)).toThrow(new RangeError("placeholder requires an integer index from 1 to 2^53 - 1"));
    expect(() => sqlDialect("postgres").quoteQualified([])).toThrow(new TypeError("quoteQualified requires a name or a non-empty list of name parts"));
    expect(() => sqlDialect("snowflake").placeholder(1.5)).toThrow(RangeError);
  });

  it("a quoted identifier is one token: the quote character only appears doubled or escaped inside", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, unit: "binary" }).filter((s) => !/[\u0000-\u001f\u007f]/u.test(s)), (name) => {
        for (const dialect of sqlDialectNames) {
          const quoted = sqlDialect(dialect).quoteIdentifier(name);
          const q = dialect === "bigquery" ? "`" : '"';
          expect(quoted.startsWith(q) && quoted.endsWith(q)).toBe(true);
          const inner = quoted.slice(1, -1);
          const unescaped = dialect === "bigquery" ? inner.replace(/\\(.)/gsu, "$1") : inner.replaceAll('""', '"');
          expect(unescaped).toBe(name);
          // no unescaped closing quote inside
          const stripped = dialect === "bigquery" ? inner.replace(/\\./gsu, "") : inner.replaceAll('""', "");
          expect(stripped.includes(q)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
