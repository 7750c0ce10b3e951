/**
 * Minimisers carried by segmentkit for the CLV fits: Nelder–Mead with restarts (derivative-free, for
 * Pareto/NBD) and BFGS with a backtracking Armijo line search (analytic gradients). Both minimise
 * f: R^n → R and treat non-finite values as +Infinity (rejected points). Internal module.
 */

export interface MinimizeResult {
  /** Best point found. */
  x: Float64Array;
  /** Objective at `x`. */
  value: number;
  /** Iterations (NM: simplex iterations over all restarts; BFGS: accepted steps). */
  iterations: number;
  /** Objective evaluations. */
  evaluations: number;
  converged: boolean;
  /** Why the run stopped. */
  reason: "converged" | "max_iterations" | "non_finite" | "line_search_failed";
  /** Euclidean norm of the gradient at `x` (NaN for Nelder–Mead). */
  gradientNorm: number;
}

export interface NelderMeadOptions {
  maxIterations?: number;
  /** Stop when the simplex's objective spread falls below this (absolute) and its size below `xTolerance`. */
  fTolerance?: number;
  xTolerance?: number;
  /** Restart from the optimum until the objective improves by less than this (BTYD vignette practice). */
  restartTolerance?: number;
  maxRestarts?: number;
  initialStep?: number;
}

function safe(value: number): number {
  return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
}

