/**
 * Argument checks shared by the domains, each throwing a house-style `TypeError` that names the
 * calling function: `<functionName> requires <name> to be ...`.
 */

/** Throws `<functionName> requires <name> to be an object` unless `value` is a non-null, non-array object. */
export function assertRecord(functionName: string, name: string, value: unknown): asserts value is object {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new TypeError(`${functionName} requires ${name} to be an object`);
}

/** Throws `<functionName> requires <name> to be an array` unless `value` is an array. */
export function assertArray(functionName: string, name: string, value: unknown): asserts value is ReadonlyArray<unknown> {
  if (!Array.isArray(value)) throw new TypeError(`${functionName} requires ${name} to be an array`);
}

/**
 * Throws `<functionName> requires <name> to be iterable` (`iterable or async iterable` when
 * `asynchronous`) unless `value` is an object that can be iterated: an array, a Set, a generator. A
 * string is refused: its characters are never meant as rows.
 */
export function assertIterable(functionName: string, name: string, value: unknown, asynchronous = false): void {
  const candidate = value as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown } | null;
  const iterable =
    typeof value === "object" && candidate !== null &&
    (typeof candidate[Symbol.iterator] === "function" || (asynchronous && typeof candidate[Symbol.asyncIterator] === "function"));
  if (!iterable) throw new TypeError(`${functionName} requires ${name} to be ${asynchronous ? "iterable or async iterable" : "iterable"}`);
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
export function quotedList(choices: ReadonlyArray<string>): string {
  const quoted = choices.map((entry) => `"${entry}"`);
  return quoted.length === 1 ? (quoted[0] as string) : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1] as string}`;
}

/**
 * An option that names one of a few choices, `fallback` when absent; anything else throws
 * `<functionName> requires <name> to be "a", "b" or "c"`: a misspelt choice must not quietly act as
 * the default.
 */
export function choice<Choice extends string>(functionName: string, name: string, value: unknown, choices: ReadonlyArray<Choice>, fallback: Choice): Choice {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (choices as ReadonlyArray<string>).includes(value)) return value as Choice;
  throw new TypeError(`${functionName} requires ${name} to be ${quotedList(choices)}`);
}
