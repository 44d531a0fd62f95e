// Bundles the CLI into dist/. Commands are separate chunks (code splitting), so `--help` and
// `--version` load neither zod, yaml nor csv-parse. The dependencies are bundled too:
// resolving and compiling some two hundred ESM and CommonJS files of zod, yaml and commander one
// by one cost a plain `rank` about 80 ms at every start. exceljs as well, into a chunk of its own
// that only xlsx output imports: so the installed package needs no dependency at all, and its
// tarball (`npm run pack`) installs on a machine without the npm registry.
//
// Then dist/fast.json: the version and the --help texts as commander prints them when stdout is
// not a terminal, captured from the built CLI itself. bin/egov-score.js answers `--version` and
// `--help` from it without loading the CLI (see there).
import { build } from "esbuild";
import { execFile } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { promisify } from "node:util";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const dist = new URL("../dist/", import.meta.url);

rmSync(dist, { recursive: true, force: true });
await build({
  // Entries of their own, found beside the running bundle: the sensitivity worker
  // (src/cli/sensitivity-runner.ts) and the worker threads of the loader of large inputs
  // (src/load/large/read.ts).
  entryPoints: { cli: "src/cli/main.ts", "sensitivity-worker": "src/cli/sensitivity-worker.ts", worker: "src/load/large/worker.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Bundled CommonJS (yaml, commander, cli-table3) requires Node's built-ins.
  banner: { js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);' },
  sourcemap: true,
  chunkNames: "chunks/[name]-[hash]",
  define: { __VERSION__: JSON.stringify(version) },
  logLevel: "warning",
});

// The help texts, exactly as the built CLI prints them into a pipe, in English and in Vietnamese
// (the language of a Vietnamese locale: src/cli/lang.ts).
const run = promisify(execFile);
const cli = new URL("cli.js", dist).pathname;
const locales = { en: "C", vi: "vi_VN.UTF-8" };
const helpOf = async (args, lang) => (await run(process.execPath, [cli, ...args], { env: { ...process.env, NO_COLOR: "1", LC_ALL: "", LC_MESSAGES: "", LANG: locales[lang] } })).stdout;
const helps = {};
for (const lang of Object.keys(locales)) {
  const top = await helpOf(["--help"], lang);
  const commands = [...(top.split(/\n(?:Commands|Lệnh):\n/)[1] ?? "").matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]).filter((c) => c !== "help");
  const help = { "": top };
  await Promise.all(commands.map(async (c) => (help[c] = await helpOf([c, "--help"], lang))));
  helps[lang] = help;
}
writeFileSync(new URL("fast.json", dist), `${JSON.stringify({ version, help: helps.en, helpVi: helps.vi })}\n`);
