import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

describe("the pool of field readers (src/rules/_lib/fieldReaders.ts)", () => {
  it("holds 16 copies of one reader, character for character", () => {
    const source = readFileSync(new URL("../../src/rules/_lib/fieldReaders.ts", import.meta.url), "utf8");
    const copies = source.match(/^ {2}\(a, b\) => \(profile\) => \{\n[\s\S]*?\n {2}\},$/gm) ?? [];
    expect(copies).toHaveLength(16);
    expect(new Set(copies).size).toBe(1);
    expect(copies[0]).toContain("hasOwnProperty.call(profile, a)");
    expect(copies[0]).toContain("hasOwnProperty.call(value, b)");
  });
});
