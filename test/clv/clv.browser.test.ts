// segmentkit/clv in headless Chromium: the @stdlib special functions bundle for the browser and the
// fits and predictions give the same numbers as in Node.
import { describe, expect, it } from "vitest";
import { expectedPurchases, fitBgBb, modelFromParams, probabilityAlive, purchaseCountProbability } from "../../src/clv/index.js";

// examples/data/donations.csv (frequency, recency, periods, weight), inlined for the browser
const donations = [
  [0, 0, 6, 3464], [1, 1, 6, 1091], [1, 2, 6, 277], [1, 3, 6, 129], [1, 4, 6, 78], [1, 5, 6, 119],
  [1, 6, 6, 129], [2, 2, 6, 613], [2, 3, 6, 255], [2, 4, 6, 155], [2, 5, 6, 173], [2, 6, 6, 234],
  [3, 3, 6, 322], [3, 4, 6, 181], [3, 5, 6, 225], [3, 6, 6, 357], [4, 4, 6, 240], [4, 5, 6, 284],
  [4, 6, 6, 512], [5, 5, 6, 335], [5, 6, 6, 728], [6, 6, 6, 1203],
].map(([frequency, recency, periods, weight]) => ({ frequency: frequency!, recency: recency!, periods: periods!, weight: weight! }));

describe("segmentkit/clv in the browser", () => {
  it("fits BG/BB on the donations data to the published LL", () => {
    const model = fitBgBb({ customers: donations });
    if (!model.converged) throw new Error(model.message);
    expect(Math.abs(model.logLikelihood - -33225.581)).toBeLessThan(0.01);
    expect(model.params.alpha).toBeCloseTo(1.2035, 3);
  });

  it("BG/NBD predictions with 2F1 match the published fixtures", () => {
    const model = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.242593, alpha: 4.413532, a: 0.792886, b: 2.425752 } });
    expect(expectedPurchases(model, { frequency: 2, recency: 30.43, T: 38.86 }, 39)).toBeCloseTo(1.226, 3);
    expect(probabilityAlive(model, { frequency: 2, recency: 30.43, T: 38.86 })).toBeCloseTo(0.7266, 4);
    const rounded = modelFromParams({ kind: "BG/NBD", unit: "weeks", params: { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } });
    expect(purchaseCountProbability(rounded, 39, 0)).toBeCloseTo(0.5737864, 7);
  });
});
