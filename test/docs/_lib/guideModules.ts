/**
 * Turns the TypeScript blocks of a guide (`docs/guides/*.md`) into one module that `tsc` can check,
 * the way a reader follows the guide: every block in order, so a later block may use what an earlier
 * one declared, with the imports of all blocks hoisted to the top.
 *
 * Markdown conventions read here:
 * - a fenced block tagged `ts` (or `typescript`) is checked; its info string may add `alternative`
 *   (```` ```ts alternative ````) for a block that is an alternative to its neighbours (another
 *   database driver, ...): its statements are wrapped in `{ }`, so its names do not clash with theirs
 *   and later blocks cannot use them;
 * - `<!-- check: … -->` comments (invisible when rendered) hold TypeScript for the check only:
 *   the declarations of what the guide uses but never defines (the host application's `client`,
 *   `rows`, …), put before the first block. They may span lines and import types.
 */
import ts from "typescript";

/** One line of a generated module and where it comes from. */
export interface SourceLine {
  readonly text: string;
  /** 1-based line in the guide, or undefined for generated glue. */
  readonly guideLine: number | undefined;
  /** 1-based block number, 0 for a check comment, undefined for glue. */
  readonly block: number | undefined;
}

export interface GuideBlock {
  /** 1-based number of the ts block in the guide. */
  readonly number: number;
  /** 1-based guide line of the block's first code line. */
  readonly firstLine: number;
  readonly code: string;
  readonly alternative: boolean;
}

export interface GuideCheck {
  readonly firstLine: number;
  readonly code: string;
}

export interface ParsedGuide {
  readonly blocks: GuideBlock[];
  readonly checks: GuideCheck[];
}

const checkedLanguages = new Set(["ts", "typescript"]);

