/**
 * Special functions for the buy-till-you-die models, all in log space.
 *
 * Log-gamma, log-beta and digamma come from the pinned `@stdlib` leaves; the Gauss hypergeometric
 * function is our own: a scaled power series accumulated with a running log scale, preceded by the
 * Euler transform when it shortens or stabilises the series and by the Pfaff transform for negative
 * arguments. Internal module, never exported from a barrel.
 */
import stdlibBetaln from "@stdlib/math-base-special-betaln";
import stdlibDigamma from "@stdlib/math-base-special-digamma";
import stdlibGammaln from "@stdlib/math-base-special-gammaln";

/** Natural log of |Γ(x)|. */
export const logGamma: (x: number) => number = stdlibGammaln;
/** Natural log of the beta function B(a, b) for a, b > 0. */
export const logBeta: (a: number, b: number) => number = stdlibBetaln;
/** Digamma ψ(x) = d/dx ln Γ(x). */
export const digamma: (x: number) => number = stdlibDigamma;

/**
 * A function of a shape gap g that is 0/0 at g = 0 (BG/NBD at a = 1, BG/BB at γ = 1): the closed form
 * from |g| ≥ width, the limit at 0, and in between the straight line from the limit to the closed form
 * at ±width. The closed form loses about ε·C/|g| relative to cancellation, the line about the
 * curvature times width², so `width` balances the two.
 */
export function acrossRemovableSingularity(gap: number, width: number, closed: (gap: number) => number, limit: () => number): number {
  if (Math.abs(gap) >= width) return closed(gap);
  const atZero = limit();
  if (gap === 0) return atZero;
  const step = gap > 0 ? width : -width;
  return atZero + ((closed(step) - atZero) * gap) / step;
}

/**
 * ln Γ(x + ε) − ln Γ(x) for x ≥ 1 and ε > 1 − x, without the cancellation of two log-gammas of size
 * x ln x (at x = 10⁴ their difference kept only 11 digits): for x ≥ 100 Stirling's form
 * (x − ½)·log1p(ε/x) + ε·ln(x + ε) − ε + μ(x + ε) − μ(x) (μ: Stirling's series), below that the same at x + k less
 * Σ log1p(ε/(x + i)). Accurate to about 1e-16 relative also for tiny ε.
 */
export function logGammaRatio(x: number, epsilon: number): number {
  let shift = 0;
  let start = x;
  while (start < 100) {
    shift += Math.log1p(epsilon / start);
    start += 1;
  }
  // μ(z) = 1/(12z) + rest(z): the leading difference exactly, −ε / (12 z (z + ε)), so that a tiny ε keeps its digits.
  const stirlingDifference = -epsilon / (12 * start * (start + epsilon)) + stirlingRest(start + epsilon) - stirlingRest(start);
  const large = (start - 0.5) * Math.log1p(epsilon / start) + epsilon * Math.log(start + epsilon) - epsilon + stirlingDifference;
  return large - shift;
}

/**
 * ln(Γ(r + n)/(Γ(r) n!)), the negative binomial coefficient, through {@link logGammaRatio} from the larger
 * of r and n + 1: two log-gammas of size n ln n would keep only about 1e-16·n ln n (3e-11 at n = 30,000),
 * and of size r ln r 1e-3 at r = 1e12. With r and n both in the thousands, about 1e-11 remains.
 */
export function logNegativeBinomialCoefficient(r: number, n: number): number {
  if (n === 0) return 0;
  return r > n ? logGammaRatio(r, n) - logGamma(n + 1) : logGammaRatio(n + 1, r - 1) - logGamma(r);
}

/** Stirling's series μ(z) = ln Γ(z) − [(z − ½) ln z − z + ½ ln 2π] without its first term 1/(12z), for z ≥ 100. */
function stirlingRest(z: number): number {
  const inverse = 1 / z;
  const square = inverse * inverse;
  return -inverse * square * (1 / 360 - square * (1 / 1260 - square / 1680));
}

