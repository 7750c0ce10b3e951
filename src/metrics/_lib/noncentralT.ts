import { betaCdf, betaSf } from "./beta.js";
import { normalCdf } from "./normal.js";
import { stirlingError } from "./stirling.js";

/**
 * The Poisson weight e^−λ λᵏ/k! at k = ⌊λ⌋ and e^−λ λᵏ/Γ(k + 3/2), the q weight without δ/√2. Below
 * k = 30 as products (k roundings); above, by Stirling's series with the logarithms of size k
 * cancelled by hand (log λᵏ e^−λ/k! = k(log1p(r) − r) − ½ log 2πk − stirlingError(k) with r = (λ − k)/k),
 * since exp of a logarithm near k ln k would lose k·1e-16 of the weight.
 */
function modeWeights(lambda: number, k: number): { p: number; q: number } {
  if (k < 30) {
    let p = Math.exp(-lambda);
    let q = p / GAMMA_THREE_HALVES;
    for (let i = 1; i <= k; i++) {
      p *= lambda / i;
      q *= lambda / (i + 0.5);
    }
    return { p, q };
  }
  const r = (lambda - k) / k;
  const m = k + 1.5;
  const s = (lambda - m) / m;
  return {
    p: Math.exp(k * (Math.log1p(r) - r) - 0.5 * Math.log(2 * Math.PI * k) - stirlingError(k)),
    q: Math.exp(k * (Math.log1p(s) - s) - 1.5 * s - Math.log(m) - 0.5 * Math.log(2 * Math.PI) - stirlingError(m)),
  };
}

/** Γ(3/2) = √π/2. */
const GAMMA_THREE_HALVES = Math.sqrt(Math.PI) / 2;

/**
 * The noncentral t distribution (ν degrees of freedom, noncentrality δ), for the power of t tests.
 *
 * For t ≥ 0, with x = t²/(ν + t²) and λ = δ²/2 (Lenth 1989, AS 243):
 * P(T ≤ t) = Φ(−δ) + ½ Σⱼ [pⱼ I_x(j + ½, ν/2) + qⱼ I_x(j + 1, ν/2)] and
 * P(T > t) = ½ Σⱼ [pⱼ (1 − I_x(j + ½, ν/2)) + qⱼ (1 − I_x(j + 1, ν/2))],
 * pⱼ = e^−λ λʲ/j!, qⱼ = e^−λ λʲ δ/(√2 Γ(j + 3/2)) (the second form follows from Σ pⱼ = 1 and
 * Σ qⱼ = 1 − 2Φ(−δ)). Negative t use P(T ≤ t; ν, δ) = P(T > −t; ν, −δ). The sum starts at the mode of
 * the Poisson weights, j = ⌊λ⌋ (e^−λ alone underflows beyond λ ≈ 745; see {@link modeWeights}), and
 * runs down and up from there until a term adds less than 1e-17 of the sum. For δ ≥ 0 every term of
 * the upper tail is positive; for δ < 0 the q terms are negative and the tail is exact to about 1e-16
 * absolute, which is what the power of a test needs. About 80·|δ| terms once |δ| > 1: 40 µs at the
 * noncentralities of planning (δ below 10), 2 ms at δ = 100, 0.2 s at δ = 14,000 with many degrees
 * of freedom (more with few: 0.5 s at ν = 30, δ = 1000). Beyond about 1e7 degrees of freedom `@stdlib`'s
 * incomplete beta loses digits for the small whole shapes of the first q terms (6e-9 at 1e9).
 */
function tailSum(t: number, degreesOfFreedom: number, noncentrality: number, upper: boolean): number {
  const lambda = (noncentrality * noncentrality) / 2;
  const square = t * t;
  const x = square / (degreesOfFreedom + square);
  const b = degreesOfFreedom / 2;
  const beta = upper ? betaSf : betaCdf;
  const start = Math.floor(lambda);
  const weights = modeWeights(lambda, start);
  const pStart = weights.p;
  // qⱼ without δ/√2, which `scale` applies with its sign: the recurrences stay positive.
  const qStart = noncentrality === 0 ? 0 : weights.q;
  const scale = noncentrality / Math.SQRT2;
  const term = (j: number, p: number, q: number): number => p * beta(x, j + 0.5, b) + (q === 0 ? 0 : scale * q * beta(x, j + 1, b));
  let sum = term(start, pStart, qStart);
  let p = pStart;
  let q = qStart;
  for (let j = start + 1; ; j++) {
    p *= lambda / j;
    q *= lambda / (j + 0.5);
    const next = term(j, p, q);
    sum += next;
    if (p + Math.abs(scale) * q <= 1e-17 * Math.abs(sum)) break;
  }
  p = pStart;
  q = qStart;
  for (let j = start - 1; j >= 0; j--) {
    p *= (j + 1) / lambda;
    q *= (j + 1.5) / lambda;
    sum += term(j, p, q);
    if ((p + Math.abs(scale) * q) <= 1e-17 * Math.abs(sum)) break;
  }
  return sum / 2;
}

/** P(T > t) for the noncentral t with `degreesOfFreedom` (> 0) and `noncentrality`. @internal */
export function noncentralTSf(t: number, degreesOfFreedom: number, noncentrality: number): number {
  if (Number.isNaN(t) || !(degreesOfFreedom > 0) || !Number.isFinite(noncentrality)) return Number.NaN;
  if (t === Number.POSITIVE_INFINITY) return 0;
  if (t === Number.NEGATIVE_INFINITY) return 1;
  if (t >= 0) return Math.min(1, Math.max(0, tailSum(t, degreesOfFreedom, noncentrality, true)));
  return Math.min(1, Math.max(0, normalCdf(noncentrality) + tailSum(-t, degreesOfFreedom, -noncentrality, false)));
}

/** P(T ≤ t) for the noncentral t with `degreesOfFreedom` (> 0) and `noncentrality`. @internal */
export function noncentralTCdf(t: number, degreesOfFreedom: number, noncentrality: number): number {
  return noncentralTSf(-t, degreesOfFreedom, -noncentrality);
}
