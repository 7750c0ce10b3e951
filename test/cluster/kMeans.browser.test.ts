import { describe, expect, it } from "vitest";
import { kMeans, miniBatchKMeans, silhouetteScore } from "../../src/cluster/index.js";
import { mulberry32, normalGenerator } from "../../src/_lib/random.js";

/** The same seeded data and fits give bit-identical results in Chromium and in Node (values recorded in Node 20). */
describe("k-means in the browser", () => {
  it("reproduces the Node results exactly", () => {
    const random = mulberry32(99);
    const normal = normalGenerator(random);
    const data = Array.from({ length: 500 }, (_, index) => [(index % 4) * 1.5 + normal(), (index % 3) - normal() * 0.7, normal()]);
    const result = kMeans(data, { k: 4, seed: 5, nInit: 3 });
    let hash = 0;
    for (const label of result.labels) hash = (hash * 31 + label) >>> 0;
    expect(result.inertia).toBe(1127.186037857333);
    expect(hash).toBe(2644742287);
    expect(result.sizes).toEqual([160, 116, 115, 109]);
    expect(result.iterations).toBe(6);
    expect(result.centroids[0]).toEqual([1.6924128932903073, 1.2601509792039813, -0.05716981666789158]);
    expect(silhouetteScore(data, result.labels, { sampleSize: 200, seed: 2 })).toBe(0.24561950629187046);
    const mini = miniBatchKMeans(data, { k: 4, seed: 5, batchSize: 64 });
    let miniHash = 0;
    for (const label of mini.labels) miniHash = (miniHash * 31 + label) >>> 0;
    expect(mini.inertia).toBe(1209.6113052973076);
    expect(miniHash).toBe(4094016502);
  });
});
