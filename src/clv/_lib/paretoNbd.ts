/**
 * Pareto/NBD (Schmittlein, Morrison & Colombo 1987) in log space, following Fader & Hardie's note 009
 * (eqs. 22–23):
 *
 * L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A0 ]
 * α ≥ β: A0 = 2F1(r+s+x, s+1; r+s+x+1; (α−β)/(α+t_x)) (α+t_x)^−(r+s+x) − (same with T)
 * α < β: A0 = 2F1(r+s+x, r+x; r+s+x+1; (β−α)/(β+t_x)) (β+t_x)^−(r+s+x) − (same with T)
 *
 * Both A0 terms are kept as logarithms and combined with a log-difference; the outer sum with
 * log-add-exp. 2F1 goes through the Euler-transformed series, which is what keeps the x ≈ 500 rows of
 * the lifetimes overflow report finite.
 */
import type { CompressedRows } from "./rows.js";
import { integrateOnLine, inverseOnePlusExp, logAddExp, logBeta, log1pExp, logGamma, logNegativeBinomialCoefficient, logSubExp, log2F1, shiftedGammaReciprocalMean } from "./special.js";

/**
 * ln A0 and ln of the no-death term, for one customer; with `reliable`, whether the closed form keeps
 * its digits for the predictions (see {@link logDeathOdds}).
 */
function logTerms(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): { logA0: number; logSurvive: number; reliable: boolean } {
  const rsx = r + s + x;
  const logSurvive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
  if (tx === T) return { logA0: Number.NEGATIVE_INFINITY, logSurvive, reliable: true };
  const big = Math.max(alpha, beta);
  const second = alpha >= beta ? s + 1 : r + x;
  const z = Math.abs(alpha - beta) / (big + tx);
  const first = log2F1(rsx, second, rsx + 1, z) - rsx * Math.log(big + tx);
  const last = log2F1(rsx, second, rsx + 1, Math.abs(alpha - beta) / (big + T)) - rsx * Math.log(big + T);
  const reliable = s <= RELIABLE_SHAPE && rsx <= RELIABLE_SIZE && z <= RELIABLE_ARGUMENT && Math.abs(first) <= RELIABLE_MAGNITUDE && first - last >= RELIABLE_GAP;
  return { logA0: logSubExp(first, last), logSurvive, reliable };
}

/**
 * Where the closed form of the death odds keeps 1e-12 (measured against the integral of
 * {@link logDeathOddsByIntegral} and mpmath on 28,000 log-uniform random customers and models, r 0.01–100,
 * α 0.01–1e6, s 0.01–1e4, β 0.01–1e8, x 0–300, T 0.1–1,000: the worst inside was 8e-13): s at most 30,
 * the 2F1 argument at most 0.9, its log term at most 1,000 in size, and the two A0 terms at least 0.1
 * apart in log (closer, their difference cancels). Outside, errors reached 1e-7, and 1e-3 at β = 1e12.
 * The review found 1e-12 to 1e-11 inside for x from 13,000 to 130,000 (with α + t_x about 1, so that the
 * log term stays small): r + s + x is bounded too, at 5,000.
 */
const RELIABLE_SHAPE = 30;
const RELIABLE_SIZE = 5000;
const RELIABLE_ARGUMENT = 0.9;
const RELIABLE_MAGNITUDE = 1000;
const RELIABLE_GAP = 0.1;

/** ln(1 + a/b) for positive a and b, also where a/b overflows (α = 1e-300 against T = 1e300). */
function logOnePlusRatio(a: number, b: number): number {
  const ratio = a / b;
  return Number.isFinite(ratio) ? Math.log1p(ratio) : Math.log(a) - Math.log(b);
}

