import { describe, expect, it } from "vitest";
import { bfgs, invertPositiveDefinite, nelderMead, numericalHessian } from "../../../src/clv/_lib/optimize.js";

const rosenbrock = (x: Float64Array): number => 100 * ((x[1] as number) - (x[0] as number) ** 2) ** 2 + (1 - (x[0] as number)) ** 2;

describe("optimizers", () => {
  it("Nelder–Mead with restarts finds the Rosenbrock minimum", () => {
    const result = nelderMead(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 4);
    expect(result.x[1]).toBeCloseTo(1, 4);
  });

  it("BFGS with an analytic gradient finds the Rosenbrock minimum", () => {
    const result = bfgs((x, g) => {
      const a = x[0] as number;
      const b = x[1] as number;
      g[0] = -400 * a * (b - a * a) - 2 * (1 - a);
      g[1] = 200 * (b - a * a);
      return rosenbrock(x);
    }, [-1.2, 1], { gradientTolerance: 1e-9 });
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 6);
    expect(result.x[1]).toBeCloseTo(1, 6);
  });

  it("reports non-finite starts instead of pretending to converge", () => {
    expect(nelderMead(() => Number.NaN, [0, 0]).reason).toBe("non_finite");
    expect(bfgs((_, g) => { g.fill(0); return Number.NaN; }, [0]).converged).toBe(false);
  });

  it("reports max_iterations", () => {
    const result = bfgs((x, g) => { g[0] = 2 * (x[0] as number); return (x[0] as number) ** 2 + 1; }, [1e6], { maxIterations: 0 });
    expect(result.reason).toBe("max_iterations");
  });

  it("Hessian and its inverse for a quadratic form", () => {
    const f = (x: Float64Array): number => 2 * (x[0] as number) ** 2 + (x[0] as number) * (x[1] as number) + 3 * (x[1] as number) ** 2;
    const hessian = numericalHessian(f, [0.3, -0.2]);
    expect(Array.from(hessian).map((v) => Math.round(v * 1e4) / 1e4)).toEqual([4, 1, 1, 6]);
    const inverse = invertPositiveDefinite(hessian, 2) as Float64Array;
    expect(inverse[0]).toBeCloseTo(6 / 23, 6);
    expect(inverse[1]).toBeCloseTo(-1 / 23, 6);
    expect(invertPositiveDefinite(Float64Array.of(1, 2, 2, 1), 2)).toBeNull();
  });
});
