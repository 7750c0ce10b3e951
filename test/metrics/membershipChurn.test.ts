import { describe, expect, it } from "vitest";
import { membershipChurn } from "../../src/metrics/index.js";

describe("membershipChurn", () => {
  it("gives retained, outflow, inflow and Jaccard with counts", () => {
    const churn = membershipChurn(["a", "b", "c", "d"], ["b", "c", "d", "e", "f"]);
    expect(churn.retained.value).toBe(0.75);
    expect(churn.outflow.value).toBe(0.25);
    expect(churn.inflow.value).toBe(0.4);
    expect(churn.jaccard.value).toBe(0.5);
    expect(churn.counts).toEqual({ previous: 4, current: 5, stayed: 3, left: 1, joined: 2 });
  });
  it("empty snapshots are undefined where they are denominators", () => {
    const fromEmpty = membershipChurn([], ["a"]);
    expect(fromEmpty.retained.defined).toBe(false);
    expect(fromEmpty.inflow.value).toBe(1);
    expect(membershipChurn([], []).jaccard.defined).toBe(false);
  });
  it("duplicates count once", () => {
    expect(membershipChurn(["a", "a"], ["a"]).retained.value).toBe(1);
  });
});
