// Bundles the CLI into dist/. Commands are separate chunks (code splitting), so
// `--help` and `--version` load neither zod, yaml nor csv-parse.
import { build } from "esbuild";
import { readFileSync, rmSync } from "node:fs";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
await build({
  // The sensitivity worker is an entry of its own, dist/sensitivity-worker.js, which
  // src/cli/sensitivity-runner.ts finds beside the running bundle.
  entryPoints: { cli: "src/cli/main.ts", "sensitivity-worker": "src/cli/sensitivity-worker.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  sourcemap: true,
  chunkNames: "chunks/[name]-[hash]",
  define: { __VERSION__: JSON.stringify(version) },
  logLevel: "warning",
});