/**
 * ln of the death odds as the integral over the dropout time τ in (t_x, T] of the dead branch over the
 * alive branch: s ∫ ((α+T)/(α+τ))^(r+x) ((β+T)/(β+τ))^(s+1) dτ / (β+T). With L = T − t_x and the
 * distance from t_x written ρ = L/(1 + e^v), every factor is log1p(ρ/(a + t_x)) with no cancellation,
 * and the integrand, largest at τ = t_x, is e^(−(r+x) log1p(ρ/(α+t_x)) − (s+1) log1p(ρ/(β+t_x))) times
 * dτ/dv: unimodal in v, decaying like e^(−|v|) at both ends, and analytic for |Im v| < π (its branch
 * points are at Im v = ±π), so the trapezoid rule converges geometrically (about 1e-13 measured). The integral is
 * at least (1 − e^(−cL))/c with c the log-slope at t_x (the integrand is log-convex in τ), which sets
 * the cut of each tail at 1e-18 of it. About 700 terms, 40 µs.
 */
function logDeathOddsByIntegral(r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number): number {
  const span = T - tx;
  if (!(span > 0)) return Number.NEGATIVE_INFINITY;
  const purchaseShape = r + x;
  const dropoutShape = s + 1;
  const purchaseScale = alpha + tx;
  const dropoutScale = beta + tx;
  const exponent = (distance: number): number => purchaseShape * logOnePlusRatio(distance, purchaseScale) + dropoutShape * logOnePlusRatio(distance, dropoutScale);
  const slope = purchaseShape / purchaseScale + dropoutShape / dropoutScale;
  const logLeast = Math.log(-Math.expm1(-slope * span) / slope);
  const logSpan = Math.log(span);
  // for v ≤ 0 the distance is at least half the span, so the integrand is below e^(v − exponent(span/2))·span
  const lower = Math.min(0, Math.log(1e-18) + logLeast - logSpan + exponent(span / 2));
  const upper = logSpan - Math.log(1e-18) - logLeast;
  // beyond v = 700, 1 + e^v overflows: the distance from its logarithm (α = 1e-300 against T = 1e300)
  const integral = integrateOnLine((v) => Math.exp(logSpan + v - 2 * log1pExp(v) - exponent(v < 700 ? span / (1 + Math.exp(v)) : Math.exp(logSpan - log1pExp(v)))), lower, upper);
  return Math.log(s) + exponent(span) - Math.log(beta + T) + Math.log(integral);
}

/** ln A0 as exposed for the overflow regression test. */
export function logA0(p: ArrayLike<number>, x: number, tx: number, T: number): number {
  return logTerms(p[0] as number, p[1] as number, p[2] as number, p[3] as number, x, tx, T).logA0;
}

export function logLikelihood(params: ArrayLike<number>, rows: CompressedRows): number {
  const r = params[0] as number;
  const alpha = params[1] as number;
  const s = params[2] as number;
  const beta = params[3] as number;
  const base = -logGamma(r) + r * Math.log(alpha) + s * Math.log(beta);
  const distinct = rows.distinctFrequencies;
  const perFrequency = new Float64Array(distinct.length);
  const logShare = new Float64Array(distinct.length);
  for (let k = 0; k < distinct.length; k++) {
    const x = distinct[k] as number;
    perFrequency[k] = logGamma(r + x) + base;
    logShare[k] = Math.log(s / (r + s + x));
  }
  let total = 0;
  for (let i = 0; i < rows.count; i++) {
    const k = rows.frequencyIndex[i] as number;
    const { logA0, logSurvive } = logTerms(r, alpha, s, beta, rows.frequency[i] as number, rows.recency[i] as number, rows.T[i] as number);
    const mix = logAddExp(logSurvive, (logShare[k] as number) + logA0);
    total += (rows.weight[i] as number) * ((perFrequency[k] as number) + mix);
  }
  return total;
}

/**
 * ln of the odds of death: s/(r+s+x) (α+T)^(r+x) (β+T)^s A0 where the closed form keeps its digits,
 * else {@link logDeathOddsByIntegral}. Every prediction of the model goes through here.
 */
export function logDeathOdds(p: ArrayLike<number>, x: number, tx: number, T: number): number {
  const r = p[0] as number;
  const alpha = p[1] as number;
  const s = p[2] as number;
  const beta = p[3] as number;
  const { logA0, logSurvive, reliable } = logTerms(r, alpha, s, beta, x, tx, T);
  return reliable ? Math.log(s / (r + s + x)) + logA0 - logSurvive : logDeathOddsByIntegral(r, alpha, s, beta, x, tx, T);
}

