// Makes the workbooks committed as test fixtures and as the workbook sample, saved by a real
// spreadsheet application (LibreOffice, headless) so that the reader meets the shared strings,
// styles and number formats of a real application, not only what exceljs writes. Run once, by
// hand, when the fixtures change; the files it writes are committed.
//
//   node scripts/make-workbooks.mjs
//
// Needs soffice (apt-get install libreoffice-calc-nogui). The password-protected fixture needs
// officecrypto-tool (ECMA-376 agile encryption, as Excel writes it; LibreOffice 7.4 headless could
// not be made to encrypt on export): OFFICECRYPTO=/path/to/node_modules/officecrypto-tool.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const work = mkdtempSync(path.join(tmpdir(), "egov-workbooks-"));
// a profile of our own: another soffice running on the machine must not take our conversions
const profile = `-env:UserInstallation=file://${path.join(work, "profile")}`;
// UTF-8 (76), comma, double quote, from line 1; the first column (unit codes) as text, so that 972 stays "972"
const CSV_IN = "CSV:44,34,76,1,1/2,1033,false,false";
// the same, and cells starting with = read as formulas, which LibreOffice calculates
const CSV_FORMULAS = "CSV:44,34,76,1,1/2,1033,false,false,true,false,false,0,true";

/** Converts files with LibreOffice into `outDir`, in the format given (xlsx, xls). */
function soffice(files, to, outDir, infilter) {
  execFileSync("soffice", [profile, "--headless", ...(infilter ? [`--infilter=${infilter}`] : []), "--convert-to", to, "--outdir", outDir, ...files], { stdio: "ignore", timeout: 300_000 });
}

/** CSV files to workbooks saved by LibreOffice, one per file, beside them in `outDir`. */
function csvToXlsx(csvFiles, outDir) {
  mkdirSync(outDir, { recursive: true });
  soffice(csvFiles, "xlsx", outDir, CSV_IN);
}

/** A workbook written with exceljs, then opened and saved again by LibreOffice (it recalculates and restyles). */
async function throughLibreOffice(wb, dest) {
  const tmp = path.join(work, "exceljs", path.basename(dest));
  mkdirSync(path.dirname(tmp), { recursive: true });
  await wb.xlsx.writeFile(tmp);
  const out = path.join(work, "lo");
  mkdirSync(out, { recursive: true });
  soffice([tmp], "xlsx", out);
  mkdirSync(path.dirname(dest), { recursive: true });
  renameSync(path.join(out, path.basename(dest)), dest);
}

// ---------------------------------------------------------------------------------------------
// samples/ca-mau-2019-xlsx: the sample's registry and data as workbooks, one per level
const sample = path.join(ROOT, "samples/ca-mau-2019");
const xsample = path.join(ROOT, "samples/ca-mau-2019-xlsx");
rmSync(xsample, { recursive: true, force: true });
csvToXlsx([path.join(sample, "units.csv")], xsample);
csvToXlsx(["so", "huyen", "xa"].map((l) => path.join(sample, "data", `${l}.csv`)), path.join(xsample, "data"));
writeFileSync(
  path.join(xsample, "egov-score.yaml"),
  readFileSync(path.join(sample, "egov-score.yaml"), "utf8").replace("units: units.csv", "units: units.xlsx").replace("  - data/*.csv", "  - data"),
);
writeFileSync(
  path.join(xsample, "README.md"),
  "# Cà Mau 2019, as workbooks\n\nThe data of `../ca-mau-2019` saved as Excel workbooks by LibreOffice (made by\n`scripts/make-workbooks.mjs`): the registry `units.xlsx` and one workbook per level in `data/`.\n`egov-score rank samples/ca-mau-2019-xlsx` prints the same ranking as `egov-score rank samples/ca-mau-2019`.\n",
);

// ---------------------------------------------------------------------------------------------
// the broken corpus: the shared base with its data file replaced by a broken workbook
const BROKEN = path.join(ROOT, "test/fixtures/broken");
const base = path.join(BROKEN, "_base");
const baseCsv = readFileSync(path.join(base, "data/scores.csv"), "utf8");

