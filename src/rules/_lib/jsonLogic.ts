/** What `parseJsonLogic` and `toJsonLogic` know of json-logic-js. */

/**
 * Members of `Object.prototype`: json-logic-js's `var` finds them on every object that lacks the key
 * (`{ "var": "toString" }` is a function), where segmentkit reads own fields only.
 */
const inheritedMembers: ReadonlySet<string> = new Set([
  "toString", "toLocaleString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
  "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
]);

/** Why json-logic-js would read `field` differently: a segment that every object inherits; else `undefined`. */
export function inheritedMemberProblem(field: string): string | undefined {
  const inherited = field.split(".").find((segment) => inheritedMembers.has(segment));
  if (inherited === undefined) return undefined;
  return `json-logic-js reads the inherited "${inherited}" of every object that lacks it; segmentkit reads own fields only`;
}
