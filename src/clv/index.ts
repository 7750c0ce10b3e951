/**
 * Customer lifetime value: buy-till-you-die models (BG/NBD, MBG/NBD, Pareto/NBD, BG/BB), the
 * Gamma-Gamma spend model, data preparation, predictions, CLV and per-segment summaries.
 * @module clv
 */
export { rfmSummary } from "./rfmSummary.js";
export type { RfmCustomer, RfmSummaryOptions, RfmSummaryResult, RfmTransaction } from "./rfmSummary.js";
export { fitBgNbd } from "./fitBgNbd.js";
export { fitMbgNbd } from "./fitMbgNbd.js";
export { fitParetoNbd } from "./fitParetoNbd.js";
export { fitBgBb } from "./fitBgBb.js";
export type { OpportunityActivity } from "./fitBgBb.js";
export { fitGammaGamma } from "./fitGammaGamma.js";
export type { CustomerSpend } from "./fitGammaGamma.js";
export { modelFromParams } from "./modelFromParams.js";
export type { ModelFor, ModelSpecification } from "./modelFromParams.js";
export { expectedPurchases } from "./expectedPurchases.js";
export { probabilityAlive } from "./probabilityAlive.js";
export { expectedPopulationPurchases } from "./expectedPopulationPurchases.js";
export { conditionalPurchaseCountProbability } from "./conditionalPurchaseCountProbability.js";
export { purchaseCountProbability } from "./purchaseCountProbability.js";
export { purchaseProbability } from "./purchaseProbability.js";
export { expectedAverageSpend } from "./expectedAverageSpend.js";
export { discountedResidualPurchases } from "./discountedResidualPurchases.js";
export type { DiscountedResidualOptions } from "./discountedResidualPurchases.js";
export { customerLifetimeValue } from "./customerLifetimeValue.js";
export type { CustomerLifetimeValueOptions, CustomerValueInput } from "./customerLifetimeValue.js";
export { clvBySegment } from "./clvBySegment.js";
export type { ClvBySegmentOptions, SegmentClvSummary } from "./clvBySegment.js";
export { holdoutComparison } from "./holdoutComparison.js";
export type { HoldoutComparisonOptions, HoldoutComparisonResult, HoldoutComparisonRow } from "./holdoutComparison.js";
export { repeatPurchaseTracking } from "./repeatPurchaseTracking.js";
export type { RepeatPurchaseTrackingOptions, TrackingRow } from "./repeatPurchaseTracking.js";
export type { Horizon } from "./_lib/horizon.js";
export type {
  ActivityData,
  BgBbModel,
  BgBbParams,
  BgNbdModel,
  BgNbdParams,
  CustomerActivity,
  FitFailure,
  FitFailureReason,
  FitOptions,
  FittedModel,
  GammaGammaFitOptions,
  GammaGammaModel,
  GammaGammaParams,
  MbgNbdModel,
  MbgNbdParams,
  ParetoNbdModel,
  ParetoNbdParams,
  PurchaseModel,
  TimeUnit as ClvTimeUnit,
} from "./types.js";
