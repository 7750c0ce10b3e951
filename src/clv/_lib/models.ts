/** Parameter vectors and per-kind dispatch for the continuous-time purchase models. */
import type { PurchaseModel } from "../types.js";
import * as bgNbd from "./bgNbd.js";
import * as paretoNbd from "./paretoNbd.js";

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

export function unconditional(model: PurchaseModel, params: Float64Array, t: number): number {
  return model.kind === "Pareto/NBD" ? paretoNbd.unconditionalExpected(params, t) : bgNbd.unconditionalExpected(params, t, model.kind === "MBG/NBD");
}

const KINDS = new Set(["BG/NBD", "MBG/NBD", "Pareto/NBD", "BG/BB"]);
const CONTINUOUS_KINDS = new Set(["BG/NBD", "MBG/NBD", "Pareto/NBD"]);

/** Checks for a converged purchase model; `continuousOnly` excludes the discrete-time BG/BB. */
export function assertModel(model: unknown, caller: string, continuousOnly = false): void {
  const candidate = model as { converged?: unknown; kind?: unknown } | null;
  const kinds = continuousOnly ? CONTINUOUS_KINDS : KINDS;
  if (candidate === null || typeof candidate !== "object" || !kinds.has(candidate.kind as string)) {
    throw new TypeError(`${caller} requires a fitted BG/NBD, MBG/NBD, Pareto/NBD${continuousOnly ? "" : " or BG/BB"} model`);
  }
  if (candidate.converged !== true) throw new TypeError(`${caller} requires a converged model`);
}

/**
 * Validates one customer's activity as the fits do and returns the recency to use: a recency up to
 * 1e-12 relative above T (rounding in the caller's day arithmetic) is accepted and read as T, since
 * the models' terms in T − recency are not defined below zero.
 */
export function assertActivity(customer: { frequency: number; recency: number; T: number }, caller: string): number {
  const { frequency: x, recency: tx, T } = customer;
  if (typeof T !== "number") throw new TypeError(`${caller} requires T for a continuous-time model`);
  if (!Number.isInteger(x) || x < 0) throw new RangeError(`${caller} requires frequency to be a non-negative integer`);
  if (!Number.isFinite(T) || T < 0) throw new RangeError(`${caller} requires T to be non-negative`);
  if (!Number.isFinite(tx) || tx < 0 || tx > T * (1 + 1e-12)) throw new RangeError(`${caller} requires recency between zero and T`);
  if (x === 0 && tx !== 0) throw new RangeError(`${caller} requires recency to be zero when frequency is zero`);
  return Math.min(tx, T);
}
