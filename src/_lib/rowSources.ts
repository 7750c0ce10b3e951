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

/**
 * Closes a source that will not be read, so that a refused call leaves no file or cursor open: a
 * Node stream is destroyed (its iterator's `return` would do nothing before the first read),
 * anything else gets its iterator's `return`. Never throws: the refusal is what the caller needs to see.
 */
export async function closeSource(rows: unknown): Promise<void> {
  try {
    const source = rows as Partial<AsyncIterable<unknown> & Iterable<unknown> & { destroy(): unknown }> | null | undefined;
    if (typeof source?.destroy === "function") {
      source.destroy();
      return;
    }
    const iterator = isAsyncIterable(rows) ? rows[Symbol.asyncIterator]() : source?.[Symbol.iterator]?.();
    await iterator?.return?.();
  } catch {
    // Closing is a courtesy; the original error goes on.
  }
}

/** Runs the checks and set-up of a function that reads `rows`; when they throw, closes the source first. */
export async function beforeReading<Result>(rows: unknown, setUp: () => Result): Promise<Result> {
  try {
    return setUp();
  } catch (error) {
    await closeSource(rows);
    throw error;
  }
}
