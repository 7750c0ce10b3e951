import type { OptionKeys } from "../../_lib/arguments.js";
import { choice } from "../../_lib/arguments.js";
import { mulberry32 } from "../../_lib/random.js";
import type { MatrixInput } from "./matrix.js";
import { requireFiniteSpread, toMatrix } from "./matrix.js";
import { integerOption, maximumRuns, requireOptions, seedOption } from "./options.js";
import { caoInitialization, centersFromRows, encodeCategorical, huangInitialization, runMixed } from "./mixed.js";
import type { MixedData, MixedRun } from "./mixed.js";
import type { KPrototypesOptions, KPrototypesResult } from "../kPrototypes.js";
import { createKPrototypesModel } from "./createKPrototypesModel.js";

/** Shared by kPrototypes and kModes. */
export function fitMixed(
  caller: string,
  numericInput: MatrixInput,
  categoricalInput: ReadonlyArray<ReadonlyArray<string | number | boolean>>,
  options: KPrototypesOptions,
): KPrototypesResult {
  const numeric = toMatrix(numericInput, caller);
  const categorical = encodeCategorical(categoricalInput, caller);
  const checked = requireOptions(caller, options, true, { k: true, gamma: true, initialization: true, nInit: true, seed: true, maxIterations: true } satisfies OptionKeys<KPrototypesOptions>);
  const rows = categorical.rows;
  const numericMatrix = numeric.rows === 0 && rows > 0 ? { values: new Float64Array(0), rows, columns: 0 } : numeric;
  if (numericMatrix.rows !== rows) throw new RangeError(`${caller} requires the same number of numeric and categorical rows`);
  const k = integerOption(caller, "k", checked.k, undefined, 1, rows, "the number of rows");
  const initialization = choice(caller, "initialization", checked.initialization, ["cao", "huang"], "cao");
  const maxIterations = integerOption(caller, "maxIterations", checked.maxIterations, 100, 1);
  const nInit = integerOption(caller, "nInit", checked.nInit, 5, 1, maximumRuns);
  const seed = seedOption(caller, checked.seed);
  if (checked.gamma !== undefined && typeof checked.gamma !== "number") throw new TypeError(`${caller} requires gamma to be a number`);
  requireFiniteSpread([numericMatrix], numericMatrix.columns, rows, caller);
  const d = numericMatrix.columns;
  let gamma = checked.gamma;
  if (gamma === undefined) {
    let total = 0;
    for (let column = 0; column < d; column++) {
      // A constant column adds exactly 0 (its rounded mean can differ from the value, e.g. six 0.1s).
      const first = numericMatrix.values[column] as number;
      let constant = true;
      let mean = 0;
      for (let row = 0; row < rows; row++) {
        const value = numericMatrix.values[row * d + column] as number;
        if (value !== first) constant = false;
        mean += value;
      }
      if (constant) continue;
      mean /= rows;
      let squares = 0;
      for (let row = 0; row < rows; row++) squares += ((numericMatrix.values[row * d + column] as number) - mean) ** 2;
      total += Math.sqrt(squares / rows);
    }
    // Without numeric spread (no numeric column, or all constant) half of it would be 0 and the
    // categorical columns would not count: gamma 1 then weighs one mismatch as one squared unit.
    gamma = total === 0 ? 1 : 0.5 * (total / d);
  }
  if (!(gamma >= 0) || !Number.isFinite(gamma)) throw new RangeError(`${caller} requires a non-negative finite gamma`);
  const data: MixedData = { numeric: numericMatrix, categorical, gamma };
  const runs = initialization === "cao" ? 1 : nInit;
  const random = mulberry32(seed);
  let bestRun: MixedRun | undefined;
  for (let run = 0; run < runs; run++) {
    const indexes = initialization === "cao" ? caoInitialization(data, k) : huangInitialization(data, k, random);
    const result = runMixed(data, centersFromRows(data, indexes), k, maxIterations);
    if (bestRun === undefined || result.cost < bestRun.cost) bestRun = result;
  }
  const chosen = bestRun as MixedRun;
  // Canonical ids: decreasing size, ties by first row.
  const sizes = new Array<number>(k).fill(0);
  const firstRow = new Array<number>(k).fill(rows);
  chosen.labels.forEach((label, row) => {
    sizes[label] = (sizes[label] as number) + 1;
    if (row < (firstRow[label] as number)) firstRow[label] = row;
  });
  const order = Array.from({ length: k }, (_, index) => index).sort((a, b) => (sizes[b] as number) - (sizes[a] as number) || (firstRow[a] as number) - (firstRow[b] as number));
  const rank = new Int32Array(k);
  order.forEach((old, position) => (rank[old] = position));
  const m = categorical.columns;
  const numericCentroids = order.map((old) => Array.from(chosen.centers.numeric.subarray(old * d, old * d + d)));
  const modeCodes = order.map((old) => Array.from(chosen.centers.categorical.subarray(old * m, old * m + m)));
  const categoricalModes = modeCodes.map((codes) => codes.map((code, column) => (categorical.levels[column] as ReadonlyArray<string | number | boolean>)[code] as string | number | boolean));
  const model = createKPrototypesModel(numericCentroids, categoricalModes, gamma, d, {
    initialization,
    seed,
    cost: chosen.cost,
    rows,
  });
  return {
    labels: Int32Array.from(chosen.labels, (label) => rank[label] as number),
    sizes: order.map((old) => sizes[old] as number),
    numericCentroids,
    categoricalModes,
    cost: chosen.cost,
    numericCost: chosen.numericCost,
    categoricalCost: chosen.categoricalCost,
    gamma,
    iterations: chosen.iterations,
    converged: chosen.converged,
    model,
    predict: (newNumeric, newCategorical) => model.predict(newNumeric, newCategorical),
  };
}
