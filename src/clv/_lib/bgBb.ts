/**
 * BG/BB (Fader, Hardie & Shang 2010, "Customer-Base Analysis in a Discrete-Time Noncontractual
 * Setting"): purchase probability p ~ Beta(α, β) per opportunity, dropout θ ~ Beta(γ, δ) per
 * opportunity. For x transactions in n opportunities, the last at t_x:
 * L = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
 *   + Σ_{j=0}^{n−t_x−1} B(α+x, β+t_x−x+j)/B(α,β) · B(γ+1, δ+t_x+j)/B(γ,δ),
 * summed in log space (log-sum-exp over j).
 */
import { acrossRemovableSingularity, digamma, logAddExp, logBeta, logGamma, log2F1Signed } from "./special.js";

export interface OpportunityRows {
  frequency: Float64Array;
  recency: Float64Array;
  periods: Float64Array;
  weight: Float64Array;
  count: number;
  totalWeight: number;
}

/** d ln B(u, v)/du = ψ(u) − ψ(u+v). */
export function logLikelihood(params: ArrayLike<number>, rows: OpportunityRows, gradient?: Float64Array): number {
  const alpha = params[0] as number;
  const beta = params[1] as number;
  const gamma = params[2] as number;
  const delta = params[3] as number;
  const lbAB = logBeta(alpha, beta);
  const lbGD = logBeta(gamma, delta);
  const psiAB = gradient ? digamma(alpha + beta) : 0;
  const psiGD = gradient ? digamma(gamma + delta) : 0;
  const psiA = gradient ? digamma(alpha) : 0;
  const psiB = gradient ? digamma(beta) : 0;
  const psiG = gradient ? digamma(gamma) : 0;
  const psiD = gradient ? digamma(delta) : 0;
  let total = 0;
  const g = [0, 0, 0, 0];
  for (let i = 0; i < rows.count; i++) {
    const x = rows.frequency[i] as number;
    const tx = rows.recency[i] as number;
    const n = rows.periods[i] as number;
    const w = rows.weight[i] as number;
    const aliveLog = logBeta(alpha + x, beta + n - x) + logBeta(gamma, delta + n);
    let logL = aliveLog;
    const terms = n - tx;
    const termLogs: number[] = [];
    for (let j = 0; j < terms; j++) {
      const term = logBeta(alpha + x, beta + tx - x + j) + logBeta(gamma + 1, delta + tx + j);
      termLogs.push(term);
      logL = logAddExp(logL, term);
    }
    total += w * (logL - lbAB - lbGD);
    if (gradient) {
      // weights of each component in the mixture, then d/dparam of each component's log
      let dA = 0;
      let dB = 0;
      let dG = 0;
      let dD = 0;
      const w0 = Math.exp(aliveLog - logL);
      const psiABxn = digamma(alpha + beta + n);
      dA += w0 * (digamma(alpha + x) - psiABxn);
      dB += w0 * (digamma(beta + n - x) - psiABxn);
      const psiGDn = digamma(gamma + delta + n);
      dG += w0 * (digamma(gamma) - psiGDn);
      dD += w0 * (digamma(delta + n) - psiGDn);
      for (let j = 0; j < terms; j++) {
        const wj = Math.exp((termLogs[j] as number) - logL);
        const psiABj = digamma(alpha + beta + tx + j);
        dA += wj * (digamma(alpha + x) - psiABj);
        dB += wj * (digamma(beta + tx - x + j) - psiABj);
        const psiGDj = digamma(gamma + delta + 1 + tx + j);
        dG += wj * (digamma(gamma + 1) - psiGDj);
        dD += wj * (digamma(delta + tx + j) - psiGDj);
      }
      g[0] = (g[0] as number) + w * (dA - (psiA - psiAB));
      g[1] = (g[1] as number) + w * (dB - (psiB - psiAB));
      g[2] = (g[2] as number) + w * (dG - (psiG - psiGD));
      g[3] = (g[3] as number) + w * (dD - (psiD - psiGD));
    }
  }
  if (gradient) for (let k = 0; k < 4; k++) gradient[k] = g[k] as number;
  return total;
}

function rowLogLikelihood(params: ArrayLike<number>, x: number, tx: number, n: number): number {
  return logLikelihood(params, {
    frequency: Float64Array.of(x),
    recency: Float64Array.of(tx),
    periods: Float64Array.of(n),
    weight: Float64Array.of(1),
    count: 1,
    totalWeight: 1,
  });
}

/** P(alive at opportunity n + m | x, t_x, n) = B(α+x, β+n−x)/B(α,β) · B(γ, δ+n+m)/B(γ,δ) / L. */
export function probabilityAlive(params: ArrayLike<number>, x: number, tx: number, n: number, m: number): number {
  const alpha = params[0] as number;
  const beta = params[1] as number;
  const gamma = params[2] as number;
  const delta = params[3] as number;
  const logNumerator = logBeta(alpha + x, beta + n - x) - logBeta(alpha, beta) + logBeta(gamma, delta + n + m) - logBeta(gamma, delta);
  // the numerator is one of the likelihood's terms, summed separately: a few ulps above 1 at extremes
  return Math.min(1, Math.exp(logNumerator - rowLogLikelihood(params, x, tx, n)));
}

