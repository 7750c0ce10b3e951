import type { FitFailure, FitFailureReason, FittedModel, TimeUnit } from "../types.js";
import { bfgs, invertPositiveDefinite, nelderMead, numericalHessian } from "./optimize.js";
import { isTimeUnit } from "./units.js";

/** The `not_identified` problem of a fit without customers (an empty list, or only zero weights). */
export const NO_CUSTOMERS = "there are no customers (an empty list, or every weight is 0)";

/** Log-parameters are confined to [−20, 20] (parameters between 2e−9 and 5e8); an optimum near the edge is a divergence. */
const LOG_BOUND = 20;
/**
 * An optimum with a shape log-parameter beyond ±7 (a shape above about 1,100 or below 1/1,100) is
 * checked for a likelihood that still rises, or stays flat, toward the edge: BFGS stops on such a
 * ridge once its gradient is below tolerance, far inside ±19.
 */
const EDGE_CHECK = 7;
/** The profile of such a parameter is taken this far further out, in log units (a factor of 20). */
const PROFILE_STEP = 3;
/** A profile that falls by less than this there does not bound the parameter. */
const FLAT_PROFILE = 1e-3;

/**
 * The index of a parameter that the likelihood does not bound toward the edge, or −1: for each
 * `checked` log-parameter (a shape, not at a bound) beyond {@link EDGE_CHECK}, the profile objective
 * (the others re-fitted from the optimum by BFGS, with finite differences for Pareto/NBD) with that
 * parameter {@link PROFILE_STEP} further out (less where another parameter would cross the bounds). An interior
 * optimum loses likelihood there; a ridge running to 0 or infinity (Gamma-Gamma's p → ∞ with γ → 0 on
 * a handful of customers) does not.
 */
function unboundedParameter(
  objective: (theta: Float64Array) => number,
  objectiveAndGradient: (theta: Float64Array, gradient: Float64Array) => number,
  optimum: Float64Array,
  value: number,
  checked: (k: number) => boolean,
): number {
  const n = optimum.length;
  const full = new Float64Array(n);
  const fullGradient = new Float64Array(n);
  // Every far-out parameter moves by one step, which must stay inside the bounds for all of them.
  let farthest = 0;
  for (let k = 0; k < n; k++) if (Math.abs(optimum[k] as number) > EDGE_CHECK) farthest = Math.max(farthest, Math.abs(optimum[k] as number));
  const step = Math.min(PROFILE_STEP, LOG_BOUND - farthest);
  for (let k = 0; k < n; k++) {
    const at = optimum[k] as number;
    if (!(Math.abs(at) > EDGE_CHECK) || !checked(k)) continue;
    const fixed = at + Math.sign(at) * step;
    const place = (point: Float64Array): Float64Array => {
      for (let index = 0, other = 0; index < n; index++) full[index] = index === k ? fixed : (point[other++] as number);
      return full;
    };
    // The re-fit starts where the ridges seen run: every parameter as far out moved out with it
    // (p up with γ down in Gamma-Gamma, s up with β in Pareto/NBD), or, if that is worse, the others as they are.
    const alone = Float64Array.from(optimum.filter((_, index) => index !== k));
    const along = alone.map((value) => (Math.abs(value) > EDGE_CHECK ? value + Math.sign(value) * step : value));
    const fromAlong = objective(place(along));
    const fromAlone = objective(place(alone));
    if (Math.min(fromAlong, fromAlone) - value < FLAT_PROFILE) return k;
    const others = fromAlong <= fromAlone ? along : alone;
    const refitted = bfgs(
      (point, gradient) => {
        const result = objectiveAndGradient(place(point), fullGradient);
        for (let index = 0, other = 0; index < n; index++) if (index !== k) gradient[other++] = fullGradient[index] as number;
        return result;
      },
      others,
      { maxIterations: 100, gradientTolerance: 1e-6 },
    );
    if (refitted.value - value < FLAT_PROFILE) return k;
  }
  return -1;
}

