import { describe, expect, it } from "vitest";
import { SegmentError, defineSegment } from "../../src/segments/index.js";

describe("defineSegment", () => {
  it("parses a JSON rule, defaults priority to 0 and freezes the result deeply", () => {
    const json = JSON.parse('{"id":"vip","name":"VIP","rule":{"version":1,"op":"and","rules":[{"op":"gte","field":"behavior.totalSpend","value":1000}]}}');
    const segment = defineSegment(json);
    expect(segment).toEqual({ id: "vip", name: "VIP", priority: 0, rule: { op: "and", rules: [{ op: "gte", field: "behavior.totalSpend", value: 1000 }] } });
    expect(Object.isFrozen(segment)).toBe(true);
    expect(Object.isFrozen(segment.rule)).toBe(true);
    expect(Object.isFrozen((segment.rule as unknown as { rules: unknown[] }).rules[0])).toBe(true);
    // shares nothing with the input
    json.rule.rules[0].value = 1;
    expect(segment.rule).toEqual({ op: "and", rules: [{ op: "gte", field: "behavior.totalSpend", value: 1000 }] });
  });

  it("keeps description and priority", () => {
    const segment = defineSegment({ id: "a", name: "A", description: "text", priority: -2.5, rule: { op: "always" } });
    expect(segment.description).toBe("text");
    expect(segment.priority).toBe(-2.5);
  });

  it("reports rule issues with paths that continue into the rule", () => {
    let caught: unknown;
    try {
      defineSegment({ id: "x", name: "X", rule: { op: "and", rules: [{ op: "between", field: "age", min: 10, max: 5 }] } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SegmentError);
    const error = caught as SegmentError;
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([["invalid_rule", ["rule", "rules", 0]]]);
    expect(error.message).toMatch(/^defineSegment found 1 issue: .*invalid_range.* at rule\.rules\[0\]$/);
  });

  it("collects every definition problem at once", () => {
    let caught: SegmentError | undefined;
    try {
      defineSegment({ id: "", name: 3, priority: Number.NaN, description: 4 } as never);
    } catch (error) {
      caught = error as SegmentError;
    }
    expect(caught?.issues.map((issue) => issue.path.join("."))).toEqual(["id", "name", "description", "priority", "rule"]);
    expect(new Set(caught?.issues.map((issue) => issue.code))).toEqual(new Set(["invalid_definition"]));
  });

  it("rejects keys it does not know, so that a typo never changes a segment silently", () => {
    let caught: SegmentError | undefined;
    try {
      defineSegment(JSON.parse('{"id":"vip","name":"VIP","rule":{"op":"always"},"priorty":5,"descripton":"x"}'));
    } catch (error) {
      caught = error as SegmentError;
    }
    expect(caught?.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ["invalid_definition", ["priorty"]],
      ["invalid_definition", ["descripton"]],
    ]);
    expect(caught?.message).toBe('defineSegment found 2 issues: a segment definition takes only id, name, rule, description and priority, not the key "priorty" at priorty');
    const many = Object.fromEntries([["id", "x"], ["name", "X"], ["rule", { op: "always" }], ...Array.from({ length: 50 }, (_, index) => [`extra${index}`, index])]);
    let manyCaught: SegmentError | undefined;
    try {
      defineSegment(many as never);
    } catch (error) {
      manyCaught = error as SegmentError;
    }
    expect(manyCaught?.issues.map((issue) => issue.path[0])).toEqual(Array.from({ length: 20 }, (_, index) => `extra${index}`));
  });

  it("rejects non-objects, prototype paths and rules that would match everyone by accident", () => {
    expect(() => defineSegment(null as never)).toThrow(SegmentError);
    expect(() => defineSegment([] as never)).toThrow(SegmentError);
    expect(() => defineSegment({ id: "p", name: "P", rule: { op: "exists", field: "__proto__.polluted" } })).toThrow(/forbidden|__proto__/);
    expect(() => defineSegment({ id: "p", name: "P", rule: {} })).toThrow(SegmentError);
    expect(() => defineSegment({ id: "p", name: "P", rule: undefined })).toThrow(SegmentError);
  });

  it("does not read inherited properties of the definition", () => {
    const inherited = Object.create({ id: "vip", name: "VIP", rule: { op: "always" } }) as never;
    expect(() => defineSegment(inherited)).toThrow(SegmentError);
  });

  it("applies rule limits", () => {
    let rule: unknown = { op: "always" };
    for (let depth = 0; depth < 100_000; depth++) rule = { op: "not", rule };
    expect(() => defineSegment({ id: "deep", name: "Deep", rule })).toThrow(/too_deep|deep/);
    expect(() => defineSegment({ id: "short", name: "Short", rule: { op: "in", field: "a", values: [1, 2, 3] } }, { maxListLength: 2 })).toThrow(SegmentError);
  });
});

describe("defineSegment's limits (segments review)", () => {
  it("names defineSegment when a limit is out of range (it named parseRule)", () => {
    expect(() => defineSegment({ id: "x", name: "X", rule: { op: "always" } }, { maxDepth: -1 })).toThrow(
      new RangeError("defineSegment requires maxDepth to be an integer from 1 to 1000"),
    );
  });
});