/** ln(e^x + e^y) without overflow. */
export function logAddExp(x: number, y: number): number {
  if (x === Number.NEGATIVE_INFINITY) return y;
  if (y === Number.NEGATIVE_INFINITY) return x;
  return x > y ? x + Math.log1p(Math.exp(y - x)) : y + Math.log1p(Math.exp(x - y));
}

/** ln(e^x − e^y) for x ≥ y; −Infinity when equal, NaN when y > x. */
export function logSubExp(x: number, y: number): number {
  if (y === Number.NEGATIVE_INFINITY) return x;
  if (y > x) return Number.NaN;
  const difference = y - x;
  // ln(1 − e^d): log1p(−e^d) for d < −ln 2, ln(−expm1(d)) otherwise (Mächler's log1mexp)
  return x + (difference < -Math.LN2 ? Math.log1p(-Math.exp(difference)) : Math.log(-Math.expm1(difference)));
}

/** 1 / (1 + e^x) computed without overflow: the logistic of −x. */
export function inverseOnePlusExp(x: number): number {
  if (x >= 0) {
    const e = Math.exp(-x);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(x));
}

/** ln(1 + e^x) without overflow. */
export function log1pExp(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

const RESCALE_ABOVE = 1e250;
const LOG_RESCALE = Math.log(RESCALE_ABOVE);
/** Hard cap on series terms; beyond z = 0.995 the 1 − z connection formula takes over (see log2F1Signed). */
const MAX_TERMS = 200_000;

/** Sign of Γ(x): positive for x > 0, alternating between the poles for x < 0. */
function gammaSign(x: number): number {
  if (x > 0) return 1;
  return Math.floor(-x) % 2 === 0 ? -1 : 1;
}

/** Signed log result: value = sign · e^log. */
export interface SignedLog {
  log: number;
  sign: number;
}

/**
 * Power series Σ (a)_n (b)_n / ((c)_n n!) z^n for |z| < 1, accumulated with a log scale so that
 * terms far above the double range neither overflow nor lose digits. Returns sign and log magnitude.
 */
function seriesSigned(a: number, b: number, c: number, z: number): SignedLog {
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = ((a + n) * (b + n)) / ((c + n) * (n + 1));
    term *= ratio * z;
    sum += term;
    if (term === 0) break;
    const absoluteSum = Math.abs(sum);
    if (absoluteSum > RESCALE_ABOVE) {
      sum /= RESCALE_ABOVE;
      term /= RESCALE_ABOVE;
      logScale += LOG_RESCALE;
    }
    // stop once the terms shrink geometrically and no longer move the sum
    if (Math.abs(term) <= 1e-17 * Math.abs(sum) && Math.abs(ratio * z) < 1) break;
  }
  if (sum === 0) return { log: Number.NEGATIVE_INFINITY, sign: 0 };
  return { log: logScale + Math.log(Math.abs(sum)), sign: sum < 0 ? -1 : 1 };
}

/**
 * ln |2F1(a, b; c; z)| with its sign, for real a, b, c (c not a non-positive integer) and z < 1.
 *
 * - z < 0: Pfaff, 2F1(a, b; c; z) = (1 − z)^(−a) 2F1(a, c − b; c; z / (z − 1)), argument in [0, 1).
 * - z ≥ 0 and c − a − b < 0 with c − a > 0, c − b > 0: Euler,
 *   2F1(a, b; c; z) = (1 − z)^(c − a − b) 2F1(c − a, c − b; c; z): the transformed series has positive,
 *   smaller terms and converges much faster near z = 1 (this is the Pareto/NBD and large-frequency
 *   BG/NBD regime where the direct series overflows).
 * - z > 0.995 (and c − a − b not an integer): the 1 − z connection formula (Abramowitz & Stegun 15.3.6),
 *   two series in 1 − z combined with signed log-gamma prefactors; this keeps degenerate fits whose
 *   rates drift far apart from needing millions of terms.
 * - 1 − z below 2e-4 and c − a − b within 1e-9 of a whole number: its logarithmic case, 15.3.11
 *   (through `integerExcessSigned`); within 1e-6 of one and 1 − z from 2e-4, the power series (at most
 *   about 200,000 terms).
 * `oneMinusZ` is 1 − z when the caller has it exactly (1 − z computed from z near 1 keeps only the digits
 * of 1 − z above 1e-16).
 * - otherwise the direct series.
 */
