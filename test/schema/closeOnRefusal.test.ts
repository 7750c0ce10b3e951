import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ruleBreakdownAsync } from "../../src/rules/index.js";
import { CustomerProfile, dataQualityReportAsync, parseRowsStream, summarizeCustomersAsync } from "../../src/schema/index.js";
import { assignSegmentsStream, defineSegment } from "../../src/segments/index.js";

// Segments review: a stream function that refused its arguments (a bad saved segment, a misspelt
// mode) left a Node stream or a database cursor open, and a nightly job could hang on it.
const source = () => Readable.from([{ id: "a" }, { id: "b" }]);
const cycle = [
  defineSegment({ id: "a", name: "A", rule: { op: "inSegment", segment: "b" } }),
  defineSegment({ id: "b", name: "B", rule: { op: "inSegment", segment: "a" } }),
];

async function drain(iterable: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of iterable);
}

describe("a refused call closes the source it was handed", () => {
  it("assignSegmentsStream: a segment cycle or a bad mode", async () => {
    const cyclic = source();
    await expect(drain(assignSegmentsStream(cyclic, cycle, { asOf: new Date(0), mode: "all" }))).rejects.toThrow("cycle");
    expect(cyclic.destroyed).toBe(true);
    const misspelt = source();
    await expect(drain(assignSegmentsStream(misspelt, [], { asOf: new Date(0), mode: "any" as never }))).rejects.toThrow(TypeError);
    expect(misspelt.destroyed).toBe(true);
  });

  it("parseRowsStream, dataQualityReportAsync, summarizeCustomersAsync and ruleBreakdownAsync: bad options", async () => {
    const parsed = source();
    expect(() => parseRowsStream(parsed, CustomerProfile, { onRejected: "log" as never })).toThrow(TypeError);
    await new Promise((resolve) => setImmediate(resolve));
    expect(parsed.destroyed).toBe(true);
    const reported = source();
    await expect(dataQualityReportAsync(reported, { idField: "email" })).rejects.toThrow(RangeError);
    expect(reported.destroyed).toBe(true);
    const summarized = source();
    await expect(summarizeCustomersAsync(summarized, { asOf: new Date("x") })).rejects.toThrow("asOf");
    expect(summarized.destroyed).toBe(true);
    const brokenDown = source();
    await expect(ruleBreakdownAsync({ op: "always" }, brokenDown, { asOf: "yesterday" as never })).rejects.toThrow("asOf");
    expect(brokenDown.destroyed).toBe(true);
  });

  it("a stream closed before its first row closes its source, also through a pipeline (final review)", async () => {
    const parsed = source();
    await parseRowsStream(parsed, CustomerProfile).return({ input: 0, valid: 0, rejected: 0 });
    expect(parsed.destroyed).toBe(true);
    const assigned = source();
    await assignSegmentsStream(assigned, [], { asOf: new Date(0), mode: "all" }).return({ rowsDone: 0, assigned: 0, rejected: 0, sizes: [], unassigned: 0 });
    expect(assigned.destroyed).toBe(true);
    // summarizeCustomersAsync refuses its options and closes the parseRowsStream it was handed, which closes the file stream.
    const piped = source();
    await expect(summarizeCustomersAsync(parseRowsStream(piped, CustomerProfile) as never, { asOf: new Date("x") })).rejects.toThrow("asOf");
    expect(piped.destroyed).toBe(true);
  });

  it("a good call reads the source to its end, as before", async () => {
    const good = source();
    let rows = 0;
    for await (const _ of parseRowsStream(good, CustomerProfile)) rows++;
    expect(rows).toBe(2);
  });
});

describe("a Promise in a sync iterable is refused, not counted as a row without fields (final review)", () => {
  it("ruleBreakdownAsync, dataQualityReportAsync and summarizeCustomersAsync", async () => {
    const promised = [Promise.resolve({ id: "a", spend: 10 })];
    const message = (name: string) => `${name} takes the rows of a sync iterable as they are, and row 0 is a Promise: pass an async iterable to have them awaited`;
    await expect(ruleBreakdownAsync({ op: "gte", field: "spend", value: 5 }, promised, { asOf: new Date(0) })).rejects.toThrow(new TypeError(message("ruleBreakdownAsync")));
    await expect(dataQualityReportAsync(promised)).rejects.toThrow(new TypeError(message("dataQualityReportAsync")));
    await expect(summarizeCustomersAsync(promised as never, { asOf: new Date(0) })).rejects.toThrow(new TypeError(message("summarizeCustomersAsync")));
  });
});
