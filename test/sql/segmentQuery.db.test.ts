import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { safeParseRule } from "../../src/rules/index.js";
import type { Rule } from "../../src/rules/index.js";
import { assignSegments, defineSegment } from "../../src/segments/index.js";
import type { Segment } from "../../src/segments/index.js";
import { segmentQuery } from "../../src/sql/index.js";
import { clocks, eventRuleArbitrary, eventsArbitrary, leafArbitrary, profilesArbitrary, ruleArbitrary } from "./_arbitraries.js";
import { connectDuckDB, connectPostgres, testColumns, testEvents } from "./_databases.js";
import type { Database, TestEvent, TestProfile } from "./_databases.js";

let databases: Database[] = [];

beforeAll(async () => {
  databases = [await connectPostgres(inject("pgUrl")), await connectDuckDB()];
});
afterAll(async () => {
  for (const database of databases) await database.close();
});

const segmentIds = ["vip", "at'risk", "new \"one\"", "x; DROP TABLE profiles; --"];

/** Up to four segments; later ones may refer to earlier ones with inSegment. */
const segmentsArbitrary: fc.Arbitrary<Segment[]> = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.boolean()), { minLength: 1, maxLength: 4 })
  .chain((shapes) =>
    fc.tuple(
      ...shapes.map(([priority], index) => {
        const references = segmentIds.slice(0, index).map((segment) => ({ op: "inSegment" as const, segment }));
        const leaf = fc.oneof(
          { weight: 4, arbitrary: leafArbitrary() },
          { weight: 2, arbitrary: eventRuleArbitrary() },
          ...(references.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...references) as fc.Arbitrary<Rule> }] : []),
        );
        // defineSegment validates with parseRule, which refuses some rules evaluate accepts (lt on a boolean).
        return ruleArbitrary(leaf).filter((rule) => safeParseRule(rule).success).map((rule) => defineSegment({ id: segmentIds[index]!, name: `segment ${index}`, rule, priority }));
      }),
    ),
  );

function eventsByCustomer(events: ReadonlyArray<TestEvent>): Map<string, TestEvent[]> {
  const map = new Map<string, TestEvent[]>();
  for (const event of events) {
    const list = map.get(event.customerId) ?? [];
    list.push(event);
    map.set(event.customerId, list);
  }
  return map;
}

describe("segmentQuery assigns exactly like assignSegments", () => {
  it("on PostgreSQL and DuckDB, with event conditions and segment references, in both modes (300 runs each)", async () => {
    expect(databases.map((database) => database.name)).toEqual(["postgres", "duckdb"]);
    const scenario = fc.constantFrom(...clocks).chain((asOf) =>
      profilesArbitrary(asOf, 16).chain((profiles) =>
        fc.record({
          asOf: fc.constant(asOf),
          profiles: fc.constant(profiles),
          events: eventsArbitrary(asOf, profiles.length),
          segments: segmentsArbitrary,
          mode: fc.constantFrom("all" as const, "first-match" as const),
        }),
      ),
    );
    let informative = 0; // runs where some profile is in some segment and some profile in none
    await fc.assert(
      fc.asyncProperty(scenario, async ({ asOf, profiles, events, segments, mode }) => {
        const byCustomer = eventsByCustomer(events);
        const memory = assignSegments<TestProfile>(profiles, segments, { asOf, mode, eventsOf: (profile) => byCustomer.get(profile.id) ?? [] });
        const want = memory.memberships
          .map((membership) => ({ id: membership.id, segments: [...membership.segments], segment: membership.segment }))
          .sort((a, b) => (a.id < b.id ? -1 : 1));
        if (want.some((entry) => entry.segment !== null) && want.some((entry) => entry.segment === null)) informative++;
        for (const database of databases) {
          await database.load(profiles, events);
          const query = segmentQuery(segments, { dialect: database.name, table: "profiles", idColumn: "id", mode, asOf, columns: testColumns, events: testEvents });
          const rows = await database.query(query.sql, query.params, query.paramTypes);
          // membership flags are TRUE or FALSE, never NULL (a NULL would read as "not a member" below)
          for (const row of rows) {
            const flags = query.segmentColumns.map(({ column }) => row[column]);
            if (flags.some((flag) => typeof flag !== "boolean")) throw new Error(`${database.name} returned flags ${JSON.stringify(flags)} for ${String(row["id"])}`);
          }
          const got = rows
            .map((row) => ({
              id: String(row["id"]),
              segments: query.segmentColumns.filter(({ column }) => row[column] === true).map(({ id }) => id),
              segment: row["segment"] === null ? null : String(row["segment"]),
            }))
            .sort((a, b) => (a.id < b.id ? -1 : 1));
          if (JSON.stringify(got) !== JSON.stringify(want)) {
            throw new Error(`${database.name} assigned ${JSON.stringify(got)}, assignSegments assigned ${JSON.stringify(want)}`);
          }
        }
      }),
      { numRuns: 300 },
    );
    expect(informative).toBeGreaterThan(20);
  });
});
