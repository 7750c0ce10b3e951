import type { InvalidLine } from "../readJsonLines.js";

/**
 * The `onInvalidLine` option of a record reader, checked: a line that cannot be read as a record goes
 * to it (the reader awaits what it returns, then goes on), or, without it, the error is thrown and the
 * read stops.
 */
export function invalidLineHandler(functionName: string, onInvalidLine: unknown): (invalid: InvalidLine, error: SyntaxError) => unknown {
  if (onInvalidLine === undefined) {
    return (_invalid, error) => {
      throw error;
    };
  }
  if (typeof onInvalidLine !== "function") throw new TypeError(`${functionName} requires onInvalidLine to be a function`);
  return (invalid) => (onInvalidLine as (invalid: InvalidLine) => unknown)(invalid);
}
