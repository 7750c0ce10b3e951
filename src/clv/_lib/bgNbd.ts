/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way") and MBG/NBD (Batislam,
 * Denizel & Filiztekin 2007) in log space. `modified` switches to MBG/NBD, whose dropout coin is also
 * tossed at time zero (b + x + 1 in A2, the A4 branch present even when x = 0).
 *
 * LL = A1 + A2 + ln(e^A3 + δ e^A4) with
 *   A1 = lnΓ(r + x) − lnΓ(r) + r ln α
 *   A2 = ln B(a, b + x [+1]) − ln B(a, b)
 *   A3 = −(r + x) ln(α + T)
 *   A4 = ln a − ln(b + x − 1 [+1]) − (r + x) ln(α + t_x)      (BG/NBD: only when x > 0)
 */
import type { CompressedRows } from "./rows.js";
import {
  acrossRemovableSingularity,
  digamma,
  integrateOnLine,
  inverseOnePlusExp,
  LINE_STEP,
  log1pExp,
  logAddExp,
  logBeta,
  logGamma,
  logNegativeBinomialCoefficient,
  log2F1Signed,
  shiftedGammaReciprocalMean,
} from "./special.js";

export function logLikelihood(params: ArrayLike<number>, rows: CompressedRows, modified: boolean, gradient?: Float64Array): number {
  const r = params[0] as number;
  const alpha = params[1] as number;
  const a = params[2] as number;
  const b = params[3] as number;
  const shift = modified ? 1 : 0;
  const logAlpha = Math.log(alpha);
  const logA = Math.log(a);
  const lgR = logGamma(r);
  const lbAB = logBeta(a, b);
  // everything that depends on x alone, once per distinct frequency
  const distinct = rows.distinctFrequencies;
  const m = distinct.length;
  const partA12 = new Float64Array(m);
  const logB = new Float64Array(m);
  const dR = new Float64Array(m);
  const dA = new Float64Array(m);
  const dB = new Float64Array(m);
  const psiR = gradient ? digamma(r) : 0;
  const psiB = gradient ? digamma(b) : 0;
  const psiAB = gradient ? digamma(a + b) : 0;
  for (let k = 0; k < m; k++) {
    const x = distinct[k] as number;
    partA12[k] = logGamma(r + x) - lgR + r * logAlpha + logBeta(a, b + x + shift) - lbAB;
    logB[k] = Math.log(b + x - 1 + shift);
    if (gradient) {
      const psiABX = digamma(a + b + x + shift);
      dR[k] = digamma(r + x) - psiR + logAlpha;
      dA[k] = psiAB - psiABX;
      dB[k] = psiAB + digamma(b + x + shift) - psiB - psiABX;
    }
  }
  let total = 0;
  let gR = 0;
  let gAlpha = 0;
  let gA = 0;
  let gB = 0;
  for (let i = 0; i < rows.count; i++) {
    const x = rows.frequency[i] as number;
    const k = rows.frequencyIndex[i] as number;
    const tx = rows.recency[i] as number;
    const T = rows.T[i] as number;
    const w = rows.weight[i] as number;
    const rx = r + x;
    const logAlphaT = Math.log(alpha + T);
    const A3 = -rx * logAlphaT;
    const hasA4 = x > 0 || modified;
    const logAlphaTx = hasA4 ? Math.log(alpha + tx) : 0;
    const A4 = hasA4 ? logA - (logB[k] as number) - rx * logAlphaTx : Number.NEGATIVE_INFINITY;
    total += w * ((partA12[k] as number) + logAddExp(A3, A4));
    if (gradient) {
      const w4 = hasA4 ? inverseOnePlusExp(A3 - A4) : 0; // e^A4 / (e^A3 + e^A4)
      const w3 = 1 - w4;
      gR += w * ((dR[k] as number) - w3 * logAlphaT - w4 * logAlphaTx);
      gAlpha += w * (r / alpha - w3 * rx / (alpha + T) - w4 * rx / (alpha + tx));
      gA += w * ((dA[k] as number) + w4 / a);
      gB += w * ((dB[k] as number) - (hasA4 ? w4 / (b + x - 1 + shift) : 0));
    }
  }
  if (gradient) {
    gradient[0] = gR;
    gradient[1] = gAlpha;
    gradient[2] = gA;
    gradient[3] = gB;
  }
  return total;
}

