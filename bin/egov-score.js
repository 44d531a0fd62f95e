#!/usr/bin/env node
// `egov-score --version` and `egov-score [command] --help` (into a pipe) are answered here, from
// dist/fast.json (written by the build from the CLI itself), without loading the CLI. This file
// is CommonJS (bin/package.json says so): Node starts a CommonJS script faster than an ES module,
// so these answers come about as fast as `node -e ""`. Everything else, and help on a terminal
// (wrapped to its width by commander), goes to the CLI: dist/cli.js, one CommonJS file, compiled
// here with V8's code cache (below).
"use strict";
const args = process.argv.slice(2);
const isHelp = (a) => a === "--help" || a === "-h";
const isVersion = args.length === 1 && (args[0] === "--version" || args[0] === "-V");
// In an assessment's folder the help follows its criteria's language (src/cli/lang.ts): the CLI answers.
const inAssessment = () => {
  const { statSync } = require("node:fs");
  const path = require("node:path");
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    try {
      if (statSync(path.join(dir, "egov-score.yaml")).isFile()) return true;
    } catch {
      // none here: go up
    }
    if (path.dirname(dir) === dir) return false;
  }
};
const isFastHelp = ((args.length === 1 && isHelp(args[0])) || (args.length === 2 && isHelp(args[1]))) && !process.stdout.isTTY && !inAssessment();
let text;
if (isVersion || isFastHelp) {
  try {
    const fast = JSON.parse(require("node:fs").readFileSync(require("node:path").join(__dirname, "../dist/fast.json"), "utf8"));
    // help in Vietnamese under a Vietnamese locale, as src/cli/lang.ts decides
    const locale = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || "";
    const help = /^vi([_.@-]|$)/i.test(locale) ? fast.helpVi : fast.help;
    text = isVersion ? `${fast.version}\n` : help[args.length === 1 ? "" : args[0]];
  } catch {
    // no dist/fast.json (a build in progress): the CLI answers
  }
}
if (typeof text === "string") {
  process.stdout.on("error", (e) => process.exit(e.code === "EPIPE" ? 0 : 1));
  process.stdout.write(text);
} else runCli();

/**
 * The user's cache folder for egov-score, or undefined when caching is off (EGOV_SCORE_CACHE=0)
 * or there is no home to put it in. The same rules as src/load/cache.ts `cacheDir`.
 */
function cacheDir() {
  const env = process.env;
  if (env.EGOV_SCORE_CACHE === "0") return undefined;
  const path = require("node:path");
  if (process.platform === "win32" && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, "egov-score");
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, "egov-score");
  const home = env.HOME || env.USERPROFILE;
  return home ? path.join(home, ".cache", "egov-score") : undefined;
}

/**
 * Runs dist/cli.js, compiled with V8's code cache when there is one for this build of the CLI,
 * this Node (version and architecture) and this command: V8 then skips parsing and compiling every
 * function that an earlier run compiled. The first run of a command that succeeds writes its cache
 * as it exits, with every function it ran; one per command, since a cache is never written again
 * once it is taken: a first `--help` would otherwise leave `rank` compiling its own functions at
 * every run.
 * V8 checks the cache against its own version, flags and the source's length, and rejects it
 * when they differ (then it is written again); the build's id in its name guards the rest. A
 * missing, unreadable, stale or corrupt cache is never an error: the CLI compiles as usual.
 */
function runCli() {
  const fs = require("node:fs");
  const path = require("node:path");
  const vm = require("node:vm");
  const { createRequire, wrap } = require("node:module");
  const file = path.join(__dirname, "../dist/cli.js");
  // ASCII only (the build makes it so): read as Latin-1, much faster than UTF-8 (see scripts/build.mjs)
  const source = fs.readFileSync(file, "latin1");
  let cacheFile;
  let cachedData;
  let id;
  let built = false;
  try {
    const dir = cacheDir();
    id = dir && fs.readFileSync(path.join(__dirname, "../dist/build-id"), "utf8").trim();
    if (id) {
      const command = args.find((a) => !a.startsWith("-")) ?? "";
      const name = `cli-${id}-${process.version}-${process.arch}-${/^[a-z][a-z-]{0,19}$/.test(command) ? command : "other"}.v8`;
      cacheFile = path.join(dir, "code", name);
      try {
        cachedData = fs.readFileSync(cacheFile);
      } catch {
        // none of the user's yet: the one the build made (dist/compiled/code/, for `rank`), on the
        // same Node only (the name says which); the user's own is written at exit all the same
        cachedData = fs.readFileSync(path.join(__dirname, "../dist/compiled/code", name));
        built = true;
      }
    }
  } catch {
    // no build id, or no cache yet: compile, and write one at exit when there is a place for it
  }
  // V8 checks a code cache's checksum only when asked (else a damaged one can crash it); the flag
  // is also part of the cache's own check, so every run sets it, the one that writes it as well.
  require("node:v8").setFlagsFromString("--verify-snapshot-checksum");
  const script = new vm.Script(wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  // written after a run that did its work (exit 0, or 1 for "issues found"): a first run stopped by
  // an error (a mistyped folder) would leave a cache without the command's functions, for good
  if (cacheFile && (!cachedData || script.cachedDataRejected || built)) process.once("exit", (code) => code <= 1 && writeCodeCache(script, cacheFile, id));
  const mod = { exports: {}, filename: file, id: file, loaded: false };
  script.runInThisContext().call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
}

/** Writes the code cache atomically (a temporary file renamed), and removes those of other builds. */
function writeCodeCache(script, cacheFile, id) {
  const fs = require("node:fs");
  const path = require("node:path");
  try {
    const dir = path.dirname(cacheFile);
    fs.mkdirSync(dir, { recursive: true });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, script.createCachedData());
    fs.renameSync(tmp, cacheFile);
    for (const f of fs.readdirSync(dir)) if (f.startsWith("cli-") && f.endsWith(".v8") && !f.startsWith(`cli-${id}-`) && f.includes(process.version)) fs.rmSync(path.join(dir, f), { force: true });
  } catch {
    // a read-only or full disk: the next run compiles again
  }
}
