/**
 * Whether `value` is async iterable. The streaming functions read a sync iterable with `for...of`
 * instead: `for await` would read every row's `then` and await it, where the rows must be taken as
 * they are.
 */
export function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof (value as Partial<AsyncIterable<unknown>> | null | undefined)?.[Symbol.asyncIterator] === "function";
}
