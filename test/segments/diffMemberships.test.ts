import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assignSegments, assignSegmentsStream, defineSegment, diffMemberships } from "../../src/segments/index.js";
import type { SegmentMembership } from "../../src/segments/index.js";

const membershipsArbitrary = fc
  .uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 25 })
  .chain((ids) =>
    fc.tuple(...ids.map((id) => fc.subarray(["a", "b", "c", "d"]).map((segments) => ({ id: `p${id}`, segments })))).map((rows) =>
      rows.map((row, index): SegmentMembership => ({ id: row.id, index, segments: row.segments, segment: row.segments[0] ?? null })),
    ),
  );

function membersOf(list: ReadonlyArray<SegmentMembership>, segment: string): Set<string> {
  return new Set(list.filter((membership) => membership.segments.includes(segment)).map((membership) => membership.id));
}

describe("diffMemberships", () => {
  it("before - left + entered = after, for every segment", () => {
    fc.assert(
      fc.property(membershipsArbitrary, membershipsArbitrary, (before, after) => {
        const diff = diffMemberships(before, after);
        for (const segment of ["a", "b", "c", "d"]) {
          const change = diff.segments.find((entry) => entry.segment === segment);
          const was = membersOf(before, segment);
          const now = membersOf(after, segment);
          if (change === undefined) {
            expect(was.size + now.size).toBe(0);
            continue;
          }
          const rebuilt = new Set([...was].filter((id) => !change.left.includes(id)));
          for (const id of change.entered) rebuilt.add(id);
          expect(rebuilt).toEqual(now);
          expect(change.stayed).toBe([...was].filter((id) => now.has(id)).length);
          expect([change.sizeBefore, change.sizeAfter]).toEqual([was.size, now.size]);
          expect(change.entered.every((id) => !was.has(id))).toBe(true);
        }
        const beforeIds = new Set(before.map((membership) => membership.id));
        const afterIds = new Set(after.map((membership) => membership.id));
        expect(diff.addedProfiles).toEqual(after.map((membership) => membership.id).filter((id) => !beforeIds.has(id)));
        expect(diff.removedProfiles).toEqual(before.map((membership) => membership.id).filter((id) => !afterIds.has(id)));
        const key = (segments: ReadonlyArray<string>) => [...segments].sort().join(",");
        const changed =
          before.filter((membership) => {
            const next = after.find((other) => other.id === membership.id);
            return next === undefined || key(next.segments) !== key(membership.segments);
          }).length + diff.addedProfiles.length;
        expect(diff.changedProfiles).toBe(changed);
      }),
      { numRuns: 200 },
    );
  });

  it("diffs two runs of assignSegments at different asOf dates", () => {
    const recent = defineSegment({ id: "recent", name: "Recent buyers", rule: { op: "withinLast", field: "lastPurchaseAt", amount: 30, unit: "days" } });
    const profiles = [
      { id: "a", lastPurchaseAt: new Date("2024-05-20T00:00:00Z") },
      { id: "b", lastPurchaseAt: new Date("2024-06-25T00:00:00Z") },
      { id: "c", lastPurchaseAt: new Date("2024-01-01T00:00:00Z") },
    ];
    const june = assignSegments(profiles, [recent], { asOf: new Date("2024-06-01T00:00:00Z"), mode: "all" });
    const july = assignSegments(profiles, [recent], { asOf: new Date("2024-07-01T00:00:00Z"), mode: "all" });
    const diff = diffMemberships(june, july);
    expect(diff.segments).toEqual([{ segment: "recent", entered: ["b"], left: ["a"], stayed: 0, sizeBefore: 1, sizeAfter: 1 }]);
    expect(diff.changedProfiles).toBe(2);
  });

  it("gives every declared segment its entry when given results, also one empty in both runs, in declaration order", () => {
    const big = defineSegment({ id: "big", name: "Big", rule: { op: "gte", field: "spend", value: 100 } });
    const none = defineSegment({ id: "none", name: "Nobody", rule: { op: "never" } });
    const small = defineSegment({ id: "small", name: "Small", rule: { op: "lt", field: "spend", value: 100 } });
    const asOf = new Date("2024-06-01T00:00:00Z");
    const before = assignSegments([{ id: "a", spend: 5 }], [big, none, small], { asOf, mode: "all" });
    const after = assignSegments([{ id: "a", spend: 500 }], [big, none, small], { asOf, mode: "all" });
    expect(diffMemberships(before, after).segments).toEqual([
      { segment: "big", entered: ["a"], left: [], stayed: 0, sizeBefore: 0, sizeAfter: 1 },
      { segment: "none", entered: [], left: [], stayed: 0, sizeBefore: 0, sizeAfter: 0 },
      { segment: "small", entered: [], left: ["a"], stayed: 0, sizeBefore: 1, sizeAfter: 0 },
    ]);
    // A segment declared only in the later run (a new one, empty so far) gets its entry too, after the earlier ones.
    const later = assignSegments([{ id: "a", spend: 500 }], [big, small, none], { asOf, mode: "all" });
    const earlier = assignSegments([{ id: "a", spend: 500 }], [big], { asOf, mode: "all" });
    expect(diffMemberships(earlier, later).segments.map((change) => [change.segment, change.sizeBefore, change.sizeAfter])).toEqual([
      ["big", 1, 1],
      ["small", 0, 0],
      ["none", 0, 0],
    ]);
    // Bare memberships name only the segments someone is in.
    expect(diffMemberships(before.memberships, after.memberships).segments.map((change) => change.segment)).toEqual(["small", "big"]);
    expect(() => diffMemberships({ ...before, sizes: [{ size: 1 }] } as never, after)).toThrow(
      "diffMemberships requires the sizes of before, when given, to be an array of { id } objects",
    );
  });

  it("rejects inputs that are not memberships", () => {
    expect(() => diffMemberships(null as never, [])).toThrow("diffMemberships requires before to be an assignSegments result or its memberships");
    expect(() => diffMemberships([], {} as never)).toThrow("diffMemberships requires after to be an assignSegments result or its memberships");
  });

  it("rejects a membership without a string id or a segments array, naming it (a raw TypeError before, review)", () => {
    expect(() => diffMemberships([{ id: "a" }] as never, [])).toThrow(new TypeError("diffMemberships requires every membership to have a string id and an array of segments (before[0])"));
    expect(() => diffMemberships([], [{ id: "a", segments: [] }, null] as never)).toThrow("(after[1])");
    expect(() => diffMemberships([], [{ id: 7, segments: [] }] as never)).toThrow("(after[0])");
  });

  it("hashes each profile's segments: 4,000 segments per profile, reversed, diff exactly", () => {
    const segments = Array.from({ length: 4_000 }, (_, index) => `s${index}`);
    const before = Array.from({ length: 10 }, (_, index) => ({ id: `p${index}`, index, segments, segment: null }));
    const after = before.map((membership, index) => ({ ...membership, segments: index === 0 ? segments.slice(1).reverse() : [...segments].reverse() }));
    const diff = diffMemberships(before, after);
    expect(diff.changedProfiles).toBe(1);
    expect(diff.segments).toHaveLength(4_000);
    expect(diff.segments[0]).toEqual({ segment: "s0", entered: [], left: ["p0"], stayed: 9, sizeBefore: 10, sizeAfter: 9 });
    expect(diff.segments[1]).toEqual({ segment: "s1", entered: [], left: [], stayed: 10, sizeBefore: 10, sizeAfter: 10 });
  });

  it("rejects duplicate profile ids", () => {
    const row = { id: "x", index: 0, segments: [], segment: null };
    expect(() => diffMemberships([row, row], [])).toThrow('diffMemberships requires unique profile ids ("x" appears twice in before)');
    expect(() => diffMemberships([], [row, row])).toThrow('diffMemberships requires unique profile ids ("x" appears twice in after)');
  });

  it("rejects a profile that lists a segment twice (stayed counted 2 in a segment of size 1, review)", () => {
    const twice = { id: "x", index: 0, segments: ["vip", "vip"], segment: "vip" };
    const once = { id: "x", index: 0, segments: ["vip"], segment: "vip" };
    expect(() => diffMemberships([once], [twice])).toThrow(`diffMemberships requires each profile's segments to be listed once ("x" in after)`);
    expect(() => diffMemberships([twice], [once])).toThrow(`diffMemberships requires each profile's segments to be listed once ("x" in before)`);
  });
});

