import { describe, expect, it } from "vitest";
import { runFit } from "../../../src/clv/_lib/fitRunner.js";

/** A two-parameter fit of a synthetic log-likelihood, as the model fits call the runner. */
function fit(logLikelihood: (params: Float64Array) => number, start: [number, number]) {
  return runFit<"BG/NBD", { p: number; q: number }>({
    kind: "BG/NBD",
    caller: "fitTest",
    unit: "weeks",
    names: ["p", "q"],
    scales: [],
    start,
    logLikelihood,
    penalizer: 0,
    totalWeight: 10,
    uniqueRows: 10,
    maxIterations: 500,
  });
}

describe("runFit", () => {
  it("warns when the Hessian is not positive definite at a stationary point (a saddle)", () => {
    const saddle = fit((x) => -(Math.log(x[0]!) ** 2) + Math.log(x[1]!) ** 2 * Math.exp(-(Math.log(x[1]!) ** 2)), [1, 1]);
    if (!saddle.converged) throw new Error(saddle.message);
    expect(saddle.standardErrors).toBeNull();
    expect(saddle.warnings).toEqual([
      "standard errors are not available: the Hessian of -LL is not positive definite at the optimum, so the data do not pin down every parameter; use more data",
    ]);
  });

  it("reports a ridge that rises toward infinity as parameters_diverged, and an optimum at a large value as converged", () => {
    // The likelihood rises by ever less as p grows with q = p: BFGS stops on the ridge far inside the ±19 bound.
    const ridge = fit((x) => -((Math.log(x[0]!) - Math.log(x[1]!)) ** 2) - Math.exp(-Math.log(x[0]!)), [2, 3]);
    expect(ridge).toMatchObject({ converged: false, reason: "parameters_diverged" });
    expect(Math.log(ridge.params.p)).toBeLessThan(19);
    expect(Math.log(ridge.params.p)).toBeGreaterThan(7);
    // An interior optimum at p = q = 5,000 (log 8.5): checked, and kept.
    const large = fit((x) => -((Math.log(x[0]!) - Math.log(5000)) ** 2) - (Math.log(x[1]!) - Math.log(5000)) ** 2, [1, 1]);
    if (!large.converged) throw new Error(large.message);
    expect(large.params.p).toBeCloseTo(5000, 3);
  });
});
