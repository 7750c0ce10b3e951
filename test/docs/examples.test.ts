/**
 * Runs every `@example` of the TSDoc comments in `src/` (CONTRIBUTING.md, "The example runs"), and
 * checks that every exported function, class and constant of the public modules has one.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { documentedExports, exampleModule, extractExamples, sourceFiles } from "./_lib/extractExamples.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const sourceRoot = join(root, "src");
const generated = join(root, "test/docs/.generated");
const files = sourceFiles(sourceRoot);
const examples = extractExamples(root, files);

/** The subpath barrel whose exports an example of this file sees. */
function subpathOf(file: string): string {
  const [first, second] = relative("src", file).split("/");
  if (second === undefined || first === "_lib") return join(sourceRoot, "index.ts");
  return join(sourceRoot, first!, "index.ts");
}

rmSync(generated, { recursive: true, force: true });
mkdirSync(generated, { recursive: true });

describe("doc-comment examples", () => {
  it("finds examples", () => {
    expect(examples.length).toBeGreaterThan(10);
  });

  for (const [index, example] of examples.entries()) {
    it(`${example.file}:${example.line} ${example.symbol}`, async () => {
      const subpath = subpathOf(example.file);
      const module = (await import(subpath)) as Record<string, unknown>;
      const path = join(generated, `example-${index}.ts`);
      writeFileSync(path, exampleModule(example, subpath, Object.keys(module), join(root, "test/docs/_lib/expectExample.ts")));
      const { run } = (await import(path)) as { run: () => Promise<void> };
      await run();
    });
  }
});

describe("every public declaration has an example", () => {
  const publicFiles = files.filter((file) => !file.includes("/_lib/") && !file.endsWith("/index.ts") && !file.includes("/_"));
  const missing = documentedExports(root, publicFiles)
    .filter((entry) => !entry.hasExample)
    .map((entry) => `${entry.file}:${entry.line} ${entry.symbol}`);
  it("lists no export without an @example", () => {
    expect(missing).toEqual([]);
  });
});
