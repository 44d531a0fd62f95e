// The manifest and its flags, on real temporary folders: every key, the flags that override it,
// the periods of a series, finding the manifest upward, and the position of every problem.
import { realpathSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_COLUMNS, findManifest, loadManifest, MANIFEST_NAME } from "../../src/load/manifest.ts";
import { DEFAULT_LIMITS } from "../../src/load/limits.ts";
import { folder } from "../helpers/exec.ts";

// Temporary folders may sit behind a symbolic link (macOS /var → /private/var): compare real paths.
const tmp = (files: Record<string, string | Uint8Array>): string => realpathSync(folder(files));

const startedIn = process.cwd();
afterEach(() => process.chdir(startedIn));

const codes = (ds: { code: string; line?: number; column?: number; severity: string }[]) => ds.map((d) => ({ code: d.code, severity: d.severity, line: d.line, column: d.column }));

describe("loadManifest: the keys of egov-score.yaml", () => {
  it("reads every key, with paths relative to the manifest and where each data entry is written", () => {
    const dir = tmp({
      [MANIFEST_NAME]: [
        "criteria: crit/c.yaml",
        "units: units.csv",
        "data:",
        "  - data/a.csv",
        "  - data/*.csv",
        "period: 2019",
        "input:",
        "  encoding: windows-1258",
        '  delimiter: ";"',
        '  decimal: ","',
        "columns:",
        "  code: ma",
        "  name: ten",
        "  attributes: [vung, loai]",
        "map:",
        "  osi: Online Service Index",
        "ignore: [ghi_chu]",
        "",
      ].join("\n"),
    });
    const m = loadManifest(dir, {});
    expect(m.diagnostics).toEqual([]);
    const file = path.join(dir, MANIFEST_NAME);
    expect(m.assessment).toEqual({
      manifest: file,
      criteria: path.join(dir, "crit/c.yaml"),
      units: path.join(dir, "units.csv"),
      data: ["data/a.csv", "data/*.csv"],
      dataChoice: [undefined, undefined],
      dataAt: [
        { file, line: 4, column: 5 },
        { file, line: 5, column: 5 },
      ],
      dataBase: dir,
      period: "2019",
      encoding: "windows-1258",
      delimiter: ";",
      decimal: ",",
      columns: { ...DEFAULT_COLUMNS, code: "ma", name: "ten", attributes: ["vung", "loai"] },
      // where the unit columns the manifest names are written (checked against the files' headers)
      columnsAt: { code: { file, line: 12, column: 9 }, name: { file, line: 13, column: 9 } },
      map: { osi: "Online Service Index" },
      ignore: ["ghi_chu"],
      limits: DEFAULT_LIMITS,
    });
  });

  it("takes data: as one text, located at its value", () => {
    const dir = tmp({ [MANIFEST_NAME]: "criteria: c.yaml\ndata:   d.csv\n" });
    const a = loadManifest(dir, {}).assessment;
    expect(a?.data).toEqual(["d.csv"]);
    expect(a?.dataAt).toEqual([{ file: path.join(dir, MANIFEST_NAME), line: 2, column: 9 }]);
    // Without input:, columns:, map: or ignore:, the defaults hold.
    expect([a?.encoding, a?.delimiter, a?.decimal, a?.columns, a?.map, a?.ignore]).toEqual(["auto", "auto", ".", DEFAULT_COLUMNS, {}, []]);
    expect(a?.period).toBeUndefined();
  });

  it("reads a manifest named directly, under any .yaml or .yml name", () => {
    const dir = tmp({ "series.yml": "criteria: c.yaml\ndata: [d.csv]\n", [MANIFEST_NAME]: "criteria: other.yaml\ndata: [o.csv]\n" });
    const m = loadManifest(path.join(dir, "series.yml"), {});
    expect(m.assessment?.manifest).toBe(path.join(dir, "series.yml"));
    expect(m.assessment?.criteria).toBe(path.join(dir, "c.yaml"));
  });

  it("an empty manifest names neither criteria nor data: both are reported against it", () => {
    const dir = tmp({ [MANIFEST_NAME]: "# nothing yet\n" });
    const m = loadManifest(dir, {});
    expect(m.diagnostics.map((d) => [d.code, d.file])).toEqual([
      ["NO_CRITERIA", path.join(dir, MANIFEST_NAME)],
      ["NO_DATA", path.join(dir, MANIFEST_NAME)],
    ]);
    expect(m.assessment?.manifest).toBe(path.join(dir, MANIFEST_NAME));
  });
});