export function probabilityAlive(p: ArrayLike<number>, x: number, tx: number, T: number): number {
  return inverseOnePlusExp(logDeathOdds(p, x, tx, T));
}

/** 1 − P(alive | x, t_x, T), from the odds rather than by subtraction, so a small value keeps its digits. */
export function probabilityDead(p: ArrayLike<number>, x: number, tx: number, T: number): number {
  return inverseOnePlusExp(-logDeathOdds(p, x, tx, T));
}

/** (1 − (u/(u+t))^k)/k with its k → 0 limit ln((u+t)/u). */
function powerDifference(u: number, t: number, k: number): number {
  const logRatio = Math.log1p(t / u);
  if (Math.abs(k) < 1e-10) return logRatio;
  return -Math.expm1(-k * logRatio) / k;
}

/** E[Y(t) | x, t_x, T] = (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive). */
export function conditionalExpected(p: ArrayLike<number>, x: number, tx: number, T: number, t: number): number {
  if (t === 0) return 0;
  const r = p[0] as number;
  const alpha = p[1] as number;
  const s = p[2] as number;
  const beta = p[3] as number;
  return (((r + x) * (beta + T)) / (alpha + T)) * powerDifference(beta + T, t, s - 1) * probabilityAlive(p, x, tx, T);
}

/**
 * Discounted expected residual transactions at continuous discount rate δ per unit (Fader, Hardie & Lee 2005,
 * "RFM and CLV", eq. 2): E[λ/(μ+δ) · 1{alive at T} | x, t_x, T]. Given alive, λ and μ are independent,
 * Gamma(r+x, α+T) and Gamma(s, β+T), so DERT = P(alive) · (r+x)/(α+T) · (β+T) · E[1/(G + δ(β+T))] with
 * G ~ Gamma(s, 1): the paper's δ^(s−1) U(s, s; δ(β+T)) term, read as a shifted-gamma mean.
 */
export function discountedResidual(p: ArrayLike<number>, x: number, tx: number, T: number, delta: number): number {
  const r = p[0] as number;
  const alpha = p[1] as number;
  const s = p[2] as number;
  const beta = p[3] as number;
  const rate = ((r + x) / (alpha + T)) * (beta + T);
  return probabilityAlive(p, x, tx, T) * rate * shiftedGammaReciprocalMean(s, delta * (beta + T));
}

/**
 * P(at least one purchase in (T, T + t] | x, t_x, T). Given alive at T, λ ~ Gamma(r+x, α+T) and
 * μ ~ Gamma(s, β+T) independently, and the customer buys in time when the first of the two clocks is
 * the purchase and rings before t: E[λ/(λ+μ) (1 − e^(−(λ+μ)t))] = ∫₀^t E[λ e^(−λu)] E[e^(−μu)] du
 *   = ∫₀^t (r+x)/(α+T) · (1 + u/(α+T))^(−r−x−1) · (1 + u/(β+T))^(−s) du,
 * times P(alive). The integral maps [0, t] onto the line by u = t/(1 + e^(−v)), whose integrand is smooth,
 * decays like e^(∓v) at both ends and is analytic for |Im v| < π. With c = min(t, (α+T)/(r+x+1),
 * (β+T)/max(s, 1)) the integrand stays above e^(−2) of its start over [0, c], so the integral is at least
 * e^(−2)·c·(r+x)/(α+T); the ends are cut where each tail is below 1e-18 of that.
 */
