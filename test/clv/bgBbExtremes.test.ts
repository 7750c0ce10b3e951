import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { expectedPurchases, probabilityAlive } from "../../src/clv/index.js";
import { opportunityModel } from "./_models.js";
import { relative } from "./_reference.js";

/** test/reference/clv/bgBbExtremes.py: the sum over the next opportunities, mpmath at 50 digits. */
const reference = JSON.parse(readFileSync(new URL("../reference/clv/bgbb-extremes.json", import.meta.url), "utf8")) as Array<{ params: number[]; x: number; tx: number; n: number; m: number; value: number }>;

describe("BG/BB expectedPurchases at γ or δ near 1e8", () => {
  // Not to 1e-12: at δ = 1e8 the ratio Γ(z+g)Γ(z+1)/(Γ(z)Γ(z+1+g)) with z ≈ 1e8 is 1 − 1e-8 and is taken as a
  // difference of two log-gamma ratios of size 18, which keeps about 1e-16 / 1e-8 relative; at γ = 1e8, 3e-8.
  it("agrees with mpmath's sum over the next opportunities to 1e-6 (36 rows; γ = 1e8 gave NaN, δ = 1e8 values above m)", () => {
    expect(reference.length).toBe(36);
    for (const row of reference) {
      const model = opportunityModel(row.params);
      const customer = { frequency: row.x, recency: row.tx, periods: row.n };
      const value = expectedPurchases(model, customer, row.m);
      expect(value, JSON.stringify(row)).toBeLessThanOrEqual(row.m);
      expect(relative(value, row.value), JSON.stringify(row)).toBeLessThan(1e-6);
      expect(probabilityAlive(model, customer)).toBeLessThanOrEqual(1);
    }
  });
});
