/**
 * Freezes a value and everything reachable from it through own enumerable keys (iteratively: no depth
 * limit). An object that is already frozen is taken as frozen all the way down and not entered: the
 * callers freeze fresh copies they built, which hold no frozen object with unfrozen children.
 */
export function deepFreeze(value: unknown): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === null || typeof item !== "object" || Object.isFrozen(item)) continue;
    Object.freeze(item);
    for (const key of Object.keys(item)) stack.push((item as Record<string, unknown>)[key]);
  }
}
