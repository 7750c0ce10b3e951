/**
 * `segmentkit/node`: Node-only helpers that stream customer data from files in constant memory.
 * Everything else in segmentkit runs in browsers too; this subpath imports `node:fs`.
 *
 * @module node
 */
export { readLines } from "./readLines.js";
export type { ReadLinesOptions } from "./readLines.js";
export { readJsonLines } from "./readJsonLines.js";
export type { InvalidLine, ReadRecordsOptions } from "./readJsonLines.js";
export { readDelimited } from "./readDelimited.js";
export type { ReadDelimitedOptions } from "./readDelimited.js";
