import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { CustomerProfile, parseProfiles } from "../../src/schema/index.js";
import { assignSegments, assignSegmentsStream, defineSegment } from "../../src/segments/index.js";
import type { AssignSegmentsStreamSummary, AssignedRow, RejectedRow, StreamProgress } from "../../src/segments/index.js";
import { profilesArbitrary, segmentDefinitionsArbitrary } from "./_arbitraries.js";

const asOf = new Date("2024-06-30T00:00:00Z");

async function collect<P>(stream: AsyncGenerator<AssignedRow<P> | RejectedRow, AssignSegmentsStreamSummary>) {
  const rows: Array<AssignedRow<P> | RejectedRow> = [];
  for (;;) {
    const next = await stream.next();
    if (next.done === true) return { rows, summary: next.value };
    rows.push(next.value);
  }
}

describe("assignSegmentsStream", () => {
  it("yields exactly what assignSegments returns, in both modes", async () => {
    await fc.assert(
      fc.asyncProperty(segmentDefinitionsArbitrary, profilesArbitrary(), fc.constantFrom("all" as const, "first-match" as const), async (definitions, profiles, mode) => {
        const segments = definitions.map((definition) => defineSegment(definition));
        const expected = assignSegments(profiles, segments, { asOf, mode });
        const { rows, summary } = await collect(assignSegmentsStream(profiles, segments, { asOf, mode }));
        expect(rows.map((row) => (row.kind === "assigned" ? { id: row.id, index: row.index, segments: row.segments, segment: row.segment } : row))).toEqual(expected.memberships);
        expect(summary.sizes.map((size) => size.size)).toEqual(expected.sizes.map((size) => size.size));
        expect(summary).toMatchObject({ rowsDone: profiles.length, assigned: profiles.length, rejected: 0, unassigned: expected.unassigned.count });
      }),
      { numRuns: 80 },
    );
  });

  it("rejects a row on which a callback throws, with its index and the thrown error, and goes on", async () => {
    const buyer = defineSegment({ id: "buyer", name: "Buyer", rule: { op: "event", type: "purchase" } });
    const failure = new Error("bad row");
    const eventsOf = (profile: { id: string; bad?: boolean }) => {
      if (profile.bad === true) throw failure;
      return [{ type: "purchase", timestamp: new Date("2024-06-01T00:00:00Z") }];
    };
    const idOf = (profile: { id: string }) => {
      if (profile.id === "x") throw "not an Error";
      return profile.id;
    };
    const progress: StreamProgress[] = [];
    const input = [{ id: "1" }, { id: "2", bad: true }, { id: "x" }, { id: "3" }];
    const { rows, summary } = await collect(assignSegmentsStream(input, [buyer], { asOf, mode: "all", eventsOf, idOf, onProgress: (done) => progress.push(done) }));
    expect(rows.map((row) => row.kind)).toEqual(["assigned", "rejected", "rejected", "assigned"]);
    expect(rows[1]).toEqual({ kind: "rejected", index: 1, issues: [{ code: "row_error", path: [], message: "a callback threw on this row: bad row" }], error: failure });
    expect(rows[2]).toMatchObject({ index: 2, issues: [{ code: "row_error", message: "a callback threw on this row: not an Error" }], error: "not an Error" });
    expect(summary).toEqual({ rowsDone: 4, assigned: 2, rejected: 2, sizes: [{ id: "buyer", size: 2 }], unassigned: 0 });
    expect(progress).toEqual([{ rowsDone: 4, rejected: 2 }]);
  });

  it("keeps what a zod schema threw in error, as for a callback (ETL review: only the message survived)", async () => {
    const all = defineSegment({ id: "all", name: "All", rule: { op: "always" } });
    const boom = new Error("boom");
    const schema = z.object({ id: z.string() }).transform((row) => {
      if (row.id === "b") throw boom;
      return row;
    });
    const { rows } = await collect(assignSegmentsStream([{ id: "a" }, { id: "b" }, { id: 3 }], [all], { asOf, mode: "all", schema }));
    expect(rows[0]).toMatchObject({ kind: "assigned", id: "a" });
    expect(rows[1]).toEqual({ kind: "rejected", index: 1, issues: [{ code: "row_error", path: [], message: "reading or validating the row threw: boom" }], error: boom });
    // an ordinary invalid row has issues and no error
    expect(rows[2]).toMatchObject({ kind: "rejected", index: 2, issues: [{ code: "invalid_type", path: ["id"] }] });
    expect(rows[2]).not.toHaveProperty("error");
    // parseProfiles' rejections keep it too
    const parsed = parseProfiles([{ id: "b" }], z.object({ id: z.string() }).refine(() => { throw boom; }));
    expect(parsed.rejected).toEqual([{ index: 0, path: [], code: "row_error", message: "reading or validating the row threw: boom", issues: [{ code: "row_error", path: [], message: "reading or validating the row threw: boom" }], error: boom }]);
  });

  it("rejects the row when the thrown value cannot be turned into text, and goes on", async () => {
    const unprintable: unknown[] = [
      Object.create(null),
      { toString: () => { throw new Error("no text"); } },
      Object.defineProperty(new Error("x"), "message", { get: () => { throw new Error("no message"); } }),
    ];
    const idOf = (profile: { id: string; throws?: number }) => {
      if (profile.throws !== undefined) throw unprintable[profile.throws];
      return profile.id;
    };
    const input = [{ id: "1" }, { id: "2", throws: 0 }, { id: "3", throws: 1 }, { id: "4", throws: 2 }, { id: "5" }];
    const { rows, summary } = await collect(assignSegmentsStream(input, [], { asOf, mode: "all", idOf }));
    expect(rows.map((row) => row.kind)).toEqual(["assigned", "rejected", "rejected", "rejected", "assigned"]);
    for (const [position, row] of rows.slice(1, 4).entries()) {
      expect(row).toMatchObject({ index: position + 1, issues: [{ code: "row_error", message: "a callback threw on this row: (the thrown value cannot be turned into text)" }] });
      expect((row as RejectedRow).error).toBe(unprintable[position]);
    }
    expect(summary).toMatchObject({ rowsDone: 5, assigned: 2, rejected: 3 });
  });

  it("takes the rows of a sync iterable as they are, never awaiting them, as assignSegments does", async () => {
    const big = defineSegment({ id: "big", name: "Big", rule: { op: "gte", field: "spend", value: 100 } });
    let thenCalls = 0;
    const thenable = { id: "b", spend: 1, then: (resolve: (value: unknown) => void) => { thenCalls++; resolve({ id: "forged", spend: 1e9 }); } };
    const pending = { id: "c", spend: 500, then: () => undefined };
    const input = [{ id: "a", spend: 200 }, thenable, pending, { id: "d", spend: 300 }];
    const expected = assignSegments(input, [big], { asOf, mode: "all" });
    const { rows } = await collect(assignSegmentsStream(input, [big], { asOf, mode: "all" }));
    expect(rows.map((row) => (row.kind === "assigned" ? { id: row.id, index: row.index, segments: row.segments, segment: row.segment } : row))).toEqual(expected.memberships);
    expect(rows.map((row) => (row as AssignedRow<unknown>).profile)).toEqual(input);
    expect(thenCalls).toBe(0);
  });

  it("rejects invalid rows with their index and zod's issues, never drops them, and parses valid rows with the schema", async () => {
    const recent = defineSegment({ id: "recent", name: "Recent", rule: { op: "withinLast", field: "behavior.lastPurchaseAt", amount: 30, unit: "days" } });
    const input = [
      { id: "a", behavior: { lastPurchaseAt: "2024-06-20T00:00:00Z" } },
      { id: "", behavior: {} },
      { id: "c", behavior: { lastPurchaseAt: "yesterday" } },
      { id: "d" },
    ];
    const { rows, summary } = await collect(assignSegmentsStream(input, [recent], { asOf, mode: "all", schema: CustomerProfile }));
    expect(rows.map((row) => `${row.kind}:${row.index}`)).toEqual(["assigned:0", "rejected:1", "rejected:2", "assigned:3"]);
    const first = rows[0] as AssignedRow<CustomerProfile>;
    expect(first.segments).toEqual(["recent"]);
    expect(first.profile.behavior?.lastPurchaseAt).toBeInstanceOf(Date); // parsed by the schema
    const bad = rows[2] as RejectedRow;
    expect(bad.issues[0]?.path).toEqual(["behavior", "lastPurchaseAt"]);
    expect(summary).toEqual({ rowsDone: 4, assigned: 2, rejected: 2, sizes: [{ id: "recent", size: 1 }], unassigned: 1 });
  });

  it("rejects rows without an id when there is no schema", async () => {
    const any = defineSegment({ id: "any", name: "Any", rule: { op: "always" } });
    const { rows } = await collect(assignSegmentsStream([null, 42, { id: "ok" }, { id: {} }], [any], { asOf, mode: "first-match" }));
    expect(rows.map((row) => row.kind)).toEqual(["rejected", "rejected", "assigned", "rejected"]);
    expect((rows[0] as RejectedRow).issues).toEqual([{ code: "missing_id", path: ["id"], message: "the row has no string id" }]);
  });

  it("works with any zod schema, including transforms", async () => {
    const schema = z.object({ key: z.string(), spend: z.coerce.number() }).transform((row) => ({ id: row.key, spend: row.spend }));
    const big = defineSegment({ id: "big", name: "Big", rule: { op: "gt", field: "spend", value: 100 } });
    const { rows } = await collect(assignSegmentsStream([{ key: "a", spend: "150" }, { spend: "1" }], [big], { asOf, mode: "all", schema }));
    expect(rows.map((row) => (row.kind === "assigned" ? row.segments : row.issues[0]?.path))).toEqual([["big"], ["key"]]);
  });

  it("takes any object with safeParse; a failure without issues still gives the reject one (invalid_row)", async () => {
    const big = defineSegment({ id: "big", name: "Big", rule: { op: "gt", field: "spend", value: 100 } });
    const schema = {
      safeParse: (row: unknown) =>
        (row as { spend?: unknown }).spend === "bad"
          ? { success: false as const, error: { issues: [] } }
          : (row as { spend?: unknown }).spend === "worse"
            ? { success: false as const, error: { issues: [{ code: "custom", path: ["spend"], message: "not a spend" }] } }
            : { success: true as const, data: row as { id: string; spend: number } },
    };
    const { rows } = await collect(assignSegmentsStream([{ id: "a", spend: 150 }, { id: "b", spend: "bad" }, { id: "c", spend: "worse" }], [big], { asOf, mode: "all", schema }));
    expect(rows.map((row) => (row.kind === "assigned" ? [row.index, row.segments] : [row.index, row.issues]))).toEqual([
      [0, ["big"]],
      [1, [{ code: "invalid_row", path: [], message: "Invalid row" }]],
      [2, [{ code: "custom", path: ["spend"], message: "not a spend" }]],
    ]);
  });

  it("is lazy: it pulls one row at a time from an endless source, so memory does not grow with the input", async () => {
    let produced = 0;
    async function* endless() {
      for (;;) {
        produced++;
        yield { id: `p${produced}`, spend: produced };
      }
    }
    const odd = defineSegment({ id: "big", name: "Big", rule: { op: "gt", field: "spend", value: 2 } });
    const stream = assignSegmentsStream(endless(), [odd], { asOf, mode: "all" });
    const seen: string[] = [];
    for await (const row of stream) {
      if (row.kind === "assigned") seen.push(row.segments.join(","));
      if (seen.length === 4) break;
    }
    expect(seen).toEqual(["", "", "big", "big"]);
    expect(produced).toBe(4);
  });

  it("reports progress every N rows and once at the end", async () => {
    const any = defineSegment({ id: "any", name: "Any", rule: { op: "always" } });
    const progress: StreamProgress[] = [];
    const input = Array.from({ length: 25 }, (_, index) => (index === 3 ? {} : { id: `p${index}` }));
    await collect(assignSegmentsStream(input, [any], { asOf, mode: "all", progressEvery: 10, onProgress: (value) => progress.push(value) }));
    expect(progress).toEqual([
      { rowsDone: 10, rejected: 1 },
      { rowsDone: 20, rejected: 1 },
      { rowsDone: 25, rejected: 1 },
    ]);
    const empty: StreamProgress[] = [];
    await collect(assignSegmentsStream([], [any], { asOf, mode: "all", onProgress: (value) => empty.push(value) }));
    expect(empty).toEqual([{ rowsDone: 0, rejected: 0 }]);
    const exact: StreamProgress[] = [];
    await collect(assignSegmentsStream(input.slice(0, 20), [any], { asOf, mode: "all", progressEvery: 10, onProgress: (value) => exact.push(value) }));
    expect(exact).toEqual([{ rowsDone: 10, rejected: 1 }, { rowsDone: 20, rejected: 1 }]);
    await expect(collect(assignSegmentsStream(input, [any], { asOf, mode: "all", progressEvery: 0 }))).rejects.toThrow(
      "assignSegmentsStream requires progressEvery to be a positive integer",
    );
  });

  it("fails before reading any row when the segments are invalid", async () => {
    let read = 0;
    function* rows() {
      read++;
      yield { id: "a" };
    }
    const loop = defineSegment({ id: "loop", name: "Loop", rule: { op: "inSegment", segment: "loop" } });
    await expect(collect(assignSegmentsStream(rows(), [loop], { asOf, mode: "all" }))).rejects.toThrow("segments refer to each other in a cycle: loop -> loop");
    expect(read).toBe(0);
  });

  it("validates a zod schema as parseProfiles does: English messages and own properties only", async () => {
    const big = defineSegment({ id: "big", name: "Big", rule: { op: "gte", field: "behavior.totalSpend", value: 100 } });
    const input = [{ id: 5 }, Object.create({ id: "ghost" }) as unknown, { id: "c1", behavior: new Map() }, { id: "c2", behavior: { totalSpend: 120 } }];
    const { rows } = await collect(assignSegmentsStream(input, [big], { asOf, mode: "all", schema: CustomerProfile }));
    const parsed = parseProfiles(input);
    // The stream said only "Invalid input" (no error map), accepted the inherited id and parsed the Map as {}.
    expect(rows.filter((row): row is RejectedRow => row.kind === "rejected").map((row) => ({ index: row.index, issues: row.issues }))).toEqual(
      parsed.rejected.map((rejection) => ({ index: rejection.index, issues: rejection.issues })),
    );
    expect(rows[0]).toMatchObject({ kind: "rejected", issues: [{ message: "Invalid input: expected string, received number" }] });
    expect(rows.map((row) => row.kind)).toEqual(["rejected", "rejected", "rejected", "assigned"]);
  });
});

