// The empty forms made from the criteria, read as the person who fills them in reads them.
import { describe, expect, it } from "vitest";
import { DEFAULT_COLUMNS } from "../../src/load/manifest.ts";
import { plainPalette } from "../../src/render/common.ts";
import { dataIndicators, levelFormModel, longTemplate, ratioValidation, templateCsv, unitFields, unitsTemplate, valueHint, valueValidation, wideTemplate } from "../../src/render/template.ts";
import { unitsOf } from "../helpers/dataset.ts";
import { criteriaFrom, load } from "../helpers/model.ts";

const C = criteriaFrom(`id: t
title: T
version: 1
levels:
  - { id: huyen, label: { vi: Huyện, en: District } }
  - { id: xa, label: { vi: Xã, en: Commune }, parent: huyen, peers: { by: attribute, attribute: type } }
indicators:
  - { id: a, label: { vi: Tỷ lệ A, en: Share A }, max: 5, rule: { type: target, target: 80 } }
  - { id: b, label: { vi: Có B, en: Has B }, max: 2, column: "Cột B", rule: { type: boolean } }
  - id: c
    label: { vi: Trưởng ban, en: Head }
    max: { huyen: 2, xa: 1.5 }
    rule: { type: categorical, categories: [{ value: chu-tich, share: 1 }, { value: khong, share: 0 }] }
  - { id: d, label: { vi: Sự cố, en: Incidents }, max: 2, levels: [xa], unit: number, rule: { type: steps, steps: [{ atMost: 0, points: 2 }, { atMost: 2, points: 1 }] } }
  - { id: e, label: { vi: Xã trực thuộc, en: Its communes }, max: 3, levels: [huyen], rule: { type: rollup, level: xa } }
bonus:
  max: 1
  indicators:
    - { id: f, label: { vi: Sáng kiến, en: Initiative }, max: 1, rule: { type: boolean } }
`);

