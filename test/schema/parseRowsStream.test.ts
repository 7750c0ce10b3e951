import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { CustomerProfile, Transaction, parseProfiles, parseRowsStream, parseTransactions, type RowRejection } from "../../src/schema/index.js";
import { SegmentationError } from "../../src/_lib/errors.js";

/** Every row a stream yields, the rejections it handed on, and its return value. */
async function drain<Row, Counts>(stream: AsyncGenerator<Row, Counts, undefined>, rejected?: RowRejection[]) {
  const rows: Row[] = [];
  for (;;) {
    const next = await stream.next();
    if (next.done === true) return { rows, rejected, counts: next.value };
    rows.push(next.value);
  }
}

async function* asyncRows(rows: ReadonlyArray<unknown>) {
  for (const row of rows) yield row;
}

/** A source that records whether it was closed (its `return` called). */
function trackedSource(rows: ReadonlyArray<unknown>) {
  const state = { read: 0, closed: false };
  const source: AsyncIterable<unknown> = {
    [Symbol.asyncIterator]: () => ({
      next: async () => (state.read < rows.length ? { done: false, value: rows[state.read++] } : { done: true, value: undefined }),
      return: async () => {
        state.closed = true;
        return { done: true, value: undefined };
      },
    }),
  };
  return { source, state };
}

const rawRow = fc.oneof(
  fc.record({ id: fc.string({ minLength: 1 }) }),
  fc.record({ id: fc.string(), demographics: fc.record({ age: fc.oneof(fc.integer({ min: -5, max: 140 }), fc.constant(null)) }) }),
  fc.record({ id: fc.constantFrom("a", "b"), tags: fc.array(fc.oneof(fc.string(), fc.integer())) }),
  fc.anything(),
);