/** A case folder: the base without data/scores.csv, with `files` written (bytes, or a function given the path). */
async function brokenCase(name, files) {
  const dir = path.join(BROKEN, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(base, dir, { recursive: true });
  rmSync(path.join(dir, "data/scores.csv"));
  for (const [f, make] of Object.entries(files)) await make(path.join(dir, f));
}

/** The base's data, or a text in its place, as a workbook saved by LibreOffice. */
function csvWorkbook(text, dest, to = "xlsx", infilter = CSV_IN) {
  const src = path.join(work, "csv", `${path.basename(dest, path.extname(dest))}.csv`);
  mkdirSync(path.dirname(src), { recursive: true });
  writeFileSync(src, text);
  const out = path.join(work, "out");
  mkdirSync(out, { recursive: true });
  soffice([src], to, out, infilter);
  mkdirSync(path.dirname(dest), { recursive: true });
  renameSync(path.join(out, path.basename(dest)), dest);
}

/** A zip file holding a text file, under a workbook's name. */
const zipOfText = (dest) => execFileSync("python3", ["-c", "import sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], 'w') as z: z.writestr('readme.txt', 'not a workbook')", dest]);

await brokenCase("workbook-not-a-workbook", { "data/scores.xlsx": zipOfText });
await brokenCase("workbook-xls", { "data/scores.xls": (d) => csvWorkbook(baseCsv, d, "xls") });
await brokenCase("workbook-empty-sheet", { "data/scores.xlsx": (d) => csvWorkbook("", d) });
await brokenCase("workbook-no-header", { "data/scores.xlsx": (d) => csvWorkbook(baseCsv.replace(/^code,/, "ma,"), d) });
// the percentage of X1 is a formula dividing by zero; LibreOffice calculates it and saves #DIV/0!
await brokenCase("workbook-cell-error", { "data/scores.xlsx": (d) => csvWorkbook(baseCsv.replace("90.5", "=B4/0"), d, "xlsx", CSV_FORMULAS) });
await brokenCase("workbook-formula-no-value", {
  // written by a program (exceljs) that leaves formulas uncalculated: no application saved it
  "data/scores.xlsx": async (d) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("scores");
    for (const line of baseCsv.trim().split("\n")) ws.addRow(line.split(",").map((c) => (/^\d+(\.\d+)?$/.test(c) ? Number(c) : c)));
    ws.getCell("E3").value = { formula: "B3/C3*100" };
    await wb.xlsx.writeFile(d);
  },
});
if (process.env.OFFICECRYPTO) {
  const officeCrypto = createRequire(import.meta.url)(process.env.OFFICECRYPTO);
  await brokenCase("workbook-password", {
    "data/scores.xlsx": (d) => {
      csvWorkbook(baseCsv, d);
      writeFileSync(d, officeCrypto.encrypt(readFileSync(d), { password: "matkhau" }));
    },
  });
} else process.stderr.write("make-workbooks: OFFICECRYPTO not set: test/fixtures/broken/workbook-password left as it is\n");

// ---------------------------------------------------------------------------------------------
// accepted: the base as forms agencies send back, saved by LibreOffice
const ACCEPTED = path.join(ROOT, "test/fixtures/accepted");
const rows = baseCsv
  .trim()
  .split("\n")
  .map((l) => l.split(","));
const [header, ...data] = rows;

