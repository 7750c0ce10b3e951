import type * as z from "zod/mini";
import { closeSource, isAsyncIterable, owningSource } from "../_lib/rowSources.js";
import { isZodSchema } from "./_lib/isZodSchema.js";
import { SegmentationError, type Issue } from "../_lib/errors.js";
import { assertIterable, assertOptions } from "../_lib/arguments.js";
import type { OptionKeys } from "../_lib/arguments.js";
import { parseContext } from "./_lib/messages.js";
import { parseRow } from "./_lib/parseRow.js";
import { issueSummary } from "../_lib/issueSummary.js";
import { toRejection, type RowRejection } from "./_lib/parseRows.js";

/** Options of {@link parseRowsStream}. */
export interface ParseRowsStreamOptions {
  /**
   * Receives every invalid row (its input index, first problem, every issue, and what threw for a
   * `row_error`), and the stream reads on; what it returns is awaited before the next row, so an
   * async write to a dead-letter file keeps its order. Without it, the first invalid row stops the
   * stream with a `SegmentationError`.
   */
  readonly onRejected?: (rejection: RowRejection) => unknown;
}

const optionKeys = { onRejected: true } as const satisfies OptionKeys<ParseRowsStreamOptions>;

/** Returned by the generator of {@link parseRowsStream} when the input is exhausted (`for await` ignores it; `next()` sees it). */
export interface ParseRowsStreamCounts {
  /** Rows read; `input === valid + rejected`, always. */
  readonly input: number;
  readonly valid: number;
  readonly rejected: number;
}

/**
 * Validates a stream of raw rows (ETL): yields each valid row, parsed, and reports each invalid one,
 * in constant memory.
 *
 * @remarks Each row is validated exactly as `parseProfiles`, `parseTransactions` and `parseEvents`
 * validate it (own properties only, the same issues and zod's English messages), then yielded and
 * forgotten, so a file larger than memory can go from `readJsonLines` through this function into
 * `summarizeCustomersAsync` or `assignSegmentsStream`. Nothing is lost: every invalid row goes to
 * `onRejected` with its input index (rows, counted from 0), or, without `onRejected`, stops the
 * stream with a `SegmentationError` whose issues carry the index as the first path key. The
 * stream's return value (seen by `next()`, not by `for await`) holds the counts, which reconcile.
 * Stopping early (`break`, a throw, a throwing `onRejected`) closes the source; a `break` while
 * `onRejected` is still pending takes effect once it settles. Works with any async or sync
 * iterable. Rows are handed on as they are, never awaited: neither the rows of a sync source nor a
 * parsed row with a `then` method. O(rows).
 *
 * @param rows - the input rows (untrusted), e.g. `readJsonLines(path)`.
 * @param schema - the row schema: `CustomerProfile`, `Transaction`, `CustomerEvent` or your own.
 * @param options - `onRejected`.
 * @returns an async iterator (an async generator's interface) of the parsed valid rows, in input
 *   order; its return value is the counts.
 * @throws `SegmentationError` `parseRowsStream found <n> issue(s): <message> at [<index>].<path>; pass onRejected to report invalid rows and read on`,
 *   from the stream, when a row is invalid and there is no `onRejected`.
 * @throws `TypeError` `parseRowsStream requires rows to be iterable or async iterable`, `parseRowsStream requires schema to be a zod schema`,
 *   `parseRowsStream requires options to be an object`, `parseRowsStream requires onRejected to be a function`, when called
 *   (the source is then closed).
 * @throws `TypeError` `parseRowsStream requires a schema without async refinements or transforms: zod cannot run them while parsing synchronously`, at the first row that reaches one (no row could pass such a schema).
 * @example
 * async function* lines() {
 *   yield { customerId: "c1", orderId: "o1", timestamp: "2024-01-01T00:00:00Z", amount: 12.5 };
 *   yield { customerId: "c1", orderId: "o2", timestamp: "2024-01-05T00:00:00Z", amount: "7.50" };
 *   yield { customerId: "c2", orderId: "o3", timestamp: "2024-01-06T00:00:00Z", amount: 30 };
 * }
 * const rejected = [];
 * const parsed = [];
 * for await (const transaction of parseRowsStream(lines(), Transaction, { onRejected: (rejection) => rejected.push(rejection) })) {
 *   parsed.push(transaction);
 * }
 * parsed.map((transaction) => transaction.orderId) //=> ["o1", "o3"]
 * parsed[0].timestamp instanceof Date //=> true
 * [rejected[0].index, rejected[0].path, rejected[0].code] //=> [1, ["amount"], "invalid_type"]
 * @example
 * // Into summarizeCustomersAsync, without holding the rows in memory (any iterable works as the source).
 * const rows = [
 *   { customerId: "c1", timestamp: "2024-01-01T00:00:00Z", amount: 12.5 },
 *   { customerId: "c1", timestamp: "yesterday", amount: 7.5 },
 *   { customerId: "c2", timestamp: "2024-01-06T00:00:00Z", amount: 30 },
 * ];
 * const rejected = [];
 * const { customers } = await summarizeCustomersAsync(parseRowsStream(rows, Transaction, { onRejected: (rejection) => rejected.push(rejection) }), {
 *   asOf: new Date("2024-01-10T00:00:00Z"),
 * });
 * customers.map((customer) => [customer.customerId, customer.monetaryTotal]) //=> [["c1", 12.5], ["c2", 30]]
 * rejected.map((rejection) => [rejection.index, rejection.path]) //=> [[1, ["timestamp"]]]
 * @example
 * // Without onRejected, the first invalid row stops the stream, after the valid rows before it.
 * const rows = [{ id: "c1" }, { id: "c2", demographics: { age: -4 } }, { id: "c3" }];
 * const seen = [];
 * const error = await (async () => {
 *   try {
 *     for await (const profile of parseRowsStream(rows, CustomerProfile)) seen.push(profile.id);
 *   } catch (caught) {
 *     return caught;
 *   }
 * })();
 * seen //=> ["c1"]
 * error.name //=> "SegmentationError"
 * error.issues[0].path //=> [1, "demographics", "age"]
 * @category Schema
 */