/** ln of the odds term a/(b + x − 1 [+1]) · ((α + T)/(α + t_x))^(r + x); −Infinity when absent. */
function logDeathOdds(r: number, alpha: number, a: number, b: number, x: number, tx: number, T: number, modified: boolean): number {
  if (x === 0 && !modified) return Number.NEGATIVE_INFINITY;
  const shift = modified ? 1 : 0;
  return Math.log(a) - Math.log(b + x - 1 + shift) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + tx));
}

/** ln(P(dead)/P(alive) | x, t_x, T): P(alive) is its `inverseOnePlusExp`, 1 − P(alive) that of its negative. */
export function logOddsOfDeath(p: ArrayLike<number>, x: number, tx: number, T: number, modified: boolean): number {
  return logDeathOdds(p[0] as number, p[1] as number, p[2] as number, p[3] as number, x, tx, T, modified);
}

/** P(alive | x, t_x, T). */
export function probabilityAlive(p: ArrayLike<number>, x: number, tx: number, T: number, modified: boolean): number {
  return inverseOnePlusExp(logOddsOfDeath(p, x, tx, T, modified));
}

/**
 * E[Y(t) | x, t_x, T]: expected purchases in (T, T + t].
 * BG/NBD: (a + b + x − 1)/(a − 1) · [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))] / (1 + odds).
 * MBG/NBD: (a + b + x)/(a − 1) · [1 − (...)^(r+x) 2F1(r+x, b+x+1; a+b+x; z)] / (1 + odds).
 */
export function conditionalExpected(p: ArrayLike<number>, x: number, tx: number, T: number, t: number, modified: boolean): number {
  if (t === 0) return 0;
  const r = p[0] as number;
  const alpha = p[1] as number;
  const a = p[2] as number;
  const b = p[3] as number;
  const shift = modified ? 1 : 0;
  const z = t / (alpha + T + t);
  const logOdds = logDeathOdds(r, alpha, a, b, x, tx, T, modified);
  return (a + b + x - 1 + shift) * bracketOverShapeGap(r + x, b + x + shift, a - 1, z, (alpha + T) / (alpha + T + t)) * inverseOnePlusExp(logOdds);
}

/**
 * P(at least one purchase in (T, T + t] | x, t_x, T): only a customer alive at T buys (BG/NBD and MBG/NBD
 * customers die just after a purchase), and given alive λ ~ Gamma(r + x, α + T), so
 * P(alive) · (1 − ((α+T)/(α+T+t))^(r+x)), the bracket by expm1 so that short horizons keep their digits.
 */
export function purchaseProbability(p: ArrayLike<number>, x: number, tx: number, T: number, t: number, modified: boolean): number {
  const r = p[0] as number;
  const alpha = p[1] as number;
  return probabilityAlive(p, x, tx, T, modified) * -Math.expm1(-(r + x) * Math.log1p(t / (alpha + T)));
}

/**
 * Discounted expected residual transactions at continuous discount rate δ per unit. BG/NBD and MBG/NBD have
 * no closed form, so this is δ ∫₀^∞ e^(−δt) E[Y(t)] dt (E[Y(0)] = 0, integration by parts of
 * ∫ e^(−δt) dE[Y(t)]) = ∫ e^(u − e^u) E[Y(e^u/δ)] du over u = ln(δt). E[Y] grows at most linearly, so below
 * u = −24 the integrand is under e^(−48) of its peak, and e^(−e^4) makes everything above u = 4 negligible;
 * E[Y(t)] is analytic in t off the negative axis (t = −(α+T) is its nearest singularity), so the rule
 * converges geometrically. About 230 evaluations of E[Y], 0.2 ms.
 *
 * E[Y(t)]'s 2F1 over such horizons is out of range when b + x is large (its connection formula cancels
 * once b·(α+T)/t is large, and its series needs (r+x)·t/(α+T) terms); near a = 1 E[Y] takes a limit
 * series whose length grows with t; and when δ(α+T) is small the longest horizon puts t/(α+T+t) so near 1
 * that 1 − z keeps few digits (1e-9 at δ(α+T) = 4e-5). There the posterior form of
 * {@link discountedResidualFromPosterior} serves: no 2F1 and no 0/0 at a = 1, but a double integral, 5 to
 * 20 ms.
 */
