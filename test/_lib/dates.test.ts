/**
 * Every module reads a `Date` from data and options through `Date.prototype.getTime` (src/_lib/instant.ts):
 * a value's own `getTime` never decides a result, an object that only inherits from `Date.prototype`
 * gets the documented error (a raw "this is not a Date object" escaped before), and a `Date` of
 * another realm is a `Date` everywhere (a review of Date handling across modules).
 */
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { rfmSummary } from "../../src/clv/index.js";
import { cohortRetention } from "../../src/metrics/index.js";
import { before } from "../../src/rules/index.js";
import { parseProfiles, summarizeCustomers } from "../../src/schema/index.js";
import { defineScoringPlan, prepareFeatures, scoreProfiles } from "../../src/scoring/index.js";
import { assignSegments, defineSegment } from "../../src/segments/index.js";
import { toSql } from "../../src/sql/index.js";

const at = (text: string): Date => new Date(text);
/** A real 2024-01-01 whose own getTime says 2030. */
const lying = (): Date => Object.assign(at("2024-01-01T00:00:00Z"), { getTime: () => Date.parse("2030-01-01T00:00:00Z") });
/** An invalid Date whose own getTime says 1970. */
const invalid = (): Date => Object.assign(new Date(Number.NaN), { getTime: () => 0 });
const hollow = (): Date => Object.create(Date.prototype) as Date;
const foreign = (text: string): Date => vm.runInNewContext(`new Date(${JSON.stringify(text)})`) as Date;

describe("dates from data and options, in every module", () => {
  it("segments and scoring: the clock is the Date's real instant; a hollow one is the documented error", () => {
    const segment = defineSegment({ id: "recent", name: "recent", rule: { op: "withinLast", field: "t", amount: 30, unit: "days" } });
    const profiles = [{ id: "a", t: at("2023-12-31T00:00:00Z") }];
    const result = assignSegments(profiles, [segment], { asOf: lying(), mode: "all" });
    expect(result.memberships[0]?.segment).toBe("recent");
    expect(result.asOf.toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(assignSegments(profiles, [segment], { asOf: foreign("2024-01-01T00:00:00Z"), mode: "all" }).memberships[0]?.segment).toBe("recent");
    for (const asOf of [hollow(), invalid()]) expect(() => assignSegments(profiles, [segment], { asOf, mode: "all" })).toThrow(new TypeError("assignSegments requires asOf to be a valid Date"));
    expect(() => scoreProfiles(defineScoringPlan({ id: "p", rules: [] }), profiles, { asOf: hollow() })).toThrow(new TypeError("scoreProfiles requires asOf to be a valid Date"));
  });

  it("schema: a Date is copied from its time value; an invalid or hollow one is an issue at its field", () => {
    for (const date of [invalid(), hollow()]) {
      const result = parseProfiles([{ id: "a", behavior: { lastPurchaseAt: date } }]);
      expect(result.valid).toHaveLength(0);
      expect(result.rejected[0]?.issues.map((issue) => issue.path)).toEqual([["behavior", "lastPurchaseAt"]]);
    }
    const date = at("2024-01-01T00:00:00Z");
    const parsed = parseProfiles([{ id: "a", behavior: { lastPurchaseAt: date } }]).valid[0]?.behavior?.lastPurchaseAt;
    expect(parsed).toEqual(date);
    expect(parsed).not.toBe(date);
    const asOf = at("2025-01-01T00:00:00Z");
    expect(summarizeCustomers([{ customerId: "a", timestamp: lying(), amount: 1 }], { asOf }).customers[0]?.firstPurchaseAt.toISOString()).toBe("2024-01-01T00:00:00.000Z");
    expect(() => summarizeCustomers([{ customerId: "a", timestamp: invalid(), amount: 1 }], { asOf })).toThrow(new RangeError("summarizeCustomers found an invalid Date in transaction 0"));
    expect(() => summarizeCustomers([], { asOf: hollow() })).toThrow(new TypeError("summarizeCustomers requires asOf to be a valid date"));
  });

  it("metrics and CLV: the clock and the timestamps are the real instants", () => {
    const events = [{ customerId: "a", timestamp: at("2023-11-15T00:00:00Z") }];
    expect(cohortRetention(events, { period: "month", asOf: lying() }).rows[0]?.retention).toHaveLength(3);
    expect(() => cohortRetention(events, { period: "month", asOf: hollow() })).toThrow(new RangeError("cohortRetention requires a valid asOf date"));
    expect(() => cohortRetention([{ customerId: "a", timestamp: invalid() }], { period: "month", asOf: at("2024-01-01T00:00:00Z") })).toThrow(new RangeError("cohortRetention requires valid timestamps"));
    expect(cohortRetention([{ customerId: "a", timestamp: at("+010000-03-03T00:00:00Z") }], { period: "month", asOf: at("+010000-06-01T00:00:00Z") }).rows[0]?.cohort).toBe("+010000-03-01");
    expect(() => cohortRetention([{ customerId: "a", timestamp: new Date(-8.64e15) }], { period: "week", asOf: new Date(-8.64e15 + 30 * 864e5) })).toThrow(
      new RangeError("cohortRetention requires every cohort to start within the Date range (events from -271821-05-01 on)"),
    );
    const rows = [{ customerId: "a", timestamp: at("2024-01-01T00:00:00Z"), amount: 10 }];
    const summary = rfmSummary(rows, { unit: "days", calibrationEnd: Object.assign(at("2024-01-11T00:00:00Z"), { getTime: () => Date.parse("2030-01-01T00:00:00Z") }) });
    expect(summary.customers[0]?.T).toBe(10);
    expect(summary.calibrationEnd.toISOString()).toBe("2024-01-11T00:00:00.000Z");
  });

  it("scoring features, SQL and builders read the real instant; a Date of another realm is a Date", () => {
    expect(prepareFeatures([{ t: lying() }, { t: foreign("2024-01-01T00:00:00Z") }], { features: ["t"] }).data).toEqual([[Date.UTC(2024, 0, 1)], [Date.UTC(2024, 0, 1)]]);
    const columns = { t: { column: "t", type: "timestamp" } } as const;
    expect(toSql({ op: "withinLast", field: "t", amount: 30, unit: "days" }, { dialect: "postgres", asOf: lying(), columns }).params).toEqual(["2023-12-02T00:00:00.000Z", "2024-01-01T00:00:00.000Z"]);
    expect(before("t", foreign("2024-01-01T00:00:00Z"))).toEqual({ op: "before", field: "t", date: "2024-01-01T00:00:00.000Z" });
    const overridden = new (class extends Date {
      override toISOString(): string {
        return "1999-01-01T00:00:00.000Z";
      }
    })("2024-01-01T00:00:00Z");
    expect(before("t", overridden)).toEqual({ op: "before", field: "t", date: "2024-01-01T00:00:00.000Z" });
    expect(() => before("t", invalid())).toThrow('before found 1 issue: date must be an ISO-8601 date (2024-03-01) or instant with an offset (2024-03-01T12:00:00Z), got "Invalid Date" at date');
  });
});