describe("loadManifest: flags override the manifest", () => {
  it("--criteria, --units and --data are relative to the working folder; the input flags win over input:", () => {
    const dir = tmp({ [MANIFEST_NAME]: "criteria: c.yaml\nunits: u.csv\ndata: [d.csv]\nperiod: '2019'\ninput: { encoding: utf-8, delimiter: ',', decimal: ',' }\n", "work/.keep": "" });
    process.chdir(path.join(dir, "work"));
    const m = loadManifest(dir, {
      criteria: "mine.yaml",
      units: "../my-units.csv",
      data: ["x.csv", "y/*.csv"],
      period: "2020",
      encoding: "utf-16le",
      delimiter: "\t",
      decimal: ".",
      limits: { maxDepth: 7 },
    });
    expect(m.diagnostics).toEqual([]);
    const a = m.assessment;
    expect(a).toMatchObject({
      manifest: path.join(dir, MANIFEST_NAME),
      criteria: path.join(dir, "work/mine.yaml"),
      units: path.join(dir, "my-units.csv"),
      data: ["x.csv", "y/*.csv"],
      // the flags' data entries are not in the manifest, and globs are relative to the working folder
      dataAt: [],
      dataBase: path.join(dir, "work"),
      period: "2020",
      encoding: "utf-16le",
      delimiter: "\t",
      decimal: ".",
      limits: { maxFileSize: DEFAULT_LIMITS.maxFileSize, maxDepth: 7 },
    });
  });

  it("each input flag overrides only its own entry", () => {
    const dir = tmp({ [MANIFEST_NAME]: "criteria: c.yaml\ndata: [d.csv]\ninput: { encoding: utf-8, delimiter: ';', decimal: ',' }\n" });
    expect(loadManifest(dir, { encoding: "windows-1258" }).assessment).toMatchObject({ encoding: "windows-1258", delimiter: ";", decimal: "," });
    expect(loadManifest(dir, { delimiter: "," }).assessment).toMatchObject({ encoding: "utf-8", delimiter: ",", decimal: "," });
    expect(loadManifest(dir, { decimal: "." }).assessment).toMatchObject({ encoding: "utf-8", delimiter: ";", decimal: "." });
  });

  it("--criteria and --data need no manifest at all", () => {
    const dir = tmp({ "c.yaml": "" });
    const m = loadManifest(dir, { criteria: "c.yaml", data: ["d.csv"] });
    expect(m.diagnostics).toEqual([]);
    expect(m.assessment?.manifest).toBeUndefined();
    expect(m.assessment?.data).toEqual(["d.csv"]);
  });

  it.each([
    ["only --criteria", { criteria: "c.yaml" }],
    ["only --data", { data: ["d.csv"] }],
    ["--criteria with an empty --data", { criteria: "c.yaml", data: [] }],
  ])("a folder without a manifest and %s: MANIFEST_NOT_FOUND, naming the folder only", (_name, o) => {
    const dir = tmp({ "other.txt": "" });
    const m = loadManifest(dir, o);
    expect(m.assessment).toBeUndefined();
    expect(m.diagnostics).toEqual([{ code: "MANIFEST_NOT_FOUND", severity: "error", args: { dir } }]);
  });

  it("a manifest that names neither, completed by flags: no problem", () => {
    const dir = tmp({ [MANIFEST_NAME]: "map: { a: A }\n" });
    const m = loadManifest(dir, { criteria: "c.yaml", data: ["d.csv"] });
    expect(m.diagnostics).toEqual([]);
    expect(m.assessment?.map).toEqual({ a: "A" });
  });
});