/**
 * P(dead by opportunity n | x, t_x, n) = 1 − P(alive at n): the dead branch of the likelihood,
 * Σ_{j=0}^{n−t_x−1} B(α+x, β+t_x−x+j)/B(α,β) · B(γ+1, δ+t_x+j)/B(γ,δ), over L, summed rather than
 * subtracted from 1 so that a small value keeps its digits.
 */
export function probabilityDead(params: ArrayLike<number>, x: number, tx: number, n: number): number {
  const alpha = params[0] as number;
  const beta = params[1] as number;
  const gamma = params[2] as number;
  const delta = params[3] as number;
  let logDead = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < n - tx; j++) logDead = logAddExp(logDead, logBeta(alpha + x, beta + tx - x + j) + logBeta(gamma + 1, delta + tx + j));
  return Math.exp(logDead - logBeta(alpha, beta) - logBeta(gamma, delta) - rowLogLikelihood(params, x, tx, n));
}

/**
 * E[X(n, n+m) | x, t_x, n] = 1/L · B(α+x+1, β+n−x)/B(α,β) · δ/(γ−1) · Γ(γ+δ)/Γ(1+δ)
 *   · [Γ(1+δ+n)/Γ(γ+δ+n) − Γ(1+δ+n+m)/Γ(γ+δ+n+m)]   (FHS 2010 eq. 13).
 * With R(z) = ln Γ(z + γ − 1) − ln Γ(z), the gamma factors are e^(R(1+δ) − R(1+δ+n)) · (1 − e^(R(1+δ+n) −
 * R(1+δ+n+m))), each difference from `logGammaRatioDifference`: moderate where the log-gammas themselves
 * are huge (γ = 1e8 gave ∞ · 0 = NaN, δ = 1e8 an expectation above m).
 */
export function conditionalExpected(params: ArrayLike<number>, x: number, tx: number, n: number, m: number): number {
  const alpha = params[0] as number;
  const beta = params[1] as number;
  const gamma = params[2] as number;
  const delta = params[3] as number;
  const logFactor = logBeta(alpha + x + 1, beta + n - x) - logBeta(alpha, beta) - rowLogLikelihood(params, x, tx, n);
  // (…)/(γ−1) is 0/0 at γ = 1, where its limit is ψ(1+δ+n+m) − ψ(1+δ+n); the rest is smooth. The
  // factors are joined in logs: the likelihood's and the gamma ratios' can each leave the double range.
  const closed = (gap: number): number =>
    (Math.exp(logFactor + logGammaRatioDifference(1 + delta, n, gap)) * -Math.expm1(logGammaRatioDifference(1 + delta + n, m, gap))) / gap;
  const expected = acrossRemovableSingularity(gamma - 1, shapeGapWidth, closed, () => Math.exp(logFactor) * (digamma(1 + delta + n + m) - digamma(1 + delta + n)));
  // at most one transaction per opportunity: rounding could leave it a few ulps above m
  return Math.min(m, delta * expected);
}

/**
 * Discounted expected residual transactions at discount rate d per opportunity (FHS 2010 eq. 14):
 * Σ_{m ≥ 1} P(purchase at n + m | x, t_x, n) / (1 + d)^m
 *   = P(alive at n) · (α+x)/(α+β+n) · Σ_{m ≥ 1} q^m B(γ, δ+n+m)/B(γ, δ+n),   q = 1/(1 + d),
 * and the sum is q · c/(γ+c) · 2F1(1, c+1; γ+c+1; q) with c = δ+n. Its terms fall like q^m m^(−γ): below
 * q = 0.995 the series itself (at most about 8,000 terms), above it the 1 − q connection formula of
 * `log2F1Signed`, unless γ is within 1e-3 of an integer, where that formula cancels (it would lose up to
 * 1e-13 / 1e-3 relative) and the series runs on: about 40/d terms.
 */
export function discountedResidual(params: ArrayLike<number>, x: number, tx: number, n: number, d: number): number {
  const alpha = params[0] as number;
  const beta = params[1] as number;
  const gamma = params[2] as number;
  const c = (params[3] as number) + n;
  const q = 1 / (1 + d);
  let sum: number;
  if (q > 0.995 && Math.abs(gamma - Math.round(gamma)) >= 1e-3) {
    // 1 − q = d/(1 + d) exactly: from q it would keep only the digits of d above 1e-16
    sum = ((q * c) / (gamma + c)) * Math.exp(log2F1Signed(1, c + 1, gamma + c + 1, q, d / (1 + d)).log);
  } else {
    // Σ q^m Π_{j<m} (c+j)/(γ+c+j): positive terms, each below q^m, with ratios below q
    let term = (q * c) / (gamma + c);
    sum = 0;
    for (let m = 1; term > 1e-17 * sum; m++) {
      sum += term;
      term *= (q * (c + m)) / (gamma + c + m);
    }
  }
  return probabilityAlive(params, x, tx, n, 0) * ((alpha + x) / (alpha + beta + n)) * sum;
}

