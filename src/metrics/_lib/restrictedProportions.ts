/**
 * The maximum-likelihood proportions of two binomial arms under the constraint pA − pB = difference
 * (Farrington & Manning 1990; Miettinen & Nurminen 1985): the null estimate behind the score test of a
 * non-zero difference. @internal
 *
 * @remarks The log-likelihood xA ln(p + d) + (nA − xA) ln(1 − p − d) + xB ln p + (nB − xB) ln(1 − p) is
 * concave in pB = p on (max(0, −d), min(1, 1 − d)), so its derivative falls through the interval and
 * bisection finds its root to the last bit, or the end of the interval that the maximum sits on when
 * the derivative keeps one sign. The closed form (the trigonometric root of a cubic, as statsmodels
 * writes it) loses digits to cancellation near the ends of the interval and needs its arccosine argument
 * clamped; bisection has neither problem and costs about 60 evaluations of four quotients (up to
 * about 1,100 when the maximum sits at an end of the interval at 0, where the halving runs through the
 * subnormal numbers). 1 − p̃ is taken by subtraction, so with d within ε of ±1, or an arm at 0 or all
 * successes and a tiny d, the variance keeps about ε/|d| relative (1e-7 at d = 1e-9).
 * Requires −1 < d < 1, 0 ≤ x ≤ n and n > 0 in each arm.
 */
export function restrictedProportions(successesA: number, trialsA: number, successesB: number, trialsB: number, difference: number): { readonly proportionA: number; readonly proportionB: number } {
  const failuresA = trialsA - successesA;
  const failuresB = trialsB - successesB;
  // A term whose count is zero is left out: its limit 0 · (1/0) is 0, not NaN.
  const slope = (p: number): number => {
    const q = p + difference;
    return (successesA > 0 ? successesA / q : 0) - (failuresA > 0 ? failuresA / (1 - q) : 0) + (successesB > 0 ? successesB / p : 0) - (failuresB > 0 ? failuresB / (1 - p) : 0);
  };
  let low = Math.max(0, -difference);
  let high = Math.min(1, 1 - difference);
  for (;;) {
    const middle = low + (high - low) / 2;
    if (middle <= low || middle >= high) break;
    if (slope(middle) > 0) low = middle;
    else high = middle;
  }
  const proportionB = low + (high - low) / 2;
  // Clamped so that rounding of p + d cannot step outside [0, 1].
  const proportionA = Math.min(1, Math.max(0, proportionB + difference));
  return { proportionA, proportionB };
}
