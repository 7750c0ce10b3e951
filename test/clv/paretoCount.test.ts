import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { purchaseCountProbability } from "../../src/clv/index.js";
import { continuousModel } from "./_models.js";
import { relative } from "./_reference.js";

/** test/reference/clv/paretoCount.py: Fader & Hardie's closed form at 120 to 400 digits, checked by quadrature. */
const reference = JSON.parse(readFileSync(new URL("../reference/clv/pareto-count.json", import.meta.url), "utf8")) as Array<{ params: number[]; t: number; n: number; value: number }>;

describe("Pareto/NBD purchaseCountProbability where the closed form loses digits", () => {
  it("agrees with mpmath to 1e-12 on 156 rows: s up to 1e8, β up to 1e12, a 2F1 argument near 1, the far tail (n = 30,000 over 10,000 weeks), scales 1e20 to 1e600 apart, r = 8.7e7, random models", () => {
    expect(reference.length).toBe(156);
    for (const row of reference) {
      const value = purchaseCountProbability(continuousModel("Pareto/NBD", row.params), row.t, row.n);
      expect(relative(value, row.value), JSON.stringify(row)).toBeLessThan(1e-12);
    }
  });
});