export function log2F1Signed(a: number, b: number, c: number, z: number, oneMinusZ = 1 - z): SignedLog {
  // z may round to 1 when the caller's exact 1 − z is below 1e-16
  if (!(z <= 1 && oneMinusZ > 0)) return { log: Number.NaN, sign: Number.NaN };
  if (z === 0) return { log: 0, sign: 1 };
  if (z < 0) {
    const transformed = z / (z - 1);
    // pick the Pfaff variant whose series terms stay positive when possible
    const useB = c - a > 0 && b > 0 && !(c - b > 0 && a > 0);
    const inner = useB ? seriesSigned(b, c - a, c, transformed) : seriesSigned(a, c - b, c, transformed);
    const prefactor = -(useB ? b : a) * Math.log1p(-z);
    return { log: inner.log + prefactor, sign: inner.sign };
  }
  const excess = c - a - b;
  const nearest = Math.round(excess);
  const gap = Math.abs(excess - nearest);
  const w = oneMinusZ;
  if (z > 0.995 && gap <= INTEGER_GAP && w < SERIES_REACHES) {
    // c − a − b a whole number m, where 15.3.6's two terms have poles that cancel: 15.3.11 with logs,
    // after the Euler transform when m < 0 (its excess is then −m; that is 15.3.12)
    if (nearest >= 0) {
      const result = integerExcessSigned(a, b, c, w, nearest);
      if (result !== undefined) return result;
    } else {
      // c − a or c − b a whole number ≤ 0 makes the transformed function a polynomial: its series ends
      const ends = (value: number): boolean => value <= 0 && Number.isInteger(value);
      const inner = ends(c - a) || ends(c - b) ? seriesSigned(c - a, c - b, c, z) : integerExcessSigned(c - a, c - b, c, w, -nearest);
      if (inner !== undefined) return { log: inner.log + excess * Math.log(w), sign: inner.sign };
    }
  }
  if (z > 0.995 && (gap > 1e-6 || (gap > INTEGER_GAP && w < SERIES_REACHES)) && c > 0) {
    // near z = 1 the power series needs ~1/(1 − z) terms: use the 1 − z connection formula
    // (Abramowitz & Stegun 15.3.6), whose two series converge like (1 − z)^n
    const first = seriesSigned(a, b, 1 - excess, w);
    const second = seriesSigned(c - a, c - b, excess + 1, w);
    const logFirst = logGamma(c) + logGamma(excess) - logGamma(c - a) - logGamma(c - b) + first.log;
    const signFirst = gammaSign(excess) * gammaSign(c - a) * gammaSign(c - b) * first.sign;
    const logSecond = excess * Math.log(w) + logGamma(c) + logGamma(-excess) - logGamma(a) - logGamma(b) + second.log;
    const signSecond = gammaSign(-excess) * gammaSign(a) * gammaSign(b) * second.sign;
    return combineSigned(logFirst, signFirst, logSecond, signSecond);
  }
  if (excess < 0 && c - a > 0 && c - b > 0) {
    const inner = seriesSigned(c - a, c - b, c, z);
    // from z = 1/2 on 1 − z is exact, and the caller's w may hold digits that z lost
    return { log: inner.log + excess * (z > 0.5 ? Math.log(w) : Math.log1p(-z)), sign: inner.sign };
  }
  return seriesSigned(a, b, c, z);
}

/**
 * Within this distance of a whole number c − a − b is taken as that number (15.3.11 then errs by about
 * the distance times |ln(1 − z)|, under 1e-7); further away the connection formula 15.3.6 takes over,
 * whose cancelling poles cost about 1e-16 · (the size of its log-gamma terms) / distance: 1e-7 for
 * parameters below about 20, 1e-5 at b = 300 and 1e-4 at b = 3,000 (measured at a distance of 2e-9).
 */