/**
 * P(at least one transaction in opportunities n+1 … n+m | x, t_x, n): the sum over k of P(first one at n+k)
 * = P(alive at n) · Σ_{k=1..m} E[p (1−p)^(k−1)] E[(1−θ)^k] under p ~ Beta(α+x, β+n−x) and θ ~ Beta(γ, δ+n),
 * each expectation a beta ratio kept by its recurrence. Positive terms, no 1 − P(none) cancellation.
 */
export function purchaseProbability(params: ArrayLike<number>, x: number, tx: number, n: number, m: number): number {
  const a = (params[0] as number) + x;
  const b = (params[1] as number) + n - x;
  const gamma = params[2] as number;
  const c = (params[3] as number) + n;
  let buys = a / (a + b);
  let survives = c / (gamma + c);
  let sum = 0;
  for (let k = 1; k <= m; k++) {
    sum += buys * survives;
    buys *= (b + k - 1) / (a + b + k);
    survives *= (c + k) / (gamma + c + k);
  }
  // P(alive) itself can round a few ulps above 1 at extreme parameters
  return Math.min(1, probabilityAlive(params, x, tx, n, 0) * sum);
}

/**
 * Within this |γ − 1| the BG/BB expectations (0/0 at γ = 1) take the line to their limit. The closed
 * forms read their log-gamma differences from `logGammaRatioDifference`, accurate also for tiny γ − 1 (the plain
 * differences lost about 1e-14 / |γ − 1| relative, and 1e-11 absolute at n = 10⁴), so the line is
 * needed only where γ − 1 itself underflows the arithmetic.
 */
const shapeGapWidth = 1e-12;

/**
 * ln [Γ(z+g) Γ(z+k) / (Γ(z) Γ(z+k+g))] for a whole number k ≥ 0: by Γ(w+1) = wΓ(w) it is
 * −Σ_{i<k} log1p(g/(z+i)), every term accurate however large z or g (differences of log-gamma
 * ratios kept 1e-16·g·ln z: 2e-7 at γ = 1e8, all digits lost at δ = 1e14). O(k), and k is a count of
 * opportunities, at most 10,000.
 */
function logGammaRatioDifference(z: number, k: number, g: number): number {
  let total = 0;
  for (let i = 0; i < k; i++) total -= Math.log1p(g / (z + i));
  return total;
}

/** E[X(n)] = α/(α+β) · δ/(γ−1) · [1 − Γ(γ+δ)Γ(1+δ+n)/(Γ(γ+δ+n)Γ(1+δ))]. */
export function unconditionalExpected(params: ArrayLike<number>, n: number): number {
  const alpha = params[0] as number;
  const beta = params[1] as number;
  const gamma = params[2] as number;
  const delta = params[3] as number;
  const share = alpha / (alpha + beta);
  const closed = (gap: number): number => {
    const logRatio = logGammaRatioDifference(1 + delta, n, gap);
    return share * (delta / gap) * -Math.expm1(logRatio);
  };
  // At γ = 1 the limit is α/(α+β) · δ · [ψ(1+δ+n) − ψ(1+δ)].
  return acrossRemovableSingularity(gamma - 1, shapeGapWidth, closed, () => share * delta * (digamma(1 + delta + n) - digamma(1 + delta)));
}

/**
 * P(X(n) = x) = C(n,x) B(α+x, β+n−x)/B(α,β) · B(γ, δ+n)/B(γ,δ)
 *   + Σ_{i=x}^{n−1} C(i,x) B(α+x, β+i−x)/B(α,β) · B(γ+1, δ+i)/B(γ,δ).
 */
export function countProbability(params: ArrayLike<number>, n: number, x: number): number {
  const alpha = params[0] as number;
  const beta = params[1] as number;
  const gamma = params[2] as number;
  const delta = params[3] as number;
  const lbAB = logBeta(alpha, beta);
  const lbGD = logBeta(gamma, delta);
  const logChoose = (top: number, bottom: number): number => logGamma(top + 1) - logGamma(bottom + 1) - logGamma(top - bottom + 1);
  let logP = logChoose(n, x) + logBeta(alpha + x, beta + n - x) - lbAB + logBeta(gamma, delta + n) - lbGD;
  for (let i = x; i < n; i++) {
    logP = logAddExp(logP, logChoose(i, x) + logBeta(alpha + x, beta + i - x) - lbAB + logBeta(gamma + 1, delta + i) - lbGD);
  }
  return Math.exp(logP);
}
