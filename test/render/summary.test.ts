// The Markdown job summary, read as a reviewer reads it: the whole text for a small result.
import { describe, expect, it } from "vitest";
import { diag } from "../../src/diag/diagnostic.ts";
import { belowThreshold } from "../../src/engine/gates.ts";
import { jobSummary, md } from "../../src/render/summary.ts";
import { scoreOf } from "../helpers/model.ts";

const CRITERIA = `id: t
title: { en: "Trial | index", vi: Chỉ số thử }
version: 1
levels:
  - { id: so, label: { en: Departments, vi: Sở } }
  - { id: xa, label: { en: Communes, vi: Xã } }
bands:
  list:
    - { id: good, label: { en: Good, vi: Tốt }, min: 80 }
    - { id: weak, label: { en: Weak, vi: Yếu }, min: 0 }
indicators:
  - { id: a, max: 50, rule: { type: ratio } }
  - { id: b, max: 50, rule: { type: ratio } }
`;
const UNITS = "code,name,level\nS1,Sở | Một,so\nS2,<b>Hai</b>,so\nS3,Sở Ba,so\nS4,Sở Bốn,so\nS5,Sở Năm,so\nS6,Sở Sáu,so\nX1,Xã 1,xa\n";
// percentages: S1 95, S2 80, S3 35 (b missing), S4 60, S5 25.5, S6 nothing sent, X1 90
const DATA = "code,a,b\nS1,100,90\nS2,80,80\nS3,70,\nS4,60,60\nS5,50,1\nX1,90,90\n";
const result = scoreOf(CRITERIA, DATA, UNITS);
const warning = diag("UNIT_NO_PARENT", "warning", { unit: "X1", level: "xa", expected: "huyen" }, { file: "data/xa.csv", line: 3, column: 1 });

