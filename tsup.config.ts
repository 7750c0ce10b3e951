import { defineConfig } from "tsup";

/** zod's English messages, imported by src/schema/_lib/messages.ts. */
const zodEnglish = /^zod\/v4\/locales\/en\.js$/;

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
  noExternal: [/^@stdlib\//, zodEnglish],
  // @stdlib's gammaincinv logs through `debug` (MIT, with `ms`), which would read process.env.DEBUG or
  // localStorage on import: its calls become no-ops, so neither package is bundled.
  esbuildPlugins: [
    // zod's English messages are one file per format (`en.js` is ESM only): the CommonJS build
    // requires `en.cjs`, so it loads where `require` cannot load ES modules (Jest, Node without
    // require(esm), tsx's CommonJS loader). Left out of tsup's externals above to be resolved here.
    {
      name: "zod-english-per-format",
      setup(build) {
        // With splitting, tsup builds CommonJS as ESM and converts it afterwards: its format is in TSUP_FORMAT.
        const path = build.initialOptions.define?.["TSUP_FORMAT"] === '"cjs"' ? "zod/v4/locales/en.cjs" : "zod/v4/locales/en.js";
        build.onResolve({ filter: zodEnglish }, () => ({ path, external: true }));
      },
    },
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
