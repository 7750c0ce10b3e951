import { isZodSchema } from "../schema/_lib/isZodSchema.js";
import { beforeReading, isAsyncIterable, owningSource } from "../_lib/rowSources.js";
import { thrownMessage } from "../_lib/thrownMessage.js";
import type * as z from "zod/mini";
import type { Issue } from "../_lib/errors.js";
import type { Segment } from "./_lib/definition.js";
import type { EventsOf } from "./_lib/compile.js";
import { checkArguments, planSegments } from "./_lib/plan.js";
import { profileIdOf } from "./_lib/profileId.js";
import { parseContext } from "../schema/_lib/messages.js";
import { AsyncSchemaError, type RowParse, parseRow, toIssues } from "../schema/_lib/parseRow.js";
import type { OptionKeys } from "../_lib/arguments.js";

/** Progress of {@link assignSegmentsStream}. */
export interface StreamProgress {
  /** Rows read so far (assigned plus rejected). */
  readonly rowsDone: number;
  /** Rows rejected so far. */
  readonly rejected: number;
}

/**
 * What `schema` must provide: a zod `safeParse` (classic `zod` and `zod/mini` schemas both fit, as
 * does any object with the same method).
 */
export interface RowSchema<P> {
  safeParse(
    value: unknown,
  ):
    | { readonly success: true; readonly data: P }
    | { readonly success: false; readonly error: { readonly issues: ReadonlyArray<{ readonly code: string; readonly path: ReadonlyArray<PropertyKey>; readonly message: string }> } };
}

/** Options of {@link assignSegmentsStream}. */
export interface AssignSegmentsStreamOptions<P> {
  /** The clock of every time condition. */
  readonly asOf: Date;
  /** `"all"` (multi-membership) or `"first-match"` (waterfall by priority), as in `assignSegments`. */
  readonly mode: "all" | "first-match";
  /** Validates (and transforms) every row first, for example `CustomerProfile` from `segmentkit/schema`; invalid rows are rejected. */
  readonly schema?: RowSchema<P>;
  /** The profile's events, for `event` conditions. */
  readonly eventsOf?: EventsOf<P>;
  /** The profile's id; default: its own `id` property. A row without an id is rejected (`missing_id`). */
  readonly idOf?: (profile: P, index: number) => string;
  /**
   * Called every `progressEvery` rows and once at the end of the input (also for an empty input, with
   * 0 rows). A row counts as done once the consumer asks for the next one, so the count is safe to
   * checkpoint; a consumer that stops early gets no final call.
   */
  readonly onProgress?: (progress: StreamProgress) => void;
  /** Rows between two `onProgress` calls. Default 10,000. */
  readonly progressEvery?: number;
}

const optionKeys = {
  asOf: true,
  mode: true,
  schema: true,
  eventsOf: true,
  idOf: true,
  onProgress: true,
  progressEvery: true,
} as const satisfies OptionKeys<AssignSegmentsStreamOptions<unknown>>;

/** A row that was assigned: the (parsed) profile with its segments. */
export interface AssignedRow<P> {
  readonly kind: "assigned";
  /** Position of the row in the input stream. */
  readonly index: number;
  readonly id: string;
  readonly profile: P;
  /** As in `assignSegments`: every TRUE segment (`"all"`) or at most the winner (`"first-match"`). */
  readonly segments: ReadonlyArray<string>;
  /** The highest-priority segment whose rule is TRUE, or `null`. */
  readonly segment: string | null;
}

/** A row that was rejected, with every problem found; never silently dropped. */
export interface RejectedRow {
  readonly kind: "rejected";
  readonly index: number;
  readonly issues: ReadonlyArray<Issue>;
  /** What `schema`, `idOf` or `eventsOf` threw on this row (issue code `row_error`), for the host's logs. */
  readonly error?: unknown;
}

/** Returned by the generator when the input is exhausted (`for await` ignores it; `next()` sees it). */
export interface AssignSegmentsStreamSummary {
  readonly rowsDone: number;
  readonly assigned: number;
  readonly rejected: number;
  /** Per segment (declaration order): assigned rows in it. */
  readonly sizes: ReadonlyArray<{ readonly id: string; readonly size: number }>;
  /** Assigned rows in no segment (the `unassigned` count of `assignSegments`). */
  readonly unassigned: number;
}

