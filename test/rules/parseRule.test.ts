import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRule, RuleError, safeParseRule } from "../../src/rules/index.js";
import type { Rule, RuleIssueCode } from "../../src/rules/index.js";
import { ruleArbitrary } from "./_arbitraries.js";

const issueCodes: ReadonlyArray<RuleIssueCode> = [
  "invalid_type",
  "unknown_op",
  "missing_key",
  "unrecognized_key",
  "invalid_path",
  "forbidden_path",
  "non_finite_number",
  "invalid_value",
  "invalid_range",
  "invalid_date",
  "invalid_unit",
  "invalid_version",
  "too_deep",
  "too_many_nodes",
  "list_too_long",
  "string_too_long",
];

function issuesOf(json: unknown, options?: Parameters<typeof parseRule>[1]) {
  const result = safeParseRule(json, options);
  if (result.success) throw new Error(`expected ${JSON.stringify(json)} to be rejected`);
  return result.error.issues;
}

function expectTypedFailure(json: unknown): void {
  const result = safeParseRule(json);
  if (result.success) return;
  expect(result.error).toBeInstanceOf(RuleError);
  expect(result.error.issues.length).toBeGreaterThan(0);
  for (const issue of result.error.issues) {
    expect(issueCodes).toContain(issue.code);
    expect(typeof issue.message).toBe("string");
    expect(Array.isArray(issue.path)).toBe(true);
  }
}

function nest(depth: number, key: "not" | "and"): unknown {
  let node: unknown = { op: "always" };
  for (let level = 0; level < depth; level += 1) node = key === "not" ? { op: "not", rule: node } : { op: "and", rules: [node] };
  return node;
}

