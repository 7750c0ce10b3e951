/**
 * Type-checks the TypeScript blocks of every guide in `docs/guides/`, as a reader who follows the
 * guide would paste them: per guide, the blocks in order in one module, imports hoisted (see
 * `_lib/guideModules.ts` for the `<!-- check: … -->` declarations and the `ts alternative` blocks).
 * The modules are written to `test/docs/.generated-guides/` (git-ignored, and outside the root
 * tsconfig's globs, which skip dot folders) with a tsconfig that extends `examples/tsconfig.json`
 * (`segmentkit` mapped to `src/`, the project's strict options), and checked by one `tsc -p` run.
 * Errors are reported at the guide's line and block.
 */
import { execFile } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { type Diagnostic, guideModule, mapDiagnostics, parseGuide, type SourceLine } from "./_lib/guideModules.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const guidesDirectory = join(root, "docs/guides");
// Not test/docs/.generated: examples.test.ts empties that folder when it starts, possibly while this runs.
const generated = join(root, "test/docs/.generated-guides");

const guides = readdirSync(guidesDirectory)
  .filter((name) => name.endsWith(".md"))
  .sort()
  .map((name) => {
    const file = relative(root, join(guidesDirectory, name));
    const parsed = parseGuide(readFileSync(join(guidesDirectory, name), "utf8"));
    const module = basename(name, ".md") + ".ts";
    return { name, file, parsed, module, lines: guideModule(parsed, file) };
  });

/** Whether a path printed by tsc (relative to the root) is the generated module of a guide. */
const isModule = (printed: string | undefined, module: string): boolean => printed !== undefined && resolve(root, printed) === join(generated, module);

let diagnostics: Diagnostic[] = [];
let exitCode: number | null = null;

beforeAll(async () => {
  rmSync(generated, { recursive: true, force: true });
  mkdirSync(generated, { recursive: true });
  writeFileSync(
    join(generated, "tsconfig.json"),
    `${JSON.stringify({ extends: relative(generated, join(root, "examples/tsconfig.json")), include: ["*.ts"] }, null, 2)}\n`,
  );
  const byModule = new Map<string, { file: string; module: string; lines: SourceLine[] }>();
  for (const guide of guides) {
    if (guide.parsed.blocks.length === 0) continue;
    writeFileSync(join(generated, guide.module), guide.lines.map((line) => line.text).join("\n"));
    byModule.set(guide.module, guide);
  }
  const result = await new Promise<{ code: number | null; output: string }>((done) => {
    execFile(
      process.execPath,
      [join(root, "node_modules/typescript/bin/tsc"), "-p", generated, "--pretty", "false"],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => done({ code: error === null ? 0 : typeof error.code === "number" ? error.code : null, output: `${stdout}${stderr}` }),
    );
  });
  exitCode = result.code;
  diagnostics = mapDiagnostics(result.output, (file, line) => {
    const guide = byModule.get(basename(file));
    if (guide === undefined || !isModule(file, guide.module)) return undefined;
    const source = guide.lines[line - 1];
    if (source?.guideLine === undefined) return `${guide.file} (generated line ${line})`;
    return `${guide.file}:${source.guideLine} (${source.block === 0 ? "check comment" : `block ${source.block}`})`;
  });
}, 180_000);

describe("guides (docs/guides/*.md)", () => {
  it("finds the guides and their TypeScript blocks", () => {
    expect(guides.length).toBeGreaterThanOrEqual(8);
    expect(guides.reduce((sum, guide) => sum + guide.parsed.blocks.length, 0)).toBeGreaterThanOrEqual(25);
  });

  it("declares the guides' free names with precise types, never any", () => {
    const loose = guides.flatMap((guide) =>
      guide.parsed.checks.filter((check) => /\bany\b/.test(check.code)).map((check) => `${guide.file}:${check.firstLine}`),
    );
    expect(loose, "check comments that use `any`").toEqual([]);
  });

  for (const guide of guides.filter((candidate) => candidate.parsed.blocks.length > 0)) {
    it(`${guide.file}: its ${guide.parsed.blocks.length} ts blocks type-check`, () => {
      const own = diagnostics.filter((diagnostic) => isModule(diagnostic.generatedFile, guide.module));
      expect(own.length, `tsc errors in ${guide.file}:\n${own.map((diagnostic) => diagnostic.text).join("\n")}`).toBe(0);
    });
  }

  it("tsc exits with 0 (errors outside the guides' modules are listed here)", () => {
    const other = diagnostics.filter((diagnostic) => !guides.some((guide) => isModule(diagnostic.generatedFile, guide.module)));
    expect(other.map((diagnostic) => diagnostic.text).join("\n"), "tsc output outside the guides' modules").toBe("");
    expect(exitCode, "tsc's exit code (the tests above list the guides' errors)").toBe(0);
  });
});
