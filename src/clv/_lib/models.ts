/** Parameter vectors and per-kind dispatch for the continuous-time purchase models. */
import type { OpportunityActivity } from "../fitBgBb.js";
import type { BgBbModel, GammaGammaModel, PurchaseModel } from "../types.js";
import { assertObject } from "./assert.js";
import * as bgNbd from "./bgNbd.js";
import * as paretoNbd from "./paretoNbd.js";
import { isTimeUnit } from "./units.js";

export function vector(model: PurchaseModel): Float64Array {
  const p = model.params;
  return model.kind === "Pareto/NBD"
    ? Float64Array.of(p.r, p.alpha, (p as { s: number }).s, (p as { beta: number }).beta)
    : Float64Array.of(p.r, p.alpha, (p as { a: number }).a, (p as { b: number }).b);
}

export function conditional(model: PurchaseModel, params: Float64Array, x: number, tx: number, T: number, t: number): number {
  return model.kind === "Pareto/NBD"
    ? paretoNbd.conditionalExpected(params, x, tx, T, t)
    : bgNbd.conditionalExpected(params, x, tx, T, t, model.kind === "MBG/NBD");
}

export function alive(model: PurchaseModel, params: Float64Array, x: number, tx: number, T: number): number {
  return model.kind === "Pareto/NBD"
    ? paretoNbd.probabilityAlive(params, x, tx, T)
    : bgNbd.probabilityAlive(params, x, tx, T, model.kind === "MBG/NBD");
}

/** Discounted expected residual transactions at continuous discount rate δ per unit (paretoNbd.ts, bgNbd.ts). */
export function discountedResidual(model: PurchaseModel, params: Float64Array, x: number, tx: number, T: number, delta: number): number {
  return model.kind === "Pareto/NBD"
    ? paretoNbd.discountedResidual(params, x, tx, T, delta)
    : bgNbd.discountedResidual(params, x, tx, T, delta, model.kind === "MBG/NBD");
}

export function unconditional(model: PurchaseModel, params: Float64Array, t: number): number {
  return model.kind === "Pareto/NBD" ? paretoNbd.unconditionalExpected(params, t) : bgNbd.unconditionalExpected(params, t, model.kind === "MBG/NBD");
}

/** The parameter names of each model kind, in the order of its parameter vector. */
export const PARAMETER_NAMES: Readonly<Record<string, ReadonlyArray<string>>> = {
  "BG/NBD": ["r", "alpha", "a", "b"],
  "MBG/NBD": ["r", "alpha", "a", "b"],
  "Pareto/NBD": ["r", "alpha", "s", "beta"],
  "BG/BB": ["alpha", "beta", "gamma", "delta"],
  "Gamma-Gamma": ["p", "q", "gamma"],
};

/**
 * The first of `names` that is not a positive finite number among the own properties of `params`
 * (all of them when `params` is not an object), or `undefined` when every one is.
 */
export function invalidParameter(params: unknown, names: ReadonlyArray<string>): string | undefined {
  if (params === null || typeof params !== "object") return names[0];
  for (const name of names) {
    const value = Object.hasOwn(params, name) ? (params as Record<string, unknown>)[name] : undefined;
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) return name;
  }
  return undefined;
}

function assertParameters(kind: string, params: unknown, caller: string): void {
  const name = invalidParameter(params, PARAMETER_NAMES[kind] as ReadonlyArray<string>);
  if (name !== undefined) throw new RangeError(`${caller} requires a model with a positive finite parameter ${name}`);
}

const KINDS = new Set(["BG/NBD", "MBG/NBD", "Pareto/NBD", "BG/BB"]);
const CONTINUOUS_KINDS = new Set(["BG/NBD", "MBG/NBD", "Pareto/NBD"]);

/**
 * Checks for a converged purchase model with a valid unit (a time unit, or "periods" for BG/BB) and
 * positive finite parameters, so hand-built or edited models fail here rather than yield NaN or loop;
 * `continuousOnly` excludes the discrete-time BG/BB.
 */
