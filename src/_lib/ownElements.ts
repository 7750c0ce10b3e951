/**
 * A dense copy of an untrusted array: a hole of a sparse array becomes `undefined`, read as a missing
 * element (never skipped, as `map` and `forEach` skip holes, and never read from `Array.prototype`).
 */
export function ownElements<T>(list: ReadonlyArray<T>): Array<T | undefined> {
  const copy = new Array<T | undefined>(list.length);
  for (let index = 0; index < list.length; index++) copy[index] = Object.hasOwn(list, index) ? list[index] : undefined;
  return copy;
}
