// Seeded simulators for parameter-recovery tests (not a test file).
import { mulberry32 } from "../../src/_lib/random.js";

/** Marsaglia–Tsang gamma(shape, rate) from a uniform generator. */
export function gammaSampler(uniform: () => number): (shape: number, rate: number) => number {
  const normal = (): number => {
    let u = uniform();
    while (u === 0) u = uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
  const sample = (shape: number, rate: number): number => {
    if (shape < 1) return sample(shape + 1, rate) * Math.pow(uniform() || 1e-300, 1 / shape);
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = uniform();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
    }
  };
  return sample;
}

/** BG/NBD customers observed for T (all born at 0). */
export function simulateBgNbd(params: { r: number; alpha: number; a: number; b: number }, count: number, T: number, seed: number) {
  const uniform = mulberry32(seed);
  const gamma = gammaSampler(uniform);
  const beta = (a: number, b: number): number => {
    const x = gamma(a, 1);
    return x / (x + gamma(b, 1));
  };
  const rows = [];
  for (let i = 0; i < count; i++) {
    const lambda = gamma(params.r, params.alpha);
    const p = beta(params.a, params.b);
    let time = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      time += -Math.log(1 - uniform()) / lambda;
      if (time > T) break;
      x++;
      last = time;
      if (uniform() < p) break;
    }
    rows.push({ frequency: x, recency: last, T });
  }
  return rows;
}

/** Pareto/NBD customers observed for T. */
export function simulateParetoNbd(params: { r: number; alpha: number; s: number; beta: number }, count: number, T: number, seed: number) {
  const uniform = mulberry32(seed);
  const gamma = gammaSampler(uniform);
  const rows = [];
  for (let i = 0; i < count; i++) {
    const lambda = gamma(params.r, params.alpha);
    const mu = gamma(params.s, params.beta);
    const death = -Math.log(1 - uniform()) / mu;
    const end = Math.min(death, T);
    let time = 0;
    let x = 0;
    let last = 0;
    for (;;) {
      time += -Math.log(1 - uniform()) / lambda;
      if (time > end) break;
      x++;
      last = time;
    }
    rows.push({ frequency: x, recency: last, T });
  }
  return rows;
}
