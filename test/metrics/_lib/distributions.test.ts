import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { betaCdf, betaQuantile, betaSf, betaUpperQuantile, chiSquareSf, logBeta, normalCdf, normalQuantile, normalSf, normalUpperQuantile } from "../../../src/metrics/_lib/distributions.js";
import { expectClose, fixtures } from "../_fixtures.js";

describe("distribution wrappers against scipy", () => {
  it("normalCdf matches scipy.stats.norm.cdf to 1e-9 relative, down to z = -37.5", () => {
    for (const c of fixtures.normalCdf) expectClose(normalCdf(c.z), c.expected, c.call, { absolute: 0 });
  });
  it("normalSf matches scipy.stats.norm.sf in the upper tail", () => {
    for (const c of fixtures.normalSf) expectClose(normalSf(c.z), c.expected, c.call, { absolute: 0 });
  });
  it("normalQuantile matches scipy.stats.norm.ppf from 1e-300 to 1 - 1e-10", () => {
    for (const c of fixtures.normalQuantile) expectClose(normalQuantile(c.p), c.expected, c.call, { absolute: 0 });
  });
  it("normalQuantile stays finite where erfinv-based quantiles give -Infinity", () => {
    expect(Number.isFinite(normalQuantile(1e-25))).toBe(true);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
    expect(normalUpperQuantile(0.025)).toBeCloseTo(1.959963984540054, 14);
  });
  it("betaCdf and betaSf stay exact at huge shapes (review: I_0.5(s, s) was 0.5624 at s = 10^9)", () => {
    // I_0.5(s, s) = 1/2 exactly, by symmetry; the stated tolerance is 1e-10.
    for (const shape of [1e8, 3e8, 1e9]) {
      expect(Math.abs(betaCdf(0.5, shape, shape) - 0.5), `${shape}`).toBeLessThan(1e-10);
      expect(Math.abs(betaSf(0.5, shape, shape) - 0.5), `${shape}`).toBeLessThan(1e-10);
    }
  });

  it("chiSquareSf matches scipy.stats.chi2.sf including 1e-110 tails", () => {
    for (const c of fixtures.chiSquareSf) expectClose(chiSquareSf(c.x, c.k), c.expected, c.call, { absolute: 0 });
    expect(chiSquareSf(0, 3)).toBe(1);
    // Large degrees of freedom (review): 40-digit mpmath, 1e-9 relative, from the centre to the far tails.
    for (const c of fixtures.chiSquareSfLargeDf) expectClose(chiSquareSf(c.x, c.k), c.expected, c.call, { absolute: 1e-300 });
    expect(chiSquareSf(Number.POSITIVE_INFINITY, 3)).toBe(0);
  });
  it("betaCdf, betaQuantile and logBeta match scipy", () => {
    for (const c of fixtures.betaCdf) expectClose(betaCdf(c.x, c.a, c.b), c.expected, c.call, { absolute: 0 });
    for (const c of fixtures.betaQuantile) expectClose(betaQuantile(c.p, c.a, c.b), c.expected, c.call, { absolute: 0 });
    for (const c of fixtures.logBeta) expectClose(logBeta(c.a, c.b), c.expected, c.call, { absolute: 0 });
  });
  it("the symmetric beta check: I_0.5(s, s) = 0.5 up to s = 1e5", () => {
    for (const s of [1, 10, 1e3, 1e4, 1e5]) expect(Math.abs(betaCdf(0.5, s, s) - 0.5)).toBeLessThan(1e-12);
  });
  it("betaSf and betaUpperQuantile are the complements without cancellation", () => {
    expect(betaSf(0.3, 2, 5) + betaCdf(0.3, 2, 5)).toBeCloseTo(1, 15);
    expect(betaCdf(betaUpperQuantile(1e-12, 5, 50), 5, 50)).toBeCloseTo(1, 11);
    expect(betaSf(betaUpperQuantile(1e-12, 5, 50), 5, 50) / 1e-12).toBeCloseTo(1, 9);
  });
});

describe("tree-shaking of the distribution wrappers", () => {
  it("importing only wilsonInterval and twoProportionZTest pulls no beta or gamma code", async () => {
    const { build } = await import("esbuild");
    const entry = fileURLToPath(new URL("../../../src/metrics/index.ts", import.meta.url));
    const bundle = async (names: string) => {
      const result = await build({
        stdin: { contents: `import { ${names} } from ${JSON.stringify(entry)}; console.log(${names});`, resolveDir: dirname(entry), loader: "ts" },
        bundle: true,
        minify: true,
        format: "esm",
        platform: "browser",
        write: false,
        metafile: true,
        logLevel: "silent",
      });
      const output = Object.values(result.metafile.outputs)[0];
      return Object.entries(output?.inputs ?? {})
        .filter(([, input]) => input.bytesInOutput > 0)
        .map(([path]) => path);
    };
    const light = await bundle("wilsonInterval, twoProportionZTest");
    expect(light.some((path) => path.includes("math-base-special-erfcinv/"))).toBe(true);
    for (const heavy of ["betainc", "betaincinv", "betaln", "gammainc"]) expect(light.some((path) => path.includes(`math-base-special-${heavy}/`)), heavy).toBe(false);
    // the check can fail: probabilityToBeat does pull the beta code
    const bayes = await bundle("probabilityToBeat");
    expect(bayes.some((path) => path.includes("math-base-special-betainc/"))).toBe(true);
  });
});
