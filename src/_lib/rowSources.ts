/**
 * Whether `value` is async iterable. The streaming functions read a sync iterable with `for...of`
 * instead: `for await` would read every row's `then` and await it, where the rows must be taken as
 * they are.
 */
export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as Partial<AsyncIterable<unknown>> | null | undefined)?.[Symbol.asyncIterator] === "function";
}

/** Calls `visit` with each row of an async or sync iterable, in order; the rows of a sync iterable are never awaited. */
export async function forEachRow<Row>(rows: AsyncIterable<Row> | Iterable<Row>, visit: (row: Row) => void): Promise<void> {
  if (isAsyncIterable(rows)) {
    for await (const row of rows as AsyncIterable<Row>) visit(row);
  } else {
    for (const row of rows) visit(row);
  }
}
