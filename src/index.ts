/**
 * segmentkit: composable customer-segmentation primitives.
 *
 * The root re-exports every browser-safe domain module; import a subpath (`segmentkit/rules`,
 * `segmentkit/metrics`, ...) to load only that domain. Node-only helpers live in `segmentkit/node`.
 *
 * @module segmentkit
 */
export * from "./schema/index.js";
export * from "./rules/index.js";
export * from "./segments/index.js";
export * from "./sql/index.js";
export * from "./scoring/index.js";
export * from "./cluster/index.js";
export * from "./metrics/index.js";
export * from "./clv/index.js";
export { SegmentationError } from "./_lib/errors.js";
export type { Issue, SafeParseResult } from "./_lib/errors.js";
