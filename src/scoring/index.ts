/**
 * Scoring: RFM scores and named RFM segments, scoring plans, and feature preparation (scalers,
 * one-hot encoding, missing-value policy) for clustering.
 *
 * @module scoring
 */
export { rfmScores } from "./rfmScores.js";
export type { RfmInput, RfmScore, RfmScoresOptions } from "./rfmScores.js";
export { rfmScoreCells } from "./rfmScoreCells.js";
export type { RfmCell } from "./rfmScoreCells.js";
export { fitScaler } from "./fitScaler.js";
export type { FitScalerOptions, Scaler, ScalerJson, ScalerMethod } from "./fitScaler.js";
export { parseScaler } from "./parseScaler.js";
export { prepareFeatures } from "./prepareFeatures.js";
export type { MissingValuePolicy, PrepareFeaturesOptions, PrepareFeaturesResult } from "./prepareFeatures.js";
export { fitOneHotEncoder } from "./fitOneHotEncoder.js";
export type { FitOneHotEncoderOptions, OneHotEncoder, OneHotEncoderJson } from "./fitOneHotEncoder.js";
export { parseOneHotEncoder } from "./parseOneHotEncoder.js";
export { rfmSegments } from "./rfmSegments.js";
export type { RfmSegmentsOptions } from "./rfmSegments.js";
export { assignRfmSegments } from "./assignRfmSegments.js";
export type { AssignRfmSegmentsResult, RfmSegmentSummary } from "./assignRfmSegments.js";
export { defineScoringPlan } from "./defineScoringPlan.js";
export type { ScoringPlan, ScoringPlanDefinition } from "./defineScoringPlan.js";
export { scoreProfiles } from "./scoreProfiles.js";
export type { ProfileScore, ScoreProfilesOptions } from "./scoreProfiles.js";

// The base class of every error with a list of issues, for `instanceof` checks from this subpath.
export { SegmentationError } from "../_lib/errors.js";
export type { Issue } from "../_lib/errors.js";
