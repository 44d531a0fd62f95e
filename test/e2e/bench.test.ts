// The benchmark's generator (bench/generate.mjs), at a tiny size: deterministic, valid, and
// shaped as the national and stress cases are (63 provinces; departments, districts, communes).
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INDICATORS, generate, layout } from "../../bench/generate.mjs";
import { run } from "../helpers/exec.ts";

const dir = () => mkdtempSync(path.join(tmpdir(), "egov-score-bench-"));

describe("bench/generate.mjs", () => {
  it("writes the same bytes for the same seed, other bytes for another", () => {
    const [a, b, c] = [dir(), dir(), dir()];
    generate(a, 200, 7);
    generate(b, 200, 7);
    generate(c, 200, 8);
    for (const f of ["criteria.yaml", "egov-score.yaml", "data.csv"]) expect(readFileSync(path.join(b, f))).toEqual(readFileSync(path.join(a, f)));
    expect(readFileSync(path.join(c, "data.csv"))).not.toEqual(readFileSync(path.join(a, "data.csv")));
  });

  it("makes an assessment that ranks: every unit, three levels, 40 indicators and a roll-up", () => {
    const d = dir();
    const bytes = generate(d, 700, 1);
    expect(bytes).toBe(readFileSync(path.join(d, "data.csv")).length);
    const { so, huyen, xa } = layout(700);
    expect(so + huyen + xa).toBe(700);
    expect(huyen).toBeGreaterThanOrEqual(63);
    const r = run(["rank", d, "-f", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const rows = r.stdout.trimEnd().split("\n");
    expect(rows).toHaveLength(701);
    expect(new Set(rows.slice(1).map((l) => l.split(",")[0]))).toEqual(new Set(["so", "huyen", "xa"]));
    expect(rows[0]).toBe("level,rank,code,name,parent,score,max,percent,band,band_label,status,g1,g2,g3,g4,g5,g6,g7");
    const criteria = run(["criteria", d, "-f", "json"]);
    expect(criteria.code).toBe(0);
    expect((criteria.stdout.match(/"rule":/g) ?? []).length).toBeGreaterThanOrEqual(INDICATORS);
  });

  it("the submissions shape: 40 scores with two decimals, Vietnamese names, empty and N/A cells; it ranks", () => {
    const [a, b] = [dir(), dir()];
    generate(a, 700, 3, "submissions");
    generate(b, 700, 3, "submissions");
    expect(readFileSync(path.join(b, "data.csv"))).toEqual(readFileSync(path.join(a, "data.csv")));
    const lines = readFileSync(path.join(a, "data.csv"), "utf8").trimEnd().split("\n");
    expect(lines[0]).toBe(["code", "name", "level", "parent", "province", ...Array.from({ length: INDICATORS }, (_, i) => `i${String(i + 1).padStart(2, "0")}`)].join(","));
    const cells = lines.slice(1).flatMap((l) => l.split(",").slice(5));
    const decimals = cells.filter((c) => /^\d+\.\d\d$/.test(c)).length;
    expect(decimals / cells.length).toBeGreaterThan(0.9);
    expect(cells.filter((c) => c === "N/A").length).toBeGreaterThan(0);
    expect(cells.filter((c) => c === "").length).toBeGreaterThan(0);
    expect(lines.some((l) => l.includes(",Xã Số 17,"))).toBe(true);
    const r = run(["rank", a, "-f", "csv"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const rows = r.stdout.trimEnd().split("\n");
    expect(rows).toHaveLength(701);
    expect(rows[0]).toBe("level,rank,code,name,parent,score,max,percent,band,band_label,status,g1,g2,g3,g4,g5");
  });
});
