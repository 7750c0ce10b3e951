import { describe, expect, it } from "vitest";
import { compileRule, evaluate, explain, toJsonLogic, type Rule, RuleError } from "../../src/rules/index.js";
import { assignSegments, defineSegment, SegmentError } from "../../src/segments/index.js";

// UI review: a broken reference inside a referenced segment was reported with a path into that
// segment's rule, although the error was raised for the rule the caller passed, so a UI
// highlighted a node of the wrong rule (or a key that does not exist in it).
const asOf = new Date("2024-06-30T00:00:00Z");
const rule: Rule = { op: "and", rules: [{ op: "always" }, { op: "eq", field: "x", value: 1 }, { op: "inSegment", segment: "b" }] };
const b: Rule = { op: "or", rules: [{ op: "never" }, { op: "eq", field: "y", value: 2 }, { op: "not", rule: { op: "inSegment", segment: "c" } }] };

function issuesOf(run: () => unknown): ReadonlyArray<{ code: string; path: ReadonlyArray<string | number> }> {
  try {
    run();
  } catch (error) {
    if (error instanceof RuleError || error instanceof SegmentError) return error.issues;
    throw error;
  }
  throw new Error("expected an error");
}

/** The node a path leads to in a JSON document, or undefined. */
function at(document: unknown, path: ReadonlyArray<string | number>): unknown {
  let node = document;
  for (const key of path) node = node !== null && typeof node === "object" && Object.hasOwn(node, key) ? (node as Record<string | number, unknown>)[key] : undefined;
  return node;
}

describe("issues found in a referenced segment point at the reference in the rule passed", () => {
  const cases: ReadonlyArray<readonly [string, Readonly<Record<string, Rule>>, string]> = [
    ["unknown", { b }, "unknown_segment"],
    ["cycle", { b, c: { op: "inSegment", segment: "b" } }, "segment_cycle"],
  ];
  for (const [name, segments, code] of cases) {
    it(`${name}: evaluate, explain, compileRule and toJsonLogic agree, and the path leads to the inSegment's segment key`, () => {
      const runs = [
        () => evaluate(rule, {}, { asOf, segments }),
        () => explain(rule, {}, { asOf, segments }),
        () => compileRule(rule, { asOf, segments }),
        () => toJsonLogic(rule, { segments }),
      ];
      for (const run of runs) {
        const issues = issuesOf(run);
        expect(issues.map((issue) => [issue.code, issue.path])).toEqual([[code, ["rules", 2, "segment"]]]);
        expect(at(rule, issues[0]!.path)).toBe("b");
      }
    });
  }

  it("the segment functions point into the segment that holds the reference, ending at its segment key too", () => {
    const segments = [defineSegment({ id: "a", name: "A", rule }), defineSegment({ id: "b", name: "B", rule: b })];
    const unknown = issuesOf(() => assignSegments([], segments, { asOf, mode: "all" }));
    expect(unknown.map((issue) => [issue.code, issue.path])).toEqual([["unknown_segment", [1, "rule", "rules", 2, "rule", "segment"]]]);
    expect(at(segments, unknown[0]!.path)).toBe("c");
    const cyclic = [...segments, defineSegment({ id: "c", name: "C", rule: { op: "inSegment", segment: "a" } })];
    const cycle = issuesOf(() => assignSegments([], cyclic, { asOf, mode: "all" }));
    expect(cycle[0]!.code).toBe("segment_cycle");
    expect(typeof at(cyclic, cycle[0]!.path)).toBe("string");
  });
});
