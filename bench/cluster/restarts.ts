/**
 * Best-solution rate with 10 restarts (RESULTS.md): final inertia of kMeans(data, { k: 6, seed, nInit: 10 })
 * for seeds 1..N (default 12). Pair with `OMP_NUM_THREADS=1 /usr/bin/python3 restarts.py N`.
 *
 *   npx tsx restarts.ts 40 > results/restarts-segmentkit.json
 */
import { readFileSync } from "node:fs";
import { kMeans } from "../../src/cluster/index.js";

const count = Number(process.argv[2] ?? 12);
const buffer = readFileSync(new URL("./data/features.f64", import.meta.url));
const flat = new Float64Array(buffer.buffer, buffer.byteOffset, buffer.byteLength / 8);
const matrix = { values: flat, rows: 100_000, columns: 8 };
const inertias: number[] = [];
for (let seed = 1; seed <= count; seed++) inertias.push(kMeans(matrix, { k: 6, seed, nInit: 10 }).inertia);
console.log(JSON.stringify({ implementation: "segmentkit kMeans, nInit 10", inertias }));