describe("diffMemberships refuses runs it cannot compare (segments review)", () => {
  const vip = defineSegment({ id: "vip", name: "VIP", rule: { op: "gte", field: "spend", value: 100 }, priority: 2 });
  const buyer = defineSegment({ id: "buyer", name: "Buyer", rule: { op: "gte", field: "spend", value: 1 }, priority: 1 });
  const profiles = [{ id: "p1", spend: 500 }];
  const asOf = new Date("2024-06-30T00:00:00Z");

  it("two results of different modes: p1 would seem to leave buyer", () => {
    const all = assignSegments(profiles, [vip, buyer], { asOf, mode: "all" });
    const firstMatch = assignSegments(profiles, [vip, buyer], { asOf, mode: "first-match" });
    expect(() => diffMemberships(all, firstMatch)).toThrow(new RangeError('diffMemberships requires before and after from the same mode, not "all" and "first-match"'));
    // The memberships alone carry no mode: compared as given.
    expect(diffMemberships(all.memberships, firstMatch.memberships).changedProfiles).toBe(1);
  });

  it("a collected stream output with a rejected row says so", async () => {
    const rows: unknown[] = [];
    for await (const row of assignSegmentsStream([{ id: "p1", spend: 5 }, { spend: 9 }], [vip, buyer], { asOf, mode: "all" })) rows.push(row);
    expect(() => diffMemberships([], rows as never)).toThrow(
      new TypeError('diffMemberships requires every membership to have a string id and an array of segments: after[1] is a rejected row of assignSegmentsStream; keep the rows of kind "assigned"'),
    );
  });
});