{
  // One workbook: an instructions sheet, a hidden sheet of lists, the data below a title block
  // (merged title, a blank row) with the percentages as percentage cells (0.8 shown as 80%),
  // yes/no as booleans, the counts as numbers, a descriptive column the criteria do not know
  // (ignored), and a period as a date shown as its year.
  const dir = path.join(ACCEPTED, "workbook-form");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "data"), { recursive: true });
  for (const f of ["criteria.yaml", "units.csv"]) cpSync(path.join(base, f), path.join(dir, f));
  writeFileSync(path.join(dir, "egov-score.yaml"), "criteria: criteria.yaml\nunits: units.csv\ndata:\n  - data/*.csv\nignore: [ghi-chu]\n");
  const wb = new ExcelJS.Workbook();
  const help = wb.addWorksheet("Hướng dẫn");
  help.addRow(["Biểu mẫu tự đánh giá: điền số liệu vào trang Số liệu."]);
  help.addRow(["Tỷ lệ ghi dạng phần trăm; có/không chọn TRUE/FALSE."]);
  const lists = wb.addWorksheet("Danh mục", { state: "hidden" });
  lists.addRow(["code", "lanh-dao"]);
  lists.addRow(["chu-tich", "pho-chu-tich"]);
  const ws = wb.addWorksheet("Số liệu");
  ws.mergeCells("A1:H1");
  ws.getCell("A1").value = "BIỂU TỰ ĐÁNH GIÁ MỨC ĐỘ CHÍNH QUYỀN ĐIỆN TỬ";
  ws.getRow(2).values = [];
  ws.getRow(3).values = [...header, "period", "ghi-chu"];
  data.forEach((r, i) => {
    const row = ws.getRow(4 + i);
    const [code, num, den, mang, dvc, hoSo, lanhDao] = r;
    row.values = [code, Number(num), Number(den), mang === "có", Number(dvc) / 100, Number(hoSo), lanhDao, new Date(Date.UTC(2019, 11, 31)), i === 0 ? "số liệu đã thẩm định" : null];
    row.getCell(5).numFmt = "0.0%";
    row.getCell(8).numFmt = "yyyy";
  });
  await throughLibreOffice(wb, path.join(dir, "data/scores.xlsx"));
}

{
  // The same data in two workbooks chosen by the manifest: a long form per unit (one row per
  // indicator, label and maximum beside the value: what `template --unit -o form.xlsx` writes)
  // read from the sheet named in the manifest with its header row given, and a registry workbook.
  const dir = path.join(ACCEPTED, "workbook-long-sheet");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "data"), { recursive: true });
  cpSync(path.join(base, "criteria.yaml"), path.join(dir, "criteria.yaml"));
  writeFileSync(
    path.join(dir, "egov-score.yaml"),
    'criteria: criteria.yaml\nunits: units.xlsx\ndata:\n  - { file: data/phieu.xlsx, sheet: "Phiếu", header-row: 4 }\n',
  );
  csvWorkbook(readFileSync(path.join(base, "units.csv"), "utf8"), path.join(dir, "units.xlsx"));
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Hướng dẫn").addRow(["Mỗi dòng một chỉ số."]);
  const ws = wb.addWorksheet("Phiếu");
  ws.getCell("A1").value = "PHIẾU TỰ ĐÁNH GIÁ";
  ws.getCell("A2").value = "code"; // a title cell that looks like a header: header-row: 4 says which row is
  ws.getRow(4).values = ["code", "indicator", "label", "max", "value", "numerator", "denominator", "evidence"];
  const labels = { "may-tinh": "Tỷ lệ máy tính", mang: "Mạng chuyên dùng", dvc: "Dịch vụ công", "ho-so": "Hồ sơ", "lanh-dao": "Lãnh đạo" };
  let r = 5;
  for (const row of data) {
    const [code, num, den, mang, dvc, hoSo, lanhDao] = row;
    const put = (ind, value, n, d) => (ws.getRow(r++).values = [code, ind, labels[ind], 5, value, n, d, null]);
    put("may-tinh", null, Number(num), Number(den));
    put("mang", mang);
    put("dvc", Number(dvc));
    put("ho-so", Number(hoSo));
    put("lanh-dao", lanhDao);
  }
  await throughLibreOffice(wb, path.join(dir, "data/phieu.xlsx"));
}

rmSync(work, { recursive: true, force: true });
process.stderr.write("make-workbooks: done\n");
