import { playwright } from "@vitest/browser-playwright";
import { readFileSync } from "node:fs";
import { defineConfig } from "vitest/config";

/**
 * Three projects (see CONTRIBUTING.md):
 * - `node`: unit, property and documentation-example tests (`*.test.ts`);
 * - `browser`: the same library code in headless Debian Chromium (`*.browser.test.ts`);
 * - `db`: PostgreSQL (a throwaway cluster started by `test/setup/postgres.ts`) and DuckDB (`*.db.test.ts`).
 */
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
];

// The package has no runtime dependencies today (the @stdlib functions are bundled from devDependencies).
const stdlibPackages = Object.keys(
  (JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")) as { dependencies?: Record<string, string> }).dependencies ?? {},
).filter((name) => name.startsWith("@stdlib/"));

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          environment: "node",
          setupFiles: ["test/setup/fastCheck.ts"],
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.browser.test.ts", "test/**/*.db.test.ts", "**/node_modules/**"],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "db",
          environment: "node",
          setupFiles: ["test/setup/fastCheck.ts"],
          include: ["test/**/*.db.test.ts"],
          globalSetup: ["test/setup/postgres.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        // The @stdlib special functions are CommonJS: let Vite pre-bundle them for the browser.
        optimizeDeps: { include: stdlibPackages },
        test: {
          name: "browser",
          include: ["test/**/*.browser.test.ts"],
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
            }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
    ],
  },
});
