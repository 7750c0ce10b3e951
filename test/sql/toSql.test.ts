import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { evaluate } from "../../src/rules/index.js";
import type { Rule } from "../../src/rules/index.js";
import { segmentQuery, sqlDialectNames, SqlCompileError, toSql } from "../../src/sql/index.js";
import type { SqlColumnMapping, SqlDialectName, ToSqlOptions } from "../../src/sql/index.js";
import { ruleArbitrary } from "./_arbitraries.js";
import { testColumns, testEvents } from "./_databases.js";

const asOf = new Date("2024-03-31T12:00:00Z");
const columns: SqlColumnMapping = {
  "behavior.totalSpend": { column: "total_spend", type: "number" },
  "behavior.orderCount": { column: "order_count", type: "integer" },
  "geography.country": { column: "country", type: "text" },
  "behavior.lastPurchaseAt": { column: "last_purchase_at", type: "timestamp" },
  tags: { column: "tags", type: "textArray" },
  "traits.plan": { json: "traits", path: ["plan"] },
};
const options = (dialect: SqlDialectName, extra: Partial<ToSqlOptions> = {}): ToSqlOptions => ({ dialect, columns, asOf, ...extra });

/** One rule that uses most ops. */
const tour: Rule = {
  op: "and",
  rules: [
    { op: "gte", field: "behavior.totalSpend", value: 100 },
    { op: "notIn", field: "geography.country", values: ["US", "CA"] },
    { op: "contains", field: "geography.country", value: "50%_off\\", caseInsensitive: false },
    { op: "hasAny", field: "tags", values: ["vip"] },
    { op: "withinLast", field: "behavior.lastPurchaseAt", amount: 1, unit: "months" },
    { op: "not", rule: { op: "missing", field: "behavior.orderCount" } },
  ],
};

