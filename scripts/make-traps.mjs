#!/usr/bin/env node
// Regenerates test/fixtures/traps/: the mistakes of people who fill in Excel files, one folder
// each, made from samples/ca-mau-2019. A folder holds its manifest, the files the mistake changed
// (the others are the sample's, named by the manifest) and trap.json: what the mistake is, and
// what `validate --strict` and `rank` must do about it (test/e2e/traps.test.ts checks it through
// the built binary, on both readers).
//
// trap.json:
//   mistake      what the user did, in their words
//   validate     exit: of `validate` (without --strict); strict: of `validate --strict`;
//                diagnostics: every problem `validate --strict -f json` reports, as
//                [code, file (relative to the trap's folder), line, column] (null: none);
//                message: a part of the first diagnostic's English message, where it matters
//   rank         "same": ranked as meant, the sample's ranking byte for byte;
//                "stops": exit 2, nothing on stdout;
//                "same-warns": the same ranking, and the first diagnostic's code on stderr;
//                "warns": ranked, with the first diagnostic's code on stderr (never in silence)
//
// Usage: node scripts/make-traps.mjs
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { windows1258 } from "./windows1258.mjs";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const SAMPLE = "samples/ca-mau-2019";
const OUT = join(repo, "test/fixtures/traps");
const UP = "../../../../";
const sample = (f) => readFileSync(join(repo, SAMPLE, f), "utf8");

// ---------------------------------------------------------------------------------------------
// Edits of a CSV text (the sample's data files have no quoted fields)

const lines = (text) => text.replace(/\n$/, "").split("\n");
const unlines = (ls) => `${ls.join("\n")}\n`;
const headerOf = (text) => lines(text)[0].split(",");

/** The text with the cell of `header` on line `line` (2: the first row) set to `value`. */
function setCell(text, line, header, value) {
  const ls = lines(text);
  const at = headerOf(text).indexOf(header);
  if (at < 0) throw new Error(`no column ${header}`);
  const row = ls[line - 1].split(",");
  row[at] = value;
  ls[line - 1] = row.join(",");
  return unlines(ls);
}
const cell = (text, line, header) => lines(text)[line - 1].split(",")[headerOf(text).indexOf(header)];
/** The field number (1-based) of a header. */
const col = (text, header) => headerOf(text).indexOf(header) + 1;
function dropColumn(text, header) {
  const at = headerOf(text).indexOf(header);
  return unlines(lines(text).map((l) => l.split(",").filter((_, i) => i !== at).join(",")));
}
function renameColumn(text, header, to) {
  const ls = lines(text);
  ls[0] = ls[0].split(",").map((h) => (h === header ? to : h)).join(",");
  return unlines(ls);
}
/** A column inserted after the code, valued per row by `value(code, line)`. */
function insertColumn(text, header, value) {
  return unlines(lines(text).map((l, i) => {
    const [code, ...rest] = l.split(",");
    return [code, i === 0 ? header : value(code, i + 1), ...rest].join(",");
  }));
}


/** A CSV text with `;` between fields (commas inside quotes stay) and decimal commas, as Excel on a Vietnamese Windows saves it. */
function excelVi(text) {
  let out = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    out += ch === "," && !quoted ? ";" : ch;
  }
  return out.replace(/(^|;)(-?\d+)\.(\d+)(?=;|\n)/gm, "$1$2,$3");
}

const utf16le = (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);

// ---------------------------------------------------------------------------------------------
// The traps

const so = sample("data/so.csv");
const huyen = sample("data/huyen.csv");
const xa = sample("data/xa.csv");
const units = sample("units.csv");

/**
 * id: the folder; files: the trap's own files (data/so.csv replaces the sample's); manifest: lines
 * added to it; unitsLocal: the registry is the trap's own units.csv; dataEntries: the manifest's
 * data entries instead of the default (the trap's data/*.csv, then the sample files it did not replace).
 */
