import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Rule } from "../../src/rules/ast.js";
import { evaluate } from "../../src/rules/index.js";
import { SegmentError, analyzeSegments, assignSegments, assignSegmentsStream, defineSegment } from "../../src/segments/index.js";
import { profilesArbitrary, segmentDefinitionsArbitrary } from "./_arbitraries.js";

const asOf = new Date("2024-06-30T00:00:00Z");

function ruleRecord(definitions: ReadonlyArray<{ id: string; rule: Rule }>): Record<string, Rule> {
  return Object.fromEntries(definitions.map((definition) => [definition.id, definition.rule]));
}

describe("assignSegments", () => {
  it("all mode: a profile is in a segment exactly when evaluate says TRUE (random rules with inSegment, nulls, missing keys)", () => {
    fc.assert(
      fc.property(segmentDefinitionsArbitrary, profilesArbitrary(), (definitions, profiles) => {
        const segments = definitions.map((definition) => defineSegment(definition));
        const result = assignSegments(profiles, segments, { asOf, mode: "all" });
        const rules = ruleRecord(definitions);
        const sizes = definitions.map(() => 0);
        for (const [index, profile] of profiles.entries()) {
          const expected = definitions.filter((definition) => evaluate(definition.rule, profile, { asOf, segments: rules }) === true).map((definition) => definition.id);
          const membership = result.memberships[index]!;
          expect(membership.id).toBe(profile.id);
          expect(membership.index).toBe(index);
          expect(membership.segments).toEqual(expected);
          for (const id of expected) sizes[Number(id.slice(1))]!++;
        }
        expect(result.sizes.map((size) => size.size)).toEqual(sizes);
        expect(result.total).toBe(profiles.length);
      }),
      { numRuns: 150 },
    );
  });

  it("first-match: the winner is the first TRUE segment by priority (larger first, ties by declaration order), and agrees with all mode", () => {
    fc.assert(
      fc.property(segmentDefinitionsArbitrary, profilesArbitrary(), (definitions, profiles) => {
        const segments = definitions.map((definition) => defineSegment(definition));
        const waterfall = assignSegments(profiles, segments, { asOf, mode: "first-match" });
        const all = assignSegments(profiles, segments, { asOf, mode: "all" });
        const order = definitions.map((definition, index) => ({ definition, index })).sort((a, b) => b.definition.priority - a.definition.priority || a.index - b.index);
        const rules = ruleRecord(definitions);
        let unassigned = 0;
        for (const [index, profile] of profiles.entries()) {
          const winner = order.find(({ definition }) => evaluate(definition.rule, profile, { asOf, segments: rules }) === true)?.definition.id ?? null;
          expect(waterfall.memberships[index]!.segment).toBe(winner);
          expect(waterfall.memberships[index]!.segments).toEqual(winner === null ? [] : [winner]);
          expect(all.memberships[index]!.segment).toBe(winner);
          if (winner === null) unassigned++;
        }
        expect(waterfall.unassigned.count).toBe(unassigned);
        expect(all.unassigned.count).toBe(unassigned);
        expect(waterfall.sizes.reduce((sum, size) => sum + size.size, 0)).toBe(profiles.length - unassigned);
      }),
      { numRuns: 150 },
    );
  });

  it("SQL semantics: notIn and not(inSegment) do not select profiles with unknown values", () => {
    const known = defineSegment({ id: "known", name: "Known high spend", rule: { op: "gte", field: "spend", value: 100 } });
    const rest = defineSegment({ id: "rest", name: "Not high spend", rule: { op: "not", rule: { op: "inSegment", segment: "known" } } });
    const foreign = defineSegment({ id: "foreign", name: "Outside US", rule: { op: "notIn", field: "country", values: ["US"] } });
    const profiles = [
      { id: "a", spend: 500, country: "DE" },
      { id: "b", spend: 50, country: "US" },
      { id: "c" }, // spend and country unknown
      { id: "d", spend: null, country: null },
    ];
    const result = assignSegments(profiles, [known, rest, foreign], { asOf, mode: "all" });
    expect(result.memberships.map((membership) => membership.segments)).toEqual([["known", "foreign"], ["rest"], [], []]);
    expect(result.unassigned).toEqual({ count: 2, share: 0.5 });
    expect(result.sizes).toEqual([
      { id: "known", name: "Known high spend", size: 1, share: 0.25 },
      { id: "rest", name: "Not high spend", size: 1, share: 0.25 },
      { id: "foreign", name: "Outside US", size: 1, share: 0.25 },
    ]);
  });

  it("an empty population has undefined shares, never 0 or NaN", () => {
    const segment = defineSegment({ id: "a", name: "A", rule: { op: "always" } });
    const result = assignSegments([], [segment], { asOf, mode: "all" });
    expect(result.total).toBe(0);
    expect(result.sizes).toEqual([{ id: "a", name: "A", size: 0, share: null }]);
    expect(result.unassigned).toEqual({ count: 0, share: null });
    const none = assignSegments([{ id: "x" }], [], { asOf, mode: "first-match" });
    expect(none.memberships).toEqual([{ id: "x", index: 0, segments: [], segment: null }]);
    expect(none.unassigned).toEqual({ count: 1, share: 1 });
  });

  it("names the cycle", () => {
    const a = defineSegment({ id: "a", name: "A", rule: { op: "and", rules: [{ op: "always" }, { op: "inSegment", segment: "b" }] } });
    const b = defineSegment({ id: "b", name: "B", rule: { op: "inSegment", segment: "c" } });
    const c = defineSegment({ id: "c", name: "C", rule: { op: "not", rule: { op: "inSegment", segment: "a" } } });
    let caught: SegmentError | undefined;
    try {
      assignSegments([{ id: "p" }], [a, b, c], { asOf, mode: "all" });
    } catch (error) {
      caught = error as SegmentError;
    }
    expect(caught).toBeInstanceOf(SegmentError);
    expect(caught?.issues[0]?.code).toBe("segment_cycle");
    expect(caught?.issues[0]?.cycle).toEqual(["a", "b", "c", "a"]);
    // The path leads to the inSegment node that closes the cycle (c's rule is not(inSegment "a")).
    expect(caught?.issues[0]?.path).toEqual([2, "rule", "rule", "segment"]);
    expect(caught?.message).toBe("assignSegments found 1 issue: segments refer to each other in a cycle: a -> b -> c -> a at [2].rule.rule.segment");
    const self = defineSegment({ id: "self", name: "Self", rule: { op: "inSegment", segment: "self" } });
    expect(() => assignSegments([], [self], { asOf, mode: "all" })).toThrow("segments refer to each other in a cycle: self -> self");
  });

  it("reports unknown references with the path of the node's segment key, as cycles, and duplicate ids", () => {
    const a = defineSegment({ id: "a", name: "A", rule: { op: "or", rules: [{ op: "never" }, { op: "inSegment", segment: "ghost" }] } });
    const a2 = defineSegment({ id: "a", name: "A again", rule: { op: "always" } });
    expect(() => assignSegments([], [a], { asOf, mode: "all" })).toThrow(
      'assignSegments found 1 issue: segment "a" refers to the unknown segment "ghost" at [0].rule.rules[1].segment',
    );
    try {
      assignSegments([], [a2, a2], { asOf, mode: "all" });
      expect.unreachable();
    } catch (error) {
      expect((error as SegmentError).issues).toEqual([{ code: "duplicate_segment_id", path: [1, "id"], message: 'duplicate segment id "a"' }]);
    }
  });

  it("segment ids that are Object.prototype names are ordinary ids (no prototype reads)", () => {
    const proto = defineSegment({ id: "__proto__", name: "Proto", rule: { op: "gte", field: "spend", value: 10 } });
    const ctor = defineSegment({ id: "constructor", name: "Ctor", rule: { op: "not", rule: { op: "inSegment", segment: "__proto__" } } });
    const result = assignSegments([{ id: "a", spend: 20 }, { id: "b", spend: 1 }], [proto, ctor], { asOf, mode: "all" });
    expect(result.memberships.map((membership) => membership.segments)).toEqual([["__proto__"], ["constructor"]]);
    const stray = defineSegment({ id: "x", name: "X", rule: { op: "inSegment", segment: "toString" } });
    expect(() => assignSegments([], [stray], { asOf, mode: "all" })).toThrow('refers to the unknown segment "toString"');
  });

  it("validates plain objects passed as segments instead of trusting them", () => {
    const forged = { id: "x", name: "X", priority: 0, rule: { op: "gte", field: "constructor.name", value: 1 } } as never;
    expect(() => assignSegments([], [forged], { asOf, mode: "all" })).toThrow(SegmentError);
  });

  it("checks its arguments", () => {
    const segment = defineSegment({ id: "a", name: "A", rule: { op: "always" } });
    expect(() => assignSegments([{ id: "x" }], [segment], { asOf: new Date(Number.NaN), mode: "all" })).toThrow("assignSegments requires asOf to be a valid Date");
    expect(() => assignSegments([{ id: "x" }], [segment], { asOf, mode: "best" as never })).toThrow('assignSegments requires mode to be "all" or "first-match"');
    expect(() => assignSegments([{ name: "no id" }], [segment], { asOf, mode: "all" })).toThrow("assignSegments requires a string id for every profile (profile 0); pass idOf");
    const withIdOf = assignSegments([{ key: 7 }], [segment], { asOf, mode: "all", idOf: (profile) => `k${profile.key}` });
    expect(withIdOf.memberships[0]?.id).toBe("k7");
    const numeric = assignSegments([{ id: 12 }], [segment], { asOf, mode: "all" });
    expect(numeric.memberships[0]?.id).toBe("12");
  });

  it("evaluates event conditions through eventsOf, and requires it when a segment has one", () => {
    const buyer = defineSegment({
      id: "buyer",
      name: "Two purchases in 30 days",
      rule: { op: "event", type: "purchase", withinLast: { amount: 30, unit: "days" }, count: { gte: 2 } },
    });
    const events = new Map([
      ["a", [{ type: "purchase", timestamp: new Date("2024-06-10T00:00:00Z") }, { type: "purchase", timestamp: new Date("2024-06-20T00:00:00Z") }]],
      ["b", [{ type: "purchase", timestamp: new Date("2024-06-10T00:00:00Z") }, { type: "purchase", timestamp: new Date("2024-01-20T00:00:00Z") }]],
    ]);
    const result = assignSegments([{ id: "a" }, { id: "b" }], [buyer], { asOf, mode: "all", eventsOf: (profile) => events.get(profile.id) ?? [] });
    expect(result.memberships.map((membership) => membership.segments)).toEqual([["buyer"], []]);
    expect(() => assignSegments([{ id: "a" }], [buyer], { asOf, mode: "all" })).toThrow("assignSegments requires options.eventsOf to evaluate event rules");
  });

  it("windows follow asOf: the same profile enters and leaves a withinLast segment", () => {
    const recent = defineSegment({ id: "recent", name: "Bought in the last 30 days", rule: { op: "withinLast", field: "lastPurchaseAt", amount: 30, unit: "days" } });
    const profiles = [{ id: "a", lastPurchaseAt: new Date("2024-06-01T00:00:00Z") }];
    expect(assignSegments(profiles, [recent], { asOf: new Date("2024-07-01T00:00:00Z"), mode: "all" }).sizes[0]?.size).toBe(1);
    expect(assignSegments(profiles, [recent], { asOf: new Date("2024-07-01T00:00:00.001Z"), mode: "all" }).sizes[0]?.size).toBe(0);
  });

  it("segment lists are frozen (equal lists may be shared)", () => {
    const a = defineSegment({ id: "a", name: "A", rule: { op: "gt", field: "spend", value: 1 } });
    const b = defineSegment({ id: "b", name: "B", rule: { op: "gt", field: "spend", value: 10 } });
    const result = assignSegments([{ id: "x", spend: 5 }, { id: "y", spend: 50 }, { id: "z", spend: 0 }], [a, b], { asOf, mode: "all" });
    expect(result.memberships.map((membership) => membership.segments)).toEqual([["a"], ["a", "b"], []]);
    for (const membership of result.memberships) expect(Object.isFrozen(membership.segments)).toBe(true);
  });

  it("accepts any iterable of profiles", () => {
    const segment = defineSegment({ id: "a", name: "A", rule: { op: "gt", field: "spend", value: 1 } });
    function* generate() {
      yield { id: "x", spend: 5 };
      yield { id: "y", spend: 0 };
    }
    expect(assignSegments(generate(), [segment], { asOf, mode: "all" }).sizes[0]).toEqual({ id: "a", name: "A", size: 1, share: 0.5 });
  });
});