describe("toSql golden output", () => {
  it("postgres", () => {
    expect(toSql(tour, options("postgres"))).toMatchInlineSnapshot(`
      {
        "paramTypes": [
          "number",
          "text",
          "text",
          "text",
          "text",
          "text",
          "text",
        ],
        "params": [
          100,
          "US",
          "CA",
          "%50\\%\\_off\\\\%",
          "vip",
          "2024-02-29T12:00:00.000Z",
          "2024-03-31T12:00:00.000Z",
        ],
        "sql": "((NULLIF("total_spend", CAST('NaN' AS DOUBLE PRECISION)) >= CAST($1 AS DOUBLE PRECISION)) AND (NOT (CASE WHEN "country" IS NOT NULL THEN ("country" IN (CAST($2 AS TEXT), CAST($3 AS TEXT))) ELSE CAST(NULL AS BOOLEAN) END)) AND ("country" LIKE CAST($4 AS TEXT) ESCAPE '\\') AND ((CAST($5 AS TEXT) = ANY("tags"))) AND ((CASE WHEN isfinite("last_purchase_at") THEN "last_purchase_at" END) >= CAST($6 AS TIMESTAMPTZ) AND (CASE WHEN isfinite("last_purchase_at") THEN "last_purchase_at" END) <= CAST($7 AS TIMESTAMPTZ)) AND (NOT (NOT ("order_count" IS NOT NULL))))",
      }
    `);
  });
  it("duckdb", () => {
    expect(toSql(tour, options("duckdb"))).toMatchInlineSnapshot(`
      {
        "paramTypes": [
          "number",
          "text",
          "text",
          "text",
          "text",
          "text",
          "text",
        ],
        "params": [
          100,
          "US",
          "CA",
          "%50\\%\\_off\\\\%",
          "vip",
          "2024-02-29T12:00:00.000Z",
          "2024-03-31T12:00:00.000Z",
        ],
        "sql": "((NULLIF("total_spend", CAST('NaN' AS DOUBLE)) >= CAST($1 AS DOUBLE)) AND (NOT (CASE WHEN "country" IS NOT NULL THEN ("country" IN (CAST($2 AS VARCHAR), CAST($3 AS VARCHAR))) ELSE CAST(NULL AS BOOLEAN) END)) AND ("country" LIKE CAST($4 AS VARCHAR) ESCAPE '\\') AND ((CASE WHEN list_contains("tags", CAST($5 AS VARCHAR)) THEN TRUE WHEN "tags" IS NULL OR list_count("tags") < len("tags") THEN CAST(NULL AS BOOLEAN) ELSE FALSE END)) AND ((CASE WHEN isfinite("last_purchase_at") THEN "last_purchase_at" END) >= CAST($6 AS TIMESTAMPTZ) AND (CASE WHEN isfinite("last_purchase_at") THEN "last_purchase_at" END) <= CAST($7 AS TIMESTAMPTZ)) AND (NOT (NOT ("order_count" IS NOT NULL))))",
      }
    `);
  });
  it("bigquery", () => {
    expect(toSql(tour, options("bigquery"))).toMatchInlineSnapshot(`
      {
        "paramTypes": [
          "number",
          "text",
          "text",
          "text",
          "text",
          "text",
          "text",
        ],
        "params": [
          100,
          "US",
          "CA",
          "%50\\%\\_off\\\\%",
          "vip",
          "2024-02-29T12:00:00.000Z",
          "2024-03-31T12:00:00.000Z",
        ],
        "sql": "((IF(IS_NAN(\`total_spend\`), NULL, \`total_spend\`) >= CAST(@p1 AS FLOAT64)) AND (NOT (CASE WHEN \`country\` IS NOT NULL THEN (\`country\` IN (CAST(@p2 AS STRING), CAST(@p3 AS STRING))) ELSE CAST(NULL AS BOOL) END)) AND (\`country\` LIKE CAST(@p4 AS STRING)) AND ((CASE WHEN CAST(@p5 AS STRING) IN UNNEST(\`tags\`) THEN TRUE WHEN \`tags\` IS NULL THEN CAST(NULL AS BOOL) ELSE FALSE END)) AND (\`last_purchase_at\` >= CAST(@p6 AS TIMESTAMP) AND \`last_purchase_at\` <= CAST(@p7 AS TIMESTAMP)) AND (NOT (NOT (\`order_count\` IS NOT NULL))))",
      }
    `);
  });
  it("snowflake", () => {
    expect(toSql(tour, options("snowflake"))).toMatchInlineSnapshot(`
      {
        "paramTypes": [
          "number",
          "text",
          "text",
          "text",
          "text",
          "text",
          "text",
        ],
        "params": [
          100,
          "US",
          "CA",
          "%50\\%\\_off\\\\%",
          "vip",
          "2024-02-29T12:00:00.000Z",
          "2024-03-31T12:00:00.000Z",
        ],
        "sql": "((NULLIF("total_spend", CAST('NaN' AS DOUBLE)) >= CAST(? AS DOUBLE)) AND (NOT (CASE WHEN "country" IS NOT NULL THEN ("country" IN (CAST(? AS VARCHAR), CAST(? AS VARCHAR))) ELSE CAST(NULL AS BOOLEAN) END)) AND ("country" LIKE CAST(? AS VARCHAR) ESCAPE '\\\\') AND ((CASE WHEN ARRAY_CONTAINS(CAST(CAST(? AS VARCHAR) AS VARIANT), "tags") THEN TRUE WHEN "tags" IS NULL THEN CAST(NULL AS BOOLEAN) ELSE FALSE END)) AND ("last_purchase_at" >= CAST(? AS TIMESTAMP_TZ) AND "last_purchase_at" <= CAST(? AS TIMESTAMP_TZ)) AND (NOT (NOT ("order_count" IS NOT NULL))))",
      }
    `);
  });
  it("case-insensitive text folds both sides the same way", () => {
    const { sql } = toSql({ op: "startsWith", field: "geography.country", value: "İ", caseInsensitive: true }, options("postgres"));
    expect(sql.startsWith(`(lower(translate(replace("country", 'İ', 'i̇')`)).toBe(true);
  });
  it("JSON paths, PostgreSQL and DuckDB", () => {
    const rule: Rule = { op: "eq", field: "traits.plan", value: "pro" };
    expect(toSql(rule, options("postgres")).sql).toMatchInlineSnapshot(`"((CASE WHEN (jsonb_typeof(CAST("traits" AS JSONB)) = 'object') AND jsonb_typeof((CAST("traits" AS JSONB) #> ARRAY[CAST($1 AS TEXT)])) = 'string' THEN (CAST("traits" AS JSONB) #>> ARRAY[CAST($2 AS TEXT)]) END) = CAST($3 AS TEXT))"`);
    expect(toSql(rule, options("duckdb"))).toMatchInlineSnapshot(`
      {
        "paramTypes": [
          "text",
          "text",
          "text",
        ],
        "params": [
          "$."plan"",
          "$."plan"",
          "pro",
        ],
        "sql": "((CASE WHEN json_type(CAST("traits" AS JSON), CAST($1 AS VARCHAR)) = 'VARCHAR' THEN json_extract_string(CAST("traits" AS JSON), CAST($2 AS VARCHAR)) END) = CAST($3 AS VARCHAR))",
      }
    `);
  });
});

