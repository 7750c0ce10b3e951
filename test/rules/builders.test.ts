import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as rules from "../../src/rules/index.js";
import { parseRule, ruleBuilder } from "../../src/rules/index.js";
import type { Rule } from "../../src/rules/index.js";
import type { CustomerProfile } from "../../src/schema/index.js";
import { ruleArbitrary } from "./_arbitraries.js";

/** Rebuilds a rule JSON with the builder calls a developer would write. */
function rebuild(rule: Rule): Rule {
  switch (rule.op) {
    case "and":
      return rules.and(...rule.rules.map(rebuild));
    case "or":
      return rules.or(...rule.rules.map(rebuild));
    case "not":
      return rules.not(rebuild(rule.rule));
    case "always":
      return rules.always();
    case "never":
      return rules.never();
    case "eq":
    case "ne":
      return rules[rule.op](rule.field, rule.value);
    case "lt":
    case "lte":
    case "gt":
    case "gte":
      return rules[rule.op](rule.field, rule.value as number | string);
    case "between":
      return rules.between(rule.field, rule.min, rule.max);
    case "in":
      return rules.inList(rule.field, rule.values);
    case "notIn":
      return rules.notInList(rule.field, rule.values);
    case "contains":
    case "startsWith":
    case "endsWith":
      return rule.caseInsensitive === undefined ? rules[rule.op](rule.field, rule.value) : rules[rule.op](rule.field, rule.value, { caseInsensitive: rule.caseInsensitive });
    case "hasAny":
    case "hasAll":
    case "hasNone":
      return rules[rule.op](rule.field, rule.values);
    case "exists":
    case "missing":
      return rules[rule.op](rule.field);
    case "withinLast":
      return rules.withinLast(rule.field, rule.amount, rule.unit);
    case "before":
    case "after":
      return rules[rule.op](rule.field, "date" in rule ? rule.date : { amount: rule.amount, unit: rule.unit });
    case "event": {
      const { op: _op, type, ...options } = rule;
      return rules.event(type, { ...options, ...(rule.where === undefined ? {} : { where: rebuild(rule.where) }) });
    }
    case "inSegment":
      return rules.inSegment(rule.segment);
  }
}

/** The first issue code of `parseRule` on a document, `undefined` when it parses. */
function parseCode(json: unknown): string | undefined {
  const result = rules.safeParseRule(json);
  return result.success ? undefined : result.error.issues[0]?.code;
}

