/**
 * The segments made by `defineSegment`: already valid, so segment lists (`assignSegments`,
 * `segmentQuery`, ...) skip re-checking them. A module of its own so that `segmentkit/sql` can ask
 * without depending on `segmentkit/segments`.
 */
const definedSegments = /* @__PURE__ */ new WeakSet<object>();

/** Records a segment made by `defineSegment`. */
export function markDefinedSegment(segment: object): void {
  definedSegments.add(segment);
}

/** Whether a value was returned by `defineSegment`. */
export function isDefinedSegment(value: unknown): boolean {
  return typeof value === "object" && value !== null && definedSegments.has(value);
}

/** The keys of a segment definition; any other key is a typo (`priorty`) that would change nothing silently. */
export const segmentDefinitionKeys: ReadonlyArray<string> = ["id", "name", "description", "priority", "rule"];
