import { describe, expect, it } from "vitest";
import * as z from "zod";
import { dataQualityReport, dataQualityReportAsync, parseEvents, parseProfiles, parseRowsStream, parseTransactions } from "../../src/schema/index.js";
import { assignSegmentsStream, defineSegment } from "../../src/segments/index.js";

// A uniqueness check against a database is the usual async refinement. zod cannot run it in a
// synchronous parse and throws on every row that reaches it; before, each such row became a
// row_error reject, so a nightly job sent every valid row to its dead-letter file and looked fine.
const AsyncSchema = z.object({ id: z.string().refine(async (id) => id !== "taken") });
const rows = [{ id: 7 }, { id: "a" }, { id: "b" }];
const message = (name: string) => `${name} requires a schema without async refinements or transforms: zod cannot run them while parsing synchronously`;

async function drain(iterable: AsyncIterable<unknown>): Promise<void> {
  for await (const _ of iterable);
}

describe("a schema with async refinements is refused, not a reason to reject every row (review)", () => {
  it("in the batch parsers and the data-quality report", () => {
    expect(() => parseProfiles(rows, AsyncSchema)).toThrow(new TypeError(message("parseProfiles")));
    expect(() => parseTransactions(rows, AsyncSchema)).toThrow(new TypeError(message("parseTransactions")));
    expect(() => parseEvents(rows, AsyncSchema)).toThrow(new TypeError(message("parseEvents")));
    expect(() => dataQualityReport(rows, { schema: AsyncSchema })).toThrow(new TypeError(message("dataQualityReport")));
    // An async check on an optional field is met while the report looks at the schema (final review: zod's raw error leaked).
    const OptionalAsync = z.object({ id: z.string(), email: z.string().optional().refine(async () => true) });
    expect(() => dataQualityReport([{ id: "a" }], { schema: OptionalAsync })).toThrow(new TypeError(message("dataQualityReport")));
    // A row that fails before the async check is an ordinary reject: zod never reaches the check.
    expect(parseProfiles([{ id: 7 }], AsyncSchema).counts).toEqual({ input: 1, valid: 0, rejected: 1 });
  });

  it("in the streams, after the rows before it", async () => {
    const rejected: unknown[] = [];
    await expect(drain(parseRowsStream(rows, AsyncSchema, { onRejected: (rejection) => void rejected.push(rejection) }))).rejects.toThrow(new TypeError(message("parseRowsStream")));
    expect(rejected).toHaveLength(1);
    await expect(dataQualityReportAsync(rows, { schema: AsyncSchema })).rejects.toThrow(new TypeError(message("dataQualityReportAsync")));
    const everyone = defineSegment({ id: "all", name: "All", rule: { op: "always" } });
    await expect(drain(assignSegmentsStream(rows, [everyone], { asOf: new Date(0), mode: "all", schema: AsyncSchema }))).rejects.toThrow(
      new TypeError(message("assignSegmentsStream")),
    );
  });
});