/** One Nelder–Mead run (standard coefficients 1, 2, 0.5, 0.5). */
function nelderMeadRun(
  objective: (x: Float64Array) => number,
  start: Float64Array,
  step: number,
  maxIterations: number,
  fTolerance: number,
  xTolerance: number,
): { x: Float64Array; value: number; iterations: number; evaluations: number; converged: boolean } {
  const n = start.length;
  const points: Float64Array[] = [];
  const values = new Float64Array(n + 1);
  let evaluations = 0;
  const evaluate = (x: Float64Array): number => {
    evaluations++;
    return safe(objective(x));
  };
  points.push(Float64Array.from(start));
  values[0] = evaluate(points[0] as Float64Array);
  for (let i = 0; i < n; i++) {
    const point = Float64Array.from(start);
    point[i] = (point[i] as number) + step;
    points.push(point);
    values[i + 1] = evaluate(point);
  }
  const order = new Int32Array(n + 1);
  const centroid = new Float64Array(n);
  const reflected = new Float64Array(n);
  const expanded = new Float64Array(n);
  const contracted = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  for (; iterations < maxIterations; iterations++) {
    for (let i = 0; i <= n; i++) order[i] = i;
    order.sort((i, j) => (values[i] as number) - (values[j] as number));
    const best = order[0] as number;
    const worst = order[n] as number;
    const secondWorst = order[n - 1] as number;
    const bestValue = values[best] as number;
    const worstValue = values[worst] as number;
    let size = 0;
    const bestPoint = points[best] as Float64Array;
    for (let i = 0; i <= n; i++) {
      const point = points[i] as Float64Array;
      for (let k = 0; k < n; k++) size = Math.max(size, Math.abs((point[k] as number) - (bestPoint[k] as number)));
    }
    if (Number.isFinite(worstValue) && worstValue - bestValue <= fTolerance && size <= xTolerance) {
      converged = true;
      break;
    }
    centroid.fill(0);
    for (let i = 0; i <= n; i++) {
      if (i === worst) continue;
      const point = points[i] as Float64Array;
      for (let k = 0; k < n; k++) centroid[k] = (centroid[k] as number) + (point[k] as number) / n;
    }
    const worstPoint = points[worst] as Float64Array;
    for (let k = 0; k < n; k++) reflected[k] = 2 * (centroid[k] as number) - (worstPoint[k] as number);
    const reflectedValue = evaluate(reflected);
    if (reflectedValue < bestValue) {
      for (let k = 0; k < n; k++) expanded[k] = 3 * (centroid[k] as number) - 2 * (worstPoint[k] as number);
      const expandedValue = evaluate(expanded);
      if (expandedValue < reflectedValue) {
        worstPoint.set(expanded);
        values[worst] = expandedValue;
      } else {
        worstPoint.set(reflected);
        values[worst] = reflectedValue;
      }
      continue;
    }
    if (reflectedValue < (values[secondWorst] as number)) {
      worstPoint.set(reflected);
      values[worst] = reflectedValue;
      continue;
    }
    const outside = reflectedValue < worstValue;
    for (let k = 0; k < n; k++) {
      contracted[k] = outside
        ? (centroid[k] as number) + 0.5 * ((reflected[k] as number) - (centroid[k] as number))
        : (centroid[k] as number) + 0.5 * ((worstPoint[k] as number) - (centroid[k] as number));
    }
    const contractedValue = evaluate(contracted);
    if (contractedValue < (outside ? reflectedValue : worstValue)) {
      worstPoint.set(contracted);
      values[worst] = contractedValue;
      continue;
    }
    // shrink towards the best point
    for (let i = 0; i <= n; i++) {
      if (i === best) continue;
      const point = points[i] as Float64Array;
      for (let k = 0; k < n; k++) point[k] = (bestPoint[k] as number) + 0.5 * ((point[k] as number) - (bestPoint[k] as number));
      values[i] = evaluate(point);
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= n; i++) if ((values[i] as number) < (values[bestIndex] as number)) bestIndex = i;
  return {
    x: Float64Array.from(points[bestIndex] as Float64Array),
    value: values[bestIndex] as number,
    iterations,
    evaluations,
    converged,
  };
}

/**
 * Nelder–Mead, restarted from its own optimum with a fresh simplex until a restart improves the
 * objective by less than `restartTolerance` (guards against the premature stops at non-stationary
 * points reported for lifetimes/btyd).
 */
export function nelderMead(
  objective: (x: Float64Array) => number,
  start: ArrayLike<number>,
  options: NelderMeadOptions = {},
): MinimizeResult {
  const maxIterations = options.maxIterations ?? 5000;
  const fTolerance = options.fTolerance ?? 1e-10;
  const xTolerance = options.xTolerance ?? 1e-8;
  const restartTolerance = options.restartTolerance ?? 1e-8;
  const maxRestarts = options.maxRestarts ?? 10;
  let step = options.initialStep ?? 0.5;
  let x: Float64Array = Float64Array.from(start);
  let value = safe(objective(x));
  let iterations = 0;
  let evaluations = 1;
  let converged = false;
  if (!Number.isFinite(value)) {
    return { x, value, iterations, evaluations, converged: false, reason: "non_finite", gradientNorm: Number.NaN };
  }
  for (let restart = 0; restart <= maxRestarts; restart++) {
    const run = nelderMeadRun(objective, x, step, maxIterations - iterations, fTolerance, xTolerance);
    iterations += run.iterations;
    evaluations += run.evaluations;
    const improvement = value - run.value;
    if (run.value <= value) {
      x = run.x;
      value = run.value;
    }
    if (!run.converged) break;
    if (restart > 0 && improvement < restartTolerance) {
      converged = true;
      break;
    }
    step = 0.05;
  }
  return {
    x,
    value,
    iterations,
    evaluations,
    converged,
    reason: converged ? "converged" : "max_iterations",
    gradientNorm: Number.NaN,
  };
}

export interface BfgsOptions {
  maxIterations?: number;
  /** Stop when the gradient's infinity norm falls below this. */
  gradientTolerance?: number;
  /** Or when a step changes the objective by less than this relative amount twice in a row. */
  relativeTolerance?: number;
}

/**
 * BFGS on the inverse Hessian with a backtracking Armijo line search. `objectiveAndGradient` writes
 * the gradient into its second argument and returns the objective.
 */
export function bfgs(
  objectiveAndGradient: (x: Float64Array, gradient: Float64Array) => number,
  start: ArrayLike<number>,
  options: BfgsOptions = {},
): MinimizeResult {
  const maxIterations = options.maxIterations ?? 500;
  const gradientTolerance = options.gradientTolerance ?? 1e-6;
  const relativeTolerance = options.relativeTolerance ?? 1e-14;
  const n = start.length;
  const x = Float64Array.from(start);
  const gradient = new Float64Array(n);
  let evaluations = 1;
  let value = objectiveAndGradient(x, gradient);
  const norm = (g: Float64Array): number => {
    let total = 0;
    for (let k = 0; k < n; k++) total += (g[k] as number) ** 2;
    return Math.sqrt(total);
  };
  const infinityNorm = (g: Float64Array): number => {
    let maximum = 0;
    for (let k = 0; k < n; k++) maximum = Math.max(maximum, Math.abs(g[k] as number));
    return maximum;
  };
  if (!Number.isFinite(value) || !gradient.every(Number.isFinite)) {
    return { x, value, iterations: 0, evaluations, converged: false, reason: "non_finite", gradientNorm: Number.NaN };
  }
  const inverse = new Float64Array(n * n);
  for (let k = 0; k < n; k++) inverse[k * n + k] = 1;
  const direction = new Float64Array(n);
  const candidate = new Float64Array(n);
  const candidateGradient = new Float64Array(n);
  const s = new Float64Array(n);
  const y = new Float64Array(n);
  const hy = new Float64Array(n);
  let iterations = 0;
  let smallSteps = 0;
  let firstStep = true;
  for (; iterations < maxIterations; iterations++) {
    if (infinityNorm(gradient) <= gradientTolerance) {
      return { x, value, iterations, evaluations, converged: true, reason: "converged", gradientNorm: norm(gradient) };
    }
    let slope = 0;
    for (let i = 0; i < n; i++) {
      let total = 0;
      for (let k = 0; k < n; k++) total -= (inverse[i * n + k] as number) * (gradient[k] as number);
      direction[i] = total;
      slope += total * (gradient[i] as number);
    }
    if (!(slope < 0)) {
      // not a descent direction: reset to steepest descent
      inverse.fill(0);
      for (let k = 0; k < n; k++) inverse[k * n + k] = 1;
      slope = 0;
      for (let k = 0; k < n; k++) {
        direction[k] = -(gradient[k] as number);
        slope -= (gradient[k] as number) ** 2;
      }
    }
    // first step: keep the move in log-parameter space modest
    let step = 1;
    if (firstStep) {
      const length = norm(direction);
      if (length > 1) step = 1 / length;
    }
    let accepted = false;
    let candidateValue = Number.NaN;
    for (let attempt = 0; attempt < 60; attempt++) {
      for (let k = 0; k < n; k++) candidate[k] = (x[k] as number) + step * (direction[k] as number);
      candidateValue = objectiveAndGradient(candidate, candidateGradient);
      evaluations++;
      if (Number.isFinite(candidateValue) && candidateValue <= value + 1e-4 * step * slope && candidateGradient.every(Number.isFinite)) {
        accepted = true;
        break;
      }
      step *= 0.5;
    }
    if (!accepted) {
      const gradientNorm = norm(gradient);
      const nearlyStationary = infinityNorm(gradient) <= Math.sqrt(gradientTolerance);
      return {
        x,
        value,
        iterations,
        evaluations,
        converged: nearlyStationary,
        reason: nearlyStationary ? "converged" : "line_search_failed",
        gradientNorm,
      };
    }
    let sy = 0;
    for (let k = 0; k < n; k++) {
      s[k] = (candidate[k] as number) - (x[k] as number);
      y[k] = (candidateGradient[k] as number) - (gradient[k] as number);
      sy += (s[k] as number) * (y[k] as number);
    }
    const change = value - candidateValue;
    x.set(candidate);
    gradient.set(candidateGradient);
    value = candidateValue;
    if (firstStep && sy > 0) {
      // Nocedal & Wright (6.20): scale the initial inverse Hessian
      let yy = 0;
      for (let k = 0; k < n; k++) yy += (y[k] as number) ** 2;
      const scale = sy / yy;
      for (let k = 0; k < n; k++) inverse[k * n + k] = scale;
    }
    firstStep = false;
    if (sy > 1e-12) {
      const rho = 1 / sy;
      let yHy = 0;
      for (let i = 0; i < n; i++) {
        let total = 0;
        for (let k = 0; k < n; k++) total += (inverse[i * n + k] as number) * (y[k] as number);
        hy[i] = total;
        yHy += total * (y[i] as number);
      }
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < n; k++) {
          inverse[i * n + k] =
            (inverse[i * n + k] as number) -
            rho * ((hy[i] as number) * (s[k] as number) + (s[i] as number) * (hy[k] as number)) +
            (rho * rho * yHy + rho) * (s[i] as number) * (s[k] as number);
        }
      }
    }
    if (Math.abs(change) <= relativeTolerance * Math.max(1, Math.abs(value))) {
      smallSteps++;
      if (smallSteps >= 2) {
        return { x, value, iterations: iterations + 1, evaluations, converged: true, reason: "converged", gradientNorm: norm(gradient) };
      }
    } else smallSteps = 0;
  }
  return { x, value, iterations, evaluations, converged: false, reason: "max_iterations", gradientNorm: norm(gradient) };
}

