// Bundles the CLI into dist/: dist/cli.js, one CommonJS file that bin/egov-score.js compiles with
// a V8 code cache (see there); each command's modules still run only when the command does (see
// below). The dependencies are bundled too: resolving and compiling some two hundred ESM and
// CommonJS files of zod, yaml and commander one by one cost a plain `rank` about 80 ms at every
// start. exceljs as well, into dist/excel.js, which only xlsx output requires: so the installed
// package needs no dependency at all, and its tarball (`npm run pack`) installs on a machine
// without the npm registry.
//
// Then dist/build-id (the key of the caches), dist/compiled/ (the shipped criteria sets, checked
// and resolved: src/load/cache.ts; and the code cache of `rank`: bin/egov-score.js), and
// dist/fast.json: the version and the --help texts as commander prints them when stdout is not a
// terminal, captured from the built CLI itself.
// bin/egov-score.js answers `--version` and `--help` from it without loading the CLI (see there).
import { build } from "esbuild";
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const dist = new URL("../dist/", import.meta.url);

rmSync(dist, { recursive: true, force: true });
// One CommonJS file per entry, not ES modules: bin/egov-score.js compiles dist/cli.js with
// vm.Script and a V8 code cache (see there), which Node 20 offers for scripts only. esbuild turns
// each `await import("./commands/x.ts")` into a call of that module's initialiser, so a command's
// module (and zod, yaml, csv-parse in it) still runs only when that command runs; V8 compiles a
// function only when it is first called, and the code cache keeps it compiled for the next run.
const common = {
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  // import() of a built-in or of dist/excel.js becomes require(): vm.Script has no import()
  supported: { "dynamic-import": false },
  // shipped.ts and the sensitivity runner find files beside the bundle from import.meta.url
  define: { __VERSION__: JSON.stringify(version), "import.meta.url": "__egovImportMetaUrl" },
  banner: { js: 'var __egovImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  sourcemap: true,
  logLevel: "warning",
};
// exceljs (2.4 MB) stays out of the CLI's file, in dist/excel.js, required only by xlsx output:
// the code cache and every start would otherwise carry it.
const excelApart = {
  name: "excel-apart",
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, () => ({ path: "./excel.js", external: true }));
  },
};
// node:crypto and node:child_process (with net, dgram and streams) are required when a module of
// the bundle is initialised (commander for its external commands, output.ts for a temporary
// name, the GitLab report for fingerprints), though few runs call them: they are loaded at the
// first use of one of their functions instead, through a stand-in whose prototype loads them.
// node:worker_threads too: the loader (load/rows/read.ts) imports it for its workers, which a province
// never starts.
const lazyBuiltins = {
  name: "lazy-builtins",
  setup(b) {
    const filter = /^(node:)?(crypto|child_process|worker_threads)$/;
    b.onResolve({ filter }, (a) => (a.namespace === "lazy-builtin" ? { path: a.path, external: true } : { path: a.path, namespace: "lazy-builtin" }));
    b.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, (a) => ({
      contents: `let m;\nmodule.exports = Object.create(new Proxy({}, { get: (_, k) => (m ??= require(${JSON.stringify(a.path)}))[k] }));\n`,
      loader: "js",
    }));
  },
};
// Modules of our own whose top level does real work (the zod schema of the criteria format: 4 ms)
// and whose importers use them only inside functions: an importer gets a stand-in, as for the
// built-ins above, and the module runs at the first use of one of its exports (a cache miss), not
// when the CLI starts. Type-only imports vanish in the bundle anyway.
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const LAZY_MODULES = ["src/model/criteria-schema.ts", "src/model/manifest-schema.ts"];
const lazyModules = {
  name: "lazy-modules",
  setup(b) {
    const filter = new RegExp(`(${LAZY_MODULES.map((f) => path.basename(f).replace(/\./g, "\\.")).join("|")})$`);
    b.onResolve({ filter }, async (a) => {
      if (a.namespace === "lazy-module" || a.pluginData === "lazy") return undefined;
      const r = await b.resolve(a.path, { kind: a.kind, importer: a.importer, resolveDir: a.resolveDir, pluginData: "lazy" });
      const rel = path.relative(ROOT, r.path).split(path.sep).join("/");
      return LAZY_MODULES.includes(rel) ? { path: rel, namespace: "lazy-module" } : r;
    });
    b.onLoad({ filter: /.*/, namespace: "lazy-module" }, (a) => ({
      contents: `let m;\nmodule.exports = Object.create(new Proxy({}, { get: (_, k) => (m ??= require(${JSON.stringify(`./${path.posix.basename(a.path)}`)}))[k] }));\n`,
      resolveDir: path.join(ROOT, path.dirname(a.path)),
      loader: "js",
    }));
  },
};
// chalk works out at import what colours the terminal supports (loading node:tty and node:os: 5 ms);
// the CLI never asks it (src/cli/color.ts gives every Chalk its level), so chalk gets no answer.
const chalkNoDetect = {
  name: "chalk-no-detect",
  setup(b) {
    b.onResolve({ filter: /^#supports-color$/ }, () => ({ path: "supports-color", namespace: "chalk-no-detect" }));
    b.onLoad({ filter: /.*/, namespace: "chalk-no-detect" }, () => ({ contents: "export default { stdout: false, stderr: false };\n", loader: "js" }));
  },
};
// fdir (under tinyglobby) requires picomatch from the disk at import, outside the bundle, for a
// glob option that tinyglobby never uses (it passes its own matchers): 5 ms at every start where a
// node_modules is near, and a different bundle behaviour where none is. The bundle leaves it out.
const fdirNoPicomatch = {
  name: "fdir-no-picomatch",
  setup(b) {
    b.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, (a) => {
      const text = readFileSync(a.path, "utf8");
      const out = text.replace(/__require\.resolve\("picomatch"\);\s*pm = __require\("picomatch"\);/, "");
      if (out === text) throw new Error("fdir-no-picomatch: fdir's picomatch require not found (fdir changed?)");
      return { contents: out, loader: "js" };
    });
  },
};
await Promise.all([
  build({ ...common, entryPoints: { cli: "src/cli/main.ts" }, outdir: "dist", plugins: [excelApart, lazyBuiltins, lazyModules, chalkNoDetect, fdirNoPicomatch] }),
  // the entries of the worker threads, found beside the running bundle: the sensitivity worker
  // (src/cli/sensitivity-runner.ts) and the loader of large inputs (src/load/rows/read.ts)
  build({ ...common, entryPoints: { "sensitivity-worker": "src/cli/sensitivity-worker.ts", worker: "src/load/rows/worker.ts" }, outdir: "dist" }),
  build({ ...common, stdin: { contents: 'module.exports = require("exceljs");', resolveDir: fileURLToPath(new URL("..", import.meta.url)) }, outfile: "dist/excel.js", sourcemap: false }),
]);
// dist/cli.js in ASCII only: bin/egov-score.js reads it as Latin-1, four times faster than UTF-8
// for its 1.6 MB, and V8 keeps it as a one-byte string. esbuild leaves a few non-ASCII characters
// (in regular expressions such as the Vietnamese letters, and in comments); each becomes its
// \uXXXX escape, which means the same in a string, a template, a regular expression or a comment.
const cliFile = new URL("cli.js", dist);
const cliText = readFileSync(cliFile, "utf8");
if (/\\[^\x00-\x7f]|[\u{10000}-\u{10ffff}]/u.test(cliText)) throw new Error("build: dist/cli.js has an escaped or astral non-ASCII character: escape it by hand");
const cliAscii = cliText.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
writeFileSync(cliFile, cliAscii);
// The package is "type": "module"; these files are CommonJS.
writeFileSync(new URL("package.json", dist), '{ "type": "commonjs" }\n');
// The build's identity: the hash of the CLI's bundle. The code cache of bin/egov-score.js and the
// cache of compiled criteria (src/load/cache.ts) are keyed by it, so that a rebuilt CLI, even of
// the same version, never reads what an older build wrote.
writeFileSync(new URL("build-id", dist), `${createHash("sha256").update(cliAscii).digest("hex").slice(0, 16)}\n`);

// The help texts, exactly as the built CLI prints them into a pipe, in English and in Vietnamese
// (the language of a Vietnamese locale: src/cli/lang.ts).
const run = promisify(execFile);
const cli = cliFile.pathname;
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
// The shipped criteria sets, compiled: the cache entries (src/load/cache.ts) that checking each
// one with the built CLI writes, kept in dist/compiled/ where the CLI looks after the user's cache.
const scratch = mkdtempSync(path.join(tmpdir(), "egov-score-build-"));
try {
  const sets = readdirSync(new URL("../criteria/", import.meta.url)).filter((f) => f.endsWith(".yaml"));
  for (const f of sets) await run(process.execPath, [cli, "criteria", fileURLToPath(new URL(`../criteria/${f}`, import.meta.url))], { env: { ...process.env, EGOV_SCORE_CACHE: "1", XDG_CACHE_HOME: scratch } });
  cpSync(path.join(scratch, "egov-score", "criteria"), fileURLToPath(new URL("compiled/criteria", dist)), { recursive: true });
  // The code cache of `rank`, the command most runs are, as a first run writes it (bin/egov-score.js):
  // a first run on the same Node (version and architecture: its name says which) starts from it,
  // and writes the user's own. 1 MB; any other Node rejects it and compiles as without.
  await run(process.execPath, [fileURLToPath(new URL("../bin/egov-score.js", import.meta.url)), "rank", fileURLToPath(new URL("../samples/ca-mau-2019", import.meta.url)), "-f", "csv"], { env: { ...process.env, EGOV_SCORE_CACHE: "1", XDG_CACHE_HOME: scratch, NO_COLOR: "1" } });
  cpSync(path.join(scratch, "egov-score", "code"), fileURLToPath(new URL("compiled/code", dist)), { recursive: true });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

writeFileSync(new URL("fast.json", dist), `${JSON.stringify({ version, help: helps.en, helpVi: helps.vi })}\n`);