/**
 * How one row is validated, decided once per stream: as it is without a schema, as `parseProfiles`
 * does for a zod schema, by the schema's own `safeParse` otherwise.
 */
function schemaParser<P>(schema: RowSchema<P> | undefined): (row: unknown) => RowParse<P> {
  if (schema === undefined) return (row) => ({ success: true, data: row as P });
  if (isZodSchema(schema)) {
    const zodSchema = schema as z.core.$ZodType<P>;
    const context = parseContext();
    return (row) => parseRow("assignSegmentsStream", zodSchema, row, context);
  }
  return (row) => {
    const result = schema.safeParse(row);
    return result.success ? result : { success: false, issues: toIssues(result.error.issues) };
  };
}

/**
 * Assigns segments to a stream of rows (ETL): yields one result per input row, in input order, in
 * constant memory.
 *
 * @remarks The segments are planned and compiled once; then each row is validated (with `schema`
 * when given), assigned, yielded and forgotten, so memory does not grow with the input. Invalid
 * rows come out as `{ kind: "rejected", index, issues }` with zod's issue paths, never dropped. A
 * zod schema validates exactly as `parseProfiles` does (own properties only, zod's English messages,
 * the same issues); any other object with a `safeParse` method is called as it is;
 * a row without an id is rejected with code `missing_id`, and a row on which `schema`, `idOf` or
 * `eventsOf` throws is rejected with code `row_error` and the thrown value in `error` (the stream goes
 * on with the next row). Works with any async or sync iterable
 * (Node streams in object mode, async generators, arrays); the rows of a sync iterable are taken as
 * they are, never awaited, as `assignSegments` takes them. O(s) rule evaluations per row.
 * @param rows - the input rows (untrusted).
 * @param segments - segments from `defineSegment`, ids unique.
 * @param options - as `assignSegments`, plus `schema`, `onProgress`, `progressEvery`.
 * @returns An async generator of {@link AssignedRow} and {@link RejectedRow}; its return value is a summary.
 * @throws `SegmentError` for duplicate ids, unknown references, a reference cycle or references that expand a rule too far (as `assignSegments`), before the first row is read.
 * @throws `TypeError` `"assignSegmentsStream requires asOf to be a valid Date"`, `"assignSegmentsStream requires mode to be \"all\" or \"first-match\""`.
 * @throws `RangeError` `"assignSegmentsStream requires progressEvery to be a positive integer"`.
 * @throws `TypeError` `"assignSegmentsStream requires rows to be iterable or async iterable"`, `"assignSegmentsStream requires onProgress to be a function"` (or `idOf`, `eventsOf`).
 * @throws `TypeError` `"assignSegmentsStream requires an array of segments"`, `"assignSegmentsStream requires options.eventsOf to evaluate event rules"` (a segment has an `event` node and no `eventsOf` is given).
 * @throws `TypeError` `assignSegmentsStream requires a schema without async refinements or transforms: zod cannot run them while parsing synchronously`, at the first row that reaches one (no row could pass such a schema).
 * @example
 * const vip = defineSegment({ id: "vip", name: "VIP", rule: { op: "gte", field: "spend", value: 1000 } });
 * async function* rows() { yield { id: "a", spend: 1200 }; yield "not a profile"; yield { id: "b", spend: 10 }; }
 * const out = [];
 * for await (const row of assignSegmentsStream(rows(), [vip], { asOf: new Date("2024-01-01T00:00:00Z"), mode: "all" })) out.push(row);
 * out.map((row) => row.kind) //=> ["assigned", "rejected", "assigned"]
 * out[0].segments //=> ["vip"]
 * out[1].issues[0].code //=> "missing_id"
 * @category Segments
 */
export function assignSegmentsStream<P>(
  rows: AsyncIterable<unknown> | Iterable<unknown>,
  segments: ReadonlyArray<Segment>,
  options: AssignSegmentsStreamOptions<P>,
): AsyncGenerator<AssignedRow<P> | RejectedRow, AssignSegmentsStreamSummary, undefined> {
  // Closed before its first row is asked for, the stream still closes the source it was handed.
  return owningSource(rows, assignRows(rows, segments, options), (row) => row);
}