/**
 * Symmetric numerical Hessian by central differences of a function of n variables (step h·max(1,|x|)).
 * Used for standard errors of the natural parameters.
 */
export function numericalHessian(f: (x: Float64Array) => number, at: ArrayLike<number>, relativeStep = 1e-4): Float64Array {
  const n = at.length;
  const x = Float64Array.from(at);
  const hessian = new Float64Array(n * n);
  const steps = new Float64Array(n);
  for (let k = 0; k < n; k++) steps[k] = relativeStep * Math.max(1e-3, Math.abs(x[k] as number));
  const f0 = f(x);
  const shifted = (i: number, di: number, j: number, dj: number): number => {
    const point = Float64Array.from(x);
    point[i] = (point[i] as number) + di;
    point[j] = (point[j] as number) + dj;
    return f(point);
  };
  for (let i = 0; i < n; i++) {
    const hi = steps[i] as number;
    hessian[i * n + i] = (shifted(i, hi, i, 0) - 2 * f0 + shifted(i, -hi, i, 0)) / (hi * hi);
    for (let j = i + 1; j < n; j++) {
      const hj = steps[j] as number;
      const value =
        (shifted(i, hi, j, hj) - shifted(i, hi, j, -hj) - shifted(i, -hi, j, hj) + shifted(i, -hi, j, -hj)) / (4 * hi * hj);
      hessian[i * n + j] = value;
      hessian[j * n + i] = value;
    }
  }
  return hessian;
}

/** Inverse of a small symmetric positive-definite matrix by Cholesky; null if not positive definite. */
export function invertPositiveDefinite(matrix: Float64Array, n: number): Float64Array | null {
  const lower = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let total = matrix[i * n + j] as number;
      for (let k = 0; k < j; k++) total -= (lower[i * n + k] as number) * (lower[j * n + k] as number);
      if (i === j) {
        if (!(total > 0)) return null;
        lower[i * n + i] = Math.sqrt(total);
      } else lower[i * n + j] = total / (lower[j * n + j] as number);
    }
  }
  const inverse = new Float64Array(n * n);
  const column = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    // solve L y = e_c, then L^T x = y
    for (let i = 0; i < n; i++) {
      let total = i === c ? 1 : 0;
      for (let k = 0; k < i; k++) total -= (lower[i * n + k] as number) * (column[k] as number);
      column[i] = total / (lower[i * n + i] as number);
    }
    for (let i = n - 1; i >= 0; i--) {
      let total = column[i] as number;
      for (let k = i + 1; k < n; k++) total -= (lower[k * n + i] as number) * (inverse[k * n + c] as number);
      inverse[i * n + c] = total / (lower[i * n + i] as number);
    }
  }
  return inverse;
}