describe("jobSummary", () => {
  it("rank: the gate, band counts per level, top and bottom units, the problems", () => {
    const text = jobSummary({ command: "rank", result, diagnostics: [warning], gate: { threshold: 70, below: belowThreshold(result, 70) }, top: 2 }, { lang: "en" });
    expect(text).toBe(`## egov-score rank: ❌ failed · Trial \\| index

❌ 3 ranked units are below 70% (\`--fail-under 70\`):

- \`so\` \`S4\` Sở Bốn: 60.00%
- \`so\` \`S3\` Sở Ba: 35.00%
- \`so\` \`S5\` Sở Năm: 25.50%

| Level | Units | Ranked | Not ranked | Good | Weak |
| --- | --: | --: | --: | --: | --: |
| Departments (\`so\`) | 6 | 5 | 1 | 2 | 3 |
| Communes (\`xa\`) | 1 | 1 | 0 | 1 | 0 |

### Departments (\`so\`)

**Top 2**

| Rank | Code | Unit | Score | Max | % | Band |
| --: | --- | --- | --: | --: | --: | --- |
| 1 | \`S1\` | Sở \\| Một | 95.00 | 100.00 | 95.00 | Good |
| 2 | \`S2\` | \\<b\\>Hai\\</b\\> | 80.00 | 100.00 | 80.00 | Good |

**Bottom 2**

| Rank | Code | Unit | Score | Max | % | Band |
| --: | --- | --- | --: | --: | --: | --- |
| 4\\* | \`S3\` | Sở Ba | 35.00 | 100.00 | 35.00 | Weak |
| 5 | \`S5\` | Sở Năm | 25.50 | 100.00 | 25.50 | Weak |

\\* incomplete

### Communes (\`xa\`)

**Ranking**

| Rank | Code | Unit | Score | Max | % | Band |
| --: | --- | --- | --: | --: | --: | --- |
| 1 | \`X1\` | Xã 1 | 90.00 | 100.00 | 90.00 | Good |

### Problems: 0 errors, 1 warning

- **warning** \`UNIT_NO_PARENT\` \`data/xa.csv:3:1\`: unit "X1" at level "xa" has no parent "huyen"

`);
  });

  it("validate in Vietnamese, --strict: what was checked, counts only, errors first", () => {
    const error = diag("VALUE_NOT_A_NUMBER", "error", { value: "abc", header: "a" }, { file: "data/so.csv", line: 4, column: 2 });
    const strictWarning = { ...warning, severity: "error" as const };
    const text = jobSummary({ command: "validate", result, diagnostics: [strictWarning, error], checked: { files: 3, units: 7 }, strict: true, top: 0 }, { lang: "vi" });
    expect(text).toBe(`## egov-score validate: ❌ không đạt · Chỉ số thử

(--strict: cảnh báo được tính là lỗi)

Đã kiểm tra 3 tệp, 7 đơn vị.

| Cấp | Số đơn vị | Xếp hạng | Không xếp hạng | Tốt | Yếu |
| --- | --: | --: | --: | --: | --: |
| Sở (\`so\`) | 6 | 5 | 1 | 2 | 3 |
| Xã (\`xa\`) | 1 | 1 | 0 | 1 | 0 |

### Vấn đề: 2 lỗi, 0 cảnh báo

- **lỗi** \`VALUE_NOT_A_NUMBER\` \`data/so.csv:4:2\`: "abc" ở cột "a" không phải số
- **lỗi** \`UNIT_NO_PARENT\` \`data/xa.csv:3:1\`: đơn vị "X1" cấp "xa" thiếu đơn vị cha cấp "huyen"

`);
  });

  it("a passing gate and no problems", () => {
    const text = jobSummary({ command: "rank", result, diagnostics: [], gate: { threshold: 20, below: belowThreshold(result, 20) }, top: 0 }, { lang: "en" });
    expect(text.split("\n").slice(0, 3)).toEqual(["## egov-score rank: ✅ passed · Trial \\| index", "", "✅ Every ranked unit is at 20% or above (`--fail-under 20`)."]);
    expect(text.endsWith("### Problems: 0 errors, 0 warnings\n\nNo problems found.\n\n")).toBe(true);
  });

  it("the incomplete mark is explained only when an incomplete unit is listed", () => {
    // top 1 and bottom 1 of the departments: S1 and S5; S3, the incomplete one, is not listed
    const text = jobSummary({ command: "rank", result, diagnostics: [], top: 1 }, { lang: "en" });
    expect(text).toContain("| 5 | `S5` |");
    expect(text).not.toContain("incomplete");
  });

  it("a command stopped by input errors, before any result", () => {
    const error = diag("FILE_NOT_FOUND", "error", { path: "units.csv" }, { file: "units.csv" });
    expect(jobSummary({ command: "rank", diagnostics: [error], failed: true }, { lang: "en" })).toBe(
      "## egov-score rank: ❌ stopped on errors\n\n### Problems: 1 error, 0 warnings\n\n- **error** `FILE_NOT_FOUND` `units.csv`: file not found: units.csv\n\n",
    );
  });

  it("lists 20 problems, then counts the rest", () => {
    const many = Array.from({ length: 23 }, (_, i) => diag("CSV_NO_ROWS", "warning", {}, { file: `data/f${String(i).padStart(2, "0")}.csv`, line: 1 }));
    const lines = jobSummary({ command: "validate", diagnostics: many }, { lang: "en" }).trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("- **warning**"))).toHaveLength(20);
    expect(lines.at(-1)).toBe("… and 3 more: run `egov-score validate` to see them all.");
  });

  it("md() leaves data inert: no control sequences, tags, links, cells or line breaks", () => {
    expect(md("\u001b[31mred\u001b[0m")).toBe("red");
    expect(md("a|b\nc")).toBe("a\\|b c");
    expect(md("[x](http://e) <img> *b* _i_ `c` & ~s~")).toBe("\\[x\\](http://e) \\<img\\> \\*b\\* \\_i\\_ \\`c\\` \\& \\~s\\~");
  });
});
