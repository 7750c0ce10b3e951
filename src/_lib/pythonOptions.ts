/**
 * The option checks of the modules that Python users move to (`metrics`, `clv`, `cluster`,
 * `scoring`): as in `arguments.ts`, with the names of scipy, statsmodels, scikit-learn and lifetimes
 * answered by the option to pass instead.
 */
import { assertKnownOptions as assertKnownOptionKeys, assertOptions as assertOptionKeys } from "./arguments.js";
import type { OptionAliases } from "./arguments.js";

/** Option names of Python tools (scipy, statsmodels, scikit-learn, lifetimes) that differ here by more than case. */
const names: Readonly<Record<string, string>> = {
  alpha: "confidence",
  correction: "yates",
  equal_var: "variance",
  usevar: "variance",
  value: "nullDifference",
  penalizer_coef: "penalizer",
  nobs_ratio: "ratio",
  q_constraint: "constrainQ",
  n_clusters: "k",
  random_state: "seed",
  max_iter: "maxIterations",
  tol: "tolerance",
  init: "initialization",
};
/** What to pass where the value does not carry over as it is. */
const conversions: Readonly<Record<string, string>> = {
  alpha: "confidence: 1 - alpha (0.99 for alpha 0.01)",
  correction: "yates: true for Yates' continuity correction",
  equal_var: 'variance: "pooled" for equal_var=True',
  usevar: 'variance: "pooled" or "unequal"',
};

const pythonNames = { aliases: { names, conversions } as OptionAliases };

/** `assertKnownOptions` of `arguments.ts` with the Python names. */
export function assertKnownOptions(functionName: string, options: object, keys: Readonly<Record<string, true>>): void {
  assertKnownOptionKeys(functionName, options, keys, pythonNames);
}

/** `assertOptions` of `arguments.ts` with the Python names. */
export function assertOptions(functionName: string, options: unknown, keys: Readonly<Record<string, true>>): asserts options is object {
  assertOptionKeys(functionName, options, keys, pythonNames);
}
