import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { probabilityAlive } from "../../src/clv/index.js";
import { probabilityDead } from "../../src/clv/_lib/paretoNbd.js";
import { continuousModel } from "./_models.js";

/** test/reference/clv/paretoAlive.py: ln(P(dead)/P(alive)) from mpmath's closed form at 60 digits, checked by quadrature. */
const reference = JSON.parse(readFileSync(new URL("../reference/clv/pareto-alive.json", import.meta.url), "utf8")) as Array<{ params: number[]; x: number; tx: number; T: number; logOdds: number }>;

describe("Pareto/NBD probabilityAlive where the closed form loses digits", () => {
  it("agrees with mpmath to 1e-12 in ln(P(dead)/P(alive)) on 73 rows: s up to 1e8, β up to 1e12, a 2F1 argument near 1, recent buyers, x up to 126,620, α = 1e-300 against T = 1e300, random models", () => {
    expect(reference.length).toBe(73);
    for (const row of reference) {
      const model = continuousModel("Pareto/NBD", row.params);
      const customer = { frequency: row.x, recency: row.tx, T: row.T };
      const alive = probabilityAlive(model, customer);
      const logOdds = Math.log(probabilityDead(row.params, row.x, row.tx, row.T)) - Math.log(alive);
      expect(Math.abs(logOdds - row.logOdds), JSON.stringify(row)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(row.logOdds)));
    }
  });
});
