/**
 * An option that names one of a few choices, or its default when absent. Anything else is refused:
 * a misspelt choice must not quietly act as the default.
 */
export function choice<Choice extends string>(functionName: string, name: string, value: unknown, choices: ReadonlyArray<Choice>, fallback: Choice): Choice {
  if (value === undefined) return fallback;
  if (typeof value === "string" && (choices as ReadonlyArray<string>).includes(value)) return value as Choice;
  throw new RangeError(`${functionName} requires ${name} to be ${choices.map((item) => `"${item}"`).join(" or ")}`);
}