const traps = [
  {
    id: "01-file-extension-upper-case",
    mistake: "data/huyen.csv saved on Windows as data/Huyen.CSV",
    files: { "data/Huyen.CSV": huyen },
    replaces: ["huyen.csv"],
    validate: { exit: 0, strict: 0, diagnostics: [] },
    rank: "same",
  },
  {
    id: "02-truncated-workbook",
    mistake: "huyen.xlsx copied into the data folder while Excel was still saving it: a truncated workbook",
    files: { "data/huyen.xlsx": Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]) },
    replaces: ["huyen.csv"],
    dataEntries: ["data/*"],
    validate: { exit: 2, strict: 2, diagnostics: [["WORKBOOK_UNREADABLE", "data/huyen.xlsx", null, null]] },
    rank: "stops",
  },
  {
    id: "03-note-in-data-folder",
    mistake: "a note to the department (ghi-chu.txt) left in the data folder",
    files: { "data/so.csv": so, "data/ghi-chu.txt": "Sở Nội vụ nộp bổ sung trước 15/11\n" },
    validate: { exit: 0, strict: 2, diagnostics: [["DATA_FILE_NOT_READ", "egov-score.yaml", 5, 5]], message: "ghi-chu.txt is in the data but is not a CSV file or a workbook" },
    rank: "warns",
  },
  {
    id: "04-column-deleted",
    mistake: "the ky-so column deleted from huyen.csv",
    files: { "data/huyen.csv": dropColumn(huyen, "ky-so") },
    validate: { exit: 0, strict: 2, diagnostics: [["DATA_COLUMN_ABSENT", "data/huyen.csv", 1, null]], message: 'no file of level "huyen" has the column "ky-so"' },
    rank: "warns",
  },
  {
    id: "05-column-renamed",
    mistake: "the header ky-so retyped as 'ky so dien tu' in so.csv",
    files: { "data/so.csv": renameColumn(so, "ky-so", "ky so dien tu") },
    validate: { exit: 0, strict: 2, diagnostics: [["CSV_UNKNOWN_COLUMN", "data/so.csv", 1, col(so, "ky-so")], ["DATA_COLUMN_ABSENT", "data/so.csv", 1, null]] },
    rank: "warns",
  },
  {
    id: "06-percent-as-fraction",
    mistake: "0.857 typed for 85.7% in the ky-so column, where the other rows hold percentages",
    files: { "data/so.csv": setCell(so, 2, "ky-so", "0.857") },
    validate: { exit: 0, strict: 2, diagnostics: [["VALUE_LOOKS_LIKE_FRACTION", "data/so.csv", 2, col(so, "ky-so")]] },
    rank: "warns",
  },
  {
    id: "07-points-above-maximum",
    mistake: "2.5 points typed for an initiative (sang-kien) whose maximum is 2",
    files: { "data/so.csv": setCell(so, 2, "sang-kien", "2.5") },
    validate: { exit: 2, strict: 2, diagnostics: [["VALUE_ABOVE_MAX", "data/so.csv", 2, col(so, "sang-kien")]] },
    rank: "stops",
  },
  {
    id: "08-row-named-for-another-unit",
    mistake: "a row copied from Sở Tư pháp (S03) into the row of S01: its name came with it",
    files: { "data/so.csv": insertColumn(so, "name", (code) => ({ S01: "Sở Tư pháp", S02: "Sở Nội vụ", S03: "SỞ TƯ PHÁP" })[code] ?? "") },
    validate: { exit: 0, strict: 2, diagnostics: [["DATA_UNIT_NAME_MISMATCH", "data/so.csv", 2, 2]], message: '"Sở Tư pháp" is the name of "S03"' },
    rank: "warns",
  },
  {
    id: "09-mistyped-code-with-name",
    mistake: "S03 typed as S30 in a row that names Sở Tư pháp",
    files: { "data/so.csv": insertColumn(so, "name", (code) => (code === "S03" ? "Sở Tư pháp" : "")).replace("\nS03,", "\nS30,") },
    validate: { exit: 2, strict: 2, diagnostics: [["DATA_UNKNOWN_UNIT", "data/so.csv", 4, 1]], message: 'did you mean "S03"?' },
    rank: "stops",
  },
  {
    id: "10-error-in-an-earlier-period",
    mistake: "a data file with a year column: 7.2x typed in 2018, the year before the latest",
    files: Object.fromEntries(
      [["so.csv", so], ["huyen.csv", huyen], ["xa.csv", xa]].map(([f, text]) => {
        const ls = lines(text);
        const rows = [`nam,${ls[0]}`, ...ls.slice(1).map((l, i) => `2018,${f === "so.csv" && i === 1 ? l.replace(/^(S02,(?:[^,]*,){5})[^,]*/, (_, head) => `${head}7.2x`) : l}`), ...ls.slice(1).map((l) => `2019,${l}`)];
        return [`data/${f}`, unlines(rows)];
      }),
    ),
    replaces: ["so.csv", "huyen.csv", "xa.csv"],
    manifest: ["columns:", "  period: nam"],
    noPeriod: true,
    validate: { exit: 2, strict: 2, diagnostics: [["VALUE_NOT_A_NUMBER", "data/so.csv", 3, col(so, "van-ban-dien-tu") + 1]], message: '"7.2x" in "van-ban-dien-tu" is not a number', period: "2018" },
    rank: "same",
  },
  {
    id: "11-period-column-named-wrong",
    mistake: "columns.period: Year in the manifest, where the files have no such column",
    files: { "data/so.csv": so },
    manifest: ["columns:", "  period: Year"],
    validate: { exit: 2, strict: 2, diagnostics: [["DATA_COLUMN_NOT_FOUND", "egov-score.yaml", 10, 11]], message: 'columns.period names the column "Year", which no file has' },
    rank: "stops",
  },
  {
    id: "12-bad-code-and-bad-value-in-one-row",
    mistake: "a mistyped code (S91) and 1.234,5 typed in the same row",
    files: { "data/so.csv": setCell(so, 2, "code", "S91").replace("\nS91,87,94,có,77,87,77.3,", '\nS91,87,94,có,77,87,"1.234,5",') },
    validate: { exit: 2, strict: 2, diagnostics: [["DATA_UNKNOWN_UNIT", "data/so.csv", 2, 1], ["VALUE_DECIMAL_COMMA", "data/so.csv", 2, col(so, "van-ban-dien-tu")]] },
    rank: "stops",
  },
  {
    id: "13-windows-1258-file",
    mistake: "a commune file saved by an older Excel in windows-1258 (the folder is UTF-8)",
    files: { "data/xa.csv": windows1258(xa) },
    validate: { exit: 0, strict: 0, diagnostics: [["ENCODING_WINDOWS_1258", "data/xa.csv", null, null]] },
    rank: "same",
  },
  {
    id: "14-windows-1258-file-declared-utf-8",
    mistake: "a windows-1258 file in a folder whose manifest says encoding: utf-8",
    files: { "data/xa.csv": windows1258(xa) },
    manifest: ["input:", "  encoding: utf-8"],
    validate: { exit: 0, strict: 2, diagnostics: [["ENCODING_WINDOWS_1258", "data/xa.csv", null, null]] },
    rank: "same",
  },
  {
    id: "15-utf-8-file-declared-windows-1258",
    mistake: "an agency's UTF-8 file in a folder whose manifest says encoding: windows-1258",
    files: { "data/so.csv": so, "data/huyen.csv": windows1258(huyen), "data/xa.csv": windows1258(xa) },
    unitsFile: { "units.csv": windows1258(units) },
    manifest: ["input:", "  encoding: windows-1258"],
    validate: { exit: 0, strict: 2, diagnostics: [["ENCODING_MISMATCH", "data/so.csv", null, null]] },
    rank: "same",
  },
  {
    id: "16-comma-file-in-semicolon-folder",
    mistake: "a commune's comma-separated file in a folder made by init --excel (';' and decimal commas)",
    files: {
      "data/so.csv": excelVi(so),
      "data/huyen.csv": excelVi(huyen),
      "data/xa.csv": xa,
    },
    unitsFile: { "units.csv": excelVi(units) },
    manifest: ["input:", '  delimiter: ";"', '  decimal: ","'],
    validate: { exit: 0, strict: 2, diagnostics: [["CSV_DELIMITER_MISMATCH", "data/xa.csv", 1, null]], message: "this file uses `,`; the manifest says `;`: read with `,`, and decimal points" },
    rank: "same-warns",
  },
  {
    id: "17-decimal-comma-in-dot-folder",
    mistake: '"77,3" typed with a decimal comma in a folder that writes 77.3',
    files: { "data/so.csv": setCell(so, 2, "van-ban-dien-tu", '"77,3"') },
    validate: { exit: 2, strict: 2, diagnostics: [["VALUE_DECIMAL_COMMA", "data/so.csv", 2, col(so, "van-ban-dien-tu")]] },
    rank: "stops",
  },
  {
    id: "18-percent-sign",
    mistake: "85.7% typed with its percent sign, as Excel shows it",
    files: { "data/so.csv": setCell(so, 2, "ky-so", `${cell(so, 2, "ky-so")}%`) },
    validate: { exit: 0, strict: 0, diagnostics: [] },
    rank: "same",
  },
  {
    id: "19-empty-rows-at-the-end",
    mistake: "rows of empty cells at the end of the sheet, exported as lines of commas",
    files: { "data/so.csv": `${so}${",".repeat(headerOf(so).length - 1)}\n${",".repeat(headerOf(so).length - 1)}\n` },
    validate: { exit: 0, strict: 0, diagnostics: [] },
    rank: "same",
  },
  {
    id: "20-yes-no-typo",
    mistake: "'rồi' typed in a yes/no column (mang-chuyen-dung)",
    files: { "data/so.csv": setCell(so, 2, "mang-chuyen-dung", "rồi") },
    validate: { exit: 2, strict: 2, diagnostics: [["VALUE_NOT_BOOLEAN", "data/so.csv", 2, col(so, "mang-chuyen-dung")]] },
    rank: "stops",
  },
  {
    id: "21-category-not-in-list",
    mistake: "giam-doc typed in truong-ban-chi-dao, whose categories are chu-tich, pho-chu-tich, khong",
    files: { "data/so.csv": setCell(so, 2, "truong-ban-chi-dao", "giam-doc") },
    validate: { exit: 2, strict: 2, diagnostics: [["VALUE_UNKNOWN_CATEGORY", "data/so.csv", 2, col(so, "truong-ban-chi-dao")]] },
    rank: "stops",
  },
  {
    id: "22-numerator-above-denominator",
    mistake: "the numerator and denominator of may-tinh swapped",
    files: { "data/so.csv": setCell(setCell(so, 2, "may-tinh.num", "94"), 2, "may-tinh.den", "87") },
    validate: { exit: 2, strict: 2, diagnostics: [["VALUE_NUM_ABOVE_DEN", "data/so.csv", 2, col(so, "may-tinh.num")]] },
    rank: "stops",
  },
  {
    id: "23-half-a-ratio",
    mistake: "the denominator of may-tinh left empty",
    files: { "data/so.csv": setCell(so, 2, "may-tinh.den", "") },
    validate: { exit: 2, strict: 2, diagnostics: [["VALUE_HALF_RATIO", "data/so.csv", 2, col(so, "may-tinh.den")]] },
    rank: "stops",
  },
  {
    id: "24-negative-count",
    mistake: "-1 typed for a count of security incidents",
    files: { "data/so.csv": setCell(so, 2, "su-co-attt", "-1") },
    validate: { exit: 2, strict: 2, diagnostics: [["VALUE_NEGATIVE", "data/so.csv", 2, col(so, "su-co-attt")]] },
    rank: "stops",
  },
  {
    id: "25-row-pasted-twice",
    mistake: "the row of S02 pasted twice in so.csv",
    files: { "data/so.csv": unlines([...lines(so), lines(so)[2]]) },
    validate: { exit: 2, strict: 2, diagnostics: [["DATA_DUPLICATE_UNIT", "data/so.csv", lines(so).length + 1, 1]] },
    rank: "stops",
  },
  {
    id: "26-unit-in-two-files",
    mistake: "a department's row (S05) pasted into huyen.csv as well",
    files: { "data/so.csv": so, "data/huyen.csv": unlines([...lines(huyen), `S05,${lines(huyen)[1].split(",").slice(1).join(",")}`]) },
    validate: { exit: 2, strict: 2, diagnostics: { codes: ["DATA_DUPLICATE_VALUE", "DATA_NOT_APPLICABLE_LEVEL"], first: ["DATA_NOT_APPLICABLE_LEVEL", "data/huyen.csv", 11, col(huyen, "cat-giam-thoi-gian")] } },
    rank: "stops",
  },
  {
    id: "27-empty-code",
    mistake: "a row whose code cell was left empty",
    files: { "data/so.csv": setCell(so, 3, "code", "") },
    validate: { exit: 2, strict: 2, diagnostics: [["DATA_NO_CODE", "data/so.csv", 3, 1]] },
    rank: "stops",
  },
  {
    id: "28-header-repeated",
    mistake: "two exports pasted one under the other: the header line repeated in the middle",
    files: { "data/so.csv": unlines([...lines(so).slice(0, 11), lines(so)[0], ...lines(so).slice(11)]) },
    validate: { exit: 0, strict: 2, diagnostics: [["CSV_REPEATED_HEADER", "data/so.csv", 12, null]] },
    rank: "same-warns",
  },
  {
    id: "29-ragged-row",
    mistake: "a stray comma at the end of a row: one cell too many",
    files: { "data/so.csv": (() => { const ls = lines(so); ls[3] += ",x"; return unlines(ls); })() },
    validate: { exit: 2, strict: 2, diagnostics: [["CSV_RAGGED", "data/so.csv", 4, null]] },
    rank: "stops",
  },
  {
    id: "30-quote-not-closed",
    mistake: 'a quote opened and never closed ("77.3)',
    files: { "data/so.csv": setCell(so, 3, "van-ban-dien-tu", `"${cell(so, 3, "van-ban-dien-tu")}`) },
    validate: { exit: 2, strict: 2, diagnostics: [["CSV_SYNTAX", "data/so.csv", 3, col(so, "van-ban-dien-tu")]] },
    rank: "stops",
  },
  {
    id: "31-unit-missing-from-registry",
    mistake: "a department deleted from units.csv but still in so.csv",
    unitsFile: { "units.csv": unlines(lines(units).filter((l) => !l.startsWith("S04,"))) },
    files: { "data/so.csv": so },
    validate: { exit: 2, strict: 2, diagnostics: [["DATA_UNKNOWN_UNIT", "data/so.csv", 5, 1]] },
    rank: "stops",
  },
  {
    id: "32-parent-code-mistyped",
    mistake: "a commune's parent district typed 97O (letter O) in units.csv",
    unitsFile: { "units.csv": units.replace(/\n(964-01,[^,\n]*,xa,)964,/, (_, head) => `\n${head}96A,`) },
    files: { "data/so.csv": so },
    validate: { exit: 2, strict: 2, diagnostics: [["UNIT_PARENT_MISSING", "units.csv", lines(units).findIndex((l) => l.startsWith("964-01,")) + 1, 4]] },
    rank: "stops",
  },
  {
    id: "33-empty-file",
    mistake: "an empty so.csv (saved before the data were pasted in)",
    files: { "data/so.csv": "" },
    validate: { exit: 2, strict: 2, diagnostics: [["FILE_EMPTY", "data/so.csv", 1, null]] },
    rank: "stops",
  },
  {
    id: "34-unicode-text-export",
    mistake: "so.csv saved from Excel as 'Unicode Text' (UTF-16 with tabs)",
    files: { "data/so.csv": utf16le(so.replaceAll(",", "\t")) },
    validate: { exit: 0, strict: 0, diagnostics: [] },
    rank: "same",
  },
  {
    id: "35-spaces-around-values",
    mistake: "values with spaces around them, and a non-breaking space, as copied from a web page",
    files: { "data/so.csv": setCell(setCell(so, 2, "ky-so", ` ${cell(so, 2, "ky-so")} `), 3, "ky-so", `${cell(so, 3, "ky-so")}\u00a0`) },
    validate: { exit: 0, strict: 0, diagnostics: [] },
    rank: "same",
  },
  {
    id: "36-percent-out-of-range",
    mistake: "857 typed for 85.7 (the decimal point lost) in a percent column",
    files: { "data/so.csv": setCell(so, 2, "ky-so", "857") },
    validate: { exit: 2, strict: 2, diagnostics: [["VALUE_OUT_OF_RANGE", "data/so.csv", 2, col(so, "ky-so")]] },
    rank: "stops",
  },
  {
    id: "37-column-deleted-2025-set",
    mistake: "the to-cong-nghe-so column deleted from the communes' file of the 2025 set",
    criteria: "vn-cds-2025",
    noPeriod: true,
    files: { "data/xa.csv": communes2025().replace(/,to-cong-nghe-so/, "").replace(/^([^,\n]*,[^,\n]*,xa,(?:[^,\n]*,){4})[^,\n]*,/gm, "$1") },
    validate: { exit: 0, strict: 2, diagnostics: [["DATA_COLUMN_ABSENT", "data/xa.csv", 1, null]], message: 'no file of level "xa" has the column "to-cong-nghe-so"' },
    rank: "warns",
  },
  // (38-42: found by typing what agencies type into each cell: each was read another way, in silence)
  {
    id: "38-space-inside-number",
    mistake: "15 meetings typed as 1 5 (a space slipped in)",
    files: { "data/so.csv": setCell(so, 2, "hop-ban-chi-dao", "1 5") },
    validate: { exit: 2, strict: 2, diagnostics: [["VALUE_NOT_A_NUMBER", "data/so.csv", 2, col(so, "hop-ban-chi-dao")]] },
    rank: "stops",
  },
  {
    id: "39-percent-sign-on-points",
    mistake: "2% typed for an initiative's bonus points",
    files: { "data/so.csv": setCell(so, 2, "sang-kien", "2%") },
    validate: { exit: 2, strict: 2, diagnostics: [["VALUE_PERCENT_SIGN", "data/so.csv", 2, col(so, "sang-kien")]] },
    rank: "stops",
  },
  {
    id: "40-value-beside-ratio",
    mistake: "a may-tinh column with the percentage typed beside may-tinh.num and may-tinh.den",
    files: { "data/so.csv": insertColumn(so, "may-tinh", (code) => (code === "S01" ? "10" : "")) },
    validate: { exit: 2, strict: 2, diagnostics: [["VALUE_AND_RATIO", "data/so.csv", 2, 2]] },
    rank: "stops",
  },
  {
    id: "41-thousands-in-count",
    mistake: "1.100 computers out of 1250 typed with a dot between thousands, under the decimal dot",
    files: { "data/so.csv": setCell(setCell(so, 2, "may-tinh.num", "1.100"), 2, "may-tinh.den", "1250") },
    validate: { exit: 0, strict: 2, diagnostics: [["VALUE_LOOKS_LIKE_THOUSANDS", "data/so.csv", 2, col(so, "may-tinh.num")]], message: 'read as a decimal number, between 1 and 2, not as 1100' },
    rank: "warns",
  },
  {
    id: "42-level-file-left-out",
    mistake: "the departments' file left out of data: in the manifest",
    files: {},
    replaces: ["so.csv"],
    dataEntries: [],
    validate: { exit: 0, strict: 2, diagnostics: [["DATA_LEVEL_NOT_SENT", "../../../../samples/ca-mau-2019/units.csv", 1, null]], message: 'no unit of level "so" has a row in the data files read' },
    rank: "warns",
  },
  {
    id: "43-header-upper-case",
    mistake: "the ky-so header typed in capitals, KY-SO",
    files: { "data/so.csv": renameColumn(so, "ky-so", "KY-SO") },
    validate: { exit: 0, strict: 0, diagnostics: [] },
    rank: "same",
  },
];

