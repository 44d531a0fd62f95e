// `egov-score audit` and `report --audit` from the built CLI, on the two samples.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { folder, run } from "../helpers/exec.ts";

const SECTIONS = [
  "### Availability and distribution",
  "### Outliers and winsorisation",
  "### Correlations with the pillar and the total",
  "### Collinear pairs",
  "### Consistency of each pillar",
  "### Importance against the nominal weight",
  "### Units with low availability",
];

describe("egov-score audit", () => {
  it("the Cà Mau sample: every measure for each of the three levels, on stdout only", () => {
    const r = run(["audit", "samples/ca-mau-2019", "-f", "md", "--lang", "en"]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    const headings = r.stdout.split("\n").filter((l) => l.startsWith("#"));
    expect(headings.filter((h) => h.startsWith("## "))).toEqual(["## Provincial departments (so) · 20 ranked units", "## District People's Committees (huyen) · 9 ranked units", "## Commune People's Committees (xa) · 100 ranked units"]);
    expect(headings.filter((h) => h.startsWith("### "))).toEqual([...SECTIONS, ...SECTIONS, ...SECTIONS]);
    // figures held to the reference in test/engine/audit-reference.test.ts, shown at three decimals
    expect(r.stdout).toContain("| su-co-attt | -3.000 | 9.000 | 1 | 973 | — | — | yes |");
    expect(r.stdout).toContain("| van-ban-dien-tu | ky-so | 0.947 | yes |");
  });

  it("the UN EGDI sample: one level, the three indices, the total as their pillar", () => {
    const r = run(["audit", "samples/un-egdi", "-f", "md"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("| E-Government Development Index (EGDI) | 3 | 12 | 0.983 | 98.5% |");
    expect(r.stdout).toContain("| osi | 33.3% | 33.7% | 1.012 |  |");
  });

  it("--level, --min-availability, and the formats from the -o extension", () => {
    const out = folder({});
    const lax = run(["audit", "samples/ca-mau-2019", "--level", "xa", "-f", "csv"]);
    const strict = run(["audit", "samples/ca-mau-2019", "--level", "xa", "-f", "csv", "--min-availability", "99.5"]);
    expect([lax.code, strict.code]).toEqual([0, 0]);
    const flags = (csv: string) => csv.trimEnd().split("\n").slice(1).filter((l) => l.split(",")[7] === "true").length;
    expect(lax.stdout.trimEnd().split("\n").slice(1).every((l) => l.startsWith("xa,"))).toBe(true);
    expect(flags(lax.stdout)).toBe(0);
    expect(flags(strict.stdout)).toBeGreaterThan(0);
    for (const ext of ["html", "json", "xlsx"]) expect(run(["audit", "samples/un-egdi", "-o", path.join(out, `a.${ext}`)]).code).toBe(0);
    expect(readFileSync(path.join(out, "a.html"), "utf8")).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="heatmap"');
    expect(JSON.parse(readFileSync(path.join(out, "a.json"), "utf8")).schemaVersion).toBe(1);
    expect(readFileSync(path.join(out, "a.xlsx")).subarray(0, 2).toString()).toBe("PK");
  });

  it("an unknown level or a bad threshold is a usage error", () => {
    expect(run(["audit", "samples/ca-mau-2019", "--level", "nope"]).code).toBe(2);
    const bad = run(["audit", "samples/ca-mau-2019", "--min-availability", "150"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("a percentage between 0 and 100 is expected");
  });
});

describe("report --audit", () => {
  it("adds the audit as the report's annex, in md and html", () => {
    const md = run(["report", "samples/ca-mau-2019", "--level", "huyen", "--audit", "--lang", "en"]);
    expect(md.code).toBe(0);
    const h2 = md.stdout.split("\n").filter((l) => l.startsWith("## "));
    expect(h2.at(-1)).toMatch(/^## Statistical audit of the criteria: /);
    expect(md.stdout).toContain("#### Consistency of each pillar");
    const out = folder({});
    expect(run(["report", "samples/un-egdi", "--audit", "-o", path.join(out, "r.html")]).code).toBe(0);
    const html = readFileSync(path.join(out, "r.html"), "utf8");
    expect(html).toContain('<section class="audit"><h2>');
    expect(html).toContain('class="importance"');
    expect(run(["report", "samples/un-egdi", "--audit", "-o", path.join(out, "r.xlsx")]).code).toBe(0);
    expect(run(["report", "samples/un-egdi"]).stdout).not.toContain("Statistical audit");
  });
});
