/**
 * Clustering: seeded, restarted k-means with Hamerly bounds, mini-batch k-means, k-prototypes and
 * k-modes for mixed data, cluster-quality indices, choosing k and persona profiles.
 *
 * @module cluster
 */
export { kMeans } from "./kMeans.js";
export type { KMeansOptions, KMeansResult, KMeansRestart } from "./kMeans.js";
export { parseKMeansModel, safeParseKMeansModel } from "./kMeansModel.js";
export type { KMeansModel, KMeansModelJson } from "./kMeansModel.js";
export type { Matrix, MatrixInput } from "./_lib/matrix.js";
export { silhouetteScore } from "./silhouetteScore.js";
export type { SilhouetteScoreOptions } from "./silhouetteScore.js";
export { silhouetteSamples } from "./silhouetteSamples.js";
export { daviesBouldinScore } from "./daviesBouldinScore.js";
export { calinskiHarabaszScore } from "./calinskiHarabaszScore.js";
export { adjustedRandIndex } from "./adjustedRandIndex.js";
export { chooseK } from "./chooseK.js";
export type { ChooseKOptions, ChooseKResult, ChooseKRow } from "./chooseK.js";
export { profileClusters } from "./profileClusters.js";
export type { ClusterProfile, FeatureProfile, ProfileClustersOptions } from "./profileClusters.js";
export { miniBatchKMeans } from "./miniBatchKMeans.js";
export type { MiniBatchKMeansOptions, MiniBatchKMeansResult } from "./miniBatchKMeans.js";
export { createMiniBatchKMeans } from "./createMiniBatchKMeans.js";
export type { CreateMiniBatchKMeansOptions, MiniBatchKMeansStream } from "./createMiniBatchKMeans.js";
export { kPrototypes } from "./kPrototypes.js";
export type { KPrototypesOptions, KPrototypesResult } from "./kPrototypes.js";
export { parseKPrototypesModel, safeParseKPrototypesModel } from "./kPrototypesModel.js";
export type { KPrototypesModel, KPrototypesModelJson } from "./kPrototypesModel.js";
export { kModes } from "./kModes.js";
export type { KModesOptions } from "./kModes.js";
export { kMeansAssignmentSql } from "./kMeansAssignmentSql.js";
export type { KMeansAssignmentSqlOptions, KMeansAssignmentSqlResult } from "./kMeansAssignmentSql.js";

// The base class of every error with a list of issues, for `instanceof` checks from this subpath.
export { SegmentationError } from "../_lib/errors.js";
export type { Issue } from "../_lib/errors.js";