export function parseRowsStream<Schema extends z.core.$ZodType>(
  rows: AsyncIterable<unknown> | Iterable<unknown>,
  schema: Schema,
  options: ParseRowsStreamOptions = {},
): AsyncGenerator<z.output<Schema>, ParseRowsStreamCounts, undefined> {
  assertIterable("parseRowsStream", "rows", rows, true);
  try {
    if (!isZodSchema(schema)) throw new TypeError("parseRowsStream requires schema to be a zod schema");
    assertOptions("parseRowsStream", options, optionKeys);
    if (options.onRejected !== undefined && typeof options.onRejected !== "function") throw new TypeError("parseRowsStream requires onRejected to be a function");
  } catch (error) {
    // The caller handed the source over: a refused call leaves no file or cursor open.
    void closeSource(rows);
    throw error;
  }
  const { onRejected } = options;
  // An async generator awaits what it yields, so it yields each row in a box, opened by the wrapper:
  // a parsed row whose `then` is a function (a schema that keeps unknown keys) is handed on as it is.
  return owningSource(rows, boxedRows(rows, schema, onRejected), (box) => box.row);
}

/** The stream itself: each valid row in a box, each rejection handed on (or thrown); returns the counts. */
async function* boxedRows<Schema extends z.core.$ZodType>(
  rows: AsyncIterable<unknown> | Iterable<unknown>,
  schema: Schema,
  onRejected: ParseRowsStreamOptions["onRejected"],
): AsyncGenerator<{ readonly row: z.output<Schema> }, ParseRowsStreamCounts, undefined> {
  const context = parseContext();
  let index = 0;
  let rejected = 0;
  /** Hands on (or throws) the rejection of the row just read. */
  const reject = async (failure: { readonly issues: ReadonlyArray<Issue>; readonly error?: unknown }): Promise<void> => {
    rejected++;
    const rejection = toRejection(index - 1, failure);
    if (onRejected === undefined) throw rowError(rejection);
    await onRejected(rejection);
  };
  // A valid row costs no promise of its own: only a rejection is awaited.
  if (isAsyncIterable(rows)) {
    for await (const row of rows) {
      const result = parseRow("parseRowsStream", schema, row, context);
      index++;
      if (result.success) yield { row: result.data };
      else await reject(result);
    }
  } else {
    for (const row of rows) {
      const result = parseRow("parseRowsStream", schema, row, context);
      index++;
      if (result.success) yield { row: result.data };
      else await reject(result);
    }
  }
  return { input: index, valid: index - rejected, rejected };
}

/** The error that stops a stream without `onRejected`: the row's issues, with its index as the first path key. */
function rowError(rejection: RowRejection): SegmentationError {
  const issues = rejection.issues.map((issue) => ({ ...issue, path: [rejection.index, ...issue.path] }));
  const error = new SegmentationError(`${issueSummary("parseRowsStream", issues)}; pass onRejected to report invalid rows and read on`, issues);
  if ("error" in rejection) error.cause = rejection.error;
  return error;
}