export function discountedResidual(p: ArrayLike<number>, x: number, tx: number, T: number, delta: number, modified: boolean): number {
  const alpha = p[1] as number;
  const a = p[2] as number;
  const b = p[3] as number;
  if (b + x >= posteriorFrom || Math.abs(a - 1) < shapeGapWidth || delta * (alpha + T) < slowDiscount) {
    return discountedResidualFromPosterior(p, x, tx, T, delta, modified);
  }
  return integrateOnLine((u) => Math.exp(u - Math.exp(u)) * conditionalExpected(p, x, tx, T, Math.exp(u) / delta, modified), -24, 4);
}

/** From this b + x on, DERT takes the posterior form (the 2F1 route erred by 4e-5 at x = 2,000). */
const posteriorFrom = 100;
/** Below this δ(α+T) too (the longest horizon is then beyond 5,000 (α+T)). */
const slowDiscount = 1e-3;

/**
 * Discounted expected residual transactions from the posterior, with no 2F1. Given alive at T,
 * λ ~ Gamma(r+x, α+T) and p ~ Beta(a, b+x [+1]) independently; a live customer buys at rate λ and, as each
 * purchase is followed by death with probability p, dies at rate λp, so the discounted purchases are
 * λ/(δ+λp). With λ = G/(α+T), E_λ[λ/(δ+λp)] = (r+x)/p · E[1/(G' + (α+T)δ/p)], G' ~ Gamma(r+x+1, 1) (G
 * size-biased), so DERT = P(alive) · (r+x) · E_p[k(r+x+1, (α+T)δ/p)/p] with k the shifted-gamma mean.
 * The outer expectation is the trapezoid rule over logit p. Its integrand h(p) = k(…)/p lies between
 * 1/(r+x+1+(α+T)δ) and 1/((α+T)δ) (Jensen, and k(s, z) ≤ 1/z), ratio ρ; the beta density's mass below
 * logit u is at most e^(au)/(a·B) and above it e^(−(b+x)u)/((b+x)·B), so the limits cut 1e-18/ρ from each
 * end. About 500 × 500 terms, 5 to 10 ms.
 */
export function discountedResidualFromPosterior(p: ArrayLike<number>, x: number, tx: number, T: number, delta: number, modified: boolean): number {
  const shape = (p[0] as number) + x;
  const scale = (p[1] as number) + T;
  const a = p[2] as number;
  const tail = (p[3] as number) + x + (modified ? 1 : 0);
  const logB = logBeta(a, tail);
  const floor = scale * delta;
  const logRatio = Math.log((shape + 1 + floor) / floor);
  const logCut = Math.log(1e-18) - logRatio;
  const lower = (logCut + Math.log(a) + logB) / a;
  const upper = -(logCut + Math.log(tail) + logB) / tail;
  const expectation = integrateOnLine((u) => {
    // log of the beta density of p = σ(u) over du: a·ln σ(u) + tail·ln(1 − σ(u)) − ln B
    const logDensity = -a * log1pExp(-u) - tail * log1pExp(u) - logB;
    const probability = 1 / (1 + Math.exp(-u));
    const z = floor / probability;
    // k(s, z) = 1/z − s/z² + …: beyond z = 1e17·s it is 1/z to the last digit (and p may underflow to 0)
    const perProbability = z > 1e17 * (shape + 1) ? 1 / floor : shiftedGammaReciprocalMean(shape + 1, z) / probability;
    return Math.exp(logDensity) * perProbability;
  }, lower, Math.max(upper, lower + LINE_STEP));
  return probabilityAlive(p, x, tx, T, modified) * shape * expectation;
}

