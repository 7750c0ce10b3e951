import type { OptionKeys } from "../_lib/arguments.js";
import { fitMixed } from "./_lib/fitMixed.js";
import { requireOptions } from "./_lib/options.js";
import type { KPrototypesResult } from "./kPrototypes.js";

/**
 * Options of {@link kModes}.
 * @category Clustering
 */
export interface KModesOptions {
  readonly k: number;
  /** `"cao"` (default, deterministic) or `"huang"` (seeded). */
  readonly initialization?: "cao" | "huang";
  /** Restarts for `"huang"`, an integer from 1 to 1,000. Default 5. */
  readonly nInit?: number;
  readonly seed?: number;
  /** Iteration cap, a positive integer. Default 100. */
  readonly maxIterations?: number;
}

/**
 * k-modes clustering of purely categorical data (channels, plan, region): cluster modes and simple-matching distance.
 *
 * @remarks k-prototypes without numeric columns (see {@link kPrototypes}): the cost is the number of
 * mismatches between each row and its cluster's mode. Huang 1998, https://doi.org/10.1023/A:1009769707641.
 * O(iterations * n * k * m).
 * @param categorical - rows of strings, numbers or booleans.
 * @param options - see {@link KModesOptions}.
 * @returns As {@link kPrototypes}; `cost` counts mismatches and `predict` takes `[]` for the numeric part.
 * @throws `RangeError` `kModes requires k to be at least one`, `kModes requires k to be at most the number of rows`,
 * and the other option errors of {@link kPrototypes} with `kModes` for `kPrototypes` (`kModes requires maxIterations to be at least one`,
 * `kModes requires nInit to be at most 1000`, …); `TypeError` `kModes requires an options object`,
 * `kModes requires an array of categorical rows`, `kModes requires categorical rows to be arrays: row i is null`,
 * and a `TypeError` for a value that is not a string, finite number or boolean.
 * @example
 * const result = kModes([["a", "x"], ["a", "x"], ["a", "y"], ["b", "z"], ["b", "z"]], { k: 2 });
 * Array.from(result.labels) //=> [0, 0, 0, 1, 1]
 * result.categoricalModes //=> [["a", "x"], ["b", "z"]]
 * result.cost //=> 1
 * @category Clustering
 */
export function kModes(categorical: ReadonlyArray<ReadonlyArray<string | number | boolean>>, options: KModesOptions): KPrototypesResult {
  return fitMixed("kModes", [], categorical, { ...requireOptions("kModes", options, true, { k: true, initialization: true, nInit: true, seed: true, maxIterations: true } satisfies OptionKeys<KModesOptions>), gamma: 1 });
}
