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

/** How {@link assertKnownOptions} words its refusal: other tools' names, and what the keys are called. */
export interface KnownOptionsWording {
  /** Other tools' names for the options, answered by the option to pass. */
  readonly aliases?: OptionAliases;
  /** What a key is called in the message ("option" by default; "limit" for rule limits). */
  readonly noun?: string;
}

/** The first own key of `record` that `keys` does not list, if any. */
export function unknownKey(record: object, keys: Readonly<Record<string, true>>): string | undefined {
  return Object.keys(record).find((key) => !Object.hasOwn(keys, key));
}

/** A key as messages show it: quoted, and cut to 40 characters. */
export function quotedKey(key: string): string {
  return JSON.stringify(key.length > 40 ? `${key.slice(0, 37)}...` : key);
}

/**
 * Throws `<functionName> does not take the option "<key>" (its options: a, b)` for an own key of
 * `options` that `keys` does not list: a misspelt option, or another tool's name for one
 * (statsmodels' `alpha` where the function takes `confidence`, lifetimes' `penalizer_coef`), would
 * otherwise be ignored and give another analysis than the one asked for. The message adds the option
 * to pass when the key is one of `aliases`, or another case or a snake_case form of one (`asof`,
 * `n_init`). Call sites write `keys` as `{ ... } satisfies OptionKeys<Options>`, so the list is
 * complete and a new option is a type error until it is added. The modules Python users move to pass
 * the Python names (`src/_lib/pythonOptions.ts`); the tables stay out of the other bundles.
 */
export function assertKnownOptions(functionName: string, options: object, keys: Readonly<Record<string, true>>, wording: KnownOptionsWording = {}): void {
  const key = unknownKey(options, keys);
  if (key === undefined) return;
  const { names = {}, conversions = {} } = wording.aliases ?? {};
  const noun = wording.noun ?? "option";
  const taken = Object.keys(keys);
  const alias = Object.hasOwn(names, key) ? names[key] : undefined;
  const folded = key.replace(/_/g, "").toLowerCase();
  const instead = alias !== undefined && Object.hasOwn(keys, alias) ? alias : taken.find((name) => name.toLowerCase() === folded);
  const advice = instead === undefined ? "" : `; pass ${Object.hasOwn(conversions, key) ? (conversions[key] as string) : instead}`;
  throw new TypeError(`${functionName} does not take the ${noun} ${quotedKey(key)} (${taken.length === 0 ? "it takes none" : `its ${noun}s: ${taken.join(", ")}`})${advice}`);
}

/**
 * Throws `<functionName> requires options to be an object` unless `options` is one, then
 * {@link assertKnownOptions}.
 */
export function assertOptions(functionName: string, options: unknown, keys: Readonly<Record<string, true>>, wording: KnownOptionsWording = {}): asserts options is object {
  assertRecord(functionName, "options", options);
  assertKnownOptions(functionName, options, keys, wording);
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