describe("loadManifest: finding the manifest from the working folder", () => {
  it("without a folder, the nearest manifest upward is used", () => {
    const dir = tmp({ [MANIFEST_NAME]: "criteria: c.yaml\ndata: [d.csv]\n", "a/b/.keep": "" });
    process.chdir(path.join(dir, "a/b"));
    const m = loadManifest(undefined, {});
    expect(m.assessment?.manifest).toBe(path.join(dir, MANIFEST_NAME));
    expect(m.assessment?.dataBase).toBe(dir);
  });

  it("with --criteria and --data, a manifest higher up is not used (one in the working folder is)", () => {
    const dir = tmp({ [MANIFEST_NAME]: "criteria: c.yaml\nunits: u.csv\ndata: [d.csv]\n", "a/.keep": "" });
    process.chdir(path.join(dir, "a"));
    const above = loadManifest(undefined, { criteria: "mine.yaml", data: ["mine.csv"] });
    expect(above.assessment?.manifest).toBeUndefined();
    expect(above.assessment?.units).toBeUndefined();
    process.chdir(dir);
    const here = loadManifest(undefined, { criteria: "mine.yaml", data: ["mine.csv"] });
    expect(here.assessment?.manifest).toBe(path.join(dir, MANIFEST_NAME));
    expect(here.assessment?.units).toBe(path.join(dir, "u.csv"));
  });

  it("without a folder and without a manifest anywhere above: MANIFEST_NOT_FOUND says it looked above", () => {
    const dir = tmp({ "a/.keep": "" });
    // Only meaningful where no folder above the temporary one holds a manifest.
    if (findManifest(dir) !== undefined) return;
    process.chdir(path.join(dir, "a"));
    expect(loadManifest(undefined, {}).diagnostics).toEqual([{ code: "MANIFEST_NOT_FOUND", severity: "error", args: { dir: path.join(dir, "a"), above: "yes" } }]);
  });

  it("findManifest stops at the first folder upward holding one, and ignores a folder of that name", () => {
    const dir = tmp({ [MANIFEST_NAME]: "", "a/b/c/.keep": "", [`a/b/${MANIFEST_NAME}/.keep`]: "", [`x/${MANIFEST_NAME}`]: "" });
    expect(findManifest(path.join(dir, "a/b/c"))).toBe(path.join(dir, MANIFEST_NAME));
    expect(findManifest(path.join(dir, "x"))).toBe(path.join(dir, "x", MANIFEST_NAME));
    expect(findManifest(dir)).toBe(path.join(dir, MANIFEST_NAME));
  });
});

describe("loadManifest: problems in the manifest, with their positions", () => {
  it.each([
    ["an unknown root key, at the key", "criteria: c.yaml\ndata: [d.csv]\ndatta: [e.csv]\n", [{ code: "MANIFEST_UNKNOWN_KEY", severity: "error", line: 3, column: 1 }]],
    ["an unknown key under input, at the key", "criteria: c.yaml\ndata: [d.csv]\ninput:\n  encodng: utf-8\n", [{ code: "MANIFEST_UNKNOWN_KEY", severity: "error", line: 4, column: 3 }]],
    ["an unknown column, at the key", "criteria: c.yaml\ndata: [d.csv]\ncolumns: { code: ma, unit: x }\n", [{ code: "MANIFEST_UNKNOWN_KEY", severity: "error", line: 3, column: 22 }]],
    ["an encoding that does not exist, at its value", "criteria: c.yaml\ndata: [d.csv]\ninput:\n  encoding: latin1\n", [{ code: "SCHEMA_VALUE", severity: "error", line: 4, column: 13 }]],
    ["criteria given as a list, at its value", "criteria: [a.yaml, b.yaml]\ndata: [d.csv]\n", [{ code: "SCHEMA_TYPE", severity: "error", line: 1, column: 11 }]],
    ["data given as a number, at its value", "criteria: c.yaml\ndata: 5\n", [{ code: "SCHEMA_TYPE", severity: "error", line: 2, column: 7 }]],
    // (a mapping names a workbook's sheet: { file, sheet, header-row }; another key is unknown)
    ["a data entry that is a mapping with an unknown key, at the key", "criteria: c.yaml\ndata:\n  - d.csv\n  - { file: e.xlsx, sheets: A }\n", [{ code: "MANIFEST_UNKNOWN_KEY", severity: "error", line: 4, column: 21 }]],
    ["a data entry with a header-row that is no row number, at the entry", "criteria: c.yaml\ndata:\n  - { file: e.xlsx, header-row: 2.5 }\n", [{ code: "SCHEMA_TYPE", severity: "error", line: 3, column: 3 }]],
    ["a period entry without data, at the entry", "criteria: c.yaml\nperiods:\n  '2019': { units: u.csv }\n", [{ code: "SCHEMA_REQUIRED", severity: "error", line: 3, column: 11 }]],
    ["ignore given as one text, at its value", "criteria: c.yaml\ndata: [d.csv]\nignore: notes\n", [{ code: "SCHEMA_TYPE", severity: "error", line: 3, column: 9 }]],
    ["a manifest that is a list", "- criteria: c.yaml\n", [{ code: "SCHEMA_TYPE", severity: "error", line: 1, column: 1 }]],
    ["a YAML syntax error", "criteria: c.yaml\ndata: [d.csv\n", [{ code: "YAML_UNCLOSED", severity: "error", line: 2, column: 7 }]],
    ["a duplicate key", "criteria: c.yaml\ndata: [d.csv]\ncriteria: e.yaml\n", [{ code: "YAML_DUPLICATE_KEY", severity: "error", line: 3, column: 1 }]],
    ["a criteria file given as the manifest, at its first line", "id: t\ntitle: T\nlevels:\n  - id: u\n", [{ code: "MANIFEST_IS_CRITERIA", severity: "error", line: 1, column: 1 }]],
    // With criteria: beside it, levels: is just a key the manifest does not know.
    ["levels: beside criteria:", "criteria: c.yaml\ndata: [d.csv]\nlevels: []\n", [{ code: "MANIFEST_UNKNOWN_KEY", severity: "error", line: 3, column: 1 }]],
  ])("%s", (_name, yaml, expected) => {
    const dir = tmp({ [MANIFEST_NAME]: yaml });
    const m = loadManifest(dir, {});
    expect(codes(m.diagnostics)).toEqual(expected);
    expect(m.diagnostics.every((d) => d.file === path.join(dir, MANIFEST_NAME))).toBe(true);
    expect(m.assessment).toBeUndefined();
  });

  it("a manifest that is not UTF-8 is refused before YAML reads it", () => {
    const dir = tmp({ [MANIFEST_NAME]: Buffer.from([0x63, 0x3a, 0x20, 0xc3, 0x28, 0x0a]) /* c: \xc3( */ });
    expect(codes(loadManifest(dir, {}).diagnostics)).toEqual([{ code: "ENCODING_INVALID_UTF8", severity: "error", line: 1, column: undefined }]);
  });

  it("a folder named egov-score.yaml is not a manifest: FILE_IS_DIRECTORY", () => {
    const dir = tmp({ [`${MANIFEST_NAME}/.keep`]: "" });
    expect(loadManifest(dir, {}).diagnostics.map((d) => d.code)).toEqual(["FILE_IS_DIRECTORY"]);
  });

  it("a manifest over --max-file-size: FILE_TOO_LARGE with the size and the limit", () => {
    const dir = tmp({ [MANIFEST_NAME]: "criteria: c.yaml\ndata: [d.csv]\n" });
    const m = loadManifest(dir, { limits: { maxFileSize: 10 } });
    expect(m.diagnostics).toEqual([{ code: "FILE_TOO_LARGE", severity: "error", args: { size: 31, limit: 10 }, file: path.join(dir, MANIFEST_NAME) }]);
  });

  it("a manifest nested deeper than --max-depth: YAML_TOO_DEEP", () => {
    const dir = tmp({ [MANIFEST_NAME]: "criteria: c.yaml\ndata: [d.csv]\nmap: { a: [[[x]]] }\n" });
    expect(codes(loadManifest(dir, { limits: { maxDepth: 3 } }).diagnostics)).toEqual([{ code: "YAML_TOO_DEEP", severity: "error", line: 3, column: undefined }]);
  });
});

