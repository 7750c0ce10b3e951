import type { Issue } from "./errors.js";

/** Longer keys are cut to this many characters (and "…") in a rendered path: untrusted keys can be any length. */
const maxKeyLength = 40;

/**
 * Renders an issue path like `rules[2].value` or `[2].rule.rules[0]` (the root is `(root)`). A key
 * longer than 40 characters is cut, so that an untrusted key cannot blow up an error message; the
 * issue's `path` itself keeps the whole key.
 */
export function formatIssuePath(path: ReadonlyArray<string | number>): string {
  let out = "";
  for (const key of path) {
    const text = typeof key === "string" && key.length > maxKeyLength ? `${key.slice(0, maxKeyLength)}…` : key;
    out += typeof text === "number" ? `[${text}]` : out === "" ? text : `.${text}`;
  }
  return out === "" ? "(root)" : out;
}

/**
 * The summary line of every `SegmentationError` subclass:
 * `"<function> found <n> issue(s): <first message> at <path>"`.
 */
export function issueSummary(functionName: string, issues: ReadonlyArray<Issue>): string {
  const count = issues.length;
  const first = issues[0];
  const where = first === undefined ? "" : `: ${first.message}${first.path.length > 0 ? ` at ${formatIssuePath(first.path)}` : ""}`;
  return `${functionName} found ${count} issue${count === 1 ? "" : "s"}${where}`;
}
