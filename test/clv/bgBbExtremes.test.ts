import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectedPurchases, probabilityAlive } from "../../src/clv/index.js";
import { opportunityModel } from "./_models.js";
import { relative } from "./_reference.js";

/** test/reference/clv/bgBbExtremes.py: the sum over the next opportunities, mpmath at 50 digits. */
const reference = JSON.parse(readFileSync(new URL("../reference/clv/bgbb-extremes.json", import.meta.url), "utf8")) as Array<{ params: number[]; x: number; tx: number; n: number; m: number; value: number }>;

describe("BG/BB expectedPurchases at γ or δ near 1e8", () => {
  // δ up to 1e14 (and γ within 3e-10 of 1) to 1e-12. At γ = 1e8 only to 3e-8: the likelihood's log-betas
  // B(γ, δ + n) are 1e8 in size, and their difference keeps 1e-16 of that.
  it("agrees with mpmath's sum over the next opportunities (54 rows; γ = 1e8 gave NaN, δ = 1e8 values above m, δ = 1e14 0)", () => {
    expect(reference.length).toBe(54);
    for (const row of reference) {
      const model = opportunityModel(row.params);
      const customer = { frequency: row.x, recency: row.tx, periods: row.n };
      const value = expectedPurchases(model, customer, row.m);
      expect(value, JSON.stringify(row)).toBeLessThanOrEqual(row.m);
      expect(relative(value, row.value), JSON.stringify(row)).toBeLessThan(row.params[2]! >= 1e8 ? 1e-7 : 1e-12);
      expect(probabilityAlive(model, customer)).toBeLessThanOrEqual(1);
    }
  });
});