describe("parseRowsStream", () => {
  it("property: yields what parseProfiles keeps and hands on what it rejects, from sync and async sources", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rawRow, { maxLength: 30 }), fc.boolean(), async (rows, asynchronous) => {
        const batch = parseProfiles(rows);
        const rejected: RowRejection[] = [];
        const stream = parseRowsStream(asynchronous ? asyncRows(rows) : rows, CustomerProfile, { onRejected: (rejection) => void rejected.push(rejection) });
        const result = await drain(stream, rejected);
        expect(result.rows).toEqual(batch.valid);
        expect(rejected).toEqual(batch.rejected);
        expect(result.counts).toEqual(batch.counts);
      }),
      { numRuns: 150 },
    );
  });

  it("parses transactions as parseTransactions does (ISO strings become Dates)", async () => {
    const rows = [
      { customerId: "c1", orderId: "o1", timestamp: "1997-01-01T00:00:00Z", amount: 11.77 },
      { customerId: "c1", orderId: "o2", timestamp: "1997-01-12T00:00:00Z", amount: "12.00" },
      { customerId: "c2", orderId: "o3", timestamp: "1997-02-01T00:00:00.5Z", amount: -3 },
    ];
    const rejected: RowRejection[] = [];
    const result = await drain(parseRowsStream(asyncRows(rows), Transaction, { onRejected: (rejection) => void rejected.push(rejection) }), rejected);
    const batch = parseTransactions(rows);
    expect(result.rows).toEqual(batch.valid);
    expect(result.rows[1]!.timestamp).toEqual(new Date("1997-02-01T00:00:00.500Z"));
    expect(rejected).toEqual(batch.rejected);
    expect(result.counts).toEqual({ input: 3, valid: 2, rejected: 1 });
  });

  it("without onRejected, stops at the first invalid row with a SegmentationError naming its index and path", async () => {
    const { source, state } = trackedSource([{ id: "a" }, { id: "b" }, { id: "c", geography: { country: "usa" } }, { id: "d" }]);
    const seen: string[] = [];
    let caught: unknown;
    try {
      for await (const profile of parseRowsStream(source, CustomerProfile)) seen.push(profile.id);
    } catch (error) {
      caught = error;
    }
    expect(seen).toEqual(["a", "b"]);
    expect(caught).toBeInstanceOf(SegmentationError);
    expect((caught as Error).message).toMatchInlineSnapshot(
      `"parseRowsStream found 1 issue: Invalid country: expected an ISO 3166-1 alpha-2 code such as US at [2].geography.country; pass onRejected to report invalid rows and read on"`,
    );
    expect((caught as SegmentationError).issues).toEqual([{ code: "invalid_format", path: [2, "geography", "country"], message: expect.any(String) }]);
    expect(state).toEqual({ read: 3, closed: true });
  });

  it("keeps what threw on a row_error: in the rejection, and as the cause of the stopping error", async () => {
    const boom = new Error("boom");
    const Schema = z.object({ id: z.string().transform((id) => {
      if (id === "bad") throw boom;
      return id;
    }) });
    const rejected: RowRejection[] = [];
    const result = await drain(parseRowsStream([{ id: "ok" }, { id: "bad" }], Schema, { onRejected: (rejection) => void rejected.push(rejection) }), rejected);
    expect(result.rows).toEqual([{ id: "ok" }]);
    expect(rejected[0]).toMatchObject({ index: 1, code: "row_error", error: boom });
    await expect(drain(parseRowsStream([{ id: "bad" }], Schema))).rejects.toMatchObject({ name: "SegmentationError", cause: boom });
  });

  it("awaits onRejected before the next row, and a throwing onRejected stops the stream and closes the source", async () => {
    const order: string[] = [];
    const rows = [{ id: "a" }, { nope: 1 }, { id: "b" }, { nope: 2 }, { id: "c" }];
    const stream = parseRowsStream(asyncRows(rows), CustomerProfile, {
      onRejected: async (rejection) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(`rejected ${rejection.index}`);
      },
    });
    for await (const profile of stream) order.push(profile.id);
    expect(order).toEqual(["a", "rejected 1", "b", "rejected 3", "c"]);

    const { source, state } = trackedSource(rows);
    const failing = parseRowsStream(source, CustomerProfile, {
      onRejected: async () => {
        throw new Error("dead-letter file is full");
      },
    });
    await expect(drain(failing)).rejects.toThrow("dead-letter file is full");
    expect(state).toEqual({ read: 2, closed: true });
  });

  it("closes the source when the consumer stops early", async () => {
    const { source, state } = trackedSource([{ id: "a" }, { id: "b" }, { id: "c" }]);
    for await (const profile of parseRowsStream(source, CustomerProfile)) if (profile.id === "a") break;
    expect(state).toEqual({ read: 1, closed: true });
  });

  it("takes the rows of a sync iterable as they are, never awaiting a thenable row", async () => {
    let thenCalls = 0;
    // Awaited, this row would never settle: its then never calls back.
    const thenable = { id: "t", then: () => void thenCalls++ };
    const rejected: RowRejection[] = [];
    const result = await drain(parseRowsStream([thenable], CustomerProfile, { onRejected: (rejection) => void rejected.push(rejection) }), rejected);
    expect(thenCalls).toBe(0);
    expect(result.rows).toEqual([{ id: "t" }]);
    expect(result.counts.input).toBe(1);
  });

  it("refuses bad arguments when called, before the source is read", () => {
    expect(() => parseRowsStream(42 as never, CustomerProfile)).toThrow(new TypeError("parseRowsStream requires rows to be iterable or async iterable"));
    expect(() => parseRowsStream([], {} as never)).toThrow(new TypeError("parseRowsStream requires schema to be a zod schema"));
    expect(() => parseRowsStream([], CustomerProfile, null as never)).toThrow(new TypeError("parseRowsStream requires options to be an object"));
    expect(() => parseRowsStream([], CustomerProfile, { onRejected: "log" as never })).toThrow(new TypeError("parseRowsStream requires onRejected to be a function"));
  });

  it("hands on a parsed row with a then method as it is, as parseProfiles keeps it (review: the generator awaited it)", async () => {
    const Loose = z.looseObject({ id: z.string() });
    const replacing = { id: "r", then: (resolve: (value: unknown) => void) => resolve("replaced") };
    const hanging = { id: "h", then: () => undefined };
    // A sync source: an async generator as the source would itself await these rows when it yields them.
    const streamed = await drain(parseRowsStream([replacing, hanging], Loose));
    expect(streamed.rows).toEqual(parseProfiles([replacing, hanging], Loose).valid);
    expect(streamed.rows.map((row) => row.id)).toEqual(["r", "h"]);
    expect(typeof streamed.rows[0]!.then).toBe("function");
  });

  it("behaves as an async generator: concurrent next() calls are served in order, return() ends it, throw() closes the source", async () => {
    const stream = parseRowsStream(asyncRows([{ id: "a" }, { id: "b" }, { id: "c" }]), CustomerProfile);
    expect(stream[Symbol.asyncIterator]()).toBe(stream);
    const [first, second] = await Promise.all([stream.next(), stream.next()]);
    expect([first.value, second.value]).toEqual([{ id: "a" }, { id: "b" }]);
    expect(await stream.return({ input: 0, valid: 0, rejected: 0 })).toEqual({ done: true, value: { input: 0, valid: 0, rejected: 0 } });
    expect(await stream.next()).toEqual({ done: true, value: undefined });

    const { source, state } = trackedSource([{ id: "a" }, { id: "b" }]);
    const thrown = parseRowsStream(source, CustomerProfile);
    await thrown.next();
    await expect(thrown.throw(new Error("consumer failed"))).rejects.toThrow("consumer failed");
    expect(state).toEqual({ read: 1, closed: true });
  });

  it("returns zero counts for an empty source", async () => {
    expect(await drain(parseRowsStream(asyncRows([]), CustomerProfile))).toEqual({ rows: [], rejected: undefined, counts: { input: 0, valid: 0, rejected: 0 } });
  });
});
