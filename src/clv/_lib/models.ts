/** Parameter vectors and per-kind dispatch for the continuous-time purchase models. */
import type { OpportunityActivity } from "../fitBgBb.js";
import type { BgBbModel, GammaGammaModel, PurchaseModel } from "../types.js";
import { assertObject } from "./assert.js";
import * as bgNbd from "./bgNbd.js";
import * as paretoNbd from "./paretoNbd.js";
import { integrateOnLine } from "./special.js";
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

/**
 * Discounted expected residual transactions at continuous discount rate δ per unit. Pareto/NBD has its closed
 * form; BG/NBD and MBG/NBD have none, so theirs is δ ∫₀^∞ e^(−δt) E[Y(t)] dt (E[Y(0)] = 0, integration by
 * parts of ∫ e^(−δt) dE[Y(t)]) = ∫ e^(u − e^u) E[Y(e^u/δ)] du over u = ln(δt). E[Y] grows at most linearly,
 * so below u = −24 the integrand is under e^(−48) of its peak, and e^(−e^4) makes everything above u = 4
 * negligible; E[Y(t)] is analytic in t off the negative axis (t = −(α+T) is its nearest singularity), so
 * the rule converges geometrically. About 230 evaluations of E[Y], 0.2 ms.
 *
 * E[Y(t)]'s 2F1 over such horizons is out of range when b + x is large (its connection formula cancels
 * once b·(α+T)/t is large, and its series needs (r+x)·t/(α+T) terms); near a = 1 E[Y] takes a limit
 * series whose length grows with t; and when δ(α+T) is small the longest horizon puts t/(α+T+t) so near 1
 * that 1 − z keeps few digits (1e-9 at δ(α+T) = 4e-5). There the posterior form of
 * `bgNbd.discountedResidualFromPosterior` serves: no 2F1 and no 0/0 at a = 1, but a double integral, 5 to
 * 20 ms.
 */
export function discountedResidual(model: PurchaseModel, params: Float64Array, x: number, tx: number, T: number, delta: number): number {
  if (model.kind === "Pareto/NBD") return paretoNbd.discountedResidual(params, x, tx, T, delta);
  const modified = model.kind === "MBG/NBD";
  const a = params[2] as number;
  const b = params[3] as number;
  const alpha = params[1] as number;
  if (b + x >= POSTERIOR_FROM || Math.abs(a - 1) < SHAPE_GAP || delta * (alpha + T) < SLOW_DISCOUNT) {
    return bgNbd.discountedResidualFromPosterior(params, x, tx, T, delta, modified);
  }
  return integrateOnLine((u) => Math.exp(u - Math.exp(u)) * bgNbd.conditionalExpected(params, x, tx, T, Math.exp(u) / delta, modified), -24, 4);
}

/** BG/NBD's and MBG/NBD's 0/0 at a = 1 is taken by its limit within this |a − 1| (bgNbd.ts, `shapeGapWidth`). */
const SHAPE_GAP = 1e-5;
/** From this b + x on, BG/NBD's and MBG/NBD's DERT take the posterior form (the 2F1 route erred by 4e-5 at x = 2,000). */
const POSTERIOR_FROM = 100;
/** Below this δ(α+T) too (the longest horizon is then beyond 5,000 (α+T)). */
const SLOW_DISCOUNT = 1e-3;

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