const INTEGER_GAP = 1e-9;
/**
 * Where 1 − z is at least this, the power series needs at most about 40/(1 − z) = 200,000 terms, within
 * `MAX_TERMS`, so a c − a − b near a whole number (within 1e-6) keeps the series, exact there.
 */
const SERIES_REACHES = 2e-4;

/**
 * 2F1(a, b; a + b + m; z) for a whole m ≥ 0 and w = 1 − z in (0, 2e-4): Abramowitz & Stegun 15.3.11
 * (15.3.10 at m = 0),
 *   Γ(m)Γ(c)/(Γ(a+m)Γ(b+m)) Σ_{n<m} (a)_n (b)_n / (n! (1−m)_n) w^n
 *   − Γ(c)/(Γ(a)Γ(b)) (−w)^m Σ_{n≥0} (a+m)_n (b+m)_n / (n! (n+m)!) w^n [ln w − ψ(n+1) − ψ(n+m+1) + ψ(a+n+m) + ψ(b+n+m)],
 * both series in powers of w, so a few dozen terms; the digammas by their recurrence. `undefined` unless
 * c, a + m and b + m are positive (no digamma pole) and neither a nor b is a whole number ≤ 0 (then the
 * power series ends, and the caller's serves).
 */
function integerExcessSigned(a: number, b: number, c: number, w: number, m: number): SignedLog | undefined {
  if (!(c > 0 && a + m > 0 && b + m > 0) || (a <= 0 && Number.isInteger(a)) || (b <= 0 && Number.isInteger(b))) return undefined;
  const logW = Math.log(w);
  let finite: SignedLog = { log: Number.NEGATIVE_INFINITY, sign: 0 };
  if (m > 0) {
    let term = 1;
    let sum = 1;
    for (let n = 0; n < m - 1; n++) {
      term *= ((a + n) * (b + n) * w) / ((n + 1) * (1 - m + n));
      sum += term;
    }
    const logPrefactor = logGamma(m) + logGamma(c) - logGamma(a + m) - logGamma(b + m);
    finite = { log: logPrefactor + Math.log(Math.abs(sum)), sign: Math.sign(sum) };
  }
  let coefficient = 1;
  let bracket = logW - digamma(1) - digamma(m + 1) + digamma(a + m) + digamma(b + m);
  let sum = bracket;
  for (let n = 0; n < MAX_TERMS; n++) {
    coefficient *= ((a + m + n) * (b + m + n) * w) / ((n + 1) * (n + m + 1));
    bracket += -1 / (n + 1) - 1 / (n + m + 1) + 1 / (a + n + m) + 1 / (b + n + m);
    const term = coefficient * bracket;
    sum += term;
    if (Math.abs(term) <= 1e-17 * Math.abs(sum)) break;
  }
  // − Γ(c)/(Γ(a)Γ(b)) (−1)^m w^m / m! · sum; Γ(a) and Γ(b) are negative between some poles below zero
  const logLogTerm = logGamma(c) - logGamma(a) - logGamma(b) + m * logW - logGamma(m + 1) + Math.log(Math.abs(sum));
  const signLogTerm = -(m % 2 === 0 ? 1 : -1) * gammaSign(a) * gammaSign(b) * Math.sign(sum);
  return combineSigned(finite.log, finite.sign, logLogTerm, signLogTerm);
}

/** sign1·e^log1 + sign2·e^log2 as a signed log. */
function combineSigned(log1: number, sign1: number, log2: number, sign2: number): SignedLog {
  if (sign1 === 0 || log1 === Number.NEGATIVE_INFINITY) return { log: log2, sign: sign2 };
  if (sign2 === 0 || log2 === Number.NEGATIVE_INFINITY) return { log: log1, sign: sign1 };
  if (sign1 === sign2) return { log: logAddExp(log1, log2), sign: sign1 };
  if (log1 >= log2) return { log: logSubExp(log1, log2), sign: log1 === log2 ? 0 : sign1 };
  return { log: logSubExp(log2, log1), sign: sign2 };
}

