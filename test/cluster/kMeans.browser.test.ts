import { describe, expect, it } from "vitest";
import { kMeans, miniBatchKMeans, silhouetteScore } from "../../src/cluster/index.js";
import { mulberry32 } from "../../src/_lib/random.js";

/**
 * The same seeded data and fits give bit-identical results in Chromium and in Node (values recorded
 * with Node 20 by running this body there). The data use only uniform draws and + - * /: Math.log, Math.cos and Math.sin are
 * implementation-approximated in JavaScript and differ by an ulp between engine versions, which is
 * why the test data avoid them (k-means itself uses only correctly rounded operations).
 */
describe("k-means in the browser", () => {
  it("reproduces the Node results exactly", () => {
    const random = mulberry32(99);
    const noise = () => random() + random() + random() - 1.5;
    const data = Array.from({ length: 500 }, (_, index) => [(index % 4) * 1.5 + noise(), (index % 3) - noise() * 0.7, noise()]);
    const result = kMeans(data, { k: 4, seed: 5, nInit: 3 });
    let hash = 0;
    for (const label of result.labels) hash = (hash * 31 + label) >>> 0;
    expect(result.inertia).toBe(550.805327117562);
    expect(hash).toBe(1640183916);
    expect(result.sizes).toEqual([157, 152, 105, 86]);
    expect(result.iterations).toBe(13);
    expect(JSON.stringify(result.centroids)).toBe(
      "[[0.17997446518308322,1.0367096709694037,0.03166863674618256],[2.057239137447476,0.9959060747432215,0.03419919296988825],[4.149788254734483,1.6768006629288377,-0.04677537055020886],[4.081466325859236,0.11724259724304464,0.01819168862637652]]",
    );
    expect(silhouetteScore(data, result.labels, { sampleSize: 200, seed: 2 })).toBe(0.30694357289173557);
    const mini = miniBatchKMeans(data, { k: 4, seed: 5, batchSize: 64 });
    let miniHash = 0;
    for (const label of mini.labels) miniHash = (miniHash * 31 + label) >>> 0;
    expect(mini.inertia).toBe(558.2656975614208);
    expect(miniHash).toBe(1828945994);
  });
});
