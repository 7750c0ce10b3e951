/** fast-check arbitraries for segment tests: small random rules over a small profile shape, with nulls and missing keys. */
import fc from "fast-check";
import type { Rule } from "../../src/rules/ast.js";

export interface TestProfile {
  id: string;
  spend?: number | null;
  orders?: number | null;
  country?: string | null;
  tags?: string[];
}

export const profileArbitrary = (id: string): fc.Arbitrary<TestProfile> =>
  fc
    .record(
      {
        spend: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 10 }).map((value) => value * 100)),
        orders: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 6 })),
        country: fc.oneof(fc.constant(null), fc.constantFrom("US", "DE", "IN")),
        tags: fc.subarray(["vip", "churn", "b2b"]),
      },
      { requiredKeys: [] },
    )
    .map((profile) => ({ id, ...profile }));

export const profilesArbitrary = (maxLength = 40): fc.Arbitrary<TestProfile[]> =>
  fc.integer({ min: 0, max: maxLength }).chain((length) =>
    fc.tuple(...Array.from({ length }, (_, index) => profileArbitrary(`p${index}`))).map((profiles) => [...profiles]),
  );

const leafArbitrary: fc.Arbitrary<Rule> = fc.oneof(
  fc.record({ op: fc.constantFrom("eq", "ne", "lt", "lte", "gt", "gte"), field: fc.constantFrom("spend", "orders"), value: fc.integer({ min: 0, max: 6 }).map((value) => value * 100) }) as fc.Arbitrary<Rule>,
  fc.record({ op: fc.constantFrom("gte", "lte", "eq"), field: fc.constant("orders"), value: fc.integer({ min: 0, max: 6 }) }) as fc.Arbitrary<Rule>,
  fc.record({ op: fc.constantFrom("in", "notIn"), field: fc.constant("country"), values: fc.subarray(["US", "DE", "IN"], { minLength: 1 }) }) as fc.Arbitrary<Rule>,
  fc.record({ op: fc.constantFrom("hasAny", "hasAll", "hasNone"), field: fc.constant("tags"), values: fc.subarray(["vip", "churn", "b2b"], { minLength: 1 }) }) as fc.Arbitrary<Rule>,
  fc.record({ op: fc.constantFrom("exists", "missing"), field: fc.constantFrom("spend", "country") }) as fc.Arbitrary<Rule>,
);

/** A random rule; `references` are segment ids that `inSegment` nodes may name. */
export function ruleArbitrary(references: ReadonlyArray<string>): fc.Arbitrary<Rule> {
  const leaves: fc.Arbitrary<Rule> =
    references.length === 0 ? leafArbitrary : fc.oneof(leafArbitrary, fc.constantFrom(...references).map((segment): Rule => ({ op: "inSegment", segment })));
  const { rule } = fc.letrec<{ rule: Rule }>((tie) => ({
    rule: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaves,
      fc.record({ op: fc.constantFrom("and" as const, "or" as const), rules: fc.array(tie("rule"), { minLength: 1, maxLength: 3 }) }) as fc.Arbitrary<Rule>,
      fc.record({ op: fc.constant("not" as const), rule: tie("rule") }) as fc.Arbitrary<Rule>,
    ),
  }));
  return rule;
}

/** 1 to 5 segment definitions; segment i may reference segments 0..i-1 (acyclic). */
export const segmentDefinitionsArbitrary = fc.integer({ min: 1, max: 5 }).chain((count) =>
  fc.tuple(
    ...Array.from({ length: count }, (_, index) =>
      fc.record({
        rule: ruleArbitrary(Array.from({ length: index }, (__, earlier) => `s${earlier}`)),
        priority: fc.integer({ min: 0, max: 2 }),
      }).map(({ rule, priority }) => ({ id: `s${index}`, name: `Segment ${index}`, rule, priority })),
    ),
  ),
);
