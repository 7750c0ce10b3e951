/**
 * The library in headless Chromium: every browser-safe subpath loads, and real code runs. Other
 * domains add their checks in `test/<domain>/*.browser.test.ts`.
 */
import { describe, expect, it } from "vitest";

const modules = {
  root: () => import("../../src/index.js"),
  schema: () => import("../../src/schema/index.js"),
  rules: () => import("../../src/rules/index.js"),
  segments: () => import("../../src/segments/index.js"),
  sql: () => import("../../src/sql/index.js"),
  scoring: () => import("../../src/scoring/index.js"),
  cluster: () => import("../../src/cluster/index.js"),
  metrics: () => import("../../src/metrics/index.js"),
  clv: () => import("../../src/clv/index.js"),
  fp: () => import("../../src/fp/index.js"),
};

describe("in Chromium", () => {
  it("runs in a real browser", () => {
    expect(typeof window).toBe("object");
    expect(navigator.userAgent).toMatch(/Chrome/);
  });

  for (const [name, load] of Object.entries(modules)) {
    it(`loads segmentkit${name === "root" ? "" : `/${name}`}`, async () => {
      const module = await load();
      expect(typeof module).toBe("object");
    });
  }

  it("validates rows and builds customer features", async () => {
    const { parseProfiles, summarizeCustomers, dataQualityReport } = await import("../../src/schema/index.js");
    const parsed = parseProfiles([{ id: "a", geography: { country: "DE", timeZone: "Europe/Berlin" } }, { id: "b", geography: { country: "Germany" } }]);
    expect(parsed.counts).toEqual({ input: 2, valid: 1, rejected: 1 });
    expect(parsed.rejected[0]!.path).toEqual(["geography", "country"]);
    const { customers } = summarizeCustomers(
      [
        { customerId: "a", timestamp: new Date("2024-01-01T00:00:00Z"), amount: 10 },
        { customerId: "a", timestamp: new Date("2024-01-03T00:00:00Z"), amount: 0.1 },
      ],
      { asOf: new Date("2024-01-04T00:00:00Z") },
    );
    expect(customers[0]).toMatchObject({ frequency: 2, monetaryTotal: 10.1, recencyDays: 1, meanInterPurchaseDays: 2 });
    expect(dataQualityReport([{ id: "a" }, { id: "a" }]).duplicateIds).toEqual([{ id: "a", indexes: [0, 1] }]);
  });
});