describe("loadManifest: periods of a series", () => {
  const SERIES = [
    "criteria: c.yaml",
    "units: units.csv",
    "periods:",
    '  "2019": ../y2019',
    '  "2020": { data: y2020/*.csv, units: y2020/units.csv }',
    '  "2021":',
    "    data:",
    "      - y2021/a.csv",
    "      - y2021/b.csv",
    "",
  ].join("\n");

  it("without --period or period:, the latest is chosen, with a warning listing them all", () => {
    const dir = tmp({ [MANIFEST_NAME]: SERIES });
    const m = loadManifest(dir, {});
    expect(m.diagnostics).toEqual([{ code: "PERIOD_LATEST", severity: "note", args: { count: 3, periods: "2019, 2020, 2021", period: "2021" } }]);
    const file = path.join(dir, MANIFEST_NAME);
    expect(m.assessment).toMatchObject({
      periods: ["2019", "2020", "2021"],
      period: "2021",
      data: ["y2021/a.csv", "y2021/b.csv"],
      dataAt: [
        { file, line: 8, column: 9 },
        { file, line: 9, column: 9 },
      ],
      // the series' units hold for a period that names none
      units: path.join(dir, "units.csv"),
    });
    expect(m.assessment?.delegate).toBeUndefined();
  });

  it("an entry with data: as one text and units: of its own", () => {
    const dir = tmp({ [MANIFEST_NAME]: SERIES });
    const m = loadManifest(dir, { period: "2020" });
    expect(m.diagnostics).toEqual([]);
    expect(m.assessment).toMatchObject({ period: "2020", data: ["y2020/*.csv"], dataAt: [{ file: path.join(dir, MANIFEST_NAME), line: 5, column: 19 }], units: path.join(dir, "y2020/units.csv") });
  });

  it("an entry naming a folder is delegated to it, without complaining of missing data", () => {
    const dir = tmp({ [MANIFEST_NAME]: SERIES.replace("criteria: c.yaml\n", "") });
    const m = loadManifest(dir, { period: "2019" });
    expect(m.diagnostics).toEqual([]);
    expect(m.assessment).toMatchObject({ period: "2019", delegate: path.resolve(dir, "../y2019"), data: [] });
  });

  it("the manifest's period: chooses, and --period overrides it", () => {
    const dir = tmp({ [MANIFEST_NAME]: `period: 2020\n${SERIES}` });
    expect(loadManifest(dir, {}).assessment?.period).toBe("2020");
    expect(loadManifest(dir, {}).diagnostics).toEqual([]);
    expect(loadManifest(dir, { period: "2021" }).assessment?.data).toEqual(["y2021/a.csv", "y2021/b.csv"]);
  });

  it("a single period is chosen without a warning", () => {
    const dir = tmp({ [MANIFEST_NAME]: "criteria: c.yaml\nperiods:\n  q1: { data: [q1.csv] }\n" });
    const m = loadManifest(dir, {});
    expect(m.diagnostics).toEqual([]);
    expect(m.assessment).toMatchObject({ period: "q1", periods: ["q1"], data: ["q1.csv"] });
  });

  it("periods are in natural order: 2019-2 before 2019-10", () => {
    const dir = tmp({ [MANIFEST_NAME]: "criteria: c.yaml\nperiods:\n  2019-10: { data: b.csv }\n  2019-2: { data: a.csv }\n" });
    const m = loadManifest(dir, {});
    expect(m.assessment?.periods).toEqual(["2019-2", "2019-10"]);
    expect(m.assessment?.period).toBe("2019-10");
  });

  it("a period that is not listed: PERIOD_NOT_FOUND at the periods: key, naming the known ones", () => {
    const dir = tmp({ [MANIFEST_NAME]: SERIES });
    const m = loadManifest(dir, { period: "2018" });
    expect(m.diagnostics).toEqual([{ code: "PERIOD_NOT_FOUND", severity: "error", args: { period: "2018", known: "2019, 2020, 2021" }, file: path.join(dir, MANIFEST_NAME), line: 3, column: 1 }]);
  });

  it("a period that is not listed, in a series of folders: only PERIOD_NOT_FOUND, not NO_CRITERIA or NO_DATA", () => {
    // The series names no criteria and no data of its own: its folders do. Blaming the manifest
    // for lacking them (as it did) sends the user to fix the wrong thing.
    const dir = tmp({ [MANIFEST_NAME]: 'periods:\n  "2019": ../y2019\n  "2020": ../y2020\n' });
    expect(loadManifest(dir, { period: "2018" }).diagnostics.map((d) => d.code)).toEqual(["PERIOD_NOT_FOUND"]);
  });

  it("data: beside periods: is an error at the data: key", () => {
    const dir = tmp({ [MANIFEST_NAME]: `${SERIES}data: [all.csv]\n` });
    const m = loadManifest(dir, { period: "2020" });
    expect(codes(m.diagnostics)).toEqual([{ code: "MANIFEST_DATA_AND_PERIODS", severity: "error", line: 10, column: 1 }]);
    // the period's own data are kept, not the series' data:
    expect(m.assessment?.data).toEqual(["y2020/*.csv"]);
  });

  it("an empty periods: mapping chooses nothing, and there is no data", () => {
    const dir = tmp({ [MANIFEST_NAME]: "criteria: c.yaml\nperiods: {}\n" });
    const m = loadManifest(dir, {});
    expect(m.diagnostics.map((d) => d.code)).toEqual(["NO_DATA"]);
    expect(m.assessment?.periods).toEqual([]);
    expect(m.assessment?.period).toBeUndefined();
  });

  it("--data replaces a period's data and is relative to the working folder", () => {
    const dir = tmp({ [MANIFEST_NAME]: SERIES, "w/.keep": "" });
    process.chdir(path.join(dir, "w"));
    const m = loadManifest(dir, { period: "2020", data: ["mine.csv"] });
    expect(m.assessment).toMatchObject({ period: "2020", data: ["mine.csv"], dataAt: [], dataBase: path.join(dir, "w"), units: path.join(dir, "y2020/units.csv") });
  });
});

describe("the working folder need not hold anything", () => {
  it("a folder argument that does not exist: MANIFEST_NOT_FOUND naming it", () => {
    const dir = tmp({});
    expect(loadManifest(path.join(dir, "nowhere"), {}).diagnostics.map((d) => [d.code, d.args.dir])).toEqual([["MANIFEST_NOT_FOUND", path.join(dir, "nowhere")]]);
  });
});
