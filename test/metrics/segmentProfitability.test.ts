import { describe, expect, it } from "vitest";
import { segmentProfitability } from "../../src/metrics/index.js";

describe("segmentProfitability", () => {
  it("gives margin per member and margin rate", () => {
    const result = segmentProfitability({ revenue: 50000, margin: 15000, members: 300 });
    expect(result.marginPerMember.value).toBe(50);
    expect(result.marginRate.value).toBe(0.3);
  });
  it("negative margins are allowed; zero revenue or members make the parts undefined", () => {
    expect(segmentProfitability({ revenue: 1000, margin: -200, members: 10 }).marginRate.value).toBe(-0.2);
    const empty = segmentProfitability({ revenue: 0, margin: 0, members: 0 });
    expect(empty.marginPerMember.defined).toBe(false);
    expect(empty.marginRate.defined).toBe(false);
  });
});
