/** Best-solution rate with 10 restarts, seeds 1-12 (RESULTS.md): npx tsx restarts.ts; OMP_NUM_THREADS=1 /usr/bin/python3 restarts.py */
import { readFileSync } from "node:fs";
import { kMeans } from "../../src/cluster/index.js";
const buffer = readFileSync(new URL("./data/features.f64", import.meta.url));
const flat = new Float64Array(buffer.buffer, buffer.byteOffset, buffer.byteLength / 8);
const m = { values: flat, rows: 100000, columns: 8 };
const out: number[] = [];
for (let seed = 1; seed <= 12; seed++) out.push(Math.round(kMeans(m, { k: 6, seed, nInit: 10 }).inertia));
console.log(JSON.stringify(out));
