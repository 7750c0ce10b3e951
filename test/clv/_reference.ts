// Shared by the clv tests (not a test file): the reference values of test/reference/clv/generate.py
// and the relative error the tests compare with.
import { readFileSync } from "node:fs";

/** Per-row log-likelihoods of a model at fixed parameters. */
export interface LikelihoodRows<Row> {
  params: number[];
  rows: Array<Row & { ll: number }>;
}

type ActivityRow = { x: number; tx: number; T: number };

/** test/reference/clv/reference.json, typed as far as the tests read it. */
export const clvReference = JSON.parse(readFileSync(new URL("../reference/clv/reference.json", import.meta.url), "utf8")) as {
  bgnbd: LikelihoodRows<ActivityRow>;
  paretonbd: LikelihoodRows<ActivityRow>;
  paretonbd_alpha_above_beta: LikelihoodRows<ActivityRow>;
  bgbb: LikelihoodRows<{ x: number; tx: number; n: number }>;
  hyp2f1: Array<{ a: number; b: number; c: number; z: number; log: number }>;
  /** Unconditional E[X(t)] by quadrature over the latent rates, at fixed parameters (in that model's order). */
  population: Array<{ kind: "BG/NBD" | "MBG/NBD" | "Pareto/NBD" | "BG/BB"; params: number[]; t: number; expected: number }>;
};

/** |actual - expected| / |expected|. */
export const relative = (actual: number, expected: number): number => Math.abs(actual - expected) / Math.abs(expected);