/** Six communes of the 2025 set (criteria/vn-cds-2025.yaml), figures made up, without a registry. */
function communes2025() {
  const header = "code,name,level,ke-hoach-cds,truong-ban-chi-dao,kinh-phi-cds,binh-dan-hoc-vu-so,to-cong-nghe-so,thiet-bi-dau-cuoi,mang-chuyen-dung,bang-thong,thiet-bi-so-hoa,so-hoa-ho-so,tai-su-dung-du-lieu,lam-sach-du-lieu,dvc-toan-trinh,ho-so-truc-tuyen,dung-han,tre-han,thanh-toan-truc-tuyen,van-ban-ky-so,ho-so-cong-viec,hai-long,cap-do-attt,giam-sat-soc,tap-huan-attt,su-co-attt";
  const names = ["Xã Tân Thành", "Phường An Xuyên", "Xã Lý Văn Lâm", "Xã Hòa Thành", "Phường Tân Thành", "Xã Định Bình"];
  const rows = names.map((name, i) => {
    const p = (base) => String(Math.min(100, base + ((i * 7) % 20)));
    return [`X0${i + 1}`, name, "xa", i % 3 ? "có" : "không", i % 2 ? "nguoi-dung-dau" : "cap-pho", String(1 + (i % 4) * 0.5), p(60), p(40), p(75), "có", String(40 + i * 10), i % 2 ? "có" : "không", p(70), p(35), p(55), p(70), p(50), p(88), String(i % 4), p(45), p(80), p(65), p(78), p(50), i % 2 ? "có" : "không", p(60), String(i % 3)].join(",");
  });
  return unlines([header, ...rows]);
}

