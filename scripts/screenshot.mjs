#!/usr/bin/env node
// Renders an HTML page of an assessment (the report, the comparison of the self-assessment with
// its verification, or the sensitivity analysis) and takes a PNG screenshot of it in headless
// Chromium at 1,280 px, so that a person can look at the page without opening a browser.
//
//   node scripts/screenshot.mjs [dir] [out.png] [--page report|compare|sensitivity] [--height PX] [--full] [--lang vi|en] [--pdf out.pdf]
//   node scripts/screenshot.mjs --all        the three pages of the Cà Mau sample, into docs/
//
// Defaults: samples/ca-mau-2019, the report, docs/<page>-ca-mau-2019.png, the first 2400 px.
// Needs the build (npm run build) and Chromium (Debian: apt-get install chromium; or set CHROMIUM).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const full = args.includes("--full") && args.splice(args.indexOf("--full"), 1).length > 0;
const height = Number(flag("--height") ?? 2400);
const lang = flag("--lang");
const pdf = flag("--pdf");
const all = args.includes("--all") && args.splice(args.indexOf("--all"), 1).length > 0;
const only = flag("--page") ?? "report";
const dir = args[0] ?? "samples/ca-mau-2019";
const outArg = args[1];

// The command that writes each page; compare sets the sample's self-assessment against it.
const PAGES = {
  report: (d) => ["report", d],
  compare: (d) => ["compare", "samples/ca-mau-2019-self", d, "--labels", "Tự đánh giá,Thẩm định", "--verification"],
  sensitivity: (d) => ["sensitivity", d, "--runs", "300"],
};

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function chromiumPath() {
  const candidates = [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
  return candidates.find((c) => existsSync(c));
}

const exe = chromiumPath();
if (!exe) {
  console.error("screenshot: Chromium not found; install it (apt-get install chromium) or set CHROMIUM=/path/to/chromium");
  process.exit(2);
}

const work = mkdtempSync(path.join(tmpdir(), "egov-score-shot-"));
const context = await chromium.launchPersistentContext(path.join(work, "profile"), { executablePath: exe, headless: true, args: CHROMIUM_FLAGS, viewport: { width: 1280, height } });
try {
  for (const name of all ? Object.keys(PAGES) : [only]) {
    if (!PAGES[name]) throw new Error(`--page: one of ${Object.keys(PAGES).join(", ")}`);
    const out = path.resolve(!all && outArg ? outArg : path.join(ROOT, `docs/${name}-ca-mau-2019.png`));
    const html = path.join(work, `${name}.html`);
    const r = spawnSync(process.execPath, [path.join(ROOT, "bin/egov-score.js"), ...PAGES[name](dir), "-o", html, ...(lang ? ["--lang", lang] : [])], { cwd: ROOT, encoding: "utf8" });
    if (r.status !== 0) {
      console.error(r.stderr);
      process.exit(r.status ?? 1);
    }
    const page = await context.newPage();
    await page.goto(pathToFileURL(html).href, { waitUntil: "load" });
    await page.screenshot({ path: out, fullPage: full });
    if (pdf && !all) await page.pdf({ path: path.resolve(pdf), format: "A4", printBackground: true });
    console.error(`screenshot: ${path.relative(process.cwd(), out)}${pdf && !all ? `, ${pdf}` : ""}`);
    await page.close();
  }
} finally {
  await context.close();
  rmSync(work, { recursive: true, force: true });
}