export interface RunFitSpec<Kind extends string, Params> {
  kind: Kind;
  caller: string;
  unit: TimeUnit | "periods";
  names: ReadonlyArray<keyof Params & string>;
  /**
   * Parameters measured in the data's units (rates per time unit, amounts of money): a large or small
   * value says nothing about the fit, so only the shape parameters are checked for a ridge toward
   * the edge (every such ridge runs a shape to 0 or infinity).
   */
  scales: ReadonlyArray<keyof Params & string>;
  start: ReadonlyArray<number>;
  /** True log-likelihood (sum) at natural parameters. */
  logLikelihood: (params: Float64Array) => number;
  /** Writes d LL / d params (natural) into `gradient` and returns LL; absent for derivative-free fits. */
  logLikelihoodAndGradient?: (params: Float64Array, gradient: Float64Array) => number;
  penalizer: number;
  /**
   * Lower bounds of the natural parameters (default all 0): each is fitted as `lower + e^θ`, so a
   * bound of 1 keeps Gamma-Gamma's q above 1 (lifetimes' `q_constraint`).
   */
  lowerBounds?: ReadonlyArray<number>;
  totalWeight: number;
  uniqueRows: number;
  maxIterations: number;
  /**
   * Why the data cannot identify the model (no repeat purchases, no observation time), if so: reported
   * before optimising when there is no penalizer. Without rows to fit (`totalWeight` 0: no customers,
   * or for Gamma-Gamma no repeat customer) the fit is not identified whatever the penalizer (the
   * penalty scales with `totalWeight`, so it is 0 too, and the start point would pass as the optimum).
   */
  notIdentified?: string | undefined;
}

function toParams<Params>(names: ReadonlyArray<string>, values: ArrayLike<number>): Params {
  const result: Record<string, number> = {};
  for (let k = 0; k < names.length; k++) result[names[k] as string] = values[k] as number;
  return result as Params;
}

/**
 * Maximum likelihood in log-parameter space: BFGS with the analytic gradient when there is one, then a
 * Nelder–Mead polish with restarts (or Nelder–Mead alone); standard errors from the numerical Hessian
 * of −LL in natural parameters.
 */
