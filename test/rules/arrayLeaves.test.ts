import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RuleScalar, Truth } from "../../src/rules/ast.js";
import { arrayHasAll, arrayHasAny, arrayHasNone, listIndex } from "../../src/rules/_lib/leaves.js";
import { evaluate } from "../../src/rules/index.js";

/** The definition: SQL `v = ANY(array)` per value, combined by Kleene OR (hasAny) or AND (hasAll). */
function equalsAny(array: ReadonlyArray<unknown>, value: RuleScalar): Truth {
  let result: Truth = false;
  for (const element of array) {
    if (typeof element !== typeof value || (typeof element === "number" && element !== element)) result = null;
    else if (element === value) return true;
  }
  return result;
}
function definitionAny(actual: unknown, values: ReadonlyArray<RuleScalar>): Truth {
  if (!Array.isArray(actual)) return null;
  let result: Truth = false;
  for (const value of values) {
    const truth = equalsAny(actual, value);
    if (truth === true) return true;
    if (truth === null) result = null;
  }
  return result;
}
function definitionAll(actual: unknown, values: ReadonlyArray<RuleScalar>): Truth {
  if (!Array.isArray(actual)) return null;
  let result: Truth = true;
  for (const value of values) {
    const truth = equalsAny(actual, value);
    if (truth === false) return false;
    if (truth === null) result = null;
  }
  return result;
}

const scalar: fc.Arbitrary<RuleScalar> = fc.oneof(
  fc.constantFrom("a", "b", "c", "1", ""),
  fc.constantFrom(0, -0, 1, 2, 1.5, Number.NaN, Number.POSITIVE_INFINITY),
  fc.boolean(),
);
const element: fc.Arbitrary<unknown> = fc.oneof({ weight: 6, arbitrary: scalar }, { weight: 1, arbitrary: fc.constantFrom(null, undefined, {}, []) });
// Rules that skipped parseRule can list null or undefined: the definition still applies (diff review).
const listed: fc.Arbitrary<RuleScalar> = fc.oneof({ weight: 9, arbitrary: scalar }, { weight: 1, arbitrary: fc.constantFrom(null, undefined) as fc.Arbitrary<never> });
// Short and long lists and arrays, so both the scanned and the hashed paths run.
const values = fc.oneof(fc.array(listed, { maxLength: 4 }), fc.array(listed, { minLength: 9, maxLength: 20 }), fc.array(fc.constantFrom("a", "b", "c"), { maxLength: 12 }));
const actual = fc.oneof(fc.array(element, { maxLength: 5 }), fc.array(element, { minLength: 9, maxLength: 20 }), fc.array(fc.constantFrom("a", "b", "x"), { maxLength: 12 }), element);

describe("hasAny / hasAll / hasNone in one pass over the array", () => {
  it("equal the Kleene OR / AND of `v = ANY(array)` over the values (review: they cost values × elements)", () => {
    fc.assert(
      fc.property(actual, values, (array, list) => {
        const index = listIndex(list);
        expect(arrayHasAny(array, index)).toBe(definitionAny(array, list));
        expect(arrayHasAll(array, index)).toBe(definitionAll(array, list));
        // The index is reused by every evaluation of a compiled rule: a second round gives the same answer.
        expect(arrayHasAll(array, index)).toBe(definitionAll(array, list));
        const any = definitionAny(array, list);
        expect(arrayHasNone(array, index)).toBe(any === null ? null : !any);
      }),
      { numRuns: 3_000 },
    );
  });

  it("read the rule's list as it is at each evaluation (a cache keyed by the list kept stale answers, diff review)", () => {
    const asOf = new Date("2024-06-30T00:00:00Z");
    const values = ["a", "b", "c", "d", "e", "f", "g", "h", "i"];
    const rule = { op: "hasAny" as const, field: "tags", values };
    expect(evaluate(rule, { tags: ["z"] }, { asOf })).toBe(false);
    values.push("z");
    expect(evaluate(rule, { tags: ["z"] }, { asOf })).toBe(true);
  });

  it("evaluate a 4,000-value list against a 4,000-element array exactly", () => {
    const list = Array.from({ length: 4_000 }, (_, index) => `v${index}`);
    const asOf = new Date("2024-06-30T00:00:00Z");
    const disjoint = { tags: list.map((value) => `${value}x`) };
    const superset = { tags: [...list].reverse() };
    expect(evaluate({ op: "hasAny", field: "tags", values: list }, disjoint, { asOf })).toBe(false);
    expect(evaluate({ op: "hasAll", field: "tags", values: list }, superset, { asOf })).toBe(true);
    expect(evaluate({ op: "hasAll", field: "tags", values: list }, { tags: [...list.slice(1), null] }, { asOf })).toBe(null);
    expect(evaluate({ op: "hasNone", field: "tags", values: list }, { tags: [...disjoint.tags, "v3999"] }, { asOf })).toBe(false);
  });
});