/** The checked blocks and check comments of a guide's markdown text. */
export function parseGuide(markdown: string): ParsedGuide {
  const lines = markdown.split("\n");
  const blocks: GuideBlock[] = [];
  const checks: GuideCheck[] = [];
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const fence = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)(.*)$/.exec(line);
    if (fence !== null) {
      const [, indent = "", marker = "", language = "", rest = ""] = fence;
      const start = index + 1;
      index++;
      while (index < lines.length && !(lines[index]!.trim().startsWith(marker) && lines[index]!.trim().replace(/[`~]/g, "") === "")) index++;
      if (!checkedLanguages.has(language)) continue;
      const code = lines.slice(start, index).map((codeLine) => (codeLine.startsWith(indent) ? codeLine.slice(indent.length) : codeLine));
      blocks.push({ number: blocks.length + 1, firstLine: start + 1, code: code.join("\n"), alternative: /\balternative\b/.test(rest) });
      continue;
    }
    const check = /<!--\s*check:/.exec(line);
    if (check !== null) {
      const start = index;
      let text = line.slice(check.index + check[0].length);
      while (!text.includes("-->") && index + 1 < lines.length) text += `\n${lines[++index]!}`;
      const firstLinePadding = " ".repeat(check.index + check[0].length);
      const end = text.indexOf("-->");
      checks.push({ firstLine: start + 1, code: firstLinePadding + (end < 0 ? text : text.slice(0, end)) });
    }
  }
  return { blocks, checks };
}

interface ImportedName {
  readonly module: string;
  /** `name` or `name as alias` */
  readonly specifier: string;
  readonly local: string;
  readonly typeOnly: boolean;
  readonly line: SourceLine;
}

/** Splits code into its import declarations (one entry per imported name) and the other lines. */
function splitImports(code: string, firstLine: number, block: number): { imports: ImportedName[]; wholeImports: SourceLine[]; body: SourceLine[] } {
  const file = ts.createSourceFile("block.ts", code, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const lines = code.split("\n");
  const importLines = new Set<number>();
  const imports: ImportedName[] = [];
  const wholeImports: SourceLine[] = [];
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement)) continue;
    const startLine = file.getLineAndCharacterOfPosition(statement.getStart(file)).line;
    const endLine = file.getLineAndCharacterOfPosition(statement.getEnd()).line;
    for (let line = startLine; line <= endLine; line++) importLines.add(line);
    const module = (statement.moduleSpecifier as ts.StringLiteral).text;
    const clause = statement.importClause;
    const bindings = clause?.namedBindings;
    if (clause !== undefined && clause.name === undefined && bindings !== undefined && ts.isNamedImports(bindings)) {
      for (const element of bindings.elements) {
        const elementLine = file.getLineAndCharacterOfPosition(element.getStart(file)).line;
        imports.push({
          module,
          specifier: element.propertyName === undefined ? element.name.text : `${element.propertyName.getText(file)} as ${element.name.text}`,
          local: element.name.text,
          typeOnly: clause.isTypeOnly || element.isTypeOnly,
          line: { text: "", guideLine: firstLine + elementLine, block },
        });
      }
    } else {
      // Default, namespace and side-effect imports are kept as written, on one line.
      wholeImports.push({ text: statement.getText(file).replace(/\s*\n\s*/g, " "), guideLine: firstLine + startLine, block });
    }
  }
  const body = lines.flatMap((text, line) => (importLines.has(line) ? [] : [{ text, guideLine: firstLine + line, block }]));
  return { imports, wholeImports, body };
}

/**
 * The module of one guide: check-comment declarations, then the blocks in order, every import
 * hoisted to the top with one `import` per name (a name imported again by a later block is imported
 * once; as a value if any block imports it as a value).
 */
export function guideModule(guide: ParsedGuide, title: string): SourceLine[] {
  const names = new Map<string, ImportedName>();
  const wholeImports: SourceLine[] = [];
  const body: SourceLine[] = [];
  const glue = (text: string): SourceLine => ({ text, guideLine: undefined, block: undefined });
  const add = (imports: ImportedName[], whole: SourceLine[]) => {
    for (const name of imports) {
      const key = `${name.module}\0${name.local}`;
      const earlier = names.get(key);
      if (earlier === undefined || (earlier.typeOnly && !name.typeOnly)) names.set(key, name);
    }
    for (const line of whole) if (!wholeImports.some((earlier) => earlier.text === line.text)) wholeImports.push(line);
  };
  for (const check of guide.checks) {
    const split = splitImports(check.code, check.firstLine, 0);
    add(split.imports, split.wholeImports);
    body.push(glue(`// check comment, line ${check.firstLine}`), ...split.body);
  }
  for (const block of guide.blocks) {
    const split = splitImports(block.code, block.firstLine, block.number);
    add(split.imports, split.wholeImports);
    body.push(glue(`// block ${block.number}, line ${block.firstLine}${block.alternative ? " (alternative)" : ""}`));
    if (block.alternative) body.push(glue("{"), ...split.body, glue("}"));
    else body.push(...split.body);
  }
  const hoisted = [...names.values()].map((name) => ({
    ...name.line,
    text: `import { ${name.typeOnly ? "type " : ""}${name.specifier} } from ${JSON.stringify(name.module)};`,
  }));
  return [glue(`// Generated from ${title} by test/docs/guides.test.ts: do not edit.`), ...hoisted, ...wholeImports, ...body, glue("export {};"), glue("")];
}

export interface Diagnostic {
  /** `docs/guides/x.md:12 (block 2): error TS2304: Cannot find name 'x'.` plus continuation lines */
  readonly text: string;
  readonly generatedFile: string | undefined;
}

/**
 * tsc's `--pretty false` output split into diagnostics, each first line rewritten from the
 * generated file's position to the guide's (`where(file, line)` gives the guide location, or
 * undefined to keep the generated position).
 */
export function mapDiagnostics(output: string, where: (file: string, line: number) => string | undefined): Diagnostic[] {
  const diagnostics: Array<{ lines: string[]; generatedFile: string | undefined }> = [];
  for (const line of output.split("\n")) {
    if (line.trim() === "") continue;
    const located = /^(.+?)\((\d+),(\d+)\): (.*)$/.exec(line);
    if (located !== null) {
      const [, file = "", lineNumber = "0", , message = ""] = located;
      const guide = where(file, Number(lineNumber));
      diagnostics.push({ lines: [guide === undefined ? line : `${guide}: ${message}`], generatedFile: file });
    } else if (/^\s/.test(line) && diagnostics.length > 0) {
      diagnostics.at(-1)!.lines.push(line);
    } else {
      diagnostics.push({ lines: [line], generatedFile: undefined });
    }
  }
  return diagnostics.map(({ lines, generatedFile }) => ({ text: lines.join("\n"), generatedFile }));
}