describe("segment functions called outside their types (fuzz review)", () => {
  const asOf = new Date("2024-01-01T00:00:00Z");
  const vip = defineSegment({ id: "vip", name: "VIP", rule: { op: "always" } });
  it("name the missing clock, the callback or the profiles instead of a raw TypeError", async () => {
    expect(() => assignSegments([], [vip], undefined as never)).toThrow(new TypeError("assignSegments requires asOf to be a valid Date"));
    expect(() => assignSegments(undefined as never, [vip], { asOf, mode: "all" })).toThrow(new TypeError("assignSegments requires profiles to be iterable"));
    expect(() => assignSegments([{ id: "a" }], [vip], { asOf, mode: "all", idOf: null as never })).toThrow(new TypeError("assignSegments requires idOf to be a function"));
    expect(() => analyzeSegments([vip], 5 as never, { asOf })).toThrow(new TypeError("analyzeSegments requires profiles to be iterable"));
    const stream = assignSegmentsStream([{ id: "a" }], [vip], { asOf, mode: "all", onProgress: 1 as never });
    await expect(stream.next()).rejects.toThrow(new TypeError("assignSegmentsStream requires onProgress to be a function"));
    await expect(assignSegmentsStream(null as never, [vip], { asOf, mode: "all" }).next()).rejects.toThrow(new TypeError("assignSegmentsStream requires rows to be iterable or async iterable"));
  });
});
