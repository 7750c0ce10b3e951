/**
 * `segmentkit/segments`: named segments over the rule DSL. Assign profiles to segments (every
 * matching segment, or a priority waterfall), diagnose a segmentation (overlap, shadowing,
 * over- and under-segmentation), diff two runs, and stream assignments over large inputs.
 *
 * @module segments
 */
export { defineSegment } from "./defineSegment.js";
export type { Segment, SegmentDefinition } from "./defineSegment.js";
export { SegmentError } from "./SegmentError.js";
export type { SegmentIssue, SegmentIssueCode } from "./SegmentError.js";
export { assignSegments } from "./assignSegments.js";
export type { AssignSegmentsOptions, AssignSegmentsResult, SegmentMembership, SegmentSize } from "./assignSegments.js";
export { analyzeSegments } from "./analyzeSegments.js";
export type { AnalyzeSegmentsOptions, AnalyzeSegmentsResult, SegmentDiagnosis, SegmentOverlap } from "./analyzeSegments.js";
export { diffMemberships } from "./diffMemberships.js";
export type { DiffMembershipsResult, MembershipsInput, SegmentChange } from "./diffMemberships.js";
export { assignSegmentsStream } from "./assignSegmentsStream.js";
export type {
  AssignSegmentsStreamOptions,
  AssignSegmentsStreamSummary,
  AssignedRow,
  RejectedRow,
  RowSchema,
  StreamProgress,
} from "./assignSegmentsStream.js";
export type { EventsOf } from "./_lib/compile.js";

// The base class of every error with a list of issues, for `instanceof` checks from this subpath.
export { SegmentationError } from "../_lib/errors.js";
export type { Issue } from "../_lib/errors.js";
