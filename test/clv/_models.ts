// Shared by the clv tests (not a test file): models from the parameter vectors of the reference scripts.
import { modelFromParams } from "../../src/clv/index.js";
import type { BgBbModel, PurchaseModel } from "../../src/clv/index.js";

/** A weekly continuous-time model from [r, α, a, b] (BG/NBD, MBG/NBD) or [r, α, s, β] (Pareto/NBD). */
export function continuousModel(kind: "BG/NBD" | "MBG/NBD" | "Pareto/NBD", params: number[]): PurchaseModel {
  const [first, second, third, fourth] = params as [number, number, number, number];
  if (kind === "Pareto/NBD") return modelFromParams({ kind, unit: "weeks", params: { r: first, alpha: second, s: third, beta: fourth } });
  const shape = { r: first, alpha: second, a: third, b: fourth };
  return kind === "BG/NBD" ? modelFromParams({ kind, unit: "weeks", params: shape }) : modelFromParams({ kind, unit: "weeks", params: shape });
}

/** A BG/BB model from [α, β, γ, δ]. */
export function opportunityModel(params: number[]): BgBbModel {
  const [alpha, beta, gamma, delta] = params as [number, number, number, number];
  return modelFromParams({ kind: "BG/BB", unit: "periods", params: { alpha, beta, gamma, delta } });
}
