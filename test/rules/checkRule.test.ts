import { z } from "zod";
import { describe, expect, it } from "vitest";
import { and, between, checkRule, contains, eq, event, exists, gte, hasAny, inList, inSegment, lt, not, or, withinLast } from "../../src/rules/index.js";
import { CustomerProfile } from "../../src/schema/index.js";

describe("checkRule", () => {
  it("accepts rules that fit the CustomerProfile schema", () => {
    const rule = and(
      between("demographics.age", 25, 34),
      inList("geography.country", ["US", "CA"]),
      gte("behavior.totalSpend", 500),
      eq("demographics.education", "master"),
      eq("consent.email.granted", true),
      hasAny("tags", ["vip"]),
      hasAny("behavior.preferredChannels", ["email", "sms"]),
      withinLast("behavior.lastPurchaseAt", 30, "days"),
      withinLast("demographics.birthDate", 30, "years"),
      contains("geography.city", "san"),
      exists("geography"),
      eq("traits.plan", "pro"),
      not(inSegment("churned")),
      event("purchase", { where: eq("anything.goes", 1) }),
    );
    expect(checkRule(rule, CustomerProfile)).toEqual([]);
  });

  it("reports unknown fields, op/type and value/type mismatches with paths", () => {
    const rule = or(
      eq("behavior.totalSpnd", 5),
      gte("geography.country", 5),
      eq("demographics.education", "kindergarten"),
      lt("behavior.lastPurchaseAt", 3),
      eq("behavior.lastPurchaseAt", "2024-01-01"),
      hasAny("geography.country", ["US"]),
      hasAny("behavior.preferredChannels", ["fax", 3]),
      withinLast("behavior.totalSpend", 30, "days"),
      contains("demographics.age", "3"),
      inList("demographics.age", [30, "31"]),
      eq("geography", "US"),
      eq("tags.vip", true),
      gte("traits.seats", 10),
    );
    expect(checkRule(rule, CustomerProfile)).toMatchInlineSnapshot(`
      [
        {
          "code": "unknown_field",
          "message": "unknown field "behavior.totalSpnd"",
          "path": [
            "rules",
            0,
            "field",
          ],
        },
        {
          "code": "value_type_mismatch",
          "message": ""geography.country" is string, got the number 5",
          "path": [
            "rules",
            1,
            "value",
          ],
        },
        {
          "code": "value_type_mismatch",
          "message": ""kindergarten" is not one of the values of "demographics.education": "none", "primary", "secondary", "vocational", "bachelor", "master", "doctorate"",
          "path": [
            "rules",
            2,
            "value",
          ],
        },
        {
          "code": "operator_type_mismatch",
          "message": "op "lt" needs a number or string field, but "behavior.lastPurchaseAt" is date: compare dates with withinLast, before or after",
          "path": [
            "rules",
            3,
            "op",
          ],
        },
        {
          "code": "operator_type_mismatch",
          "message": "op "eq" needs a string, number or boolean field, but "behavior.lastPurchaseAt" is date: compare dates with withinLast, before or after",
          "path": [
            "rules",
            4,
            "op",
          ],
        },
        {
          "code": "operator_type_mismatch",
          "message": "op "hasAny" needs an array field, but "geography.country" is string",
          "path": [
            "rules",
            5,
            "op",
          ],
        },
        {
          "code": "value_type_mismatch",
          "message": ""fax" is not one of the values of "behavior.preferredChannels": "email", "sms", "push", "phone", "directMail", "inApp", "social", "web"",
          "path": [
            "rules",
            6,
            "values",
            0,
          ],
        },
        {
          "code": "value_type_mismatch",
          "message": ""behavior.preferredChannels" is string, got the number 3",
          "path": [
            "rules",
            6,
            "values",
            1,
          ],
        },
        {
          "code": "operator_type_mismatch",
          "message": "op "withinLast" needs a date field, but "behavior.totalSpend" is number",
          "path": [
            "rules",
            7,
            "op",
          ],
        },
        {
          "code": "operator_type_mismatch",
          "message": "op "contains" needs a string field, but "demographics.age" is number",
          "path": [
            "rules",
            8,
            "op",
          ],
        },
        {
          "code": "value_type_mismatch",
          "message": ""demographics.age" is number, got the string "31"",
          "path": [
            "rules",
            9,
            "values",
            1,
          ],
        },
        {
          "code": "operator_type_mismatch",
          "message": "op "eq" needs a string, number or boolean field, but "geography" is object",
          "path": [
            "rules",
            10,
            "op",
          ],
        },
        {
          "code": "unknown_field",
          "message": "unknown field "tags.vip"",
          "path": [
            "rules",
            11,
            "field",
          ],
        },
      ]
    `);
  });

  it("works with classic zod schemas: optional, nullable, default, pipe, lazy, union, literal", () => {
    const Profile = z.object({
      plan: z.literal(["free", "pro"]).default("free"),
      score: z.number().nullable().optional(),
      joined: z.coerce.date(),
      code: z.string().pipe(z.string().min(2)),
      nested: z.lazy(() => z.object({ level: z.int() })),
      mixed: z.union([z.string(), z.number()]),
      any: z.unknown(),
    });
    expect(checkRule(and(eq("plan", "pro"), gte("score", 1), withinLast("joined", 1, "days"), eq("code", "ab"), gte("nested.level", 2), eq("mixed", 1), eq("mixed", "a"), eq("any.deep.path", 1)), Profile)).toEqual([]);
    expect(checkRule(and(eq("plan", "team"), eq("mixed", true), eq("nested.levels", 1)), Profile).map((issue) => [issue.code, issue.path])).toEqual([
      ["value_type_mismatch", ["rules", 0, "value"]],
      ["value_type_mismatch", ["rules", 1, "value"]],
      ["unknown_field", ["rules", 2, "field"]],
    ]);
  });

  it("reads a union with a member of any type as any type, and follows recursive schemas down long paths once per member (review)", () => {
    const Profile = z.object({ loose: z.union([z.number(), z.unknown()]), custom: z.union([z.boolean(), z.custom<unknown>()]) });
    // Only a transform's output is left out of a union: z.unknown() and z.custom() hold anything.
    expect(checkRule(and(eq("loose", "30"), eq("custom", 1)), Profile)).toEqual([]);
    // zod 4's recursive style: each step of the path reads the same two members, not twice as many.
    const A = z.object({ kind: z.literal("a"), score: z.number().optional(), get child() { return Tree.optional(); } });
    const B = z.object({ kind: z.literal("b"), score: z.number().optional(), get child() { return Tree.optional(); } });
    const Tree: z.ZodType = z.discriminatedUnion("kind", [A, B]);
    const Trees = z.object({ tree: Tree.optional() });
    const deep = `tree.${"child.".repeat(200)}`;
    expect(checkRule(gte(`${deep}score`, 1), Trees)).toEqual([]);
    expect(checkRule(gte(`${deep}score`, "1"), Trees).map((issue) => issue.code)).toEqual(["value_type_mismatch"]);
    expect(checkRule(gte(`${deep}scores`, 1), Trees).map((issue) => issue.code)).toEqual(["unknown_field"]);
    // A union of itself nested 40 levels has one member; one wrapped in more than 64 layers reads as any type.
    let wide: z.ZodType = z.number();
    for (let level = 0; level < 40; level += 1) wide = z.union([wide, wide]);
    let wrapped: z.ZodType = z.number();
    for (let level = 0; level < 70; level += 1) wrapped = wrapped.optional();
    expect(checkRule(and(gte("wide", "1"), gte("wrapped", "1")), z.object({ wide, wrapped })).map((issue) => issue.path)).toEqual([["rules", 0, "value"]]);
  });

  it("reads enums and literals value by value: a numeric TypeScript enum, a literal of mixed types (review: both were reported as mismatches)", () => {
    enum Status {
      Active = 1,
      Churned = 2,
    }
    const Profile = z.object({ status: z.enum(Status), code: z.literal([1, "x"]), tier: z.enum(["gold", "silver"]) });
    expect(checkRule(and(eq("status", Status.Active), inList("status", [1, 2]), eq("code", "x"), eq("code", 1), eq("tier", "gold")), Profile)).toEqual([]);
    // "Active" is a reverse mapping of the enum object, not a value zod accepts.
    expect(checkRule(and(eq("status", "Active"), eq("status", 3), eq("code", 2), eq("code", true)), Profile).map((issue) => issue.message)).toEqual([
      '"status" is number, got the string "Active"',
      '3 is not one of the values of "status": 1, 2',
      '2 is not one of the values of "code": 1, "x"',
      '"code" is number or string, got the boolean true',
    ]);
  });

  it("follows the keys a loose object or a catchall admits, not a strict object's (review)", () => {
    const Profile = z.object({
      loose: z.looseObject({ known: z.string() }),
      scores: z.object({}).catchall(z.number()),
      strict: z.strictObject({ known: z.string() }),
    });
    expect(checkRule(and(eq("loose.other", "v"), eq("loose.known", "v"), gte("scores.any", 1)), Profile)).toEqual([]);
    expect(checkRule(and(eq("strict.other", "v"), eq("scores.any", "high")), Profile).map((issue) => issue.code)).toEqual(["unknown_field", "value_type_mismatch"]);
  });

  it("names a field that holds only null (the message ended in an empty type name)", () => {
    const schema = z.object({ gone: z.null() });
    expect(checkRule({ op: "eq", field: "gone", value: 1 }, schema).map((issue) => issue.message)).toEqual(['op "eq" needs a string, number or boolean field, but "gone" is always null or missing']);
  });

  it("throws on an unknown op also where the node has no field (it returned no issues, review)", () => {
    expect(() => checkRule({ op: "xor" } as never, CustomerProfile)).toThrow(new TypeError('checkRule requires a valid rule: unknown op "xor" (check untrusted rules with parseRule)'));
    expect(() => checkRule(and({ op: "xor", rules: [] } as never), CustomerProfile)).toThrow('unknown op "xor"');
    // Inside an event's where rule too, whose fields (event properties) checkRule does not check (diff review).
    expect(() => checkRule({ op: "event", type: "purchase", where: { op: "not", rule: { op: "xor" } } } as never, CustomerProfile)).toThrow('unknown op "xor"');
    expect(checkRule({ op: "event", type: "purchase", where: { op: "eq", field: "anything", value: 1 } }, CustomerProfile)).toEqual([]);
  });

  it("stays linear in deep rules: 990 levels of 50 comparisons each, with the issue paths intact", () => {
    let rule: ReturnType<typeof and> = and(eq("agee", 1));
    for (let level = 0; level < 990; level++) rule = and(rule, ...Array.from({ length: 50 }, () => gte("demographics.age", 1)));
    const issues = checkRule(rule, CustomerProfile);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toEqual([...Array.from({ length: 990 }, () => ["rules", 0]).flat(), "rules", 0, "field"]);
  });
});
