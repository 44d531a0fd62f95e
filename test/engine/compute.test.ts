// Computed indicators in the engine: values worked out by hand from small assessments read by
// the real loader, what "not applicable", missing values and a division by zero become, and
// explain's account, step by step.
import { describe, expect, it } from "vitest";
import { explain, findUnit } from "../../src/engine/explain.ts";
import { score } from "../../src/engine/views.ts";
import { loadAssessment } from "../../src/load/assessment.ts";
import type { Result } from "../../src/model/result.ts";
import { folder } from "../helpers/exec.ts";

const CRITERIA = `id: t
title: T
version: 1
levels: [{ id: so }]
inputs:
  - { id: qua-han, unit: percent }
  - { id: khieu-nai, unit: percent }
  - { id: so-ngay }
  - { id: so-ho-so }
  - { id: dong-bo, unit: boolean }
indicators:
  - id: dung-han
    max: 10
    unit: percent
    value: "100 - (qua-han + khieu-nai)"
    rule: { type: ratio }
  - id: thoi-gian
    max: 5
    value: "so-ngay / so-ho-so"
    rule: { type: steps, steps: [{ atMost: 3, points: 5 }, { atMost: 5, points: 3 }] }
  - id: he-so
    max: 4
    unit: percent
    value: "dung-han * if(dong-bo, 1, 0.5)"
    rule: { type: ratio }
  - id: lon-nhat
    max: 1
    unit: boolean
    value: "max(qua-han, khieu-nai) <= 5"
    rule: { type: boolean }
  - id: trung-binh
    max: 2
    unit: number
    value: "mean(so-ngay, so-ho-so) - min(so-ngay, so-ho-so) + sum(1, 2) * 0"
    rule: { type: points }
    missing: exclude
`;

async function scored(csv: string): Promise<Result> {
  const dir = folder({ "egov-score.yaml": "criteria: c.yaml\ndata: [so.csv]\n", "c.yaml": CRITERIA, "so.csv": csv });
  const l = await loadAssessment(dir, {});
  expect(l.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  if (!l.criteria || !l.dataset) throw new Error("not loaded");
  return score(l.criteria, l.dataset);
}
const HEAD = "code,name,qua-han,khieu-nai,so-ngay,so-ho-so,dong-bo\n";
const unit = (r: Result, code: string) => r.levels[0]?.units.find((u) => u.code === code);
const points = (r: Result, code: string) => Object.fromEntries(Object.values(unit(r, code)?.nodes ?? {}).filter((n) => n.kind === "indicator").map((n) => [n.id, n.points]));

describe("computed indicators", () => {
  it("compute each unit's value from its inputs and other indicators' values", async () => {
    const r = await scored(`${HEAD}S1,A,3,2,300,120,có\nS2,B,10,5.5,3,2,không\n`);
    // S2: 100 - 15.5 = 84.5 → 8.45; 3 / 2 = 1.5 ≤ 3 → 5; 84.5 × 0.5 = 42.25% of 4 = 1.69;
    // max(10, 5.5) ≤ 5 → no; mean(3, 2) - min(3, 2) + 3 × 0 = 0.5 points.
    // S1: mean(300, 120) - 120 = 90 points, above the maximum of 2: an error, as typed in a file
    expect(points(r, "S2")).toEqual({ "dung-han": 8.45, "thoi-gian": 5, "he-so": 1.69, "lon-nhat": 0, "trung-binh": 0.5 });
    expect(r.diagnostics.map((d) => d.code)).toEqual(["VALUE_ABOVE_MAX"]);
    expect(r.diagnostics[0]?.args).toMatchObject({ unit: "S1", indicator: "trung-binh", value: 90, max: 2 });
  });

  it("not applicable when a name read is; missing (its policy) when a name read is missing", async () => {
    const r = await scored(`${HEAD}S1,A,-,2,3,2,có\nS2,B,,2,3,2,có\n`);
    const s1 = unit(r, "S1")?.nodes;
    expect([s1?.["dung-han"]?.applicable, s1?.["he-so"]?.applicable, s1?.["lon-nhat"]?.applicable]).toEqual([false, false, false]);
    const s2 = unit(r, "S2")?.nodes;
    expect([s2?.["dung-han"]?.missing, s2?.["dung-han"]?.points, s2?.["he-so"]?.missing]).toEqual(["zero", 0, "zero"]);
    expect(unit(r, "S2")?.status).toBe("incomplete");
    expect(unit(r, "S1")?.status).toBe("ranked");
  });

  it("a division by zero: a warning at the divisor's cell, and not applicable", async () => {
    const r = await scored(`${HEAD}S1,A,1,2,2,0,có\n`);
    expect(r.diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.line, column: d.column, ...d.args }))).toEqual([
      { code: "VALUE_DIVISION_BY_ZERO", severity: "warning", line: 2, column: 6, indicator: "thoi-gian", unit: "S1", divisor: "so-ho-so" },
    ]);
    expect(unit(r, "S1")?.nodes["thoi-gian"]?.applicable).toBe(false);
    // the other indicators read the same zero without dividing: mean(2, 0) - min(2, 0) = 1
    expect(unit(r, "S1")?.nodes["trung-binh"]?.points).toBe(1);
  });

  it("explain shows the expression, the figures read (with their cells) and each operation", async () => {
    const r = await scored(`${HEAD}S1,A,3,2,300,120,không\n`);
    const u = findUnit(r, "S1");
    if (u.kind !== "found") throw new Error("S1");
    const e = explain(r, u.unit);
    const byId = new Map(e.items.flatMap((i) => (i.kind === "indicator" ? [[i.id, i] as const] : [])));
    expect(byId.get("dung-han")?.formula).toEqual({
      text: "100 - (qua-han + khieu-nai)",
      value: 95,
      steps: [
        { kind: "read", text: "qua-han", value: "3", source: { file: expect.stringMatching(/so\.csv$/), line: 2, column: 3, header: "qua-han" } },
        { kind: "read", text: "khieu-nai", value: "2", source: { file: expect.stringMatching(/so\.csv$/), line: 2, column: 4, header: "khieu-nai" } },
        { kind: "compute", text: "3 + 2", value: "5" },
        { kind: "compute", text: "100 - 5", value: "95" },
      ],
    });
    expect(byId.get("he-so")?.formula?.steps.map((s) => `${s.text} = ${s.value}`)).toEqual(["dung-han = 95", "dong-bo = 0", "if(0, …) → else = 0.5", "95 * 0.5 = 47.5"]);
    expect(byId.get("lon-nhat")?.formula?.value).toBe(true);
  });
});
