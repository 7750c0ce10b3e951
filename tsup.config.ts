import { defineConfig } from "tsup";

/** One entry per public subpath; see the `exports` map in package.json. */
export default defineConfig({
  entry: {
    index: "src/index.ts",
    schema: "src/schema/index.ts",
    rules: "src/rules/index.ts",
    segments: "src/segments/index.ts",
    sql: "src/sql/index.ts",
    scoring: "src/scoring/index.ts",
    cluster: "src/cluster/index.ts",
    metrics: "src/metrics/index.ts",
    clv: "src/clv/index.ts",
    fp: "src/fp/index.ts",
    node: "src/node/index.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  splitting: true,
  target: "es2022",
  platform: "neutral",
});
