// Applicability by unit attribute and units assessed and not ranked, in process: the fixture
// read by the loader and scored, and the small functions the loader shares.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { score } from "../../src/engine/views.ts";
import { loadAssessment } from "../../src/load/assessment.ts";
import { unrankedReason } from "../../src/load/data.ts";
import { attributeKey } from "../../src/model/yesno.ts";
import { ROOT } from "../helpers/exec.ts";

const l = await loadAssessment(path.join(ROOT, "test/fixtures/applies"), {});
if (!l.criteria || !l.dataset) throw new Error("not loaded");
const r = score(l.criteria, l.dataset);

describe("applies: where, and unranked:", () => {
  const unit = (code: string) => r.levels.flatMap((x) => x.units).find((u) => u.code === code);

  it("a node applies only to the units whose attributes match, inherited by its indicators", () => {
    expect(l.diagnostics.filter((d) => d.severity !== "note")).toEqual([]);
    expect(l.criteria?.indicators.map((i) => [i.id, i.where?.map((w) => `${w.attribute}: ${w.written}`) ?? []])).toEqual([
      ["may-tinh", []],
      ["dvc-toan-trinh", ["co-tthc: có"]],
      ["thanh-toan", ["co-tthc: có"]],
      ["csdl-chuyen-nganh", ["nhom: y-te | giao-duc"]],
    ]);
    expect([unit("S03")?.nodes["dich-vu-cong"]?.applicable, unit("S03")?.nodes["dvc-toan-trinh"]?.applicable, unit("S03")?.max]).toEqual([false, false, 10]);
    expect([unit("S02")?.nodes["csdl-chuyen-nganh"]?.applicable, unit("S04")?.nodes["csdl-chuyen-nganh"]?.applicable]).toEqual([true, false]);
  });

  it("assessed units are scored and banded, never ranked, with their reason", () => {
    expect([unit("S03")?.status, unit("S03")?.rank, unit("S03")?.band, unit("S03")?.reason]).toEqual(["assessed", null, "tot", "Cơ quan thường trực của Hội đồng đánh giá"]);
    expect([unit("S04")?.status, unit("S04")?.rank, unit("S04")?.reason]).toEqual(["ranked", 2, undefined]);
    expect(r.unranked).toBe(true);
  });

  it.each([
    ["a listed code, whatever the cell", { units: { " S1 ": "mới thành lập" } }, "S1", "không", "mới thành lập"],
    ["a filled cell: its text", { attribute: "x" }, "S1", "Đang sáp nhập", "Đang sáp nhập"],
    ["a plain yes: no reason", { attribute: "x" }, "S1", "x", ""],
    ["a no", { attribute: "x" }, "S1", "Không", undefined],
    ["an empty cell", { attribute: "x" }, "S1", " ", undefined],
    ["no cell", { attribute: "x" }, "S1", undefined, undefined],
  ])("unrankedReason: %s", (_name, u, code, cell, expected) => {
    expect(unrankedReason({ unranked: { units: {}, ...u } }, code, cell)).toBe(expected);
  });

  it("attributeKey: yes and no whatever the word, other text by case and Unicode form", () => {
    expect(new Set(["có", "x", "Yes", true, 1, "Có"].map(attributeKey)).size).toBe(1);
    expect(new Set(["không", "no", false, 0].map(attributeKey)).size).toBe(1);
    expect(attributeKey("Hoa\u0300")).toBe(attributeKey(" hoà "));
    expect(attributeKey("y-te")).not.toBe(attributeKey("giao-duc"));
  });
});