// ---------------------------------------------------------------------------------------------
// Writing

rmSync(OUT, { recursive: true, force: true });
const sampleData = ["so.csv", "huyen.csv", "xa.csv"];
for (const t of traps) {
  const dir = join(OUT, t.id);
  mkdirSync(dir, { recursive: true });
  const files = { ...(t.unitsFile ?? {}), ...t.files };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  const own = Object.keys(t.files).filter((f) => f.startsWith("data/")).map((f) => f.slice(5).toLowerCase());
  const replaced = new Set([...own, ...(t.replaces ?? [])]);
  const data = t.dataEntries ?? ["data/*.csv"];
  const manifest = [
    `# Trap ${t.id}: ${t.mistake}.`,
    `criteria: ${UP}criteria/${t.criteria ?? "vn-cqdt-2019"}.yaml`,
    ...(t.criteria ? [] : [`units: ${t.unitsFile ? "units.csv" : `${UP}${SAMPLE}/units.csv`}`]),
    "data:",
    ...data.map((d) => `  - ${d}`),
    ...(t.criteria ? [] : sampleData.filter((f) => !replaced.has(f)).map((f) => `  - ${UP}${SAMPLE}/data/${f}`)),
    ...(t.noPeriod ? [] : ['period: "2019"']),
    ...(t.manifest ?? []),
  ];
  writeFileSync(join(dir, "egov-score.yaml"), `${manifest.join("\n")}\n`);
  const { id: _id, files: _f, unitsFile: _u, replaces: _r, dataEntries: _d, manifest: _m, noPeriod: _n, criteria: _c, ...expect } = t;
  writeFileSync(join(dir, "trap.json"), `${JSON.stringify(expect, null, 2)}\n`);
}
console.log(`${traps.length} traps in ${OUT}`);