export function assertModel(model: unknown, caller: string, continuousOnly = false): asserts model is PurchaseModel | BgBbModel {
  const candidate = model as { converged?: unknown; kind?: unknown; unit?: unknown; params?: unknown } | null;
  const kinds = continuousOnly ? CONTINUOUS_KINDS : KINDS;
  if (candidate === null || typeof candidate !== "object" || !kinds.has(candidate.kind as string)) {
    throw new TypeError(`${caller} requires a fitted BG/NBD, MBG/NBD, Pareto/NBD${continuousOnly ? "" : " or BG/BB"} model`);
  }
  if (candidate.converged !== true) throw new TypeError(`${caller} requires a converged model`);
  if (candidate.kind === "BG/BB") {
    if (candidate.unit !== "periods") throw new RangeError(`${caller} requires a model with unit periods for BG/BB`);
  } else if (!isTimeUnit(candidate.unit)) throw new RangeError(`${caller} requires a model with unit days, weeks, months or years`);
  assertParameters(candidate.kind as string, candidate.params, caller);
}

/** Checks for a converged Gamma-Gamma model with positive finite parameters and q above one. */
export function assertSpendModel(model: unknown, caller: string): asserts model is GammaGammaModel {
  const candidate = model as { converged?: unknown; kind?: unknown; params?: unknown } | null;
  if (candidate === null || typeof candidate !== "object" || candidate.kind !== "Gamma-Gamma" || candidate.converged !== true) {
    throw new TypeError(`${caller} requires a converged Gamma-Gamma model`);
  }
  assertParameters("Gamma-Gamma", candidate.params, caller);
  if ((candidate.params as { q: number }).q <= 1) throw new RangeError(`${caller} requires a Gamma-Gamma model with q above one`);
}

/**
 * Most opportunities a BG/BB customer or horizon may span: the likelihood and the count probabilities
 * sum one term per opportunity (BG/BB is for a few discrete opportunities such as annual donations).
 */
export const MAX_OPPORTUNITIES = 10_000;

/** Largest count the count probabilities accept: the continuous models sum one term per count below it (about 0.1–0.3 s at this size). */
export const MAX_PURCHASE_COUNT = 1_000_000;

/** Throws RangeError `<caller> requires count to be a non-negative integer` or `... at most 1000000`. */
export function assertPurchaseCount(count: number, caller: string): void {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`${caller} requires count to be a non-negative integer`);
  if (count > MAX_PURCHASE_COUNT) throw new RangeError(`${caller} requires count to be at most ${MAX_PURCHASE_COUNT}`);
}

/** Validates one BG/BB customer for a prediction: integers with 0 ≤ frequency ≤ recency ≤ periods ≤ 10000. */
export function assertOpportunities(customer: unknown, caller: string): OpportunityActivity {
  assertObject(customer, caller, "customer");
  const { frequency: x, recency: tx, periods: n } = customer as OpportunityActivity;
  if (!Number.isInteger(x) || !Number.isInteger(tx) || !Number.isInteger(n)) {
    throw new TypeError(`${caller} requires integer frequency, recency and periods for a BG/BB model`);
  }
  if (x < 0 || x > tx || tx > n || n > MAX_OPPORTUNITIES) {
    throw new RangeError(`${caller} requires 0 <= frequency <= recency <= periods <= ${MAX_OPPORTUNITIES} for a BG/BB model`);
  }
  return customer as OpportunityActivity;
}

/**
 * Validates one customer's activity as the fits do and returns the recency to use: a recency up to
 * 1e-12 relative above T (rounding in the caller's day arithmetic) is accepted and read as T, since
 * the models' terms in T − recency are not defined below zero.
 */
export function assertActivity(customer: { frequency: number; recency: number; T: number }, caller: string): number {
  assertObject(customer, caller, "customer");
  const { frequency: x, recency: tx, T } = customer;
  if (typeof T !== "number") throw new TypeError(`${caller} requires T for a continuous-time model`);
  if (!Number.isInteger(x) || x < 0) throw new RangeError(`${caller} requires frequency to be a non-negative integer`);
  if (!Number.isFinite(T) || T < 0) throw new RangeError(`${caller} requires T to be non-negative`);
  if (!Number.isFinite(tx) || tx < 0 || tx > T * (1 + 1e-12)) throw new RangeError(`${caller} requires recency between zero and T`);
  if (x === 0 && tx !== 0) throw new RangeError(`${caller} requires recency to be zero when frequency is zero`);
  return Math.min(tx, T);
}
