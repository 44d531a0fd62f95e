#!/usr/bin/env node
// `egov-score --version` and `egov-score [command] --help` (into a pipe) are answered here, from
// dist/fast.json (written by the build from the CLI itself), without loading the CLI. This file
// is CommonJS (bin/package.json says so): Node starts a CommonJS script faster than an ES module,
// so these answers come about as fast as `node -e ""`. Everything else, and help on a terminal
// (wrapped to its width by commander), goes to the CLI, an ES module.
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
}
else import("../dist/cli.js");
