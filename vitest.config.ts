import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    // `npm test` runs with --coverage. Only the engine and the loaders are measured: the CLI and
    // the renderers are exercised mostly by end-to-end tests in child processes, which v8 does
    // not see. Each folder must keep 90% of its branches, or the run fails. The entry of the
    // large-input loader's worker threads (src/load/rows/worker.ts) is left out: it runs only in
    // worker threads, which v8 coverage does not see (what it calls, rows.ts, is measured through
    // the main-thread reader).
    coverage: {
      provider: "v8",
      include: ["src/engine/**", "src/load/**"],
      exclude: ["src/load/rows/worker.ts"],
      reporter: ["text-summary", ["json-summary", { file: "coverage-summary.json" }], "html"],
      reportsDirectory: "coverage",
      thresholds: {
        "src/engine/**": { branches: 90 },
        "src/load/**": { branches: 90 },
      },
    },
  },
});
