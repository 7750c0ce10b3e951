/**
 * Argument checks shared by the domains, each throwing a house-style `TypeError` that names the
 * calling function: `<functionName> requires <name> to be ...`.
 */

/** Throws `<functionName> requires <name> to be an object` unless `value` is a non-null, non-array object. */
export function assertRecord(functionName: string, name: string, value: unknown): asserts value is object {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new TypeError(`${functionName} requires ${name} to be an object`);
}

/** Every key of an options type, each mapped to `true`: the list {@link assertOptions} accepts, complete by type. */
export type OptionKeys<Options> = Record<keyof NonNullable<Options> & string, true>;

/**
 * Other tools' names for options, each with the option to pass instead (`names`), and what to pass
 * where the value does not carry over as it is (`conversions`).
 */
export interface OptionAliases {
  readonly names: Readonly<Record<string, string>>;
  readonly conversions: Readonly<Record<string, string>>;
}

const noAliases: OptionAliases = { names: {}, conversions: {} };

/**
 * Throws `<functionName> does not take the option "<key>" (its options: a, b)` for an own key of
 * `options` that `keys` does not list: a misspelt option, or another tool's name for one
 * (statsmodels' `alpha` where the function takes `confidence`, lifetimes' `penalizer_coef`), would
 * otherwise be ignored and give another analysis than the one asked for. The message adds the option
 * to pass when the key is one of `aliases`, a snake_case form or another case (`asof`) of one.
 * Call sites write `keys` as `{ ... } satisfies OptionKeys<Options>`, so the list is complete and a
 * new option is a type error until it is added. The modules Python users move to pass the Python
 * names (`src/_lib/pythonOptions.ts`); the tables stay out of the other bundles.
 */
export function assertKnownOptions(functionName: string, options: object, keys: Readonly<Record<string, true>>, aliases: OptionAliases = noAliases): void {
  for (const key of Object.keys(options)) {
    if (Object.hasOwn(keys, key)) continue;
    const taken = Object.keys(keys);
    // scikit-learn's n_init is nInit here: a snake_case name whose camelCase form is an option.
    const camel = Object.hasOwn(aliases.names, key) ? (aliases.names[key] as string) : key.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
    const instead = Object.hasOwn(keys, camel) ? camel : taken.find((name) => name.toLowerCase() === camel.toLowerCase());
    const advice = instead !== undefined && instead !== key ? `; pass ${Object.hasOwn(aliases.conversions, key) ? (aliases.conversions[key] as string) : instead}` : "";
    const shown = JSON.stringify(key.length > 40 ? `${key.slice(0, 37)}...` : key);
    throw new TypeError(`${functionName} does not take the option ${shown} (${taken.length === 0 ? "it takes none" : `its options: ${taken.join(", ")}`})${advice}`);
  }
}

/**
 * Throws `<functionName> requires options to be an object` unless `options` is one, then
 * {@link assertKnownOptions}.
 */
export function assertOptions(functionName: string, options: unknown, keys: Readonly<Record<string, true>>, aliases: OptionAliases = noAliases): asserts options is object {
  assertRecord(functionName, "options", options);
  assertKnownOptions(functionName, options, keys, aliases);
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