export function runFit<Kind extends string, Params>(
  spec: RunFitSpec<Kind, Params>,
): FittedModel<Kind, Params> | FitFailure<Kind, Params> {
  const n = spec.names.length;
  const caller = spec.caller;
  if (!(spec.penalizer >= 0) || !Number.isFinite(spec.penalizer)) throw new RangeError(`${caller} requires penalizer to be a non-negative number`);
  const lower = spec.lowerBounds ?? new Array<number>(n).fill(0);
  if (!Array.isArray(spec.start) || spec.start.length !== n || spec.start.some((value, k) => !(value > (lower[k] as number)) || !Number.isFinite(value))) {
    throw new RangeError(`${caller} requires initialParams to be ${n} positive finite numbers (${spec.names.join(", ")})`);
  }
  if (!Number.isInteger(spec.maxIterations) || spec.maxIterations < 1) throw new RangeError(`${caller} requires maxIterations to be a positive integer`);
  // "periods" is BG/BB's unit (and Gamma-Gamma's default); the continuous-time models need a time unit
  const periodsAllowed = spec.kind === "BG/BB" || spec.kind === "Gamma-Gamma";
  if (!isTimeUnit(spec.unit) && !(periodsAllowed && spec.unit === "periods")) throw new TypeError(`${caller} requires unit to be days, weeks, months or years`);
  const empty = !(spec.totalWeight > 0);
  if (empty || (spec.notIdentified !== undefined && spec.penalizer === 0)) {
    const params = Float64Array.from(spec.start);
    const problem = spec.notIdentified ?? NO_CUSTOMERS;
    return {
      kind: spec.kind,
      converged: false,
      reason: "not_identified",
      message: `${caller} did not converge (not_identified): ${problem}, so the data do not identify the model; use more data`,
      unit: spec.unit,
      params: toParams<Params>(spec.names, params),
      logLikelihood: spec.logLikelihood(params),
      iterations: 0,
    };
  }
  const natural = new Float64Array(n);
  const naturalGradient = new Float64Array(n);
  const penaltyScale = spec.penalizer * spec.totalWeight;
  const outOfRange = (theta: Float64Array): boolean => {
    for (let k = 0; k < n; k++) if (!(Math.abs(theta[k] as number) <= LOG_BOUND)) return true;
    return false;
  };
  const objective = (theta: Float64Array): number => {
    if (outOfRange(theta)) return Number.POSITIVE_INFINITY;
    let penalty = 0;
    for (let k = 0; k < n; k++) {
      natural[k] = (lower[k] as number) + Math.exp(theta[k] as number);
      penalty += (natural[k] as number) ** 2;
    }
    const value = -spec.logLikelihood(natural) + penaltyScale * penalty;
    return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
  };
  const start = spec.start.map((value, k) => Math.log(value - (lower[k] as number)));
  let result;
  let iterations = 0;
  const withGradient = spec.logLikelihoodAndGradient;
  const shifted = new Float64Array(n);
  /** −LL with central finite differences of the log-parameters, for fits without an analytic gradient (Pareto/NBD). */
  const finiteDifference = (theta: Float64Array, gradient: Float64Array): number => {
    const value = objective(theta);
    if (!Number.isFinite(value)) return value;
    for (let k = 0; k < n; k++) {
      const step = 1e-5 * Math.max(1, Math.abs(theta[k] as number));
      shifted.set(theta);
      shifted[k] = (theta[k] as number) + step;
      const up = objective(shifted);
      shifted[k] = (theta[k] as number) - step;
      const down = objective(shifted);
      gradient[k] = (up - down) / (2 * step);
    }
    return value;
  };
  const objectiveAndGradient =
    withGradient === undefined
      ? finiteDifference
      : (theta: Float64Array, gradient: Float64Array): number => {
          if (outOfRange(theta)) return Number.POSITIVE_INFINITY;
          let penalty = 0;
          for (let k = 0; k < n; k++) {
            natural[k] = (lower[k] as number) + Math.exp(theta[k] as number);
            penalty += (natural[k] as number) ** 2;
          }
          const ll = withGradient(natural, naturalGradient);
          for (let k = 0; k < n; k++) {
            const p = natural[k] as number;
            // d/dθ = (p − lower) · d/dp (chain rule for p = lower + e^θ)
            const scale = p - (lower[k] as number);
            gradient[k] = -(naturalGradient[k] as number) * scale + 2 * penaltyScale * p * scale;
          }
          return -ll + penaltyScale * penalty;
        };
  if (withGradient !== undefined) {
    result = bfgs(objectiveAndGradient, start, { maxIterations: spec.maxIterations, gradientTolerance: 1e-7 });
    iterations += result.iterations;
    if (!result.converged && result.reason !== "non_finite") {
      const polish = nelderMead(objective, result.x, { maxIterations: spec.maxIterations * 5, initialStep: 0.1 });
      iterations += polish.iterations;
      const gradient = new Float64Array(n);
      objectiveAndGradient(polish.x, gradient);
      let gradientNorm = 0;
      for (let k = 0; k < n; k++) gradientNorm += (gradient[k] as number) ** 2;
      result = { ...polish, gradientNorm: Math.sqrt(gradientNorm) };
    }
  } else {
    // no analytic gradient (Pareto/NBD): BFGS on central finite differences of the log-parameters,
    // which needs about half the likelihood evaluations of Nelder–Mead; if it does not converge,
    // Nelder–Mead restarted from its optimum until the objective moves by < 1e-8 takes over
    result = bfgs(objectiveAndGradient, start, { maxIterations: spec.maxIterations, gradientTolerance: 1e-4 });
    iterations += result.iterations;
    // only a truly stationary point counts: BFGS also stops on tiny steps along flat ridges
    if (!result.converged || !(result.gradientNorm <= 1e-3)) {
      const from = result.reason === "non_finite" ? Float64Array.from(start) : result.x;
      result = nelderMead(objective, from, { maxIterations: spec.maxIterations * 5, fTolerance: 1e-9, xTolerance: 1e-6 });
      iterations += result.iterations;
    }
  }
  const params = Float64Array.from(result.x, (value, k) => (lower[k] as number) + Math.exp(value));
  const logLikelihood = spec.logLikelihood(params);
  // A parameter with a positive lower bound that ran down to it is a binding constraint (q at 1), not a divergence.
  const atBound = (k: number): boolean => (lower[k] as number) > 0 && (result.x[k] as number) < -EDGE_CHECK;
  const diverged =
    result.x.some((value, k) => Math.abs(value) > LOG_BOUND - 1 && !atBound(k)) || (result.converged && unboundedParameter(objective, objectiveAndGradient, result.x, result.value, (k) => !atBound(k) && !spec.scales.includes(spec.names[k] as keyof Params & string)) !== -1);
  if (!result.converged || !Number.isFinite(logLikelihood) || diverged) {
    const reason: FitFailureReason = !Number.isFinite(logLikelihood)
      ? "non_finite"
      : diverged
        ? "parameters_diverged"
        : result.reason === "converged"
          ? "max_iterations"
          : result.reason;
    const advice =
      reason === "non_finite"
        ? "the log-likelihood is not finite at the start point; pass initialParams or check the data"
        : reason === "parameters_diverged"
          ? "a parameter ran towards 0 or infinity, so the data do not identify the model (too few customers or repeat purchases); add a penalizer such as 0.001 or use more data"
          : reason === "max_iterations"
          ? "raise maxIterations or pass initialParams closer to the optimum"
          : "the likelihood surface is flat or ill-conditioned here; try a small penalizer or other initialParams";
    return {
      kind: spec.kind,
      converged: false,
      reason,
      message: `${spec.caller} did not converge (${reason}): ${advice}`,
      unit: spec.unit,
      params: toParams<Params>(spec.names, params),
      logLikelihood,
      iterations,
    };
  }
  const hessian = numericalHessian((point) => {
    let penalty = 0;
    for (let k = 0; k < n; k++) penalty += (point[k] as number) ** 2;
    return -spec.logLikelihood(point) + penaltyScale * penalty;
  }, params);
  const covariance = invertPositiveDefinite(hessian, n);
  const errors = covariance === null ? null : Float64Array.from({ length: n }, (_, k) => Math.sqrt(covariance[k * n + k] as number));
  const warnings: string[] = [];
  for (let k = 0; k < n; k++) {
    if (atBound(k)) warnings.push(`${spec.names[k] as string} is at its lower bound ${lower[k] as number} (${(params[k] as number).toPrecision(10)}): the constraint binds`);
  }
  if (errors === null) {
    warnings.push("standard errors are not available: the Hessian of -LL is not positive definite at the optimum, so the data do not pin down every parameter; use more data");
  } else {
    for (let k = 0; k < n; k++) {
      if (!((errors[k] as number) <= (params[k] as number))) {
        warnings.push(`${spec.names[k] as string} is weakly identified: its standard error ${(errors[k] as number).toPrecision(3)} exceeds the estimate ${(params[k] as number).toPrecision(3)}`);
      }
    }
  }
  const standardErrors = errors === null ? null : toParams<Params>(spec.names, errors);
  return {
    kind: spec.kind,
    converged: true,
    unit: spec.unit,
    params: toParams<Params>(spec.names, params),
    standardErrors,
    warnings,
    logLikelihood,
    iterations,
    gradientNorm: result.gradientNorm,
    customerCount: spec.totalWeight,
    uniqueRows: spec.uniqueRows,
  };
}
