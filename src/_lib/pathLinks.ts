/**
 * A path into a nested document (a rule tree) kept as a link to its parent, so that a walk adds a
 * step in O(1) instead of copying the whole path at every node, which made deep documents cost
 * O(nodes × depth). The keys are read back only when an issue needs them.
 */
export interface PathLink {
  readonly parent: PathLink | undefined;
  readonly key: string | number;
}

/** The link `keys.length` steps below `parent` (`undefined` is the root). */
export function pathLink(parent: PathLink | undefined, ...keys: ReadonlyArray<string | number>): PathLink | undefined {
  let link = parent;
  for (const key of keys) link = { parent: link, key };
  return link;
}

/** The keys from the root to `link`, then `tail`. */
export function pathKeys(link: PathLink | undefined, ...tail: ReadonlyArray<string | number>): Array<string | number> {
  const keys: Array<string | number> = [];
  for (let step = link; step !== undefined; step = step.parent) keys.push(step.key);
  keys.reverse();
  for (const key of tail) keys.push(key);
  return keys;
}
