import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeSegments, assignSegments, defineSegment } from "../../src/segments/index.js";
import { profilesArbitrary, segmentDefinitionsArbitrary } from "./_arbitraries.js";

const asOf = new Date("2024-06-30T00:00:00Z");

describe("analyzeSegments", () => {
  it("agrees with a brute-force count from assignSegments (overlap, Jaccard, wins, losses, unassigned)", () => {
    fc.assert(
      fc.property(segmentDefinitionsArbitrary, profilesArbitrary(80), (definitions, profiles) => {
        const segments = definitions.map((definition) => defineSegment(definition));
        const report = analyzeSegments(segments, profiles, { asOf });
        const all = assignSegments(profiles, segments, { asOf, mode: "all" });
        const waterfall = assignSegments(profiles, segments, { asOf, mode: "first-match" });
        const members = segments.map((segment) => new Set(all.memberships.filter((m) => m.segments.includes(segment.id)).map((m) => m.id)));
        let pair = 0;
        for (let a = 0; a < segments.length; a++) {
          for (let b = a + 1; b < segments.length; b++) {
            const intersection = [...members[a]!].filter((id) => members[b]!.has(id)).length;
            const union = new Set([...members[a]!, ...members[b]!]).size;
            expect(report.overlaps[pair]).toEqual({ a: segments[a]!.id, b: segments[b]!.id, intersection, union, jaccard: union === 0 ? null : intersection / union });
            pair++;
          }
        }
        expect(report.overlaps.length).toBe((segments.length * (segments.length - 1)) / 2);
        for (const [index, diagnosis] of report.segments.entries()) {
          expect(diagnosis.size).toBe(all.sizes[index]!.size);
          expect(diagnosis.wins).toBe(waterfall.sizes[index]!.size);
          expect(diagnosis.lost).toBe(diagnosis.size - diagnosis.wins);
          expect(diagnosis.lostTo.reduce((sum, entry) => sum + entry.count, 0)).toBe(diagnosis.lost);
          expect(diagnosis.shadowed).toBe(diagnosis.size > 0 && diagnosis.wins === 0);
        }
        expect(report.unassigned).toEqual(all.unassigned);
        expect(report.multiMember.count).toBe(all.memberships.filter((membership) => membership.segments.length > 1).length);
        expect(report.total).toBe(profiles.length);
      }),
      { numRuns: 120 },
    );
  });

  it("counts overlaps correctly past one 32-bit word and across growth of the bit sets", () => {
    const even = defineSegment({ id: "even", name: "Even", rule: { op: "in", field: "parity", values: ["even"] } });
    const third = defineSegment({ id: "third", name: "Every third", rule: { op: "eq", field: "third", value: true } });
    const profiles = Array.from({ length: 5_000 }, (_, index) => ({ parity: index % 2 === 0 ? "even" : "odd", third: index % 3 === 0 }));
    const report = analyzeSegments([even, third], profiles, { asOf });
    // even: 2,500; multiples of 3: 1,667; multiples of 6: 834
    expect(report.overlaps[0]).toEqual({ a: "even", b: "third", intersection: 834, union: 2_500 + 1_667 - 834, jaccard: 834 / 3_333 });
    expect(report.unassigned.count).toBe(5_000 - 3_333);
  });

  it("finds shadowed, empty and too-small segments", () => {
    const spenders = defineSegment({ id: "spenders", name: "Spenders", rule: { op: "gte", field: "spend", value: 100 }, priority: 3 });
    const whales = defineSegment({ id: "whales", name: "Whales", rule: { op: "gte", field: "spend", value: 1000 }, priority: 1 });
    const ghosts = defineSegment({ id: "ghosts", name: "Ghosts", rule: { op: "lt", field: "spend", value: 0 } });
    const rare = defineSegment({ id: "rare", name: "Rare", rule: { op: "eq", field: "spend", value: 5 }, priority: 5 });
    const profiles = [{ spend: 5 }, { spend: 150 }, { spend: 2000 }, { spend: 5000 }, { spend: 20 }, {}];
    const report = analyzeSegments([spenders, whales, ghosts, rare], profiles, { asOf, minShare: 0.2 });
    expect(report.shadowed).toEqual(["whales"]);
    expect(report.empty).toEqual(["ghosts"]);
    expect(report.tooSmall).toEqual(["ghosts", "rare"]);
    expect(report.segments[1]).toMatchObject({ id: "whales", size: 2, wins: 0, lost: 2, lostTo: [{ segment: "spenders", count: 2 }] });
    expect(report.unassigned).toEqual({ count: 2, share: 2 / 6 });
    const bySize = analyzeSegments([spenders, whales, ghosts, rare], profiles, { asOf, minSize: 3 });
    expect(bySize.tooSmall).toEqual(["whales", "ghosts", "rare"]);
  });

  it("tooSmall means below minShare (a share equal to it is enough); lostTo lists the largest loss first", () => {
    const first = defineSegment({ id: "first", name: "First", rule: { op: "eq", field: "spend", value: 1 }, priority: 5 });
    const second = defineSegment({ id: "second", name: "Second", rule: { op: "eq", field: "spend", value: 2 }, priority: 4 });
    const everyone = defineSegment({ id: "everyone", name: "Everyone", rule: { op: "gte", field: "spend", value: 0 } });
    const profiles = [{ spend: 1 }, { spend: 2 }, { spend: 2 }, { spend: 3 }, { spend: 4 }];
    const report = analyzeSegments([first, second, everyone], profiles, { asOf, minShare: 0.2 });
    expect(report.segments[0]).toMatchObject({ id: "first", size: 1, share: 0.2, tooSmall: false });
    expect(report.tooSmall).toEqual([]);
    expect(analyzeSegments([first, second, everyone], profiles, { asOf, minShare: 0.2000001 }).tooSmall).toEqual(["first"]);
    // "everyone" loses 1 to "first" (declared first) and 2 to "second": the larger loss comes first.
    expect(report.segments[2]).toMatchObject({ id: "everyone", size: 5, wins: 2, lostTo: [{ segment: "second", count: 2 }, { segment: "first", count: 1 }] });
  });

  it("reports RFM-style uncovered cells over synthetic profiles without ids (125 score cells)", () => {
    const cells = [];
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) cells.push({ r, f, m });
    const champions = defineSegment({ id: "champions", name: "Champions", rule: { op: "and", rules: [{ op: "gte", field: "r", value: 4 }, { op: "gte", field: "f", value: 4 }, { op: "gte", field: "m", value: 4 }] }, priority: 2 });
    const loyal = defineSegment({ id: "loyal", name: "Loyal", rule: { op: "gte", field: "f", value: 4 }, priority: 1 });
    const lost = defineSegment({ id: "lost", name: "Lost", rule: { op: "lte", field: "r", value: 1 } });
    const report = analyzeSegments([champions, loyal, lost], cells, { asOf });
    expect(report.total).toBe(125);
    expect(report.segments.map((segment) => segment.size)).toEqual([8, 50, 25]);
    // uncovered: r >= 2 and f <= 3: 4 * 3 * 5 = 60 cells
    expect(report.unassigned).toEqual({ count: 60, share: 0.48 });
    expect(report.shadowed).toEqual([]);
  });

  it("empty population: shares and Jaccard are not defined", () => {
    const a = defineSegment({ id: "a", name: "A", rule: { op: "always" } });
    const b = defineSegment({ id: "b", name: "B", rule: { op: "never" } });
    const report = analyzeSegments([a, b], [], { asOf });
    expect(report.segments[0]).toMatchObject({ size: 0, share: null, empty: true });
    expect(report.overlaps).toEqual([{ a: "a", b: "b", intersection: 0, union: 0, jaccard: null }]);
    expect(report.unassigned).toEqual({ count: 0, share: null });
    expect(report.multiMember).toEqual({ count: 0, share: null });
  });

  it("no segments: every profile is unassigned", () => {
    const report = analyzeSegments([], [{ a: 1 }, { a: 2 }, { a: 3 }], { asOf });
    expect(report).toMatchObject({ total: 3, segments: [], overlaps: [], unassigned: { count: 3, share: 1 }, multiMember: { count: 0, share: 0 } });
  });

  it("checks its options", () => {
    const a = defineSegment({ id: "a", name: "A", rule: { op: "always" } });
    expect(() => analyzeSegments([a], [], { asOf, minSize: -1 })).toThrow("analyzeSegments requires minSize to be a non-negative number");
    expect(() => analyzeSegments([a], [], { asOf, minShare: 2 })).toThrow("analyzeSegments requires minShare to be between zero and one");
    expect(() => analyzeSegments([a], [], { asOf: new Date("x") })).toThrow("analyzeSegments requires asOf to be a valid Date");
  });
});