describe("templates from the criteria", () => {
  it("the registry asks for code, name, level, parent and the peer-group attribute", () => {
    expect(unitFields(C)).toEqual(["code", "name", "level", "parent", "type"]);
    expect(unitsTemplate(C)).toBe("code,name,level,parent,type\n");
  });

  it("a wide file per level: the unit fields, then the indicators that apply and read data", () => {
    expect(dataIndicators(C, "huyen").map((i) => i.id)).toEqual(["a", "b", "c", "f"]); // e is a roll-up: no data column
    expect(wideTemplate(C, "huyen")).toBe("code,name,level,a,Cột B,c,f\n");
    expect(wideTemplate(C, "xa", { delimiter: ";", decimal: ",", bom: true })).toBe("\ufeffcode;name;level;parent;a;Cột B;c;d;f\n");
    expect(longTemplate()).toBe("code,indicator,value,numerator,denominator,evidence\n");
  });

  it("hints say what to write, in the criteria's language or the one asked for", () => {
    const hint = (id: string, lang: "vi" | "en") => valueHint(C.indicators.find((i) => i.id === id)!, lang);
    expect(hint("a", "vi")).toBe("tỉ lệ %, từ 0 đến 100; hoặc điền tử số và mẫu số; chỉ tiêu 80");
    expect(hint("a", "en")).toBe("percent, 0 to 100; or fill in the numerator and the denominator; target 80");
    expect(hint("c", "en")).toBe("one of: chu-tich, khong");
    expect(hint("d", "en")).toBe("a number; steps ≤0→2 ≤2→1");
    expect(hint("f", "vi")).toBe("có/không; điểm thưởng");
  });

  it("one unit's long-form file: prefilled rows, empty cells to fill, Excel conventions when asked", () => {
    const form = { criteria: C, unit: { code: "X1", name: "Xã Một", level: "xa", parent: "H1" }, columns: DEFAULT_COLUMNS };
    expect(templateCsv(form, { lang: "en", palette: plainPalette, csv: { delimiter: ";", decimal: ",", bom: true } })).toBe(
      [
        "\ufeffcode;name;level;parent;indicator;label;hint;max;value;numerator;denominator;evidence",
        'X1;Xã Một;xa;H1;a;Share A;"percent, 0 to 100; or fill in the numerator and the denominator; target 80";5;;;;',
        "X1;Xã Một;xa;H1;b;Has B;yes/no (có/không);2;;;;",
        "X1;Xã Một;xa;H1;c;Head;one of: chu-tich, khong;1,5;;;;",
        'X1;Xã Một;xa;H1;d;Incidents;"a number; steps ≤0→2 ≤2→1";2;;;;',
        'X1;Xã Một;xa;H1;f;Initiative;"yes/no (có/không); bonus";1;;;;',
        "",
      ].join("\n"),
    );
  });

  it("the filled form reads back as long-form data of the unit", () => {
    const form = { criteria: C, unit: { code: "X1", name: "Xã Một", level: "xa", parent: "H1" }, columns: DEFAULT_COLUMNS };
    const blank = templateCsv(form, { lang: "vi", palette: plainPalette }).trimEnd().split("\n");
    const values: Record<string, string> = { a: "72", b: "có", c: "chu-tich", d: "1", f: "không" };
    // the value is the 9th column; a real person types it into the empty cell
    const filled = [blank[0], ...blank.slice(1).map((l) => {
      const id = l.split(",")[4] as string;
      return l.replace(/,,,,$/, `,${values[id]},,,QĐ 12/2024`);
    })].join("\n");
    const r = load(C, filled, "code,name,level,parent,type\nH1,Huyện Một,huyen,,huyen\nX1,Xã Một,xa,H1,xa\n");
    // (the district, listed, sent no form: its level is named, nothing else)
    expect(r.diagnostics.map((d) => [d.code, d.args.level])).toEqual([["DATA_LEVEL_NOT_SENT", "huyen"]]);
    const x1 = unitsOf(C, r.dataset).find((u) => u.code === "X1")!;
    expect(Object.fromEntries([...x1.cells].map(([k, c]) => [k, c.kind === "na" ? "na" : c.value]))).toEqual({ a: 72, b: true, c: "chu-tich", d: 1, f: false });
  });

  it("what a value cell accepts: the yes/no words of the language, the categories, the unit's range; counts are whole", () => {
    const ind = (id: string) => C.indicators.find((i) => i.id === id)!;
    expect(valueValidation(ind("a"), "vi", "xa")).toEqual({ type: "decimal", min: 0, max: 100 });
    expect(valueValidation(ind("b"), "vi", "xa")).toEqual({ type: "list", values: ["có", "không"] });
    expect(valueValidation(ind("b"), "en", "xa")).toEqual({ type: "list", values: ["yes", "no"] });
    expect(valueValidation(ind("c"), "en", "xa")).toEqual({ type: "list", values: ["chu-tich", "khong"] });
    // incidents: steps at whole thresholds
    expect(valueValidation(ind("d"), "en", "xa")).toEqual({ type: "whole", min: 0 });
    // a numerator and a denominator: counts for a percentage, nothing for a yes/no or a category
    expect(ratioValidation(ind("a"))).toEqual({ type: "whole", min: 0 });
    expect(ratioValidation(ind("b"))).toBeUndefined();
    expect(ratioValidation(ind("c"))).toBeUndefined();
    expect(ratioValidation(ind("d"))).toEqual({ type: "decimal", min: 0 });
  });

  it("a whole level's form: the wide header with an evidence column per indicator, a row per unit; as CSV too", () => {
    const form = { criteria: C, level: "xa", units: [{ code: "X1", name: "Xã Một", parent: "H1" }, { code: "X2", name: "Xã Hai", parent: "H1" }], columns: DEFAULT_COLUMNS };
    expect(templateCsv(form, { lang: "en", palette: plainPalette })).toBe(
      ["code,name,level,parent,a,a.evidence,Cột B,Cột B.evidence,c,c.evidence,d,d.evidence,f,f.evidence", "X1,Xã Một,xa,H1,,,,,,,,,,", "X2,Xã Hai,xa,H1,,,,,,,,,,", ""].join("\n"),
    );
    const m = levelFormModel(form, "en");
    expect(m.describe.map((d) => d.caption)).toEqual(["Indicator", "What to write", "Maximum"]);
    expect(m.describe[2]!.cells).toEqual([null, null, null, null, 5, null, 2, null, 1.5, null, 2, null, 1, null]);
    expect(m.columns.map((c) => c.input)).toEqual([false, false, false, false, true, true, true, true, true, true, true, true, true, true]);
    expect(m.blankRows).toBe(0);
    // without units (init --xlsx): the unit fields are open, and so are empty rows
    const empty = levelFormModel({ ...form, units: [] }, "en");
    expect([empty.columns[0]!.input, empty.blankRows > 0]).toEqual([true, true]);
  });
});
