import fc from "fast-check";
import { array, either, monoid, predicate } from "fp-ts";
import { describe, expect, it } from "vitest";
import { parseRuleEither, RuleAll, RuleAny, toPredicate } from "../../src/fp/index.js";
import { evaluate, safeParseRule } from "../../src/rules/index.js";
import type { Rule } from "../../src/rules/index.js";
import { asOf, profileArbitrary, ruleArbitrary, segments } from "../rules/_arbitraries.js";

const rule = ruleArbitrary({ segments: true });

describe("RuleAll / RuleAny", () => {
  for (const [name, M, empty] of [["RuleAll", RuleAll, { op: "always" }], ["RuleAny", RuleAny, { op: "never" }]] as const) {
    it(`${name} obeys the monoid laws structurally and semantically`, () => {
      expect(M.empty).toEqual(empty);
      fc.assert(
        fc.property(rule, rule, rule, profileArbitrary, (a, b, c, profile) => {
          expect(M.concat(M.empty, a)).toEqual(a);
          expect(M.concat(a, M.empty)).toEqual(a);
          const left = M.concat(M.concat(a, b), c);
          const right = M.concat(a, M.concat(b, c));
          expect(left).toEqual(right);
          const value = (r: Rule) => evaluate(r, profile, { asOf, segments });
          expect(value(left)).toBe(value(right));
          const combined = value(M.concat(a, b));
          const x = value(a);
          const y = value(b);
          if (name === "RuleAll") expect(combined).toBe(x === false || y === false ? false : x === null || y === null ? null : true);
          else expect(combined).toBe(x === true || y === true ? true : x === null || y === null ? null : false);
        }),
        { numRuns: 500 },
      );
    });
  }

  it("folds with fp-ts concatAll", () => {
    const rules: Rule[] = [{ op: "exists", field: "a" }, { op: "exists", field: "b" }, { op: "exists", field: "c" }];
    expect(monoid.concatAll(RuleAll)(rules)).toEqual({ op: "and", rules });
    expect(monoid.concatAll(RuleAny)([])).toEqual({ op: "never" });
  });
});

describe("parseRuleEither", () => {
  it("matches safeParseRule on random input", () => {
    fc.assert(
      fc.property(fc.oneof(rule as fc.Arbitrary<unknown>, fc.jsonValue({ maxDepth: 4 })), (json) => {
        const result = parseRuleEither(json);
        const safe = safeParseRule(json);
        if (safe.success) expect(result).toEqual(either.right(safe.data));
        else expect(result).toEqual(either.left(safe.error.issues));
      }),
      { numRuns: 500 },
    );
  });
});

describe("toPredicate", () => {
  it("is a Predicate that composes with fp-ts and equals evaluate === true", () => {
    fc.assert(
      fc.property(rule, rule, fc.array(profileArbitrary, { maxLength: 8 }), (a, b, profiles) => {
        const p = toPredicate(a, { asOf, segments });
        const q = toPredicate(b, { asOf, segments });
        const both = predicate.and(q)(p);
        expect(array.filter(both)(profiles)).toEqual(profiles.filter((profile) => evaluate({ op: "and", rules: [a, b] }, profile, { asOf, segments }) === true));
      }),
      { numRuns: 300 },
    );
  });
  it("alone equals evaluate === true; predicate.or equals the rule's or; predicate.not is not the rule's not (review)", () => {
    fc.assert(
      fc.property(rule, rule, profileArbitrary, (a, b, profile) => {
        const p = toPredicate(a, { asOf, segments });
        expect(p(profile)).toBe(evaluate(a, profile, { asOf, segments }) === true);
        expect(predicate.or(toPredicate(b, { asOf, segments }))(p)(profile)).toBe(evaluate({ op: "or", rules: [a, b] }, profile, { asOf, segments }) === true);
        // fp-ts negation also selects UNKNOWN; the rule's `not` selects only FALSE.
        expect(predicate.not(p)(profile)).toBe(evaluate(a, profile, { asOf, segments }) !== true);
        expect(toPredicate({ op: "not", rule: a }, { asOf, segments })(profile)).toBe(evaluate(a, profile, { asOf, segments }) === false);
      }),
      { numRuns: 500 },
    );
    const spend = { op: "gt", field: "spend", value: 100 } as const;
    expect(predicate.not(toPredicate(spend, { asOf }))({})).toBe(true);
    expect(toPredicate({ op: "not", rule: spend }, { asOf })({})).toBe(false);
  });
});
