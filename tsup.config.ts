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
    // Internal entries, not in the exports map: each wrapper of the @stdlib special functions becomes
    // its own file, so the beta and gamma code stays apart from the normal and chi-square code and a
    // bundler drops what no used function needs.
    "_internal/normal": "src/metrics/_lib/normal.ts",
    "_internal/chiSquare": "src/metrics/_lib/chiSquare.ts",
    "_internal/beta": "src/metrics/_lib/beta.ts",
    "_internal/special": "src/clv/_lib/special.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  splitting: true,
  target: "es2022",
  platform: "neutral",
  // Keep `node:fs` as written in src/node (Deno and Bun resolve only the prefixed names).
  removeNodeProtocol: false,
  external: [/^node:/],
  // The @stdlib special functions (CommonJS, 226 packages of tiny modules, Apache-2.0 headers kept)
  // are bundled, so users install none of them (26 MB); they are devDependencies.
  noExternal: [/^@stdlib\//],
  // @stdlib's gammaincinv logs through `debug` (MIT, with `ms`), which would read process.env.DEBUG or
  // localStorage on import: its calls become no-ops, so neither package is bundled.
  esbuildPlugins: [
    {
      name: "debug-as-no-op",
      setup(build) {
        build.onResolve({ filter: /^debug$/ }, () => ({ path: "debug", namespace: "debug-as-no-op" }));
        build.onLoad({ filter: /.*/, namespace: "debug-as-no-op" }, () => ({
          contents: "module.exports = function createDebug() { return function debug() {}; };",
          loader: "js",
        }));
      },
    },
  ],
});
