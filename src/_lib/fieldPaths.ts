/** Path segments that could reach an object's prototype machinery; rejected in every field path. */
export const forbiddenSegments: ReadonlySet<string> = /* @__PURE__ */ new Set(["__proto__", "prototype", "constructor"]);

/** Splits a dot path into its segments (`"behavior.totalSpend"` → `["behavior", "totalSpend"]`). */
export function splitPath(path: string): ReadonlyArray<string> {
  return path.split(".");
}

/** Why a field path is invalid, or `undefined` when it is fine. */
export function pathProblem(path: string): { code: "invalid_path" | "forbidden_path"; message: string } | undefined {
  if (path.length === 0) return { code: "invalid_path", message: "a field path must not be empty" };
  const segments = path.split(".");
  for (const segment of segments) {
    if (segment.length === 0) return { code: "invalid_path", message: `field path "${path}" has an empty segment` };
    if (forbiddenSegments.has(segment)) {
      return { code: "forbidden_path", message: `field path "${path}" has the forbidden segment "${segment}"` };
    }
  }
  return undefined;
}
