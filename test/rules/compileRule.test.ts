import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkRule, compileRule, compileRuleTruth, describeRule, evaluate, explain, RuleError } from "../../src/rules/index.js";
import type { Rule } from "../../src/rules/index.js";
import { asOf, eventsArbitrary, profileArbitrary, ruleArbitrary, segments } from "./_arbitraries.js";

describe("compileRule", () => {
  it("agrees with evaluate on random rules, profiles and events (missing values, nulls, NaN, boundary dates)", () => {
    fc.assert(
      fc.property(ruleArbitrary({ events: true, segments: true }), profileArbitrary, eventsArbitrary, (rule, profile, events) => {
        const expected = evaluate(rule, profile, { asOf, segments, events });
        const truth = compileRuleTruth(rule, { asOf, segments, eventsOf: () => events })(profile);
        const selected = compileRule(rule, { asOf, segments, eventsOf: () => events })(profile);
        expect(truth).toBe(expected);
        expect(selected).toBe(expected === true);
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees with evaluate on every leaf, alone and under not, over a grid of hostile values (NaN, boundaries, wrong types)", () => {
    // The two-valued fast paths compile "is TRUE" and "is FALSE" separately; the FALSE side (reached
    // under not) must also leave NaN, null, a missing field and elements of another type UNKNOWN.
    const leaves: Rule[] = [
      { op: "lt", field: "x", value: 5 },
      { op: "lte", field: "x", value: 5 },
      { op: "gt", field: "x", value: 5 },
      { op: "gte", field: "x", value: 5 },
      { op: "eq", field: "x", value: 5 },
      { op: "ne", field: "x", value: 5 },
      { op: "eq", field: "x", value: "a" },
      { op: "between", field: "x", min: 1, max: 5 },
      { op: "in", field: "x", values: [1, 5] },
      { op: "notIn", field: "x", values: [1, 5] },
      { op: "in", field: "x", values: ["a", "b"] },
      { op: "notIn", field: "x", values: ["a", "b"] },
      { op: "hasAny", field: "x", values: ["a"] },
      { op: "hasNone", field: "x", values: ["a"] },
      { op: "hasAny", field: "x", values: [1, 5] },
      { op: "hasNone", field: "x", values: [1, 5] },
      { op: "hasAll", field: "x", values: ["a", "b"] },
      { op: "exists", field: "x" },
      { op: "missing", field: "x" },
    ];
    const values: unknown[] = [Number.NaN, 0, 1, 4.999, 5, 5.001, 6, -0, Number.POSITIVE_INFINITY, null, "5", "a", "b", true, [], ["a"], ["b"], [1], [5], [Number.NaN], ["a", 1], ["b", null], [Number.NaN, "a"]];
    const profiles: Array<Record<string, unknown>> = [{}, ...values.map((value) => ({ x: value }))];
    let checked = 0;
    const outcomes = new Set<string>();
    for (const leaf of leaves) {
      for (const rule of [leaf, { op: "not", rule: leaf } as Rule]) {
        const selected = compileRule(rule, { asOf });
        for (const profile of profiles) {
          const expected = evaluate(rule, profile, { asOf });
          outcomes.add(String(expected));
          expect(selected(profile), `${JSON.stringify(rule)} on ${String(profile.x)}`).toBe(expected === true);
          checked += 1;
        }
      }
    }
    expect(checked).toBe(leaves.length * 2 * profiles.length);
    expect([...outcomes].sort()).toEqual(["false", "null", "true"]);
  });

  it("the random rules and profiles above reach TRUE, FALSE and UNKNOWN often (the property is not vacuous)", () => {
    const samples = fc.sample(fc.tuple(ruleArbitrary({ events: true, segments: true }), profileArbitrary, eventsArbitrary), { numRuns: 3000, seed: 42 });
    const counts = { true: 0, false: 0, null: 0 };
    for (const [rule, profile, events] of samples) counts[String(evaluate(rule, profile, { asOf, segments, events })) as "true" | "false" | "null"] += 1;
    expect(counts.true).toBeGreaterThan(300);
    expect(counts.false).toBeGreaterThan(300);
    expect(counts.null).toBeGreaterThan(300);
  });

  it("selects only TRUE", () => {
    const predicate = compileRule({ op: "ne", field: "country", value: "US" }, { asOf });
    expect(predicate({ country: "DE" })).toBe(true);
    expect(predicate({ country: "US" })).toBe(false);
    expect(predicate({})).toBe(false);
    expect(predicate({ country: null })).toBe(false);
  });

  it("resolves segments at compilation and reports unknown ones and cycles there", () => {
    const rule: Rule = { op: "inSegment", segment: "a" };
    expect(() => compileRule(rule, { asOf, segments: { a: { op: "inSegment", segment: "b" } } })).toThrowErrorMatchingInlineSnapshot(`[RuleError: compileRule found 1 issue: segment "a" refers to the unknown segment "b" at segment]`);
    expect(() =>
      compileRule(rule, { asOf, segments: { a: { op: "not", rule: { op: "inSegment", segment: "b" } }, b: { op: "or", rules: [{ op: "always" }, { op: "inSegment", segment: "a" }] } } }),
    ).toThrowErrorMatchingInlineSnapshot(`[RuleError: compileRule found 1 issue: segments refer to each other in a cycle: "a" -> "b" -> "a" at segment]`);
    try {
      compileRule(rule, { asOf, segments: { a: { op: "inSegment", segment: "a" } } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RuleError);
      expect((error as RuleError).issues).toMatchInlineSnapshot(`
        [
          {
            "code": "segment_cycle",
            "message": "segments refer to each other in a cycle: "a" -> "a"",
            "path": [
              "segment",
            ],
          },
        ]
      `);
    }
  });

  it("does not read inherited segment names", () => {
    expect(() => compileRule({ op: "inSegment", segment: "toString" }, { asOf, segments: {} })).toThrow(/unknown segment "toString"/);
  });

  it("requires eventsOf for event rules and a valid asOf", () => {
    expect(() => compileRule({ op: "event", type: "purchase" }, { asOf })).toThrowErrorMatchingInlineSnapshot(`[TypeError: compileRule requires options.eventsOf to compile event rules]`);
    expect(() => compileRule({ op: "always" }, { asOf: new Date(Number.NaN) })).toThrowErrorMatchingInlineSnapshot(`[TypeError: compileRule requires asOf to be a valid Date]`);
    // It threw a raw "eventsOf is not a function" at the first evaluation (review).
    expect(() => compileRule({ op: "event", type: "purchase" }, { asOf, eventsOf: [] as never })).toThrow(new TypeError("compileRule requires options.eventsOf to be a function"));
    expect(() => compileRuleTruth({ op: "always" }, { asOf, eventsOf: {} as never })).toThrow(new TypeError("compileRuleTruth requires options.eventsOf to be a function"));
  });

  it("treats an eventsOf result that is not an array as UNKNOWN", () => {
    const truth = compileRuleTruth({ op: "event", type: "purchase" }, { asOf, eventsOf: () => undefined as unknown as [] });
    expect(truth({})).toBeNull();
  });

  it("hashes in-lists without changing the semantics of mixed lists", () => {
    const single = compileRuleTruth({ op: "in", field: "x", values: ["a", "b"] }, { asOf });
    const mixed = compileRuleTruth({ op: "in", field: "x", values: ["a", 1] }, { asOf });
    expect([single({ x: "a" }), single({ x: "c" }), single({ x: 1 }), single({})]).toEqual([true, false, null, null]);
    expect([mixed({ x: "a" }), mixed({ x: "c" }), mixed({ x: 1 }), mixed({ x: 2 })]).toEqual([true, null, true, null]);
    const notIn = compileRuleTruth({ op: "notIn", field: "x", values: ["a", "b"] }, { asOf });
    expect([notIn({ x: "a" }), notIn({ x: "c" }), notIn({ x: 1 }), notIn({ x: Number.NaN })]).toEqual([false, true, null, null]);
  });

  it("scans short in-lists and hashes long ones with the same result", () => {
    const letters = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"];
    for (const values of [letters.slice(0, 3), letters]) {
      const isIn = compileRule({ op: "in", field: "x", values }, { asOf });
      const isNotIn = compileRule({ op: "notIn", field: "x", values }, { asOf });
      const hasAny = compileRule({ op: "hasAny", field: "x", values }, { asOf });
      expect([isIn({ x: "a" }), isIn({ x: "z" }), isIn({ x: 1 }), isIn({})]).toEqual([true, false, false, false]);
      expect([isNotIn({ x: "a" }), isNotIn({ x: "z" }), isNotIn({ x: 1 }), isNotIn({})]).toEqual([false, true, false, false]);
      expect([hasAny({ x: ["z", "c"] }), hasAny({ x: ["z"] }), hasAny({ x: "c" })]).toEqual([true, false, false]);
    }
  });

  it("evaluates the cheap children of and / or first, whatever their written order", () => {
    let eventReads = 0;
    const eventsOf = (): ReadonlyArray<{ type: string; timestamp: Date }> => {
      eventReads += 1;
      return [{ type: "purchase", timestamp: asOf }];
    };
    const rule: Rule = { op: "and", rules: [{ op: "event", type: "purchase" }, { op: "hasAny", field: "tags", values: ["vip"] }, { op: "gte", field: "spend", value: 500 }] };
    const predicate = compileRule(rule, { asOf, eventsOf });
    expect(predicate({ spend: 10, tags: ["vip"] })).toBe(false);
    expect(eventReads).toBe(0); // spend decided it: neither the array nor the events were read
    expect(predicate({ spend: 900, tags: ["vip"] })).toBe(true);
    expect(eventReads).toBe(1);
  });

  it("reads the same values through every field reader, past the pool of dedicated ones", () => {
    // Forty paths of one, two and three segments: more than the dedicated readers, so the
    // process-wide pool runs out whatever the other tests compiled before.
    const fields = Array.from({ length: 40 }, (_, index) => ["f", "g.h", "i.j.k"][index % 3]!.replace(/[a-z]$/, (last) => `${last}${index}`));
    const nested = (path: string, value: unknown): Record<string, unknown> =>
      path.split(".").reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
    for (const field of fields) {
      const rule: Rule = { op: "eq", field, value: 7 };
      const inherited = Object.create(nested(field, 7)) as object;
      const arrayHolder = { [field.split(".")[0]!]: Object.assign([7], { [field.split(".")[1] ?? "x"]: 7 }) };
      for (const profile of [nested(field, 7), nested(field, 8), {}, inherited, arrayHolder, null, [7]]) {
        const expected = evaluate(rule, profile, { asOf });
        expect(compileRuleTruth(rule, { asOf })(profile)).toBe(expected);
        expect(compileRule(rule, { asOf })(profile)).toBe(expected === true);
      }
      expect(compileRule(rule, { asOf })(nested(field, 7))).toBe(true);
      expect(compileRule(rule, { asOf })(inherited)).toBe(false);
    }
  });

  it("uses no eval and no Function constructor", async () => {
    const { readFile, readdir } = await import("node:fs/promises");
    const directory = new URL("../../src/rules/", import.meta.url);
    const files = (await readdir(directory, { recursive: true })).filter((file) => file.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const source = (await readFile(new URL(file, directory), "utf8")).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
      expect(source, file).not.toMatch(/\beval\s*\(|new\s+Function\b|\bFunction\s*\(/);
    }
  });
});

describe("segment references that expand exponentially (review fix)", () => {
  // Segment s0 refers to s1 twice, s1 to s2 twice, ...: 2^40 evaluations per profile if unbounded.
  const segments: Record<string, Rule> = {};
  for (let index = 0; index < 40; index++) {
    segments[`s${index}`] = { op: "and", rules: [{ op: "inSegment", segment: `s${index + 1}` }, { op: "inSegment", segment: `s${index + 1}` }] };
  }
  segments["s40"] = { op: "always" };
  const asOf = new Date("2024-01-01T00:00:00Z");

  it("is refused by compileRule and evaluate with a too_many_nodes RuleError, at once", () => {
    const rule: Rule = { op: "inSegment", segment: "s0" };
    expect(() => compileRule(rule, { asOf, segments })).toThrow("the rule expands to more than 100000 nodes through its segment references");
    expect(() => evaluate(rule, {}, { asOf, segments })).toThrow(RuleError);
  });

  it("accepts the same shape while it stays under the limit", () => {
    expect(compileRule({ op: "inSegment", segment: "s30" }, { asOf, segments })({})).toBe(true);
  });

  it("refuses a chain of more than 100 segments instead of overflowing the stack", () => {
    const chain: Record<string, Rule> = {};
    for (let index = 0; index < 5_000; index++) chain[`c${index}`] = { op: "inSegment", segment: `c${index + 1}` };
    chain["c5000"] = { op: "always" };
    expect(() => compileRule({ op: "inSegment", segment: "c0" }, { asOf, segments: chain })).toThrow("segments refer to one another more than 100 levels deep");
  });
});

describe("rules nested deeper than 1,000 levels, with or without segments (review fix)", () => {
  const asOf = new Date("2024-01-01T00:00:00Z");
  /** `depth` nested `not` / `and` levels around one leaf, built without parseRule. */
  const nested = (depth: number, kind: "not" | "and"): Rule => {
    let rule: Rule = { op: "gte", field: "x", value: 1 };
    for (let level = 1; level < depth; level++) rule = kind === "not" ? { op: "not", rule } : { op: "and", rules: [rule, { op: "exists", field: "x" }] };
    return rule;
  };
  const codeOf = (run: () => unknown): string | undefined => {
    try {
      run();
      return undefined;
    } catch (error) {
      expect(error).toBeInstanceOf(RuleError);
      return (error as RuleError).issues[0]?.code;
    }
  };
  const interpreters: ReadonlyArray<readonly [string, (rule: Rule) => unknown]> = [
    ["evaluate", (rule) => evaluate(rule, { x: 2 }, { asOf })],
    ["compileRule", (rule) => compileRule(rule, { asOf })({ x: 2 })],
    ["compileRuleTruth", (rule) => compileRuleTruth(rule, { asOf })({ x: 2 })],
    ["explain", (rule) => explain(rule, { x: 2 }, { asOf })],
    ["describeRule", (rule) => describeRule(rule)],
  ];

  it("a 100,000-deep rule gives a too_deep RuleError in every interpreter, never a stack overflow", () => {
    for (const kind of ["not", "and"] as const) {
      const rule = nested(100_000, kind);
      for (const [name, run] of interpreters) expect(codeOf(() => run(rule)), `${name} ${kind}`).toBe("too_deep");
      expect(checkRule(rule, { _zod: { def: { type: "object", shape: {} } } }).map((issue) => issue.code)).toEqual(["too_deep"]);
    }
    expect(() => evaluate(nested(1_001, "not"), {}, { asOf })).toThrow("evaluate found 1 issue: the rule is nested more than 1,000 levels deep");
  });

  it("1,000 levels still work, with the same result as a shallow rule", () => {
    for (const kind of ["not", "and"] as const) {
      const rule = nested(1_000, kind);
      // 999 nots around a TRUE leaf: FALSE; the and-chain: TRUE.
      const expected = kind === "not" ? false : true;
      expect(evaluate(rule, { x: 2 }, { asOf })).toBe(expected);
      expect(compileRule(rule, { asOf })({ x: 2 })).toBe(expected);
      expect(explain(rule, { x: 2 }, { asOf }).result).toBe(expected);
      expect(typeof describeRule(rule)).toBe("string");
    }
  });

  it("counts the levels that segment references add: a chain of valid depth-32 segments is too deep", () => {
    const segments: Record<string, Rule> = {};
    for (let index = 0; index < 40; index++) {
      const leaf: Rule = index === 39 ? { op: "gte", field: "x", value: 1 } : { op: "inSegment", segment: `c${index + 1}` };
      let rule: Rule = leaf;
      for (let level = 1; level < 32; level++) rule = { op: "and", rules: [rule, { op: "exists", field: "x" }] };
      segments[`c${index}`] = rule;
    }
    const root: Rule = { op: "inSegment", segment: "c0" };
    expect(codeOf(() => evaluate(root, { x: 2 }, { asOf, segments }))).toBe("too_deep");
    expect(() => compileRule(root, { asOf, segments })).toThrow("the rule is nested more than 1,000 levels deep once its segment references are expanded");
    // 31 segments of 32 levels each nest 31 * 31 + 32 = 993 levels: accepted, and TRUE.
    expect(compileRule({ op: "inSegment", segment: "c9" }, { asOf, segments })({ x: 2 })).toBe(true);
  });
});
