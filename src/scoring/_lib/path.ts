/** Reads a dotted path ("behavior.totalSpend") through own properties only; `undefined` when absent. */
export function readPath(record: unknown, path: ReadonlyArray<string>): unknown {
  let current: unknown = record;
  for (const key of path) {
    if (current === null || typeof current !== "object" || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
