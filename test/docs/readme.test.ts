/**
 * The README's quick start works when pasted: its first TypeScript block runs against the sources,
 * and each `console.log(x); //=> value` line is an assertion.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { exampleModule } from "./_lib/extractExamples.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

it("keeps examples/quick-start.ts (type-checked and run by CI) identical to the README block", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  expect(/```ts\n([\s\S]*?)```/.exec(readme)?.[1]).toBe(readFileSync(join(root, "examples/quick-start.ts"), "utf8"));
});

it("runs the README quick start", async () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  expect(block, "README.md has a ```ts quick start").toBeDefined();
  const lines = block!.split("\n").filter((line) => line.trim() !== "");
  expect(lines.length).toBeLessThanOrEqual(22);
  const code = lines.map((line) =>
    line
      .replace(/from "segmentkit"/, `from ${JSON.stringify(join(root, "src/index.ts"))}`)
      .replace(/^console\.log\((.*)\);\s*\/\/=>/, "$1 //=>"),
  );
  expect(code.filter((line) => line.includes("//=>")).length).toBeGreaterThanOrEqual(3);
  const directory = join(root, "test/docs/.generated-readme");
  mkdirSync(directory, { recursive: true });
  const path = join(directory, "readme.ts");
  writeFileSync(path, exampleModule({ file: "README.md", line: 1, symbol: "quick start", code }, join(root, "src/index.ts"), [], join(root, "test/docs/_lib/expectExample.ts")));
  const { run } = (await import(path)) as { run: () => Promise<void> };
  await run();
});