/**
 * ln 2F1(a, b; c; z) for the BTYD regime (a, b, c > 0, 0 ≤ z < 1, where 2F1 > 0). NaN outside the
 * domain or if the value is not positive.
 */
export function log2F1(a: number, b: number, c: number, z: number): number {
  if (z >= 0 && z <= 0.995 && a > 0 && b > 0 && c > 0) {
    // hot path of the likelihoods: positive parameters, no allocation
    const excess = c - a - b;
    if (excess < 0 && c - a > 0 && c - b > 0) return positiveSeriesLog(c - a, c - b, c, z) + excess * Math.log1p(-z);
    return positiveSeriesLog(a, b, c, z);
  }
  const result = log2F1Signed(a, b, c, z);
  return result.sign > 0 ? result.log : Number.NaN;
}

/** ln Σ (a)_n (b)_n / ((c)_n n!) z^n for a, b, c > 0 and 0 ≤ z < 1 (all terms positive). */
function positiveSeriesLog(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  let logScale = 0;
  for (let n = 0; n < MAX_TERMS; n++) {
    const ratio = (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    term *= ratio;
    sum += term;
    if (sum > RESCALE_ABOVE) {
      sum /= RESCALE_ABOVE;
      term /= RESCALE_ABOVE;
      logScale += LOG_RESCALE;
    }
    if (term <= 1e-17 * sum && ratio < 1) break;
  }
  return logScale + Math.log(sum);
}

/**
 * Step of the trapezoid rule on the real line for integrands analytic in the strip |Im u| < π/4:
 * the rule's error is then about e^(−2π(π/4)/step) = e^(−40) ≈ 4e-18 times the strip's integral
 * (Trefethen & Weideman 2014, "The exponentially convergent trapezoidal rule", §5).
 */
export const LINE_STEP = (Math.PI * Math.PI) / 80;

/**
 * ∫ f(u) du over the real line by the trapezoid rule with `LINE_STEP`, from `lower` up to `upper`, stopping
 * early once a term past the peak falls below 1e-18 of the sum. For a non-negative f that is unimodal and
 * negligible outside [lower, upper], and analytic in the strip |Im u| < π/4.
 */
export function integrateOnLine(f: (u: number) => number, lower: number, upper: number): number {
  // an infinite limit would be an endless loop: a caller's bound computation has gone out of range
  if (!Number.isFinite(lower) || !Number.isFinite(upper)) throw new Error(`integrateOnLine needs finite limits, got ${lower} and ${upper}`);
  let sum = 0;
  let previous = 0;
  const count = Math.ceil((upper - lower) / LINE_STEP);
  for (let i = 0; i <= count; i++) {
    const value = f(lower + i * LINE_STEP);
    sum += value;
    if (value < previous && value <= 1e-18 * sum) break;
    previous = value;
  }
  return sum * LINE_STEP;
}

/**
 * E[1/(G + z)] for G ~ Gamma(s, 1), s > 0 and z > 0: Tricomi's U(1, 2 − s, z) = ∫₀^∞ e^(−zτ) (1 + τ)^(−s) dτ
 * (the Laplace transform of G's density gives the second form). Integrated over u = ln τ, where the
 * integrand e^(u − z e^u) (1 + e^u)^(−s) is log-concave, decays like e^u at −∞ and doubly exponentially at
 * +∞, and is analytic for |Im u| < π/2 (its branch point is at Im u = π). Below the lower limit the
 * integral is under e^lower ≤ 1e-18/(s + z), and 1/(s + z) ≤ E[1/(G + z)] by Jensen. About 400 to 800 terms.
 */
export function shiftedGammaReciprocalMean(shape: number, z: number): number {
  const lower = Math.log(1e-18) - Math.log(shape + z);
  const upper = Math.log(60) - Math.log(z);
  return integrateOnLine((u) => Math.exp(u - z * Math.exp(u) - shape * log1pExp(u)), lower, upper);
}
