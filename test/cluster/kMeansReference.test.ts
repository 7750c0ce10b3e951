import { describe, expect, it } from "vitest";
import { kMeans } from "../../src/cluster/index.js";
import { numpyRandomState } from "../../src/_lib/numpyRandomState.js";
import { fixtures, relativeError } from "./_fixtures.js";

/** Centroids in lexicographic order, so runs with different cluster ids compare. */
function sortedRows(rows: ReadonlyArray<ReadonlyArray<number>>): number[][] {
  return rows.map((row) => [...row]).sort((a, b) => {
    for (let column = 0; column < a.length; column++) if (a[column] !== b[column]) return (a[column] as number) - (b[column] as number);
    return 0;
  });
}

describe("numpy's RandomState, reproduced (the draws behind scikit-learn's random_state)", () => {
  it("gives numpy's randint, uniform and permutation draws for the same seed", () => {
    for (const expected of fixtures.randomState) {
      const draws = numpyRandomState(expected.seed);
      expect(Array.from({ length: 5 }, () => draws.integer(100_000))).toEqual(expected.randint100000);
      expect([draws.uniform(), draws.uniform(), draws.uniform()]).toEqual(expected.uniform);
      expect(Array.from({ length: 20 }, () => draws.integer(7))).toEqual(expected.randint7);
      const shuffled = numpyRandomState(expected.seed);
      const permutation = Array.from({ length: 10 }, (_, index) => index);
      for (let index = 9; index >= 1; index--) {
        const other = shuffled.integer(index + 1);
        [permutation[index], permutation[other]] = [permutation[other] as number, permutation[index] as number];
      }
      expect(permutation).toEqual(expected.permutation10);
    }
  });
});

describe("kMeans against scikit-learn's KMeans with the same seed", () => {
  it("finds the same centroids (1e-9 relative), inertia and iteration count on 30 runs (k-means++ and random, 1 and 3 restarts)", () => {
    const { data, k, runs } = fixtures.kMeans;
    expect(runs).toHaveLength(30);
    for (const run of runs) {
      const result = kMeans(data, { k, seed: run.seed, nInit: run.nInit, initialization: run.initialization });
      expect(relativeError(result.inertia, run.inertia)).toBeLessThan(1e-9);
      expect(result.iterations).toBe(run.iterations);
      const ours = sortedRows(result.centroids);
      const theirs = sortedRows(run.centroids);
      ours.forEach((row, index) => row.forEach((value, column) => expect(relativeError(value, theirs[index]![column]!)).toBeLessThan(1e-9)));
    }
  });
});
