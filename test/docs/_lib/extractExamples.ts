/**
 * Extracts the `@example` blocks of TSDoc comments in `src/` and turns them into runnable modules
 * (see CONTRIBUTING.md, "The example runs").
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

export interface ExtractedExample {
  /** Source file, relative to the repository root. */
  readonly file: string;
  /** 1-based line of the `@example` tag. */
  readonly line: number;
  /** The export the doc block belongs to (best effort), for test names. */
  readonly symbol: string;
  /** The example's code lines (comment markers and code fences removed). */
  readonly code: string[];
}

export interface DocumentedExport {
  readonly file: string;
  readonly symbol: string;
  readonly hasExample: boolean;
  readonly line: number;
}

/** Every `.ts` file under a folder, recursively, sorted. */
export function sourceFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) files.push(path);
  }
  return files.sort();
}

const declaration = /^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|class|const|abstract\s+class)\s+([A-Za-z_$][\w$]*)/;

/** Doc blocks of a file with the declaration that follows each. */
function docBlocks(text: string): Array<{ lines: string[]; startLine: number; symbol: string | undefined; declarationLine: number }> {
  const lines = text.split("\n");
  const blocks: Array<{ lines: string[]; startLine: number; symbol: string | undefined; declarationLine: number }> = [];
  for (let index = 0; index < lines.length; index++) {
    if (!/^\s*\/\*\*/.test(lines[index]!)) continue;
    const start = index;
    const body: string[] = [];
    while (index < lines.length && !lines[index]!.includes("*/")) body.push(lines[index++]!);
    body.push(lines[index] ?? "");
    let next = index + 1;
    while (next < lines.length && lines[next]!.trim() === "") next++;
    const match = declaration.exec(lines[next] ?? "");
    blocks.push({ lines: body, startLine: start + 1, symbol: match?.[1], declarationLine: next + 1 });
  }
  return blocks;
}

function stripComment(line: string): string {
  return line.replace(/^\s*\/\*\*\s?/, "").replace(/\s*\*\/\s*$/, "").replace(/^\s*\* ?/, "");
}

/** Every `@example` of every doc block in the given files. */
export function extractExamples(root: string, files: string[]): ExtractedExample[] {
  const examples: ExtractedExample[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const block of docBlocks(text)) {
      for (let index = 0; index < block.lines.length; index++) {
        const content = stripComment(block.lines[index]!);
        if (!content.startsWith("@example")) continue;
        const code: string[] = [];
        for (let next = index + 1; next < block.lines.length; next++) {
          const line = stripComment(block.lines[next]!);
          if (/^@\w+/.test(line.trim())) break;
          if (/^```/.test(line.trim())) continue;
          code.push(line);
        }
        examples.push({ file: relative(root, file), line: block.startLine + index, symbol: block.symbol ?? "(module)", code });
      }
    }
  }
  return examples;
}

/** Every exported function, class or schema constant, and whether its doc block has an `@example`. */
export function documentedExports(root: string, files: string[]): DocumentedExport[] {
  const found: DocumentedExport[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const blocks = docBlocks(text);
    const lines = text.split("\n");
    lines.forEach((line, index) => {
      const match = declaration.exec(line);
      if (!match) return;
      // Plain data constants (lists of names, versions) need no example; schemas (PascalCase) do.
      if (/\bconst\s/.test(line) && !/^[A-Z]/.test(match[1]!)) return;
      const block = blocks.find((candidate) => candidate.declarationLine === index + 1);
      // Declarations marked @internal are exported for sibling modules only, not for users.
      if (block !== undefined && block.lines.some((blockLine) => /@internal\b/.test(blockLine))) return;
      const hasExample = block !== undefined && block.lines.some((blockLine) => stripComment(blockLine).startsWith("@example"));
      found.push({ file: relative(root, file), symbol: match[1]!, hasExample, line: index + 1 });
    });
  }
  return found;
}

/**
 * The expected text of an example line with each decimal literal outside string literals wrapped
 * as `__written("0.0570")`, so that its tolerance follows the digits as written.
 */
export function wrapDecimals(expected: string): string {
  let result = "";
  let quote: string | undefined;
  for (let index = 0; index < expected.length; index += 1) {
    const character = expected[index]!;
    if (quote !== undefined) {
      result += character;
      if (character === "\\") result += expected[++index] ?? "";
      else if (character === quote) quote = undefined;
      continue;
    }
    if (character === '"' || character === "'" || character === "`") {
      quote = character;
      result += character;
      continue;
    }
    // A minus sign belongs to the literal after an opening bracket, a comma, a colon or at the start.
    const literal = /^-?\d+\.\d+(?:[eE][+-]?\d+)?/.exec(expected.slice(index));
    const before = result.trimEnd().at(-1) ?? "";
    const startsHere = character === "-" ? before === "" || "[({,:".includes(before) : !/[\w$.]/.test(expected[index - 1] ?? "");
    if (literal !== null && startsHere) {
      result += `__written(${JSON.stringify(literal[0])})`;
      index += literal[0].length - 1;
      continue;
    }
    result += character;
  }
  return result;
}

/**
 * The module text of one example: its imports hoisted, the subpath's exports in scope, and each
 * `expression //=> expected` line turned into an assertion.
 */
export function exampleModule(example: ExtractedExample, subpathModule: string, exportNames: string[], helperModule: string): string {
  const imports: string[] = [];
  const body: string[] = [];
  for (const line of example.code) {
    if (/^\s*import\s/.test(line)) {
      imports.push(line);
      continue;
    }
    const arrow = line.indexOf("//=>");
    if (arrow >= 0 && line.slice(0, arrow).trim() !== "") {
      const expression = line.slice(0, arrow).trim().replace(/;$/, "");
      const expected = wrapDecimals(line.slice(arrow + 4).trim());
      body.push(`  __expectExample(${expression}, ${expected}, ${JSON.stringify(`${example.file}:${example.line}: ${expression}`)});`);
    } else {
      body.push(`  ${line}`);
    }
  }
  const importedNames = new Set(imports.flatMap((line) => /\{([^}]*)\}/.exec(line)?.[1]?.split(",").map((name) => name.trim().split(/\s+as\s+/).pop()!) ?? []));
  const scope = exportNames.filter((name) => !importedNames.has(name) && /^[A-Za-z_$][\w$]*$/.test(name));
  return [
    "// @ts-nocheck generated from a doc-comment example; see test/docs/examples.test.ts",
    ...imports,
    `import * as __module from ${JSON.stringify(subpathModule)};`,
    `import { expectExample as __expectExample, written as __written } from ${JSON.stringify(helperModule)};`,
    `const { ${scope.join(", ")} } = __module;`,
    "export async function run() {",
    ...body,
    "}",
    "",
  ].join("\n");
}
