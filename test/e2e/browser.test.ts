// The HTML report in a real browser: headless Chromium (the Debian package, installed by .ci/run)
// loads the Cà Mau report with no console error and no request beyond the file itself, draws
// every chart at a non-zero size, and prints it to a PDF with a page per level at least. The
// hostile report runs no script. Skipped, with a message, only where Chromium is not installed;
// in CI (CI=true) a missing Chromium fails the test instead.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { folder, run } from "../helpers/exec.ts";

const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

function findChromium(): string | undefined {
  for (const c of [process.env.CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (c && existsSync(c)) return c;
  try {
    return execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const CHROMIUM = findChromium();
const CI = process.env.CI === "true" || process.env.CI === "1";
if (!CHROMIUM && !CI) console.warn("browser.test.ts: skipped: no Chromium found (apt-get install chromium, or set CHROMIUM=/path); .ci/run installs it");

it.runIf(!CHROMIUM && CI)("CI has Chromium (.ci/run installs the Debian package)", () => {
  expect(CHROMIUM, "Chromium is missing in CI: .ci/run must install it").toBeDefined();
});

interface Visit {
  page: Page;
  consoleErrors: string[];
  failed: string[];
  blocked: string[];
  requests: string[];
  dialogs: string[];
}

describe.runIf(CHROMIUM !== undefined)("the HTML report in headless Chromium", () => {
  let context: BrowserContext;
  let profile = "";

  beforeAll(async () => {
    profile = mkdtempSync(path.join(tmpdir(), "egov-score-chromium-"));
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM as string, headless: true, args: FLAGS, viewport: { width: 1200, height: 900 } });
    // Anything but the report file itself is recorded and refused: the report must need nothing else.
    await context.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function visit(args: string[]): Promise<Visit> {
    const file = path.join(folder({}), "report.html");
    const r = run(["report", ...args, "-o", file]);
    expect(r.code, r.stderr).toBe(0);
    const page = await context.newPage();
    const v: Visit = { page, consoleErrors: [], failed: [], blocked: [], requests: [], dialogs: [] };
    page.on("console", (m) => {
      if (m.type() === "error") v.consoleErrors.push(m.text());
    });
    page.on("pageerror", (e) => v.consoleErrors.push(String(e)));
    page.on("request", (q) => v.requests.push(q.url()));
    page.on("requestfailed", (q) => v.failed.push(q.url()));
    page.on("dialog", async (d) => {
      v.dialogs.push(d.message());
      await d.dismiss();
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    return v;
  }

  it("loads with no console error and no request but the file", async () => {
    const v = await visit(["samples/ca-mau-2019"]);
    expect(v.consoleErrors).toEqual([]);
    expect(v.failed).toEqual([]);
    expect(v.requests).toHaveLength(1);
    expect(v.requests[0]).toMatch(/^file:.*report\.html$/);

    // every chart is drawn at a non-zero size, and so is every bar of the ranking charts
    const sizes = await v.page.$$eval("svg.chart", (els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.width, r.height]));
    expect(sizes).toHaveLength(9 + 20 + 9 + 100);
    for (const [w, h] of sizes) {
      expect(w).toBeGreaterThan(0);
      expect(h).toBeGreaterThan(0);
    }
    const bars = await v.page.$$eval("figure.wide svg.chart rect", (els) => els.map((e) => e.getBoundingClientRect().width));
    expect(bars).toHaveLength(20 + 9 + 100);
    expect(Math.min(...bars)).toBeGreaterThan(0);
    expect(await v.page.locator("svg.chart line.threshold").count()).toBe(12);

    // printed: A4, a page break before every level after the first
    await v.page.emulateMedia({ media: "print" });
    const breaks = await v.page.evaluate("[...document.querySelectorAll('section.level')].map((e) => getComputedStyle(e).breakBefore)");
    expect(breaks).toEqual(["auto", "page", "page"]);
    const pdf = await v.page.pdf({ format: "A4", printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(50_000);
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(3);
    await v.page.close();
  }, 60_000);

  // A4 at 96 px per inch is 794 px wide; the pages print with 12 mm margins: 703 px of content.
  const PAGES: [string, string[]][] = [
    ["report", ["report", "samples/ca-mau-2019"]],
    ["compare", ["compare", "samples/ca-mau-2019-self", "samples/ca-mau-2019", "--labels", "Tự đánh giá,Thẩm định", "--verification"]],
    ["sensitivity", ["sensitivity", "samples/ca-mau-2019", "--runs", "100"]],
  ];
  it.each(PAGES)("the %s page fits a 1,280 px screen and an A4 page: no element wider than its page", async (name, args) => {
    const file = path.join(folder({}), `${name}.html`);
    const r = run([...args, "-o", file]);
    expect(r.code, r.stderr).toBe(0);
    const page = await context.newPage();
    // (a string: the test is type-checked without the DOM's types)
    const overflowing = (width: number): Promise<string[]> =>
      page.evaluate(`[...document.querySelectorAll("body *")].filter((e) => !e.closest("svg *") && e.getBoundingClientRect().right > ${width} + 0.5).map((e) => e.tagName.toLowerCase() + "." + e.className)`);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(pathToFileURL(file).href, { waitUntil: "load" });
    expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(1280);
    expect(await overflowing(1280)).toEqual([]);
    await page.emulateMedia({ media: "print" });
    await page.setViewportSize({ width: 703, height: 1000 });
    expect(await overflowing(703)).toEqual([]);
    const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect((pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(1);
    await page.close();
  }, 60_000);

  it("the hostile report shows its names as text and runs nothing", async () => {
    const v = await visit(["test/fixtures/hostile"]);
    expect(v.dialogs).toEqual([]);
    expect(v.consoleErrors).toEqual([]);
    expect(v.requests).toHaveLength(1);
    expect(await v.page.locator("script, img, iframe").count()).toBe(0);
    expect(await v.page.getByText("<script>alert(1)</script>", { exact: true }).count()).toBeGreaterThan(0);
    expect(await v.page.title()).toContain("<script>alert('title')</script>");
    await v.page.close();
  }, 60_000);
});