/** Within this |a − 1| the line to the limit replaces the closed form, which loses about 1e-16 / |a − 1| relative. */
const shapeGapWidth = 1e-5;

/**
 * [1 − (1 − z)^R · 2F1(R, β; β + ε; z)] / ε with ε = a − 1: the factor that the BG/NBD and MBG/NBD
 * expectations share, 0/0 at a = 1 (2F1(R, β; β; z) = (1 − z)^−R).
 *
 * For z ≤ 1/2 (horizons shorter than α + T), Euler's transformation gives it without the 0/0:
 * (1 − z)^R 2F1(R, β; β + ε; z) = (1 − z)^ε 2F1(β + ε − R, ε; β + ε; z), and (ε)_n = ε (ε + 1)_{n−1},
 * so the bracket over ε is −L·expm1(εL)/(εL) − (1 − z)^ε · S, with L = log1p(−z) and
 * S = Σ_{n≥1} (β + ε − R)_n (ε + 1)_{n−1} / ((β + ε)_n n!) zⁿ, a series whose terms shrink at least
 * by z per step. The closed form lost about 1e-16 / (|ε| z) relative there (3.5e-7 at ε = 1e-5 and a
 * one-week horizon against T = 10,000 weeks).
 *
 * Otherwise (or if the series cancels: terms of both signs ten times its sum), from |ε| ≥ 1e-5 the
 * closed form, whose error is then at most 2e-16 / |ε|; at ε = 0 its limit, d/dε of the bracket,
 * which is E[ψ(β + N) − ψ(β)] for N ~ NegativeBinomial(R, z):
 * Σ_n (1 − z)^R (R)_n zⁿ / n! · Σ_{k<n} 1/(β + k); in between, the straight line from the limit to the
 * closed form at ±1e-5 (error about the curvature times 1e-10).
 */
function bracketOverShapeGap(R: number, beta: number, epsilon: number, z: number, rest: number): number {
  const series = z <= 0.5 ? eulerBracketOverShapeGap(R, beta, epsilon, z) : undefined;
  if (series !== undefined) return series;
  const logRest = Math.log(rest);
  const closed = (gap: number): number => {
    // 2F1 is negative when c = β + ε is small against R and β (a + b < 1 in BG/NBD): the bracket is then 1 + |…|.
    // `rest` is 1 − z as the caller has it exactly: z itself rounds to 1 at horizons near 1e16·(α+T).
    const hypergeometric = log2F1Signed(R, beta, beta + gap, z, rest);
    const logPower = R * logRest + hypergeometric.log;
    const bracket = hypergeometric.sign > 0 ? -Math.expm1(logPower) : hypergeometric.sign < 0 ? 1 + Math.exp(logPower) : 1;
    return bracket / gap;
  };
  const limit = (): number => {
    // The negative binomial probabilities are at most 1, so the running term cannot overflow.
    let logTerm = R * logRest;
    let harmonic = 0;
    let sum = 0;
    const logZ = Math.log(z);
    const mode = ((R - 1) * z) / rest;
    for (let n = 1; n < 100_000_000; n++) {
      logTerm += Math.log(R + n - 1) + logZ - Math.log(n);
      harmonic += 1 / (beta + n - 1);
      const term = Math.exp(logTerm) * harmonic;
      sum += term;
      if (n > mode && term < sum * 1e-17) break;
    }
    return sum;
  };
  return acrossRemovableSingularity(epsilon, shapeGapWidth, closed, limit);
}

