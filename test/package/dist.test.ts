/**
 * The built package under plain Node, as users get it: every subpath is imported (ESM) and required
 * (CJS) from `dist/` through the package's self-reference, in a fresh `node` process.
 * `npm test` builds first (test/setup/run-all.sh).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { exports: Record<string, unknown> };
const subpaths = Object.keys(manifest.exports)
  .filter((key) => key !== "./package.json")
  .map((key) => (key === "." ? "segmentkit" : `segmentkit/${key.slice(2)}`));

function node(args: string[]): string {
  return execFileSync(process.execPath, args, { cwd: root, encoding: "utf8" });
}

/**
 * A CommonJS run where `require` cannot load ES modules, as under Jest or older Node: Node 20.19+
 * would otherwise load an ESM-only dependency through require(esm) and hide it.
 */
function nodeRequire(program: string): string {
  return node(["--no-experimental-require-module", "-e", program]);
}

describe("dist under plain Node", () => {
  it("has been built (npm run build)", () => {
    expect(existsSync(join(root, "dist/index.js")), "dist/ is missing: run `npm run build` before the package tests").toBe(true);
  });

  it("declares the domain subpaths of the design", () => {
    expect(subpaths).toEqual([
      "segmentkit",
      "segmentkit/schema",
      "segmentkit/rules",
      "segmentkit/segments",
      "segmentkit/sql",
      "segmentkit/scoring",
      "segmentkit/cluster",
      "segmentkit/metrics",
      "segmentkit/clv",
      "segmentkit/fp",
      "segmentkit/node",
    ]);
  });

  for (const subpath of subpaths) {
    it(`imports ${subpath} as ESM and requires it as CJS with the same export names`, () => {
      const esm = node(["--input-type=module", "-e", `const m = await import(${JSON.stringify(subpath)}); console.log(JSON.stringify(Object.keys(m).sort()))`]);
      const cjs = nodeRequire(`console.log(JSON.stringify(Object.keys(require(${JSON.stringify(subpath)})).sort()))`);
      const esmNames = JSON.parse(esm) as string[];
      expect(JSON.parse(cjs)).toEqual(esmNames);
    });
  }

  it("runs real code from the ESM and CJS builds", () => {
    const program = `
      const { parseProfiles, summarizeCustomers } = SEGMENTKIT;
      const parsed = parseProfiles([{ id: "a" }, { id: 1 }]);
      const { customers } = summarizeCustomers([{ customerId: "a", timestamp: new Date(0), amount: 2 }], { asOf: new Date(86400000) });
      console.log(JSON.stringify([parsed.counts, customers[0].recencyDays]));`;
    const expected = JSON.stringify([{ input: 2, valid: 1, rejected: 1 }, 1]);
    expect(node(["--input-type=module", "-e", program.replace("SEGMENTKIT", 'await import("segmentkit/schema")')]).trim()).toBe(expected);
    expect(nodeRequire(program.replace("SEGMENTKIT", 'require("segmentkit")')).trim()).toBe(expected);
  });

  it("runs the bundled @stdlib special functions from both builds", () => {
    const program = `
      const { probabilityToBeat, chiSquareIndependence, clopperPearsonInterval } = SEGMENTKIT;
      console.log(JSON.stringify([
        probabilityToBeat({ successesA: 10, trialsA: 100, successesB: 15, trialsB: 100 }).probability.toFixed(6),
        chiSquareIndependence([[10, 20], [30, 25]]).pValue.toFixed(6),
        clopperPearsonInterval({ successes: 3, trials: 10 }).lower.toFixed(6),
      ]));`;
    // scipy: the posterior P(pB > pA) by quadrature, chi2_contingency(correction=False), beta.ppf(0.025, 3, 8).
    const expected = JSON.stringify(["0.853284", "0.061151", "0.066740"]);
    expect(node(["--input-type=module", "-e", program.replace("SEGMENTKIT", 'await import("segmentkit/metrics")')]).trim()).toBe(expected);
    expect(nodeRequire(program.replace("SEGMENTKIT", 'require("segmentkit/metrics")')).trim()).toBe(expected);
  });

  it("import only zod, and fp-ts (segmentkit/fp only): @stdlib is bundled, no barrel but fp-ts's", () => {
    // Node loads every module behind a barrel import (\`from "date-fns"\` cost 170 ms on each import of the root, when it was a dependency).
    // fp-ts 2 has no exports map for deep imports; its barrel is loaded by segmentkit/fp alone.
    const imports = new Set<string>();
    for (const file of readdirSync(join(root, "dist"), { recursive: true }) as string[]) {
      if (!/\.c?js$/.test(file)) continue;
      const text = readFileSync(join(root, "dist", file), "utf8");
      // static `from "x"`, bare `import "x"`, dynamic `import("x")` and `require("x")`
      for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\(\s*)["']((?:@[^/"']+\/)?[^./"'][^"']*)["']/g)) imports.add(match[1]!);
      if (/\bfrom\s*["']fp-ts["']|require\(["']fp-ts["']\)/.test(text)) expect(file, "only the fp subpath imports fp-ts").toMatch(/^fp\.c?js$/);
    }
    expect([...imports].filter((specifier) => !specifier.startsWith("node:")).sort()).toEqual(["fp-ts", "zod/mini", "zod/v4/locales/en.cjs", "zod/v4/locales/en.js"]);
  });
});

describe("browser-safe sources", () => {
  it("import no node: module outside src/node", () => {
    const offenders: string[] = [];
    const visit = (directory: string) => {
      for (const entry of readdirSync(directory, { withFileTypes: true })) {
        const path = join(directory, entry.name);
        if (entry.isDirectory()) {
          if (path !== join(root, "src/node")) visit(path);
        } else if (/\bfrom\s+["']node:|require\(["']node:/.test(readFileSync(path, "utf8"))) offenders.push(path);
      }
    };
    visit(join(root, "src"));
    expect(offenders).toEqual([]);
  });
});