describe("parseRule", () => {
  it("accepts every op and returns a fresh equal rule (JSON round trip)", () => {
    fc.assert(
      fc.property(ruleArbitrary({ events: true, segments: true }), (rule) => {
        const json = JSON.parse(JSON.stringify(rule)) as unknown;
        const parsed = parseRule(json);
        expect(parsed).toEqual(json);
        expect(parsed).not.toBe(json);
        expect(parseRule(JSON.parse(JSON.stringify(parsed)))).toEqual(parsed);
      }),
      { numRuns: 1000 },
    );
  });

  it("accepts and drops a root version 1", () => {
    expect(parseRule({ version: 1, op: "always" })).toEqual({ op: "always" });
    expect(issuesOf({ version: 2, op: "always" })).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_version",
          "message": "version must be 1, got 2",
          "path": [
            "version",
          ],
        },
      ]
    `);
    expect(issuesOf({ op: "not", rule: { version: 1, op: "always" } })[0]?.code).toBe("unrecognized_key");
  });

  it("pins the error output", () => {
    expect(() => parseRule({ op: "and", rules: [{ op: "gte", field: "age", value: "30", extra: 1 }, { op: "xor" }, { op: "between", field: "age", min: 10, max: 5 }] })).toThrowErrorMatchingInlineSnapshot(`[RuleError: parseRule found 3 issues: op "gte" does not take the key "extra" at rules[0].extra]`);
    expect(
      issuesOf({
        op: "or",
        rules: [
          { op: "eq", field: "a..b", value: null },
          { op: "in", field: "__proto__.polluted", values: [1, Number.POSITIVE_INFINITY] },
          { op: "withinLast", field: "t", amount: -1, unit: "fortnights" },
          { op: "before", field: "t", date: "2024-02-30" },
          { op: "after", field: "t", date: "2024-03-01T10:00:00" },
          { op: "lt", field: "flag", value: true },
          { op: "event", type: "purchase", count: { gte: 3, lte: 1 }, sum: { property: "amount" }, where: { op: "inSegment", segment: "vip" } },
          "always",
          { op: "contains", field: "name", value: "x", caseInsensitive: "yes" },
        ],
      }),
    ).toMatchInlineSnapshot(`
      [
        {
          "code": "invalid_path",
          "message": "field path "a..b" has an empty segment",
          "path": [
            "rules",
            0,
            "field",
          ],
        },
        {
          "code": "invalid_type",
          "message": "value must be a string, number or boolean, got null (null is never a literal: use exists or missing)",
          "path": [
            "rules",
            0,
            "value",
          ],
        },
        {
          "code": "forbidden_path",
          "message": "field path "__proto__.polluted" has the forbidden segment "__proto__"",
          "path": [
            "rules",
            1,
            "field",
          ],
        },
        {
          "code": "non_finite_number",
          "message": "each value must be a finite number, got Infinity",
          "path": [
            "rules",
            1,
            "values",
            1,
          ],
        },
        {
          "code": "invalid_value",
          "message": "amount must be a non-negative integer, got -1",
          "path": [
            "rules",
            2,
            "amount",
          ],
        },
        {
          "code": "invalid_unit",
          "message": "unit must be one of seconds, minutes, hours, days, weeks, months, years, got "fortnights"",
          "path": [
            "rules",
            2,
            "unit",
          ],
        },
        {
          "code": "invalid_date",
          "message": "date must be an ISO-8601 date (2024-03-01) or instant with an offset (2024-03-01T12:00:00Z), got "2024-02-30"",
          "path": [
            "rules",
            3,
            "date",
          ],
        },
        {
          "code": "invalid_date",
          "message": "date must be an ISO-8601 date (2024-03-01) or instant with an offset (2024-03-01T12:00:00Z), got "2024-03-01T10:00:00"",
          "path": [
            "rules",
            4,
            "date",
          ],
        },
        {
          "code": "invalid_value",
          "message": "op "lt" compares numbers or strings, not booleans",
          "path": [
            "rules",
            5,
            "value",
          ],
        },
        {
          "code": "invalid_range",
          "message": "count.gte 3 is greater than count.lte 1",
          "path": [
            "rules",
            6,
            "count",
          ],
        },
        {
          "code": "invalid_range",
          "message": "sum needs at least one of gte and lte",
          "path": [
            "rules",
            6,
            "sum",
          ],
        },
        {
          "code": "invalid_value",
          "message": "op "inSegment" cannot be used inside an event's where, which is a rule over the event's properties",
          "path": [
            "rules",
            6,
            "where",
            "op",
          ],
        },
        {
          "code": "invalid_type",
          "message": "a rule must be an object, got string",
          "path": [
            "rules",
            7,
          ],
        },
        {
          "code": "invalid_type",
          "message": "caseInsensitive must be a boolean, got string",
          "path": [
            "rules",
            8,
            "caseInsensitive",
          ],
        },
      ]
    `);
  });

  it("rejects prototype path segments everywhere a path appears", () => {
    for (const field of ["__proto__", "a.constructor", "prototype.x", "a.__proto__.b"]) {
      expect(issuesOf({ op: "exists", field })[0]?.code).toBe("forbidden_path");
      expect(issuesOf({ op: "event", type: "x", sum: { property: field, gte: 1 } })[0]?.code).toBe("forbidden_path");
    }
    // JSON.parse makes "__proto__" an own key; it is an unrecognized key, never a prototype write.
    const hostile = JSON.parse('{"op":"always","__proto__":{"polluted":true}}') as unknown;
    expect(issuesOf(hostile)[0]?.code).toBe("unrecognized_key");
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("reads the holes of sparse lists as missing items, never from Array.prototype, and each list once", () => {
    // eslint-disable-next-line no-sparse-arrays
    const sparseValues = ["a", , "b"];
    // eslint-disable-next-line no-sparse-arrays
    const sparseRules = [{ op: "always" }, , { op: "never" }];
    Object.defineProperty(Array.prototype, 1, { value: "polluted", configurable: true, writable: true });
    try {
      expect(issuesOf({ op: "in", field: "x", values: sparseValues }).map((issue) => issue.path)).toEqual([["values", 1]]);
      expect(issuesOf({ op: "and", rules: sparseRules }).map((issue) => issue.path)).toEqual([["rules", 1]]);
    } finally {
      delete (Array.prototype as unknown as Record<number, unknown>)[1];
    }
    // A list whose getter grows it while it is read: the length is read once, so the limit holds.
    const growing = ["a"];
    Object.defineProperty(growing, 0, { get: () => (growing.push("b", "c", "d"), "a"), enumerable: true });
    expect(safeParseRule({ op: "in", field: "x", values: growing }, { maxListLength: 2 })).toEqual({ success: true, data: { op: "in", field: "x", values: ["a"] } });
  });

  it("cuts a long untrusted key in the message and keeps it whole in the path", () => {
    const key = "k".repeat(1_000_000);
    const result = safeParseRule({ op: "always", [key]: 1 });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues[0]?.path).toEqual([key]);
    expect(result.error.message).toBe(`parseRule found 1 issue: op "always" does not take the key "${"k".repeat(40)}" at ${"k".repeat(40)}…`);
  });

  it("gives a too_deep issue, not a stack overflow, for 100,000-deep documents", () => {
    for (const key of ["not", "and"] as const) {
      const issues = issuesOf(nest(100_000, key));
      expect(issues).toHaveLength(1);
      expect(issues[0]?.code).toBe("too_deep");
      expect(issues[0]?.path.length).toBe(key === "not" ? 32 : 64);
    }
    expect(parseRule(nest(31, "not"))).toBeDefined();
    expect(issuesOf(nest(32, "not"))[0]?.code).toBe("too_deep");
    expect(parseRule(nest(200, "not"), { maxDepth: 201 })).toBeDefined();
  });

  it("enforces node, list and string limits", () => {
    const wide = { op: "or", rules: Array.from({ length: 10_000 }, () => ({ op: "always" })) };
    expect(issuesOf(wide)).toMatchInlineSnapshot(`
      [
        {
          "code": "too_many_nodes",
          "message": "the rule has more than the limit of 10000 nodes",
          "path": [
            "rules",
            9999,
          ],
        },
      ]
    `);
    expect(parseRule(wide, { maxNodes: 10_001 })).toBeDefined();
    expect(issuesOf({ op: "in", field: "x", values: Array.from({ length: 10_001 }, (_, index) => index) })[0]?.code).toBe("list_too_long");
    expect(issuesOf({ op: "or", rules: new Array(20_000).fill({ op: "never" }) }, { maxNodes: 1_000_000 })[0]?.code).toBe("list_too_long");
    expect(issuesOf({ op: "eq", field: "x", value: "y".repeat(10_001) })[0]?.code).toBe("string_too_long");
    expect(issuesOf({ op: "eq", field: "x", value: "yy" }, { maxStringLength: 1 })[0]?.code).toBe("string_too_long");
    expect(() => parseRule({ op: "always" }, { maxDepth: 0 })).toThrowErrorMatchingInlineSnapshot(`[RangeError: parseRule requires maxDepth to be an integer from 1 to 1000]`);
    expect(() => parseRule({ op: "always" }, { maxDepth: 5000 })).toThrow(RangeError);
  });

  it("caps the number of issues at 100", () => {
    const bad = { op: "and", rules: Array.from({ length: 500 }, () => ({ op: "nope" })) };
    expect(issuesOf(bad)).toHaveLength(100);
  });

  it("validates dates and ranges", () => {
    expect(parseRule({ op: "before", field: "t", date: "2024-02-29" })).toBeDefined();
    expect(parseRule({ op: "before", field: "t", date: "2024-02-29T23:59:59.999+05:30" })).toBeDefined();
    for (const date of ["2024-06-30T12:00:00+23:59", "2024-06-30T23:59:59-00:00", "2024-12-31T23:59:59.9999Z"]) expect(parseRule({ op: "after", field: "t", date }), date).toBeDefined();
    // Every field one past its range: hour 24, minute 60, second 60, offset hours 24, offset minutes 60.
    for (const date of ["2023-02-29", "2024-13-01", "2024-04-31", "2024-01-01T24:00:00Z", "2024-01-01T23:60:00Z", "2024-01-01T23:59:60Z", "2024-06-30T12:00:00+24:00", "2024-06-30T12:00:00+02:60", "2024-06-30T12:00:00-00:60", "2024-01-01T10:00Z0", "yesterday", "2024-1-1", ""]) {
      expect(issuesOf({ op: "after", field: "t", date })[0]?.code, date).toBe("invalid_date");
    }
    expect(issuesOf({ op: "before", field: "t", date: "2024-01-01", amount: 1, unit: "days" })[0]?.code).toBe("invalid_value");
    expect(issuesOf({ op: "before", field: "t", amount: 1 })[0]?.code).toBe("missing_key");
    expect(issuesOf({ op: "before", field: "t" })[0]?.code).toBe("missing_key");
    expect(issuesOf({ op: "withinLast", field: "t", amount: 1.5, unit: "days" })[0]?.code).toBe("invalid_value");
    expect(issuesOf({ op: "between", field: "t", min: "b", max: "a" })[0]?.code).toBe("invalid_range");
    expect(issuesOf({ op: "between", field: "t", min: 1, max: "a" })[0]?.code).toBe("invalid_type");
    expect(parseRule({ op: "between", field: "t", min: 5, max: 5 })).toBeDefined();
    expect(issuesOf({ op: "event", type: "x", count: {} })[0]?.code).toBe("invalid_range");
    expect(issuesOf({ op: "event", type: "" })[0]?.code).toBe("invalid_value");
    expect(issuesOf({ op: "inSegment", segment: "" })[0]?.code).toBe("invalid_value");
  });

  it("accepts empty lists with documented meanings", () => {
    expect(parseRule({ op: "and", rules: [] })).toEqual({ op: "and", rules: [] });
    expect(parseRule({ op: "in", field: "x", values: [] })).toEqual({ op: "in", field: "x", values: [] });
  });

  it("only ever produces typed issues for hostile documents", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (json) => expectTypedFailure(json)),
      { numRuns: 1000 },
    );
    const keys = fc.constantFrom("op", "rules", "rule", "field", "value", "values", "min", "max", "amount", "unit", "date", "type", "where", "count", "sum", "segment", "__proto__", "constructor", "version", "gte", "lte", "property");
    const hostile = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.constantFrom("and", "or", "not", "eq", "in", "between", "event", "withinLast", "before", "days", "months", "__proto__", "a.b", "", 1, -1, 0, 1e308, Number.NaN, Number.POSITIVE_INFINITY, null, true, "2024-01-01"),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(keys, tie("value"), { maxKeys: 5 }),
      ),
    })).value;
    fc.assert(fc.property(hostile, (json) => expectTypedFailure(json)), { numRuns: 3000 });
  });

  it("never accepts a document whose parse differs from its input (no silent degradation)", () => {
    const keys = fc.constantFrom("op", "rules", "rule", "field", "value", "values", "min", "max");
    const document = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.constantFrom("and", "or", "not", "eq", "in", "always", "x", 1, true),
        fc.array(tie("value"), { maxLength: 3 }),
        fc.dictionary(keys, tie("value"), { maxKeys: 4 }),
      ),
    })).value;
    // Valid rules with one random edit at one node (a key set to a small value, or a key removed):
    // many stay valid, so the comparison below runs on real accepted documents.
    const validRule = ruleArbitrary({ events: true, segments: true });
    const edit = fc.record({
      node: fc.nat(),
      key: keys,
      value: fc.option(fc.constantFrom("and", "in", "x", "a.b", 1, -1, 0, true, null, [], [1], {}), { nil: undefined }),
    });
    const edited = fc.tuple(validRule, edit).map(([rule, { node, key, value }]) => {
      const copy = structuredClone(rule) as unknown;
      const objects: Array<Record<string, unknown>> = [];
      const collect = (item: unknown): void => {
        if (Array.isArray(item)) item.forEach(collect);
        else if (item !== null && typeof item === "object") {
          objects.push(item as Record<string, unknown>);
          Object.values(item).forEach(collect);
        }
      };
      collect(copy);
      const target = objects[node % objects.length]!;
      if (value === undefined) delete target[key];
      else target[key] = value;
      return copy;
    });
    let accepted = 0;
    let rejected = 0;
    fc.assert(
      fc.property(fc.oneof(document, validRule, edited), (json) => {
        const result = safeParseRule(json);
        if (result.success) {
          accepted += 1;
          // The JSON text of the input (-0 is written 0, which parseRule also normalises to).
          expect(result.data as Rule).toEqual(JSON.parse(JSON.stringify(json)));
        } else {
          rejected += 1;
        }
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(600);
    expect(rejected).toBeGreaterThan(600);
  });
});

describe("issues a rule-builder UI can act on (UI review)", () => {
  const issuesOf = (input: unknown) => {
    const result = safeParseRule(input);
    if (result.success) throw new Error("expected issues");
    return result.error.issues.map((issue) => [issue.code, issue.path]);
  };

  it("an unrecognized key (a UI's own metadata) does not hide the other problems of the node or its children", () => {
    expect(issuesOf({ op: "and", id: "group-1", rules: [{ op: "xor" }, { op: "eq", field: "", value: null }] })).toEqual([
      ["unrecognized_key", ["id"]],
      ["unknown_op", ["rules", 0, "op"]],
      ["invalid_path", ["rules", 1, "field"]],
      ["invalid_type", ["rules", 1, "value"]],
    ]);
    expect(issuesOf({ op: "event", type: "purchase", count: { gte: -1, x: 2 }, label: "buyers" })).toEqual([
      ["unrecognized_key", ["label"]],
      ["unrecognized_key", ["count", "x"]],
    ]);
    // Still an error on its own: strict rules never drop a key silently.
    expect(issuesOf({ op: "always", id: "x" })).toEqual([["unrecognized_key", ["id"]]]);
  });

  it("a between of mixed types points at the bound to fix, not at the node", () => {
    expect(issuesOf({ op: "between", field: "age", min: 5, max: null })).toEqual([["invalid_type", ["max"]]]);
    expect(issuesOf({ op: "between", field: "age", min: null, max: 10 })).toEqual([["invalid_type", ["min"]]]);
    expect(issuesOf({ op: "between", field: "age", min: "5", max: 10 })).toEqual([["invalid_type", ["max"]]]);
  });
});
