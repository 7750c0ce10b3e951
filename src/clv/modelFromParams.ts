import type {
  BgBbModel,
  BgBbParams,
  BgNbdModel,
  BgNbdParams,
  GammaGammaModel,
  GammaGammaParams,
  MbgNbdModel,
  ParetoNbdModel,
  ParetoNbdParams,
  TimeUnit,
} from "./types.js";
import { assertObject } from "./_lib/assert.js";
import { invalidParameter, PARAMETER_NAMES } from "./_lib/models.js";
import { isTimeUnit } from "./_lib/units.js";

/**
 * What `modelFromParams` takes: a model kind, its parameters and the time unit they are expressed in.
 * @category CLV
 */
export type ModelSpecification =
  | { readonly kind: "BG/NBD"; readonly unit: TimeUnit; readonly params: BgNbdParams }
  | { readonly kind: "MBG/NBD"; readonly unit: TimeUnit; readonly params: BgNbdParams }
  | { readonly kind: "Pareto/NBD"; readonly unit: TimeUnit; readonly params: ParetoNbdParams }
  | { readonly kind: "BG/BB"; readonly params: BgBbParams }
  | { readonly kind: "Gamma-Gamma"; readonly params: GammaGammaParams };

/** Maps a specification to the model type it builds. @category CLV */
export type ModelFor<S extends ModelSpecification> = S["kind"] extends "BG/NBD"
  ? BgNbdModel
  : S["kind"] extends "MBG/NBD"
    ? MbgNbdModel
    : S["kind"] extends "Pareto/NBD"
      ? ParetoNbdModel
      : S["kind"] extends "BG/BB"
        ? BgBbModel
        : GammaGammaModel;

/**
 * Builds a model from known parameters (published values, a model saved as JSON) so the prediction
 * functions can use it without refitting.
 *
 * @remarks
 * Validates that every parameter is a positive finite number and copies only the model's own
 * parameter names (`Object.hasOwn`). The result has `converged: true`, `standardErrors: null`,
 * `logLikelihood: NaN`, `iterations: 0`. O(1).
 *
 * @param specification - `{ kind, unit, params }` (BG/BB and Gamma-Gamma need no unit).
 * @returns a model usable by `expectedPurchases`, `probabilityAlive`, `customerLifetimeValue`, ...
 * @throws `TypeError` `modelFromParams requires specification to be an object`,
 *   `modelFromParams requires params to be an object`,
 *   `modelFromParams requires kind to be BG/NBD, MBG/NBD, Pareto/NBD, BG/BB or Gamma-Gamma`,
 *   `modelFromParams requires unit to be days, weeks, months or years`
 * @throws `RangeError` `modelFromParams requires parameter r to be a positive number` (any parameter name),
 *   `modelFromParams requires Gamma-Gamma q to be above one (expected spend is undefined otherwise)`
 * @example
 * const model = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } });
 * model.params.alpha //=> 4.414
 * model.standardErrors //=> null
 * @category CLV
 */
export function modelFromParams<S extends ModelSpecification>(specification: S): ModelFor<S> {
  assertObject(specification, "modelFromParams", "specification");
  const names = Object.hasOwn(PARAMETER_NAMES, specification.kind) ? PARAMETER_NAMES[specification.kind] : undefined;
  if (names === undefined) throw new TypeError("modelFromParams requires kind to be BG/NBD, MBG/NBD, Pareto/NBD, BG/BB or Gamma-Gamma");
  let unit: TimeUnit | "periods" = "periods";
  if (specification.kind !== "BG/BB" && specification.kind !== "Gamma-Gamma") {
    unit = specification.unit;
    if (!isTimeUnit(unit)) throw new TypeError("modelFromParams requires unit to be days, weeks, months or years");
  }
  const source: unknown = specification.params;
  assertObject(source, "modelFromParams", "params");
  const invalid = invalidParameter(source, names);
  if (invalid !== undefined) throw new RangeError(`modelFromParams requires parameter ${invalid} to be a positive number`);
  const params: Record<string, number> = {};
  for (const name of names) params[name] = (source as Record<string, number>)[name] as number;
  if (specification.kind === "Gamma-Gamma" && (params["q"] as number) <= 1) {
    throw new RangeError("modelFromParams requires Gamma-Gamma q to be above one (expected spend is undefined otherwise)");
  }
  return {
    kind: specification.kind,
    converged: true,
    unit,
    params,
    standardErrors: null,
    warnings: [],
    logLikelihood: Number.NaN,
    iterations: 0,
    gradientNorm: Number.NaN,
    customerCount: 0,
    uniqueRows: 0,
  } as unknown as ModelFor<S>;
}