describe("toSql semantics in the text", () => {
  it("empty lists compile to the documented constants", () => {
    expect(toSql({ op: "in", field: "geography.country", values: [] }, options("postgres")).sql).toBe("FALSE");
    expect(toSql({ op: "notIn", field: "geography.country", values: [] }, options("postgres")).sql).toBe(
      `(CASE WHEN ("country" IS NOT NULL) THEN TRUE ELSE CAST(NULL AS BOOLEAN) END)`,
    );
    expect(toSql({ op: "and", rules: [] }, options("postgres")).sql).toBe("TRUE");
    expect(toSql({ op: "or", rules: [] }, options("postgres")).sql).toBe("FALSE");
  });
  it("a literal of another type than the column is UNKNOWN, never a cast", () => {
    expect(toSql({ op: "eq", field: "behavior.totalSpend", value: "100" }, options("postgres"))).toEqual({ sql: "CAST(NULL AS BOOLEAN)", params: [], paramTypes: [] });
    expect(toSql({ op: "lt", field: "behavior.lastPurchaseAt", value: 5 }, options("bigquery")).sql).toBe("CAST(NULL AS BOOL)");
  });
  it("the clock and window bounds are parameters computed in UTC calendar months", () => {
    const { params } = toSql({ op: "withinLast", field: "behavior.lastPurchaseAt", amount: 1, unit: "months" }, options("postgres"));
    expect(params).toEqual(["2024-02-29T12:00:00.000Z", "2024-03-31T12:00:00.000Z"]);
    const before = toSql({ op: "before", field: "behavior.lastPurchaseAt", date: "2024-03-31T14:00:00+02:00" }, options("postgres"));
    expect(before.params).toEqual(["2024-03-31T12:00:00.000Z"]);
  });
  it("numbers at the edges of double precision are bound unchanged", () => {
    for (const value of [Number.MAX_VALUE, Number.MIN_VALUE, -0, 2 ** 53 + 2]) {
      expect(Object.is(toSql({ op: "eq", field: "behavior.totalSpend", value }, options("duckdb")).params[0], value)).toBe(true);
    }
  });
  it("LIKE patterns escape %, _ and the escape character", () => {
    expect(toSql({ op: "contains", field: "geography.country", value: "50%_\\" }, options("postgres")).params).toEqual(["%50\\%\\_\\\\%"]);
    expect(toSql({ op: "endsWith", field: "geography.country", value: "" }, options("snowflake")).params).toEqual(["%"]);
  });
  it("parameterOffset shifts placeholders", () => {
    expect(toSql({ op: "eq", field: "geography.country", value: "FR" }, options("postgres", { parameterOffset: 3 })).sql).toBe(`("country" = CAST($4 AS TEXT))`);
  });
  it("tableAlias qualifies columns", () => {
    expect(toSql({ op: "exists", field: "geography.country" }, options("duckdb", { tableAlias: "p" })).sql).toBe(`("p"."country" IS NOT NULL)`);
  });
  it("inSegment inlines the named rule", () => {
    const segments = { us: { op: "eq", field: "geography.country", value: "US" } as Rule };
    expect(toSql({ op: "not", rule: { op: "inSegment", segment: "us" } }, options("postgres", { segments })).sql).toBe(`(NOT ("country" = CAST($1 AS TEXT)))`);
  });
  it("event conditions in toSql are correlated subqueries on tableAlias.idColumn", () => {
    const result = toSql(
      { op: "event", type: "purchase", withinLast: { amount: 7, unit: "days" }, count: { gte: 2 } },
      options("postgres", { events: testEvents, tableAlias: "p", idColumn: "id" }),
    );
    expect(result).toMatchInlineSnapshot(`
      {
        "paramTypes": [
          "text",
          "text",
          "text",
          "number",
        ],
        "params": [
          "purchase",
          "2024-03-24T12:00:00.000Z",
          "2024-03-31T12:00:00.000Z",
          2,
        ],
        "sql": "((SELECT COUNT(*) FROM "events" AS "segmentkit_event_1" WHERE "segmentkit_event_1"."customer_id" = "p"."id" AND "segmentkit_event_1"."type" = CAST($1 AS TEXT) AND ((CASE WHEN isfinite("segmentkit_event_1"."ts") THEN "segmentkit_event_1"."ts" END) >= CAST($2 AS TIMESTAMPTZ) AND (CASE WHEN isfinite("segmentkit_event_1"."ts") THEN "segmentkit_event_1"."ts" END) <= CAST($3 AS TIMESTAMPTZ))) >= CAST($4 AS DOUBLE PRECISION))",
      }
    `);
  });
  it("startsWith / endsWith bind the pattern at the right end; PostgreSQL orders text bytewise (COLLATE \"C\"), as JavaScript does", () => {
    expect(toSql({ op: "startsWith", field: "geography.country", value: "Ab" }, options("postgres")).params).toEqual(["Ab%"]);
    expect(toSql({ op: "endsWith", field: "geography.country", value: "Ab" }, options("postgres")).params).toEqual(["%Ab"]);
    expect(toSql({ op: "lt", field: "geography.country", value: "M" }, options("postgres")).sql).toBe('(("country" COLLATE "C") < CAST($1 AS TEXT))');
  });
  it("Snowflake placeholders are positional and in order of appearance", () => {
    const { sql, params } = toSql({ op: "between", field: "behavior.totalSpend", min: 1, max: 2 }, options("snowflake"));
    expect(sql.split("?").length - 1).toBe(params.length);
    expect(params).toEqual([1, 2]);
  });
  it("every dialect compiles every generated rule, with one parameter per placeholder and no literal from the rule in the text", () => {
    fc.assert(
      fc.property(ruleArbitrary(), fc.constantFrom(...sqlDialectNames), (rule, dialect) => {
        const { sql, params, paramTypes } = toSql(rule, { dialect, columns: testColumns, asOf, onUnsupported: "unknown" });
        expect(paramTypes.length).toBe(params.length);
        const placeholders = dialect === "snowflake" ? sql.split("?").length - 1 : (sql.match(dialect === "bigquery" ? /@p\d+/g : /\$\d+/g) ?? []).length;
        expect(placeholders).toBe(params.length);
        expect(inlineLiterals(sql)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * The literals written into SQL text: every quoted string and number outside identifiers and
 * placeholders that is not one of the compiler's own constants (type names, 'NaN', the LIKE escape,
 * 0 and 1, the case-folding tables). A value from the rule must be bound, so it never appears here.
 */
function inlineLiterals(sql: string): string[] {
  const constants = new Set(["0", "1", "'NaN'", "'inf'", "'Infinity'", "'NULL'", "'null'", "'object'", "'string'", "'number'", "'boolean'", "'VARCHAR'", "'DOUBLE'", "'BIGINT'", "'UBIGINT'", "'HUGEINT'", "'BOOLEAN'", "'\\'", "'\\\\'", "'\u0130'", "'i\u0307'"]);
  const caseTable = /^'[\u03a3\u03c3][^\u0000-\u007f]{20,}'$/u;
  const outside = sql.replace(/"(?:[^"]|"")*"|`(?:[^`]|``)*`/g, " ").replace(/\$\d+|@p\d+|\?/g, " ");
  const tokens = outside.match(/'(?:[^']|'')*'|(?<![\w.])\d+(?:\.\d+)?(?:e[+-]?\d+)?(?!\w)/giu) ?? [];
  return tokens.filter((token) => !constants.has(token) && !caseTable.test(token));
}

describe("toSql errors", () => {
  it("collects every unmapped field with its rule path", () => {
    try {
      toSql({ op: "and", rules: [{ op: "eq", field: "a", value: 1 }, { op: "not", rule: { op: "exists", field: "b" } }] }, options("postgres"));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SqlCompileError);
      expect((error as SqlCompileError).issues).toMatchInlineSnapshot(`
        [
          {
            "code": "unmapped_field",
            "message": "field "a" is not mapped to a column",
            "path": [
              "rules",
              0,
              "field",
            ],
          },
          {
            "code": "unmapped_field",
            "message": "field "b" is not mapped to a column",
            "path": [
              "rules",
              1,
              "rule",
              "field",
            ],
          },
        ]
      `);
      expect((error as SqlCompileError).message).toMatchInlineSnapshot(`"toSql found 2 issues: field "a" is not mapped to a column at rules[0].field"`);
    }
  });
  it("JSON paths are unsupported on BigQuery and Snowflake unless onUnsupported is unknown", () => {
    expect(() => toSql({ op: "eq", field: "traits.plan", value: "pro" }, options("bigquery"))).toThrowErrorMatchingInlineSnapshot(`[SqlCompileError: toSql found 1 issue: bigquery does not support JSON-path mappings (field "traits.plan") at field]`);
    expect(toSql({ op: "not", rule: { op: "eq", field: "traits.plan", value: "pro" } }, options("snowflake", { onUnsupported: "unknown" })).sql).toBe(
      "(NOT CAST(NULL AS BOOLEAN))",
    );
  });
  it("unknown segments, cycles, events without a mapping, bad dates, bad ops", () => {
    const segments = { a: { op: "inSegment", segment: "b" } as Rule, b: { op: "inSegment", segment: "a" } as Rule };
    expect(() => toSql({ op: "inSegment", segment: "a" }, options("postgres", { segments }))).toThrowErrorMatchingInlineSnapshot(`[SqlCompileError: toSql found 1 issue: segment "a" refers to itself through a → b → a at segment.a.segment.b]`);
    expect(() => toSql({ op: "inSegment", segment: "zzz" }, options("postgres"))).toThrowErrorMatchingInlineSnapshot(`[SqlCompileError: toSql found 1 issue: segment "zzz" is not defined]`);
    expect(() => toSql({ op: "event", type: "purchase" }, options("postgres"))).toThrowErrorMatchingInlineSnapshot(`[SqlCompileError: toSql found 1 issue: event conditions need the events table mapping (options.events)]`);
    expect(() => toSql({ op: "after", field: "behavior.lastPurchaseAt", date: "yesterday" }, options("postgres"))).toThrowErrorMatchingInlineSnapshot(`[SqlCompileError: toSql found 1 issue: date "yesterday" is not an ISO-8601 instant at date]`);
    expect(() => toSql({ op: "xor" } as unknown as Rule, options("postgres"))).toThrowErrorMatchingInlineSnapshot(`[SqlCompileError: toSql found 1 issue: unknown op "xor" at op]`);
    expect(() => toSql({ op: "eq", field: "geography.country", value: Number.NaN }, options("postgres"))).toThrowErrorMatchingInlineSnapshot(`[SqlCompileError: toSql found 1 issue: a number literal must be finite, got NaN at value]`);
  });
  it("invalid arguments", () => {
    expect(() => toSql({ op: "always" }, options("mysql" as SqlDialectName))).toThrowErrorMatchingInlineSnapshot(`[TypeError: toSql does not know the dialect "mysql"]`);
    expect(() => toSql({ op: "always" }, options("postgres", { asOf: new Date(Number.NaN) }))).toThrowErrorMatchingInlineSnapshot(`[TypeError: toSql requires asOf to be a valid Date]`);
    expect(() => toSql({ op: "always" }, options("postgres", { parameterOffset: -1 }))).toThrowErrorMatchingInlineSnapshot(`[RangeError: toSql requires parameterOffset to be a non-negative integer]`);
    // Outside the years 1 to 9999 the bound asOf would fail the query (+010000-… or year 0), so it is refused here.
    for (const dialect of ["postgres", "duckdb", "bigquery", "snowflake"] as const) {
      expect(() => toSql({ op: "always" }, options(dialect, { asOf: new Date(Date.UTC(10_000, 0, 1)) }))).toThrow(
        `toSql requires asOf in the years 1 to 9999, which every dialect's timestamps hold, got +010000-01-01T00:00:00.000Z`,
      );
      expect(() => toSql({ op: "always" }, options(dialect, { asOf: new Date("0000-12-31T23:59:59.999Z") }))).toThrow(RangeError);
      expect(toSql({ op: "withinLast", field: "behavior.lastPurchaseAt", amount: 1, unit: "days" }, options(dialect, { asOf: new Date("9999-12-31T23:59:59.999Z") })).params).toContain("9999-12-31T23:59:59.999Z");
      expect(toSql({ op: "withinLast", field: "behavior.lastPurchaseAt", amount: 1, unit: "days" }, options(dialect, { asOf: new Date("0001-01-01T00:00:00.000Z") })).params).toContain("0001-01-01T00:00:00.000Z");
    }
    expect(() => segmentQuery([], { dialect: "postgres", table: "p", idColumn: "id", columns: {}, mode: "all", asOf: new Date(Date.UTC(10_000, 0, 1)) })).toThrow("segmentQuery requires asOf in the years 1 to 9999");
  });
});

describe("toSql on untrusted, malformed rule JSON", () => {
  const ops = ["and", "or", "not", "always", "never", "eq", "ne", "lt", "lte", "gt", "gte", "between", "in", "notIn", "contains", "startsWith", "endsWith",
    "hasAny", "hasAll", "hasNone", "exists", "missing", "withinLast", "before", "after", "event", "inSegment", "xor", "__proto__"];
  const junk = fc.letrec<{ node: unknown }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small" },
      fc.jsonValue({ maxDepth: 1 }),
      fc.record(
        {
          op: fc.constantFrom(...ops),
          field: fc.oneof(fc.constantFrom("s", "n", "tags", "t", "doc.txt", "constructor"), fc.jsonValue({ maxDepth: 0 })),
          value: fc.jsonValue({ maxDepth: 1 }),
          values: fc.oneof(fc.array(fc.jsonValue({ maxDepth: 0 }), { maxLength: 3 }), fc.jsonValue({ maxDepth: 0 })),
          rules: fc.oneof(fc.array(tie("node"), { maxLength: 3 }), fc.jsonValue({ maxDepth: 0 })),
          rule: tie("node"),
          where: tie("node"),
          min: fc.jsonValue({ maxDepth: 0 }),
          max: fc.jsonValue({ maxDepth: 0 }),
          date: fc.jsonValue({ maxDepth: 0 }),
          amount: fc.jsonValue({ maxDepth: 0 }),
          unit: fc.oneof(fc.constantFrom("days", "months"), fc.jsonValue({ maxDepth: 0 })),
          type: fc.jsonValue({ maxDepth: 0 }),
          count: fc.jsonValue({ maxDepth: 1 }),
          sum: fc.jsonValue({ maxDepth: 1 }),
          withinLast: fc.jsonValue({ maxDepth: 1 }),
          segment: fc.jsonValue({ maxDepth: 0 }),
          caseInsensitive: fc.jsonValue({ maxDepth: 0 }),
        },
        { requiredKeys: ["op"] },
      ),
    ),
  }));
  it("either compiles or throws SqlCompileError; never another error, never a value in the SQL text", () => {
    fc.assert(
      fc.property(junk.node, fc.constantFrom(...sqlDialectNames), (rule, dialect) => {
        try {
          const { sql, params } = toSql(rule as Rule, { dialect, columns: testColumns, asOf, events: testEvents, tableAlias: "p", idColumn: "id", segments: { s: { op: "always" } } });
          for (const param of params) if (typeof param === "string" && param.length > 3 && /['";]/u.test(param)) expect(sql.includes(param)).toBe(false);
          expect(inlineLiterals(sql)).toEqual([]);
        } catch (error) {
          expect(error).toBeInstanceOf(SqlCompileError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("segment chains and deep rules refused or compiled as evaluate does (claims review)", () => {
  const asOf = new Date("2024-01-01T00:00:00Z");
  const columns: SqlColumnMapping = { "behavior.totalSpend": { column: "total_spend", type: "number" } };
  const chain = (length: number): Record<string, Rule> => {
    const segments: Record<string, Rule> = {};
    for (let index = 0; index < length; index++) segments[`s${index}`] = { op: "inSegment", segment: `s${index + 1}` };
    segments[`s${length}`] = { op: "always" };
    return segments;
  };

  it("a chain of more than 100 segments is too_deep, as in evaluate (it compiled to TRUE)", () => {
    const rule: Rule = { op: "inSegment", segment: "s0" };
    expect(() => evaluate(rule, {}, { asOf, segments: chain(100) })).toThrow("segments refer to one another more than 100 levels deep");
    expect(() => toSql(rule, { dialect: "postgres", asOf, columns, segments: chain(100) })).toThrow("segments refer to one another more than 100 levels deep");
    expect(evaluate(rule, {}, { asOf, segments: chain(99) })).toBe(true);
    expect(toSql(rule, { dialect: "postgres", asOf, columns, segments: chain(99) }).sql).toBe("TRUE");
  });

  it("the chain limit holds however the rule reaches a segment first (diff review: evaluate reused a shallow measure)", () => {
    const segments: Record<string, Rule> = { A: { op: "always" } };
    for (let index = 1; index <= 100; index++) segments[`B${index}`] = { op: "inSegment", segment: index === 100 ? "A" : `B${index + 1}` };
    for (const rule of [
      { op: "and", rules: [{ op: "inSegment", segment: "B1" }, { op: "inSegment", segment: "A" }] },
      { op: "and", rules: [{ op: "inSegment", segment: "A" }, { op: "inSegment", segment: "B1" }] },
    ] as Rule[]) {
      expect(() => evaluate(rule, {}, { asOf, segments })).toThrow("segments refer to one another more than 100 levels deep");
      expect(() => toSql(rule, { dialect: "postgres", asOf, columns, segments })).toThrow("segments refer to one another more than 100 levels deep");
    }
  });

  it("a segment's rule takes the depth of its inSegment node: exactly 1,000 levels compile (toSql counted one more)", () => {
    const nest = (depth: number, leaf: Rule): Rule => {
      let rule = leaf;
      for (let level = 1; level < depth; level++) rule = { op: "not", rule };
      return rule;
    };
    const segments = { deep: nest(500, { op: "gte", field: "behavior.totalSpend", value: 1 }) };
    const rule = nest(501, { op: "inSegment", segment: "deep" });
    // 999 negations around a TRUE comparison.
    expect(evaluate(rule, { behavior: { totalSpend: 2 } }, { asOf, segments })).toBe(false);
    expect(toSql(rule, { dialect: "postgres", asOf, columns, segments }).params).toEqual([1]);
    const tooDeep = nest(502, { op: "inSegment", segment: "deep" });
    expect(() => evaluate(tooDeep, {}, { asOf, segments })).toThrow("levels deep");
    expect(() => toSql(tooDeep, { dialect: "postgres", asOf, columns, segments })).toThrow("levels deep");
  });

  it("compiles 990 levels of 50 comparisons each with one parameter per comparison and intact issue paths", () => {
    let rule: Rule = { op: "gte", field: "behavior.totalSpend", value: 0 };
    for (let level = 0; level < 990; level++) rule = { op: "and", rules: [rule, ...Array.from({ length: 50 }, (_, index): Rule => ({ op: "gte", field: "behavior.totalSpend", value: index }))] };
    const { sql, params } = toSql(rule, { dialect: "duckdb", asOf, columns });
    expect(params).toHaveLength(990 * 50 + 1);
    expect(sql.startsWith("(".repeat(990))).toBe(true);
    let broken: Rule = { op: "gte", field: "unmapped", value: 0 };
    for (let level = 0; level < 990; level++) broken = { op: "and", rules: [broken, { op: "always" }] };
    try {
      toSql(broken, { dialect: "duckdb", asOf, columns });
      expect.unreachable();
    } catch (error) {
      expect((error as SqlCompileError).issues[0]?.path).toEqual([...Array.from({ length: 990 }, () => ["rules", 0]).flat(), "field"]);
    }
  });
});

describe("segment references that expand exponentially (review fix)", () => {
  it("stop with a too_many_nodes issue instead of emitting 2^n SQL text", () => {
    const segments: Record<string, Rule> = {};
    for (let index = 0; index < 40; index++) {
      segments[`s${index}`] = { op: "and", rules: [{ op: "inSegment", segment: `s${index + 1}` }, { op: "inSegment", segment: `s${index + 1}` }] };
    }
    segments["s40"] = { op: "gte", field: "behavior.totalSpend", value: 1 };
    const compile = () =>
      toSql({ op: "inSegment", segment: "s0" }, { dialect: "postgres", asOf: new Date("2024-01-01T00:00:00Z"), segments, columns: { "behavior.totalSpend": { column: "total_spend", type: "number" } } });
    expect(compile).toThrow(SqlCompileError);
    try {
      compile();
    } catch (error) {
      expect((error as SqlCompileError).issues.map((issue) => issue.code)).toEqual(["too_many_nodes"]);
    }
  });
});

describe("toSql on a rule that skipped parseRule (fuzz review)", () => {
  it("reports each hole of a rules array (map skipped them and emitted `( AND x AND  AND y)`)", () => {
    const rule = { op: "and", rules: [, { op: "gte", field: "behavior.totalSpend", value: 1 }, , { op: "always" }] } as unknown as Rule;
    try {
      toSql(rule, { dialect: "postgres", columns, asOf: new Date("2024-01-01T00:00:00Z") });
      expect.unreachable("toSql accepted a rule with holes");
    } catch (error) {
      expect(error).toBeInstanceOf(SqlCompileError);
      expect((error as SqlCompileError).issues.map((issue) => [issue.code, issue.path.join(".")])).toEqual([
        ["invalid_rule", "rules.0"],
        ["invalid_rule", "rules.2"],
      ]);
    }
  });
});

describe("toSql and segmentQuery without options (fuzz review)", () => {
  it("say what the options must hold instead of a raw TypeError", () => {
    expect(() => toSql({ op: "always" }, undefined as never)).toThrow(new TypeError("toSql requires options with a dialect, columns and asOf"));
    expect(() => segmentQuery([], undefined as never)).toThrow(new TypeError("segmentQuery requires options with a dialect, a table, columns, mode and asOf"));
  });
});

describe("toSql: date bounds finer than a millisecond", () => {
  it("binds whole milliseconds as evaluate compares them: a before bound rounds up, an after bound down", () => {
    const field = "behavior.lastPurchaseAt";
    expect(toSql({ op: "before", field, date: "2024-03-01T12:00:00.0005Z" }, options("postgres")).params).toEqual(["2024-03-01T12:00:00.001Z"]);
    expect(toSql({ op: "after", field, date: "2024-03-01T12:00:00.0005Z" }, options("postgres")).params).toEqual(["2024-03-01T12:00:00.000Z"]);
    expect(toSql({ op: "before", field, date: "2024-03-01T12:00:00.000900Z" }, options("postgres")).params).toEqual(["2024-03-01T12:00:00.001Z"]);
  });
});

describe("toSql: arrays of numbers holding NaN", () => {
  it("every dialect makes a miss UNKNOWN when the array holds NaN, as evaluate does (Snowflake lacked the branch)", () => {
    const numbers: SqlColumnMapping = { scores: { column: "scores", type: "numberArray" } };
    expect(evaluate({ op: "hasNone", field: "scores", values: [1] }, { scores: [Number.NaN] }, { asOf })).toBeNull();
    const branches: Record<SqlDialectName, string> = {
      postgres: "CAST('NaN' AS DOUBLE PRECISION) = ANY(",
      duckdb: "list_contains(\"p\".\"scores\", CAST('NaN' AS DOUBLE))",
      bigquery: "WHERE IS_NAN(element)",
      snowflake: "ARRAY_CONTAINS(CAST(CAST('NaN' AS DOUBLE) AS VARIANT), \"p\".\"scores\")",
    };
    for (const dialect of sqlDialectNames) {
      const { sql } = toSql({ op: "hasNone", field: "scores", values: [1] }, { dialect, columns: numbers, asOf, tableAlias: "p" });
      expect(sql).toContain(branches[dialect]);
    }
  });
});

describe("toSql: behaviours pinned by the fourth mutation review", () => {
  const t = "behavior.lastPurchaseAt";
  it("a window or bound that reaches before the year 1 binds no timestamp before 0001: withinLast keeps only asOf, before is FALSE and after TRUE for a present value", () => {
    const long = { amount: 3000, unit: "years" } as const;
    expect(toSql({ op: "withinLast", field: t, ...long }, options("postgres"))).toEqual({
      sql: `((CASE WHEN isfinite("last_purchase_at") THEN "last_purchase_at" END) <= CAST($1 AS TIMESTAMPTZ))`,
      params: ["2024-03-31T12:00:00.000Z"],
      paramTypes: ["text"],
    });
    const read = `(CASE WHEN isfinite("last_purchase_at") THEN "last_purchase_at" END)`;
    expect(toSql({ op: "before", field: t, ...long }, options("postgres")).sql).toBe(`(CASE WHEN ${read} IS NULL THEN CAST(NULL AS BOOLEAN) ELSE FALSE END)`);
    expect(toSql({ op: "after", field: t, ...long }, options("postgres")).sql).toBe(`(CASE WHEN ${read} IS NULL THEN CAST(NULL AS BOOLEAN) ELSE TRUE END)`);
    expect(toSql({ op: "event", type: "purchase", withinLast: long }, options("duckdb", { events: testEvents, tableAlias: "p", idColumn: "id" })).params).toEqual(["purchase", "2024-03-31T12:00:00.000Z"]);
  });

  it("between on text compares code points in PostgreSQL (COLLATE \"C\" on both bounds), as lt does", () => {
    expect(toSql({ op: "between", field: "geography.country", min: "A", max: "M" }, options("postgres")).sql).toBe(
      `(("country" COLLATE "C") >= CAST($1 AS TEXT) AND ("country" COLLATE "C") <= CAST($2 AS TEXT))`,
    );
  });

  it("BigQuery and Snowflake: case folding, array length and boolean casts in each dialect's own words", () => {
    const rule: Rule = {
      op: "and",
      rules: [
        { op: "contains", field: "geography.country", value: "Ab", caseInsensitive: true },
        { op: "hasAll", field: "tags", values: [3] },
        { op: "eq", field: "flag", value: true },
      ],
    };
    const withFlag: SqlColumnMapping = { ...columns, flag: { column: "flag", type: "boolean" } };
    // The two translate tables (Σ and the Unicode 16 capitals, and their lower-case forms) are written once here.
    const tables = (sql: string) => sql.replace(/'\u03a3[^']+'/gu, "'<upper>'").replace(/'\u03c3[^']+'/gu, "'<lower>'");
    expect(tables(toSql(rule, { dialect: "bigquery", columns: withFlag, asOf }).sql)).toBe(
      "((LOWER(TRANSLATE(REPLACE(`country`, 'İ', 'i̇'), '<upper>', '<lower>')) LIKE LOWER(TRANSLATE(REPLACE(CAST(@p1 AS STRING), 'İ', 'i̇'), '<upper>', '<lower>'))) AND " +
        "((CASE WHEN ARRAY_LENGTH(`tags`) = 0 THEN FALSE ELSE CAST(NULL AS BOOL) END)) AND (`flag` = CAST(@p2 AS BOOL)))",
    );
    expect(tables(toSql(rule, { dialect: "snowflake", columns: withFlag, asOf }).sql)).toBe(
      `((LOWER(TRANSLATE(REPLACE("country", 'İ', 'i̇'), '<upper>', '<lower>')) LIKE LOWER(TRANSLATE(REPLACE(CAST(? AS VARCHAR), 'İ', 'i̇'), '<upper>', '<lower>')) ESCAPE '\\\\') AND ` +
        `((CASE WHEN ARRAY_SIZE("tags") = 0 THEN FALSE ELSE CAST(NULL AS BOOLEAN) END)) AND ("flag" = CAST(? AS BOOLEAN)))`,
    );
  });

  it("refuses what evaluate refuses: nested events, inSegment in an event's where, between on booleans, infinite literals, negative windows, DEL in a name", () => {
    const issues = (rule: Rule, extra: Partial<ToSqlOptions> = {}) => {
      try {
        toSql(rule, options("postgres", { events: testEvents, tableAlias: "p", idColumn: "id", ...extra }));
        return [];
      } catch (error) {
        expect(error).toBeInstanceOf(SqlCompileError);
        return (error as SqlCompileError).issues.map((issue) => `${issue.code} at ${issue.path.join(".")}: ${issue.message}`);
      }
    };
    expect(issues({ op: "event", type: "purchase", where: { op: "event", type: "visit" } })).toEqual(["nested_event at where: event conditions cannot be nested inside an event's where"]);
    expect(issues({ op: "event", type: "purchase", where: { op: "inSegment", segment: "s" } }, { segments: { s: { op: "always" } } })).toEqual([
      "invalid_rule at where: inSegment cannot appear inside an event's where",
    ]);
    expect(issues({ op: "between", field: "geography.country", min: false, max: true } as unknown as Rule)).toEqual([
      "invalid_rule at : between needs min and max that are both numbers or both strings",
    ]);
    expect(issues({ op: "gte", field: "behavior.totalSpend", value: Number.POSITIVE_INFINITY })).toEqual(["invalid_rule at value: a number literal must be finite, got Infinity"]);
    expect(issues({ op: "in", field: "behavior.totalSpend", values: [1, Number.NEGATIVE_INFINITY] })).toEqual(["invalid_rule at values.1: a number literal must be finite, got -Infinity"]);
    expect(issues({ op: "withinLast", field: t, amount: -1, unit: "days" })).toEqual(["invalid_rule at : a duration needs a non-negative integer amount and a time unit"]);
    expect(issues({ op: "event", type: "purchase", withinLast: { amount: -7, unit: "days" } })).toEqual([
      "invalid_rule at withinLast: a duration needs a non-negative integer amount and a time unit",
    ]);
    expect(issues({ op: "exists", field: "x" }, { columns: { x: { column: "a\u007fb", type: "text" } } })).toEqual([
      'invalid_mapping at field: the column of field "x" must be a non-empty identifier without control characters, got "a\u007fb"',
    ]);
    // A mapping key that would be ignored is refused: nullable, json beside column, an events alias.
    expect(issues({ op: "exists", field: "x" }, { columns: { x: { column: "x", type: "text", nullable: false } as never } })).toEqual([
      'invalid_mapping at field: the mapping of field "x" has the key "nullable", which it does not take (its keys: column, type)',
    ]);
    expect(issues({ op: "exists", field: "x" }, { columns: { x: { column: "x", json: "data", path: ["x"], type: "text" } as never } })).toEqual([
      'invalid_mapping at field: the mapping of field "x" has both "column" and "json": a field is stored in one or the other',
    ]);
    expect(issues({ op: "exists", field: "x" }, { columns: { x: { json: "data", path: ["x"], format: "iso" } as never } })).toEqual([
      'invalid_mapping at field: the mapping of field "x" has the key "format", which it does not take (its keys: json, path, type)',
    ]);
    expect(issues({ op: "always" }, { events: { ...testEvents, alias: "e" } as never })).toEqual([
      'invalid_mapping at events.alias: the events mapping has the key "alias", which it does not take (its keys: table, customerId, type, timestamp, properties)',
    ]);
  });

  it("parameterOffset must be a non-negative integer even when the rule binds nothing", () => {
    for (const parameterOffset of [1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => toSql({ op: "always" }, options("postgres", { parameterOffset }))).toThrow(new RangeError("toSql requires parameterOffset to be a non-negative integer"));
    }
  });
});
