/** Untrusted segment definitions and profile rows only ever produce typed errors or rejects. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SegmentError, assignSegments, assignSegmentsStream, defineSegment } from "../../src/segments/index.js";
import type { Rule } from "../../src/rules/index.js";
import type { Segment } from "../../src/segments/index.js";
import { profilesArbitrary, segmentDefinitionsArbitrary } from "./_arbitraries.js";

const asOf = new Date("2024-06-30T00:00:00Z");

describe("hostile input", () => {
  it("random JSON as a definition: a segment or a SegmentError, nothing else", () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.record({ id: fc.anything(), name: fc.anything(), rule: fc.anything(), priority: fc.anything() })), (value) => {
        try {
          const segment = defineSegment(value as never);
          expect(typeof segment.id).toBe("string");
        } catch (error) {
          expect(error).toBeInstanceOf(SegmentError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("random values in a segment list: SegmentError before any profile is read", () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { minLength: 1, maxLength: 3 }), (list) => {
        let read = 0;
        const profiles = {
          *[Symbol.iterator]() {
            read++;
            yield { id: "x" };
          },
        };
        expect(() => assignSegments(profiles, list as never, { asOf, mode: "all" })).toThrow(SegmentError);
        expect(read).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it("random rows in a stream: every row comes out, assigned or rejected, in order", async () => {
    const segments = [defineSegment({ id: "a", name: "A", rule: { op: "gte", field: "spend", value: 1 } })];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.anything(), { maxLength: 30 }), async (rows) => {
        const indexes: number[] = [];
        for await (const row of assignSegmentsStream(rows, segments, { asOf, mode: "all" })) indexes.push(row.index);
        expect(indexes).toEqual(rows.map((_, index) => index));
      }),
      { numRuns: 200 },
    );
  });

  it("memberships do not depend on the declaration order of the segments", () => {
    fc.assert(
      fc.property(segmentDefinitionsArbitrary, profilesArbitrary(), fc.infiniteStream(fc.nat()), (definitions, profiles, keys) => {
        const segments = definitions.map((definition) => defineSegment(definition));
        const keyed = segments.map((segment) => ({ segment, key: keys.next().value as number }));
        const shuffled = keyed.sort((a, b) => a.key - b.key).map((entry) => entry.segment);
        const original = assignSegments(profiles, segments, { asOf, mode: "all" });
        const reordered = assignSegments(profiles, shuffled, { asOf, mode: "all" });
        for (const [index, membership] of original.memberships.entries()) {
          expect([...reordered.memberships[index]!.segments].sort()).toEqual([...membership.segments].sort());
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe("segment references that nest too deep (review fix)", () => {
  it("a chain of valid segments that nests past 1,000 levels is a too_deep SegmentError, never a stack overflow", async () => {
    const chain: Segment[] = [];
    for (let index = 0; index < 100; index++) {
      let rule: Rule = index === 99 ? { op: "gte", field: "x", value: 1 } : { op: "inSegment", segment: `c${index + 1}` };
      for (let level = 1; level < 32; level++) rule = { op: "and", rules: [rule, { op: "exists", field: "x" }] };
      chain.push(defineSegment({ id: `c${index}`, name: `Chain ${index}`, rule }));
    }
    let caught: unknown;
    try {
      assignSegments([{ id: "1", x: 2 }], chain, { asOf, mode: "all" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SegmentError);
    expect((caught as SegmentError).issues[0]).toMatchObject({ code: "too_deep", path: [0, "rule"] });
    expect((caught as SegmentError).message).toBe(
      'assignSegments found 1 issue: segment "c0": the rule is nested more than 1,000 levels deep once its segment references are expanded at [0].rule',
    );
    await expect(assignSegmentsStream([{ id: "1", x: 2 }], chain, { asOf, mode: "all" }).next()).rejects.toThrow(SegmentError);
    // The last 31 segments nest 993 levels: accepted.
    expect(assignSegments([{ id: "1", x: 2 }], chain.slice(69), { asOf, mode: "all" }).memberships[0]?.segments).toHaveLength(31);
  });

  it("an exponential expansion is a too_many_nodes SegmentError named after the segment function", () => {
    const doubling: Segment[] = [];
    for (let index = 0; index < 30; index++) {
      const next: Rule = index === 29 ? { op: "always" } : { op: "inSegment", segment: `d${index + 1}` };
      doubling.push(defineSegment({ id: `d${index}`, name: `Doubling ${index}`, rule: { op: "and", rules: [next, next] } }));
    }
    expect(() => assignSegments([], doubling, { asOf, mode: "all" })).toThrow(/^assignSegments found 1 issue: segment "d0": the rule expands to more than 100000 nodes/);
  });
});
