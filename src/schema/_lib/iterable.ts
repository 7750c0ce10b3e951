/** Throws `<functionName> requires <name> to be iterable` unless `value` can be iterated (with `for await` too when `asynchronous`). */
export function assertIterable(functionName: string, name: string, value: unknown, asynchronous = false): void {
  const candidate = value as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown } | null | undefined;
  const iterable =
    (typeof value === "object" || typeof value === "string") && value !== null &&
    (typeof candidate?.[Symbol.iterator] === "function" || (asynchronous && typeof candidate?.[Symbol.asyncIterator] === "function"));
  if (!iterable) throw new TypeError(`${functionName} requires ${name} to be ${asynchronous ? "iterable or async iterable" : "iterable"}`);
}