export function purchaseProbability(p: ArrayLike<number>, x: number, tx: number, T: number, horizon: number): number {
  if (horizon === 0) return 0;
  // beyond 1e300 the integral has long reached its limit, and t·σ(v) near the mass would go subnormal
  const t = Math.min(horizon, 1e300);
  const shape = (p[0] as number) + x;
  const purchaseScale = (p[1] as number) + T;
  const s = p[2] as number;
  const dropoutScale = (p[3] as number) + T;
  const scale = Math.min(t, purchaseScale / (shape + 1), dropoutScale / Math.max(s, 1));
  // in logs: t/scale can exceed the double range (a horizon of 1e305, or α = 1e-300 with T = 0)
  const logSpan = Math.log(t) - Math.log(scale);
  const lowest = Math.log(1e-20) - logSpan;
  const highest = logSpan + 46;
  // ln((r+x)/(α+T)) + ln t: the rate and du/dv's factor t, the same at every node
  const logFactor = Math.log(shape / purchaseScale) + Math.log(t);
  const integral = integrateOnLine((v) => {
    const u = t / (1 + Math.exp(-v));
    return Math.exp(logFactor - (shape + 1) * Math.log1p(u / purchaseScale) - s * Math.log1p(u / dropoutScale) + v - 2 * log1pExp(v));
  }, lowest, highest);
  // P(alive) and the integral each round to within a few ulps of 1 at the extremes
  return Math.min(1, probabilityAlive(p, x, tx, T) * integral);
}

/** E[X(t)] = rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)]. */
export function unconditionalExpected(p: ArrayLike<number>, t: number): number {
  if (t === 0) return 0;
  const r = p[0] as number;
  const alpha = p[1] as number;
  const s = p[2] as number;
  const beta = p[3] as number;
  return ((r * beta) / alpha) * powerDifference(beta, t, s - 1);
}

/**
 * P(X(t) = x) for a customer who made a first purchase at time 0 (Fader & Hardie 2006, note 013):
 * Γ(r+x)/(Γ(r) x!) (α/(α+t))^r (t/(α+t))^x (β/(β+t))^s
 *   + α^r β^s B(r+x, s+1)/B(r, s) · [B1 − Σ_{j=0}^{x} Γ(r+s+j)/(Γ(r+s) j!) t^j B2(j)]
 * α ≥ β: B1 = 2F1(r+s, s+1; r+s+x+1; (α−β)/α)/α^(r+s), B2(j) = 2F1(r+s+j, s+1; r+s+x+1; (α−β)/(α+t))/(α+t)^(r+s+j)
 * α < β: the same with r+x in place of s+1 and β in place of α in the arguments and powers.
 * The bracket is a difference of positive terms, taken as a log-difference.
 */
/**
 * ln Σ_{j≥first} e^{logTerm(j)}, summed until the terms, past their largest, no longer count;
 * `undefined` after ten thousand terms (a horizon long against min(α, β)).
 */
function seriesTail(logTerm: (j: number) => number, first: number): number | undefined {
  let logTotal = Number.NEGATIVE_INFINITY;
  let previous = Number.POSITIVE_INFINITY;
  for (let j = first; j < first + 10_000; j++) {
    const term = logTerm(j);
    logTotal = logAddExp(logTotal, term);
    if (term < previous && term < logTotal - 40) return logTotal;
    previous = term;
  }
  return undefined;
}