describe("builders", () => {
  it("produce JSON deep-equal to the rule document, for every op", () => {
    fc.assert(
      fc.property(ruleArbitrary({ events: true, segments: true }), (rule) => {
        const built = rebuild(rule);
        // Strict: no extra keys holding undefined. (JSON gives the arbitrary's null-prototype objects
        // the plain prototype that builders give, and writes its -0 as 0, as the builders read it.)
        expect(built).toStrictEqual(JSON.parse(JSON.stringify(rule)));
        const json = JSON.parse(JSON.stringify(built)) as unknown;
        expect(parseRule(json)).toEqual(json);
      }),
      { numRuns: 1000 },
    );
  });

  it("read -0 as 0 everywhere, as parseRule and JSON do (a builder kept -0, so it was not deep-equal to its JSON read back)", () => {
    const built = [rules.gte("a", -0), rules.between("a", -0, 1), rules.inList("a", [-0]), rules.withinLast("t", -0, "days"), rules.event("p", { count: { gte: -0 } })];
    for (const rule of built) expect(rule).toEqual(JSON.parse(JSON.stringify(rule)));
    const where = rules.eq("amount", 5);
    expect(rules.event("p", { where }).where).not.toBe(where);
  });

  it("reject what parseRule rejects, with its issue codes and the builder's name", () => {
    const codeOf = (build: () => unknown): string | undefined => {
      try {
        build();
        return undefined;
      } catch (error) {
        expect(error).toBeInstanceOf(rules.RuleError);
        return (error as InstanceType<typeof rules.RuleError>).issues[0]?.code;
      }
    };
    expect(codeOf(() => rules.between("age", 10, 5))).toBe("invalid_range");
    expect(codeOf(() => rules.withinLast("seenAt", -5, "days"))).toBe(parseCode({ op: "withinLast", field: "seenAt", amount: -5, unit: "days" }));
    expect(codeOf(() => rules.event("purchase", { count: {} }))).toBe(parseCode({ op: "event", type: "purchase", count: {} }));
    expect(codeOf(() => rules.eq("spend", Number.NaN))).toBe(parseCode({ op: "eq", field: "spend", value: Number.NaN }));
    expect(codeOf(() => rules.exists("a.__proto__.b"))).toBe(parseCode({ op: "exists", field: "a.__proto__.b" }));
    expect(codeOf(() => rules.before("seenAt", new Date(Number.NaN)))).toBe("invalid_date");
    expect(codeOf(() => rules.contains("", "x"))).toBe(parseCode({ op: "contains", field: "", value: "x" }));
    expect(codeOf(() => rules.inSegment(""))).toBe(parseCode({ op: "inSegment", segment: "" }));
    expect(() => rules.between("age", 10, 5)).toThrow("between found 1 issue: between min 10 is greater than max 5");
    // Every code above is a real rejection (parseCode never returns undefined for these documents).
    expect(parseCode({ op: "event", type: "purchase", count: {} })).toBeDefined();
  });

  it("pass keys a node does not take on to the check, which refuses them (the builder dropped them before)", () => {
    const issue = (thunk: () => unknown) => {
      try {
        thunk();
        return undefined;
      } catch (error) {
        const { code, path } = (error as InstanceType<typeof rules.RuleError>).issues[0] ?? {};
        return `${code} ${path?.join(".")}`;
      }
    };
    expect(issue(() => rules.event("purchase", { count: { gte: 2, min: 3 } } as never))).toBe("unrecognized_key count.min");
    expect(issue(() => rules.event("purchase", { sum: { property: "amount", gte: 2, max: 9 } } as never))).toBe("unrecognized_key sum.max");
    expect(issue(() => rules.event("purchase", { withinLast: { amount: 3, unit: "days", from: "now" } } as never))).toBe("unrecognized_key withinLast.from");
    // before / after spread the duration into the node: its extra key is refused by name.
    expect(issue(() => rules.before("seenAt", { amount: 90, unit: "days", from: "2024-01-01" } as never))).toBe("unrecognized_key from");
    expect(() => rules.after("seenAt", { amount: 90, unit: "days", field: "other" } as never)).toThrow('after found 1 issue: a duration takes only amount and unit, not the key "field"');
    expect(rules.before("seenAt", { amount: 90, unit: "days", note: undefined } as never)).toEqual({ op: "before", field: "seenAt", amount: 90, unit: "days" });
  });

  it("leave out bounds given as undefined", () => {
    // TypeScript forbids explicit undefined bounds here; JavaScript callers can still pass them.
    const options = { count: { gte: undefined, lte: 3 }, sum: { property: "amount", gte: 10, lte: undefined } } as unknown as rules.EventOptions;
    const rule = rules.event("purchase", options);
    expect(rule).toStrictEqual({ op: "event", type: "purchase", count: { lte: 3 }, sum: { property: "amount", gte: 10 } });
  });

  it("turn null from JavaScript into a RuleError that names the node (raw TypeErrors before, claims review)", () => {
    expect(() => rules.before("t", null as never)).toThrow(rules.RuleError);
    expect(() => rules.event("purchase", { withinLast: null } as never)).toThrow(rules.RuleError);
    expect(() => rules.event("purchase", { count: null, sum: null } as never)).toThrow(rules.RuleError);
    expect(() => rules.event("purchase", null as never)).toThrow(new TypeError("event requires options to be an object"));
  });

  it("copy their list arguments", () => {
    const values = ["US"];
    const rule = rules.inList("country", values);
    values.push("CA");
    expect(rule.values).toEqual(["US"]);
  });

  it("store Date bounds as ISO instants", () => {
    expect(rules.after("t", new Date(Date.UTC(2024, 1, 29, 12)))).toEqual({ op: "after", field: "t", date: "2024-02-29T12:00:00.000Z" });
  });

  it("are typed against the profile type (checked by tsc)", () => {
    const r = ruleBuilder<CustomerProfile>();
    const vip = r.and(
      r.between("demographics.age", 25, 34),
      r.inList("geography.country", ["US", "CA"]),
      r.gt("behavior.totalSpend", 500),
      r.eq("demographics.education", "master"),
      r.eq("consent.email.granted", true),
      r.hasAny("tags", ["vip"]),
      r.hasAny("behavior.preferredChannels", ["email"]),
      r.withinLast("behavior.lastPurchaseAt", 30, "days"),
      r.before("createdAt", "2024-01-01"),
      r.contains("geography.city", "san", { caseInsensitive: true }),
      r.exists("geography"),
      r.eq("traits.plan", "pro"),
      r.gte("traits.seats", 10),
      r.not(r.inSegment("churned")),
      r.event("purchase", { count: { gte: 2 } }),
    );
    expect(vip.rules).toHaveLength(15);

    // @ts-expect-error: a wrong field path is a compile error
    r.eq("behavior.totalSpnd", 5);
    // @ts-expect-error: gt on a string field is a compile error
    r.gt("geography.country", "US");
    // @ts-expect-error: a number compared with a string field
    r.eq("geography.country", 5);
    // @ts-expect-error: a value outside the enum
    r.eq("demographics.education", "kindergarten");
    // @ts-expect-error: a string compared with a number field
    r.gte("behavior.totalSpend", "500");
    // @ts-expect-error: hasAny on a non-array field
    r.hasAny("geography.country", ["US"]);
    // @ts-expect-error: an element outside the array's enum
    r.hasAny("behavior.preferredChannels", ["fax"]);
    // @ts-expect-error: withinLast on a number field
    r.withinLast("behavior.totalSpend", 30, "days");
    // @ts-expect-error: contains on a number field
    r.contains("demographics.age", "3");
    // @ts-expect-error: inList values of the wrong type
    r.inList("geography.country", [1, 2]);
    // An unknown unit is a compile error, and at run time the builder's check rejects it.
    // @ts-expect-error: an unknown unit
    expect(() => r.withinLast("behavior.lastPurchaseAt", 30, "fortnights")).toThrow("withinLast found 1 issue: unit must be one of");
    // @ts-expect-error: exists on an unknown path
    r.exists("geography.planet");
  });

  it("types unions, records of objects and numeric keys (builders review)", () => {
    // A trait may hold a list of texts: the array ops take its elements (they took none).
    const r = rules.ruleBuilder<CustomerProfile>();
    expect(r.hasAny("traits.segments", ["beta"])).toEqual({ op: "hasAny", field: "traits.segments", values: ["beta"] });
    type Profile = {
      contact?: { kind: "email"; email: string; verifiedAt: Date } | { kind: "phone"; phone: number };
      scores: Record<string, { score: number; at: Date }>;
      byYear: { 2023: number };
      aliases?: string | string[] | null;
    };
    const p = rules.ruleBuilder<Profile>();
    // Paths into a record's values, numeric keys, and each member of a union of objects.
    expect(p.gt("scores.north.score", 5).field).toBe("scores.north.score");
    expect(p.withinLast("scores.north.at", 1, "days").field).toBe("scores.north.at");
    expect(p.gt("byYear.2023", 1).field).toBe("byYear.2023");
    expect(p.eq("contact.kind", "email").value).toBe("email");
    expect(p.withinLast("contact.verifiedAt", 3, "days").op).toBe("withinLast");
    expect(p.hasAny("aliases", ["bob"]).values).toEqual(["bob"]);
    // Inside a union of objects the checks held for no path (every op and value compiled).
    // @ts-expect-error: gt on a text field of a union member
    p.gt("contact.email", 5);
    // @ts-expect-error: a number compared with a text field of a union member
    p.eq("contact.email", 5);
    // @ts-expect-error: withinLast on a number field of a union member
    p.withinLast("contact.phone", 1, "days");
    // @ts-expect-error: a value outside the union's discriminants
    p.eq("contact.kind", "fax");
    // @ts-expect-error: gt on a date inside a record's values
    p.gt("scores.north.at", 1);
    // @ts-expect-error: an element of the wrong type for a field that may hold a list of texts
    p.hasAny("aliases", [1]);
  });

  it("stop at collections and other built-in objects, whose members are never own properties (newcomer review)", () => {
    type Profile = { meta: Map<string, number>; seen: Set<string>; pattern: RegExp; pending: Promise<number>; bytes: Uint8Array; account: { orders: number } };
    const p = rules.ruleBuilder<Profile>();
    const profile = { meta: new Map([["x", 1]]), seen: new Set(["a"]), pattern: /a/, pending: Promise.resolve(1), bytes: new Uint8Array(2), account: { orders: 3 } };
    // the field itself is a path (present or not); a member below it is not
    expect(rules.evaluate(p.exists("meta"), profile, { asOf: new Date(0) })).toBe(true);
    expect(rules.evaluate(p.gte("account.orders", 1), profile, { asOf: new Date(0) })).toBe(true);
    // @ts-expect-error: Map.size is not an own property; the rule would always be UNKNOWN
    expect(rules.evaluate(p.gte("meta.size", 1), profile, { asOf: new Date(0) })).toBeNull();
    // @ts-expect-error: Set.size likewise
    p.gte("seen.size", 1);
    // @ts-expect-error: RegExp's source is inherited
    p.eq("pattern.source", "a");
    // @ts-expect-error: no path into a promise
    p.exists("pending.then");
    // @ts-expect-error: a typed array's length is inherited
    p.gte("bytes.length", 1);
  });

  it("take plain literals for branded fields (a rule literal carries no brand); enums stay checked", () => {
    type Branded = { id: string & { readonly __brand: "CustomerId" }; price: number & { readonly __brand: "USD" }; plan: "free" | "pro" };
    const b = rules.ruleBuilder<Branded>();
    expect(b.eq("id", "c1").value).toBe("c1");
    expect(b.inList("id", ["c1", "c2"]).values).toEqual(["c1", "c2"]);
    expect(b.eq("price", 5).value).toBe(5);
    // @ts-expect-error: a number for a branded text field
    b.eq("id", 5);
    // @ts-expect-error: a value outside the enum
    b.eq("plan", "team");
  });
});
