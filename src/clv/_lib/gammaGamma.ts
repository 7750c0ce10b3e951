/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005 "RFM and CLV"; Fader & Hardie note 025): per
 * customer, the density of the mean spend m over x repeat transactions, Jacobian included:
 * ln f = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + (px − 1) ln m + px ln x − (px + q) ln(γ + m x).
 */
import { digamma, logGamma } from "./special.js";

export interface SpendRows {
  frequency: Float64Array;
  monetary: Float64Array;
  weight: Float64Array;
  count: number;
  totalWeight: number;
}

export function logLikelihood(params: ArrayLike<number>, rows: SpendRows, gradient?: Float64Array): number {
  const p = params[0] as number;
  const q = params[1] as number;
  const gamma = params[2] as number;
  const lgQ = logGamma(q);
  const logGammaParam = Math.log(gamma);
  const psiQ = gradient ? digamma(q) : 0;
  let total = 0;
  let gP = 0;
  let gQ = 0;
  let gGamma = 0;
  for (let i = 0; i < rows.count; i++) {
    const x = rows.frequency[i] as number;
    const m = rows.monetary[i] as number;
    const w = rows.weight[i] as number;
    const px = p * x;
    const logM = Math.log(m);
    const logX = Math.log(x);
    const logDenominator = Math.log(gamma + m * x);
    total +=
      w * (logGamma(px + q) - logGamma(px) - lgQ + q * logGammaParam + (px - 1) * logM + px * logX - (px + q) * logDenominator);
    if (gradient) {
      const psiPxQ = digamma(px + q);
      gP += w * x * (psiPxQ - digamma(px) + logM + logX - logDenominator);
      gQ += w * (psiPxQ - psiQ + logGammaParam - logDenominator);
      gGamma += w * (q / gamma - (px + q) / (gamma + m * x));
    }
  }
  if (gradient) {
    gradient[0] = gP;
    gradient[1] = gQ;
    gradient[2] = gGamma;
  }
  return total;
}

/** E[M | x, m] = (pγ + p x m)/(p x + q − 1); the population mean pγ/(q − 1) when x = 0. */
export function conditionalSpend(params: ArrayLike<number>, x: number, m: number): number {
  const p = params[0] as number;
  const q = params[1] as number;
  const gamma = params[2] as number;
  return (p * gamma + p * x * (x > 0 ? m : 0)) / (p * x + q - 1);
}
