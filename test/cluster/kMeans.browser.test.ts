import { describe, expect, it } from "vitest";
import { kMeans, miniBatchKMeans, silhouetteScore } from "../../src/cluster/index.js";
import { mulberry32 } from "../../src/_lib/random.js";

/**
 * The same seeded data and fits give bit-identical results in Chromium and in Node (values recorded
 * with Node 20). The data use only uniform draws and + - * /: Math.log, Math.cos and Math.sin are
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
    expect(result.inertia).toBe(551.2491666437455);
    expect(hash).toBe(4099074807);
    expect(result.sizes).toEqual([158, 155, 105, 82]);
    expect(result.iterations).toBe(10);
    expect(JSON.stringify(result.centroids)).toBe(
      "[[0.18629982847354928,1.0408898649968599,0.03683668534460041],[2.085222388883572,0.9394993631439582,0.022848725326419357],[4.120337291904503,1.6987502912400914,-0.05079970992436367],[4.1757311203783924,0.14434505044596233,0.034092017642517645]]",
    );
    expect(silhouetteScore(data, result.labels, { sampleSize: 200, seed: 2 })).toBe(0.3073683833013486);
    const mini = miniBatchKMeans(data, { k: 4, seed: 5, batchSize: 64 });
    let miniHash = 0;
    for (const label of mini.labels) miniHash = (miniHash * 31 + label) >>> 0;
    expect(mini.inertia).toBe(558.2656975614208);
    expect(miniHash).toBe(1828945994);
  });
});
