import { describe, expect, it } from "vitest";
import { logLikelihood } from "../../src/clv/_lib/bgNbd.js";
import { compressActivity } from "../../src/clv/_lib/rows.js";
import { expectedPurchases, fitMbgNbd, probabilityAlive } from "../../src/clv/index.js";
import { cdnowSummaryPlain } from "./cdnow.js";
import { relative } from "./_reference.js";

describe("fitMbgNbd on CDNOW", () => {
  const customers = cdnowSummaryPlain();
  const model = fitMbgNbd({ unit: "weeks", customers });

  it("reproduces BTYDplus' parameters (r 0.525, α 6.183, a 0.891, b 1.614) and LL −9582.1327", () => {
    if (!model.converged) throw new Error(model.message);
    expect(relative(model.params.r, 0.524838)).toBeLessThan(1e-3);
    expect(relative(model.params.alpha, 6.182988)).toBeLessThan(1e-3);
    expect(relative(model.params.a, 0.891356)).toBeLessThan(1e-3);
    expect(relative(model.params.b, 1.614)).toBeLessThan(1e-3);
    expect(Math.abs(model.logLikelihood - -9582.1327)).toBeLessThan(0.01);
  });

  it("customer-level values: customer 1 E[39] 1.2627, P(alive) 0.7061; x = 0 P(alive) 0.3897", () => {
    if (!model.converged) throw new Error(model.message);
    const first = customers[0]!;
    expect(expectedPurchases(model, first, 39)).toBeCloseTo(1.2627, 3);
    expect(probabilityAlive(model, first)).toBeCloseTo(0.7061, 3);
    const zero = customers.find((c) => c.frequency === 0)!;
    expect(probabilityAlive(model, zero)).toBeCloseTo(0.3897, 3);
  });

  it("analytic gradient agrees with central finite differences", () => {
    const rows = compressActivity(customers.slice(0, 300), "test");
    const params = [0.52, 6.2, 0.89, 1.6];
    const gradient = new Float64Array(4);
    logLikelihood(params, rows, true, gradient);
    for (let k = 0; k < 4; k++) {
      const h = 1e-6 * (params[k] as number);
      const up = params.slice();
      const down = params.slice();
      up[k] = (up[k] as number) + h;
      down[k] = (down[k] as number) - h;
      const numeric = (logLikelihood(up, rows, true) - logLikelihood(down, rows, true)) / (2 * h);
      expect(Math.abs((gradient[k] as number) - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
    }
  });
});