export function countProbability(p: ArrayLike<number>, t: number, x: number): number {
  const r = p[0] as number;
  const alpha = p[1] as number;
  const s = p[2] as number;
  const beta = p[3] as number;
  // −k·log1p(u) rather than k·ln(1/(1 + u)): with k = s = 1e5 the rounded ratio cost 1e-11
  const alive = logNegativeBinomialCoefficient(r, x) - r * Math.log1p(t / alpha) - (x > 0 ? x * Math.log1p(alpha / t) : 0) - s * Math.log1p(t / beta);
  const big = Math.max(alpha, beta);
  const second = alpha >= beta ? s + 1 : r + x;
  const c = r + s + x + 1;
  const z = Math.abs(alpha - beta) / big;
  const logB1 = log2F1(r + s, second, c, z) - (r + s) * Math.log(big);
  if (!(s <= RELIABLE_SHAPE && c <= RELIABLE_SIZE && z <= RELIABLE_ARGUMENT && Math.abs(logB1) <= RELIABLE_MAGNITUDE)) return Math.exp(alive) + deadCountProbability(r, alpha, s, beta, t, x);
  let logSum = Number.NEGATIVE_INFINITY;
  const lgRS = logGamma(r + s);
  const logTerm = (j: number): number =>
    logGamma(r + s + j) - lgRS - logGamma(j + 1) + (j > 0 ? j * Math.log(t) : 0) +
    log2F1(r + s + j, second, c, Math.abs(alpha - beta) / (big + t)) - (r + s + j) * Math.log(big + t);
  for (let j = 0; j <= x; j++) logSum = logAddExp(logSum, logTerm(j));
  // B1 is the whole series Σ_j term(j), so the bracket is its tail beyond x. Where the first x + 1
  // terms hold nearly all of B1, the subtraction would leave rounding noise (2.95e-19 for 6.3e-55):
  // the tail is summed directly; its terms shrink by about t / (min(α, β) + t) each.
  const tail = logB1 - logSum < RELIABLE_GAP ? seriesTail(logTerm, x + 1) : undefined;
  // neither the difference nor the series keeps the digits
  if (tail === undefined && logB1 - logSum < RELIABLE_GAP) return Math.exp(alive) + deadCountProbability(r, alpha, s, beta, t, x);
  const bracket = tail ?? logSubExp(logB1, logSum);
  const dead = r * Math.log(alpha) + s * Math.log(beta) + logBeta(r + x, s + 1) - logBeta(r, s) + bracket;
  return Math.exp(alive) + (Number.isFinite(dead) ? Math.exp(dead) : 0);
}

/**
 * The dead branch of P(X(t) = n) as the integral over the dropout time τ in (0, t] of the chance of n
 * purchases before it, NB(n; r, α/(α+τ)), times its density s β^s/(β+τ)^(s+1): where the closed form of
 * {@link countProbability} loses digits. Mapped onto the line by τ = t/(1 + e^(−v)), the integrand is
 * unimodal. A scan at unit steps, from far below the model's scales up to v = 60 (beyond, it falls like
 * e^(−v)), finds its peak and the stretch where it is within e^(−60) of it; the tails outside that stretch
 * fall for at most a few hundred units, so together they stay below 1e-23 of the peak. The trapezoid
 * rule runs over the stretch, with its step narrowed to the width of the negative binomial's peak in
 * ln τ, √(1/n + 1/r) (the dropout density's factor is wide where its mass is).
 */
function deadCountProbability(r: number, alpha: number, s: number, beta: number, t: number, n: number): number {
  const logConstant = logNegativeBinomialCoefficient(r, n) + Math.log(s / beta) + Math.log(t);
  const logT = Math.log(t);
  const logIntegrand = (v: number): number => {
    // below v = −700, 1 + e^(−v) overflows: τ from its logarithm (α = 1e-300 against t = 1e300)
    const tau = v > -700 ? t / (1 + Math.exp(-v)) : Math.exp(logT + v - log1pExp(v));
    return logConstant - r * logOnePlusRatio(tau, alpha) - (n > 0 ? n * logOnePlusRatio(alpha, tau) : 0) - (s + 1) * logOnePlusRatio(tau, beta) + v - 2 * log1pExp(v);
  };
  const lowest = Math.min(-60, Math.log(Math.min(alpha, beta / (s + 1))) - Math.log(t) - 60);
  const values: number[] = [];
  let highest = Number.NEGATIVE_INFINITY;
  for (let v = lowest; v <= 60; v += 1) {
    const value = logIntegrand(v);
    values.push(value);
    if (value > highest) highest = value;
  }
  if (highest === Number.NEGATIVE_INFINITY) return 0;
  let first = values.length;
  let last = -1;
  values.forEach((value, index) => {
    if (value < highest - 60) return;
    first = Math.min(first, index);
    last = index;
  });
  const lower = lowest + first - 1;
  const upper = lowest + last + 1;
  const step = n > 0 ? Math.min(1, 4 * Math.sqrt(1 / n + 1 / r)) : 1;
  const sum = integrateOnLine((v) => Math.exp(logIntegrand(lower + (v - lower) * step) - highest), lower, lower + (upper - lower) / step);
  return Math.exp(highest + Math.log(sum * step));
}
