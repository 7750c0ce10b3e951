/**
 * Shared types of `segmentkit/clv`: time units, customer rows and fitted-model shapes.
 * @module clv
 */

/**
 * The time unit of recency, T and every prediction horizon. Lengths: a day, 7 days, 30.4375 days
 * (a mean Gregorian month), 365.25 days.
 * @category CLV
 */
export type TimeUnit = "days" | "weeks" | "months" | "years";

/**
 * One customer's sufficient statistics for the continuous-time models (BG/NBD, MBG/NBD, Pareto/NBD).
 * @category CLV
 */
export interface CustomerActivity {
  /** Number of repeat purchase periods (the first purchase is not counted): an integer ≥ 0. */
  readonly frequency: number;
  /** Time of the last purchase since the first one (0 when frequency is 0), in the data's unit. */
  readonly recency: number;
  /** Time between the first purchase and the end of the calibration period, in the data's unit. */
  readonly T: number;
  /** How many identical customers this row stands for (default 1). */
  readonly weight?: number;
}

/**
 * Customer rows with their time unit: what `rfmSummary` returns and what the fits take.
 * @category CLV
 */
export interface ActivityData<Row extends CustomerActivity = CustomerActivity> {
  readonly unit: TimeUnit;
  readonly customers: ReadonlyArray<Row>;
}

/**
 * Options shared by every fit.
 * @category CLV
 */
export interface FitOptions {
  /**
   * L2 penalty on the natural parameters, scaled like lifetimes' `penalizer_coef`: the objective is
   * −LL + penalizer · N · Σ θ², with N the number of customers. Default 0.
   */
  readonly penalizer?: number;
  /** Starting parameters on the natural scale, in the order of the model's params. Default: all ones. */
  readonly initialParams?: ReadonlyArray<number>;
  /** Iteration cap for the optimiser. Default 2000. */
  readonly maxIterations?: number;
}

/**
 * Options of `fitGammaGamma`: those of every fit, and the constraint on q.
 * @category CLV
 */
export interface GammaGammaFitOptions extends FitOptions {
  /**
   * Fit q − 1 on the log scale, so that q > 1 and the population mean spend pγ/(q − 1) is always
   * defined (lifetimes' `q_constraint`). Without it, a fit that ends at q ≤ 1 is a `q_not_above_one`
   * failure. With it, such data give a q just above 1 and a very large mean: check the spend tail.
   * The default start of q is then 2. Default false.
   */
  readonly constrainQ?: boolean;
}

/**
 * Why a fit did not converge.
 * - `max_iterations`: the optimiser ran out of iterations.
 * - `non_finite`: the likelihood was not finite at the start point or everywhere tried.
 * - `line_search_failed`: BFGS could not find a descent step and Nelder–Mead did not settle either.
 * - `parameters_diverged`: a parameter ran towards 0 or infinity: its log is beyond ±19, or a shape
 *   parameter's is beyond ±7 with a likelihood that does not fall (by 0.001) when it is moved 20
 *   times further out and the others re-fitted, so the optimum is a ridge toward the edge. The data do not identify the
 *   model (typical for a handful of customers); a small penalizer usually fixes it.
 * - `q_not_above_one`: Gamma-Gamma's q ≤ 1, so the population mean spend pγ/(q − 1) is undefined.
 * - `not_identified`: checked before optimising (without a penalizer): no customer has a repeat
 *   purchase, or none has any observation time, so a BG/NBD, MBG/NBD or Pareto/NBD fit would only
 *   drift to a boundary and look converged; for BG/BB, no customer has a repeat transaction or every
 *   customer transacted at every opportunity. Whatever the penalizer: no customers at all (an empty
 *   list, or only zero weights), and for Gamma-Gamma no customer with a repeat purchase.
 * @category CLV
 */
export type FitFailureReason = "max_iterations" | "non_finite" | "line_search_failed" | "parameters_diverged" | "q_not_above_one" | "not_identified";

/**
 * A fitted model: its maximum-likelihood parameters and fit diagnostics.
 * @category CLV
 */
export interface FittedModel<Kind extends string, Params> {
  readonly kind: Kind;
  readonly converged: true;
  /** The time unit of the data it was fitted on; every horizon given to a prediction is in this unit. */
  readonly unit: TimeUnit | "periods";
  readonly params: Readonly<Params>;
  /** Standard errors from the inverse Hessian of the minimised objective at the optimum (−LL, plus the penalty when a penalizer is set, as in lifetimes), or null if it is not positive definite. */
  readonly standardErrors: Readonly<Params> | null;
  /**
   * What limits trust in the fit, in words; empty when nothing does (and for `modelFromParams`):
   * standard errors unavailable (the Hessian is not positive definite: the data do not pin down every
   * parameter), or a parameter whose standard error exceeds its estimate (weakly identified).
   */
  readonly warnings: ReadonlyArray<string>;
  /** The true log-likelihood on the data's own time scale, summed over customers (penalty excluded). */
  readonly logLikelihood: number;
  readonly iterations: number;
  /** Norm of the gradient of −LL in log-parameter space at the optimum (finite differences for Pareto/NBD; NaN after a Nelder–Mead fallback). */
  readonly gradientNorm: number;
  /** Total number of customers (sum of weights). */
  readonly customerCount: number;
  /** Number of distinct rows the likelihood was evaluated on. */
  readonly uniqueRows: number;
}

/**
 * A fit that did not converge: the last parameters, and why.
 * @category CLV
 */
export interface FitFailure<Kind extends string, Params> {
  readonly kind: Kind;
  readonly converged: false;
  readonly reason: FitFailureReason;
  /** A sentence naming the fit and what to try. */
  readonly message: string;
  readonly unit: TimeUnit | "periods";
  readonly params: Readonly<Params>;
  readonly logLikelihood: number;
  readonly iterations: number;
}

/** BG/NBD parameters (Fader, Hardie & Lee 2005). @category CLV */
export interface BgNbdParams { r: number; alpha: number; a: number; b: number }
/** MBG/NBD parameters (Batislam, Denizel & Filiztekin 2007). @category CLV */
export type MbgNbdParams = BgNbdParams;
/** Pareto/NBD parameters (Schmittlein, Morrison & Colombo 1987). @category CLV */
export interface ParetoNbdParams { r: number; alpha: number; s: number; beta: number }
/** BG/BB parameters (Fader, Hardie & Shang 2010). @category CLV */
export interface BgBbParams { alpha: number; beta: number; gamma: number; delta: number }
/** Gamma-Gamma spend parameters (Fader, Hardie & Lee 2005, note 025). @category CLV */
export interface GammaGammaParams { p: number; q: number; gamma: number }

/** @category CLV */
export type BgNbdModel = FittedModel<"BG/NBD", BgNbdParams>;
/** @category CLV */
export type MbgNbdModel = FittedModel<"MBG/NBD", MbgNbdParams>;
/** @category CLV */
export type ParetoNbdModel = FittedModel<"Pareto/NBD", ParetoNbdParams>;
/** @category CLV */
export type BgBbModel = FittedModel<"BG/BB", BgBbParams>;
/** @category CLV */
export type GammaGammaModel = FittedModel<"Gamma-Gamma", GammaGammaParams>;

/** Any continuous-time purchase model. @category CLV */
export type PurchaseModel = BgNbdModel | MbgNbdModel | ParetoNbdModel;