/** The series form of {@link bracketOverShapeGap} for z ≤ 1/2; `undefined` where its terms cancel. */
function eulerBracketOverShapeGap(R: number, beta: number, epsilon: number, z: number): number | undefined {
  const logRest = Math.log1p(-z);
  const u = epsilon * logRest;
  const expm1OverU = u === 0 ? 1 : Math.expm1(u) / u;
  const c = beta + epsilon - R;
  let term = (c / (beta + epsilon)) * z;
  let sum = term;
  let magnitude = Math.abs(term);
  for (let n = 1; n < 10_000 && term !== 0; n++) {
    term *= (((c + n) * (epsilon + n)) / ((beta + epsilon + n) * (n + 1))) * z;
    sum += term;
    magnitude += Math.abs(term);
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
  }
  if (!Number.isFinite(sum) || magnitude > 10 * Math.abs(sum)) return undefined;
  return -logRest * expm1OverU - Math.exp(u) * sum;
}

/** Unconditional E[X(t)] for a customer who made a first purchase at time 0. */
export function unconditionalExpected(p: ArrayLike<number>, t: number, modified: boolean): number {
  if (t === 0) return 0;
  const r = p[0] as number;
  const alpha = p[1] as number;
  const a = p[2] as number;
  const b = p[3] as number;
  const z = t / (alpha + t);
  const rest = alpha / (alpha + t);
  if (modified) return b * bracketOverShapeGap(r, b + 1, a - 1, z, rest);
  return (a + b - 1) * bracketOverShapeGap(r, b, a - 1, z, rest);
}

/**
 * Σ_{j≥n} NB(j) from NB(n) (its log) by the ratio NB(j + 1)/NB(j) = (r + j)/(j + 1) · q, summed until
 * the terms no longer count; `undefined` if that takes more than a million terms (q near 1).
 */
function negativeBinomialTail(r: number, logQ: number, n: number, logFirst: number): number | undefined {
  if (logFirst === Number.NEGATIVE_INFINITY) return 0;
  const q = Math.exp(logQ);
  let term = 1;
  let sum = 1;
  for (let j = n; j < n + 1_000_000; j++) {
    term *= ((r + j) / (j + 1)) * q;
    sum += term;
    // Past the mode the terms shrink at least geometrically: stop when the next ones cannot count.
    if (term < sum * 1e-17 && (r + j) * q < j + 1) return Math.exp(logFirst) * sum;
  }
  return undefined;
}

/**
 * P(X(t) = n) for a customer who made a first purchase at time 0.
 * BG/NBD (FHL 2005 eq. 8):
 *   B(a, b+n)/B(a, b) · NB(n) + δ_{n>0} B(a+1, b+n−1)/B(a, b) · P(NB ≥ n)
 * MBG/NBD (dropout also possible at time 0):
 *   B(a, b+n+1)/B(a, b) · NB(n) + B(a+1, b+n)/B(a, b) · P(NB ≥ n)
 * with NB(j) = Γ(r+j)/(Γ(r) j!) (α/(α+t))^r (t/(α+t))^j.
 */
export function countProbability(p: ArrayLike<number>, t: number, n: number, modified = false): number {
  const r = p[0] as number;
  const alpha = p[1] as number;
  const a = p[2] as number;
  const b = p[3] as number;
  const lbAB = logBeta(a, b);
  const logP = Math.log(alpha / (alpha + t));
  const logQ = t > 0 ? Math.log(t / (alpha + t)) : Number.NEGATIVE_INFINITY;
  const negativeBinomial = (j: number): number => (j === 0 ? r * logP : logNegativeBinomialCoefficient(r, j) + r * logP + j * logQ);
  const shift = modified ? 1 : 0;
  let value = Math.exp(logBeta(a, b + n + shift) - lbAB + negativeBinomial(n));
  if (n > 0 || modified) {
    // P(NB ≥ n) = 1 − Σ_{j<n} NB(j), in log space; a small tail is summed upwards instead, where the
    // subtraction would leave rounding noise (1.6e-20 for a tail of 5e-27).
    let lowerLog = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < n; j++) lowerLog = logAddExp(lowerLog, negativeBinomial(j));
    const upper = (lowerLog > -0.1 ? negativeBinomialTail(r, logQ, n, negativeBinomial(n)) : undefined) ?? Math.max(0, -Math.expm1(lowerLog));
    value += Math.exp(logBeta(a + 1, b + n - 1 + shift) - lbAB) * upper;
  }
  return value;
}

