/**
 * Unknown option keys are refused in the modules that Python users move to (metrics, clv, cluster,
 * scoring):
 * statsmodels' `alpha`, lifetimes' `penalizer_coef` and scikit-learn's `n_init` used to be ignored,
 * so the analysis silently differed from the one asked for (reviews of this session).
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chooseK, kMeans, kModes } from "../../src/cluster/index.js";
import { clvBySegment, fitBgNbd, fitGammaGamma, rfmSummary } from "../../src/clv/index.js";
import { fitScaler, rfmScores, rfmSegments } from "../../src/scoring/index.js";

describe("option keys", () => {
  it("clv and cluster functions refuse keys they do not take, naming their options and the equivalent of a Python name", () => {
    const customers = [{ frequency: 1, recency: 2, T: 5 }];
    expect(() => fitBgNbd({ unit: "weeks", customers }, { penalizer_coef: 0.001 } as never)).toThrow(
      new TypeError('fitBgNbd does not take the option "penalizer_coef" (its options: penalizer, initialParams, maxIterations); pass penalizer'),
    );
    expect(() => fitGammaGamma({ customers: [] }, { q_constraint: true } as never)).toThrow('fitGammaGamma does not take the option "q_constraint" (its options: penalizer, initialParams, maxIterations, constrainQ); pass constrainQ');
    expect(() => clvBySegment([1], ["a"], { quantiles: [0.5] } as never)).toThrow('clvBySegment does not take the option "quantiles" (its options: segments, probabilities)');
    expect(() => rfmSummary([], { calibrationEnd: new Date(0), unit: "weeks", freq: "D" } as never)).toThrow('rfmSummary does not take the option "freq"');
    const rows = [[0, 0], [0, 1], [5, 5], [6, 5]];
    expect(() => kMeans(rows, { k: 2, n_init: 10 } as never)).toThrow(new TypeError('kMeans does not take the option "n_init" (its options: k, seed, nInit, maxIterations, tolerance, initialization, algorithm, featureNames); pass nInit'));
    expect(() => kMeans(rows, { k: 2, random_state: 0 } as never)).toThrow("; pass seed");
    expect(() => chooseK(rows, { kMax: 3, max_iter: 5 } as never)).toThrow('chooseK does not take the option "max_iter"');
    expect(() => kModes([["a"], ["b"]], { k: 2, gamma: 0.5 } as never)).toThrow('kModes does not take the option "gamma"');
    expect(() => rfmScores([], { quantiles: 5 } as never)).toThrow('rfmScores does not take the option "quantiles" (its options: bins, monetary, ties, weights)');
    expect(() => fitScaler([[1]], { method: "standard", with_mean: false } as never)).toThrow('fitScaler does not take the option "with_mean"');
    expect(() => rfmSegments(null as never)).toThrow(new TypeError("rfmSegments requires options to be an object"));
    // The options they take still work.
    expect(kMeans(rows, { k: 2, seed: 1, nInit: 2 }).labels).toHaveLength(4);
  });

  it("every exported function of metrics, clv, cluster and scoring that takes options checks their keys", () => {
    const checks = ["assertOptions(", "assertKnownOptions(", "optionsObject(", "requireOptions(", "fitMixed("];
    const unchecked: string[] = [];
    let files = 0;
    for (const domain of ["metrics", "clv", "cluster", "scoring"]) {
      const directory = new URL(`../../src/${domain}/`, import.meta.url);
      for (const name of readdirSync(directory).filter((entry) => entry.endsWith(".ts"))) {
        const source = readFileSync(new URL(name, directory), "utf8");
        files++;
        if (/^export function \w+(<[^>]*>)?\([^)]*\boptions\??:/m.test(source) && !checks.some((check) => source.includes(check))) unchecked.push(`${domain}/${name}`);
      }
    }
    expect(files).toBeGreaterThan(80);
    expect(unchecked).toEqual([]);
  });
});
