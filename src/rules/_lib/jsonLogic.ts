/** What `parseJsonLogic` and `toJsonLogic` know of json-logic-js. */

/**
 * Members of `Object.prototype`: json-logic-js's `var` finds them on every object that lacks the key
 * (`{ "var": "toString" }` is a function), where segmentkit reads own fields only.
 */
export const inheritedMembers: ReadonlySet<string> = new Set([
  "toString", "toLocaleString", "valueOf", "hasOwnProperty", "isPrototypeOf", "propertyIsEnumerable",
  "__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
]);
