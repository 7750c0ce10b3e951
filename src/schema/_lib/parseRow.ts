import * as z from "zod/mini";
import type { Issue } from "../../_lib/errors.js";
import { thrownMessage } from "../../_lib/thrownMessage.js";
import { ownSnapshot, startsWithPath } from "./ownSnapshot.js";

/** One row through a zod schema: its parsed value, or every problem found (and what threw, for a `row_error`). */
export type RowParse<Row> =
  | { readonly success: true; readonly data: Row }
  | { readonly success: false; readonly issues: ReadonlyArray<Issue>; readonly error?: unknown };

/**
 * The error of a schema with an async refinement or transform, which a synchronous parse cannot run:
 * zod throws on every row that reaches it, so it is a defect of the schema (an invalid argument), not
 * of the rows, and stops the parser instead of rejecting each row.
 */
export class AsyncSchemaError extends TypeError {}

/** An {@link AsyncSchemaError} naming `functionName` when `error` is zod's "Promise during synchronous parse", otherwise `undefined`. */
export function asyncSchemaError(functionName: string, error: unknown): AsyncSchemaError | undefined {
  // By zod's message ($ZodAsyncError): the class is reached only through z.core, which would bring
  // all of zod's core into every bundle, and a host app may load another copy of zod.
  const isAsync = error instanceof Error && error.message.startsWith("Encountered Promise during synchronous parse");
  return isAsync ? new AsyncSchemaError(`${functionName} requires a schema without async refinements or transforms: zod cannot run them while parsing synchronously`) : undefined;
}

/**
 * Validates one row the way every segmentkit parser does: through its own-property snapshot
 * (inherited properties are never read; a non-plain object where the schema expects an object is a
 * problem), with zod's English messages in the parse context (`context`: `parseContext()`, taken once
 * per call of the parser, not per row). Throws only an {@link AsyncSchemaError} naming
 * `functionName`; anything else that throws rejects the row (`row_error`).
 */
export function parseRow<Schema extends z.core.$ZodType>(
  functionName: string,
  schema: Schema,
  row: unknown,
  context: z.core.ParseContext<z.core.$ZodIssue> | undefined,
): RowParse<z.output<Schema>> {
  // One row never stops the batch: a getter or Proxy trap of the row that throws, a schema's own
  // refinement or transform that throws, or zod running out of stack on a huge invalid array
  // rejects this row with code `row_error`.
  try {
    return parseSnapshot(schema, row, context);
  } catch (error) {
    const schemaError = asyncSchemaError(functionName, error);
    if (schemaError !== undefined) throw schemaError;
    return { success: false, issues: [{ code: "row_error", path: [], message: `reading or validating the row threw: ${thrownMessage(error)}` }], error };
  }
}

function parseSnapshot<Schema extends z.core.$ZodType>(
  schema: Schema,
  row: unknown,
  context: z.core.ParseContext<z.core.$ZodIssue> | undefined,
): RowParse<z.output<Schema>> {
  const snapshot = ownSnapshot(row, schema);
  // zod parses noticeably slower with an error map in the context, so a row is parsed without one
  // first and again with the English messages only when it is rejected.
  let result = z.safeParse(schema, snapshot.value);
  if (!result.success && context !== undefined) result = z.safeParse(schema, snapshot.value, context);
  if (result.success && snapshot.issues.length === 0) return { success: true, data: result.data };
  const issues: Issue[] = [...snapshot.issues];
  // A value the snapshot left out is reported once, by the snapshot, not again by zod.
  if (!result.success) {
    for (const issue of toIssues(result.error.issues)) {
      if (!snapshot.issues.some((left) => startsWithPath(issue.path, left.path))) issues.push(issue);
    }
  }
  return { success: false, issues };
}

/** zod issues (or any issues of that shape) as segmentkit {@link Issue}s (symbol keys in paths become strings). */
export function toIssues(zodIssues: ReadonlyArray<{ readonly code: string; readonly path: ReadonlyArray<PropertyKey>; readonly message: string }>): Issue[] {
  return zodIssues.map((issue) => ({
    code: issue.code,
    path: issue.path.map((key) => (typeof key === "symbol" ? String(key) : key)),
    message: issue.message,
  }));
}
