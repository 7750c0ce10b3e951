/**
 * Whether `value` is async iterable. The streaming functions read a sync iterable with `for...of`
 * instead: `for await` would read every row's `then` and await it, where the rows must be taken as
 * they are.
 */
export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as Partial<AsyncIterable<unknown>> | null | undefined)?.[Symbol.asyncIterator] === "function";
}

/**
 * Calls `visit` with each row of an async or sync iterable, in order. The rows of a sync iterable
 * are never awaited; one that is a `Promise` is refused, since taken as it is it would be counted
 * as a row without fields.
 */
export async function forEachRow<Row>(functionName: string, rows: AsyncIterable<Row> | Iterable<Row>, visit: (row: Row) => void): Promise<void> {
  if (isAsyncIterable(rows)) {
    for await (const row of rows as AsyncIterable<Row>) visit(row);
    return;
  }
  let index = 0;
  for (const row of rows) {
    if (row instanceof Promise) {
      throw new TypeError(`${functionName} takes the rows of a sync iterable as they are, and row ${index} is a Promise: pass an async iterable to have them awaited`);
    }
    visit(row);
    index++;
  }
}

/**
 * `inner` as an async generator that owns the source `rows`: closed before it started (`return`
 * or `throw` before the first `next`), it closes `rows` too, which an async generator's own
 * `return` would not do (its body never ran). `open` turns each yielded value into what the
 * consumer sees.
 */
export function owningSource<Inner, Outer, Return>(
  rows: unknown,
  inner: AsyncGenerator<Inner, Return, undefined>,
  open: (value: Inner) => Outer,
): AsyncGenerator<Outer, Return, undefined> {
  let started = false;
  const step = (result: IteratorResult<Inner, Return>): IteratorResult<Outer, Return> => (result.done === true ? result : { done: false, value: open(result.value) });
  const closeUnstarted = async (): Promise<void> => {
    if (started) return;
    started = true;
    await closeSource(rows);
  };
  const stream: AsyncGenerator<Outer, Return, undefined> = {
    next: () => {
      started = true;
      return inner.next().then(step);
    },
    return: async (value) => {
      await closeUnstarted();
      return step(await inner.return(value));
    },
    throw: async (error: unknown) => {
      await closeUnstarted();
      return step(await inner.throw(error));
    },
    [Symbol.asyncIterator]: () => stream,
  };
  return stream;
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