/** The stream of {@link assignSegmentsStream}. */
async function* assignRows<P>(
  rows: AsyncIterable<unknown> | Iterable<unknown>,
  segments: ReadonlyArray<Segment>,
  options: AssignSegmentsStreamOptions<P>,
): AsyncGenerator<AssignedRow<P> | RejectedRow, AssignSegmentsStreamSummary, undefined> {
  // A refusal (bad options, a segment cycle) closes the source: the caller handed it over.
  const { mode, progressEvery, plan } = await beforeReading(rows, () => {
    checkArguments("assignSegmentsStream", rows, options, optionKeys, ["idOf", "eventsOf", "onProgress"], true);
    const mode = options.mode;
    if (mode !== "all" && mode !== "first-match") throw new TypeError('assignSegmentsStream requires mode to be "all" or "first-match"');
    const progressEvery = options.progressEvery ?? 10_000;
    if (!Number.isInteger(progressEvery) || progressEvery < 1) {
      throw new RangeError("assignSegmentsStream requires progressEvery to be a positive integer");
    }
    return { mode, progressEvery, plan: planSegments<P>("assignSegmentsStream", segments, options) };
  });
  const { sizes } = plan;
  const ids = plan.segments.map((segment) => segment.id);
  const onProgress = options.onProgress;
  const parseWith = schemaParser(options.schema);

  /** One row: validated, identified and assigned, or rejected with its issues. */
  const assignRow = (row: unknown, rowIndex: number): AssignedRow<P> | RejectedRow => {
    let profile: P;
    let failure: ReadonlyArray<Issue> | undefined;
    const result = parseWith(row);
    if (result.success) {
      profile = result.data;
    } else {
      // a zod schema (or the row's own getter) that threw: keep the thrown value, as for a callback
      if ("error" in result) return { kind: "rejected", index: rowIndex, issues: result.issues, error: result.error };
      profile = undefined as P;
      failure = result.issues.length === 0 ? [{ code: "invalid_row", path: [], message: "Invalid row" }] : result.issues;
    }
    let id: string | undefined;
    if (failure === undefined) {
      id = profileIdOf(profile, rowIndex, options.idOf);
      if (id === undefined) failure = [{ code: "missing_id", path: ["id"], message: "the row has no string id" }];
    }
    if (failure !== undefined || id === undefined) return { kind: "rejected", index: rowIndex, issues: failure ?? [] };
    const winner = plan.assign(profile, mode);
    return { kind: "assigned", index: rowIndex, id, profile, segments: plan.list, segment: winner === -1 ? null : ids[winner]! };
  };

  let index = 0;
  let rejected = 0;
  let unassigned = 0;
  /** The next row's outcome; a callback's throw rejects the row and the stream goes on. */
  const take = (row: unknown): AssignedRow<P> | RejectedRow => {
    const rowIndex = index;
    index++;
    let outcome: AssignedRow<P> | RejectedRow;
    try {
      outcome = assignRow(row, rowIndex);
    } catch (error) {
      if (error instanceof AsyncSchemaError) throw error;
      outcome = { kind: "rejected", index: rowIndex, issues: [{ code: "row_error", path: [], message: `a callback threw on this row: ${thrownMessage(error)}` }], error };
    }
    if (outcome.kind === "rejected") rejected++;
    else if (outcome.segment === null) unassigned++;
    return outcome;
  };
  const report = () => {
    if (onProgress !== undefined && index % progressEvery === 0) onProgress({ rowsDone: index, rejected });
  };
  if (isAsyncIterable(rows)) {
    for await (const row of rows) {
      yield take(row);
      report();
    }
  } else {
    for (const row of rows as Iterable<unknown>) {
      yield take(row);
      report();
    }
  }
  if (onProgress !== undefined && (index === 0 || index % progressEvery !== 0)) onProgress({ rowsDone: index, rejected });
  return {
    rowsDone: index,
    assigned: index - rejected,
    rejected,
    sizes: plan.segments.map((segment, position) => ({ id: segment.id, size: sizes[position]! })),
    unassigned,
  };
}
