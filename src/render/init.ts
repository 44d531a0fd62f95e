// The text files `egov-score init` writes besides the CSV templates: the manifest, the copy of
// the criteria with its $schema line, and the folder's README. Pure: the command writes them.
import { text, type Criteria, type Lang } from "../model/criteria.ts";
import { dataIndicators, LONG_COLUMNS, unitFields, valueHint } from "./template.ts";

export const SCHEMA_FILE = "criteria.schema.json";
export const CRITERIA_FILE = "criteria.yaml";
export const UNITS_FILE = "units.csv";
export const LONG_TEMPLATE = "data/long-template.csv";
export const README_FILE = "README.md";
export const dataTemplate = (level: string, xlsx = false): string => `data/${level}.${xlsx ? "xlsx" : "csv"}`;
export const longTemplateFile = (xlsx = false): string => (xlsx ? "data/long-template.xlsx" : LONG_TEMPLATE);

export interface InitPlan {
  criteria: Criteria;
  /** the shipped set's id, or the path the criteria were copied from */
  from: string;
  excel: boolean;
  /** the data templates as workbooks (`init --xlsx`) */
  xlsx?: boolean;
  period?: string;
  lang: Lang;
}

const SCHEMA_LINE = /^#\s*yaml-language-server:[^\n]*(\n|$)/;

/** The criteria text with `# yaml-language-server: $schema=...` as its first line, whatever it had. */
export function withSchemaLine(criteriaText: string, schema = SCHEMA_FILE): string {
  const body = criteriaText.replace(/^\ufeff/, "");
  const line = `# yaml-language-server: $schema=${schema}\n`;
  return SCHEMA_LINE.test(body) ? body.replace(SCHEMA_LINE, line) : `${line}${body}`;
}

const yamlString = (s: string): string => JSON.stringify(s);

export function manifestText(p: InitPlan): string {
  const vi = p.lang === "vi";
  const lines = [
    `# ${vi ? "Kỳ đánh giá" : "Assessment"}: ${text(p.criteria.title, p.lang, p.criteria.id).replace(/\s+/g, " ")}`,
    `# ${vi ? "Tạo bởi" : "Created by"} \`egov-score init --from ${p.from}\`; ${vi ? "README.md giải thích từng mục" : "README.md explains every entry"}.`,
    `criteria: ${CRITERIA_FILE}`,
    `units: ${UNITS_FILE}              # ${vi ? "danh mục đơn vị; khi còn trống, đơn vị lấy từ các tệp dữ liệu" : "the registry of units; while it is empty, units come from the data files"}`,
    "data:",
    p.xlsx ? `  - data                        # ${vi ? "mọi tệp CSV và tệp Excel (.xlsx) trong data/" : "every CSV file and workbook (.xlsx) in data/"}` : "  - data/*.csv",
    p.period !== undefined ? `period: ${yamlString(p.period)}` : `# period: "${new Date().getFullYear()}"      # ${vi ? "nhãn kỳ đánh giá, hiện trên mọi kết quả" : "the assessment period, shown on every output"}`,
  ];
  if (p.excel) {
    lines.push(
      `input:                        # ${vi ? "tệp CSV lưu từ Excel trên Windows tiếng Việt" : "CSV files saved by Excel on a Vietnamese Windows"}`,
      '  delimiter: ";"',
      '  decimal: ","',
    );
  }
  return `${lines.join("\n")}\n`;
}

const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\s+/g, " ");

export function readmeText(p: InitPlan): string {
  const c = p.criteria;
  const lang = p.lang;
  const vi = lang === "vi";
  const title = text(c.title, lang, c.id);
  const levels = c.levels;
  const fields = unitFields(c);
  const sep = p.excel ? ";" : ",";
  const dec = p.excel ? "," : ".";
  const out: string[] = [];
  out.push(`# ${title}`, "");
  out.push(
    vi
      ? `Thư mục đánh giá tạo bởi \`egov-score init --from ${p.from}\`${c.illustrative ? " (bộ tiêu chí minh họa, không phải văn bản chính thức)" : ""}.`
      : `An assessment folder created by \`egov-score init --from ${p.from}\`${c.illustrative ? " (an illustrative criteria set, not an official text)" : ""}.`,
    "",
  );
  out.push(vi ? "## Các tệp" : "## Files", "", vi ? "| tệp | nội dung |" : "| file | what it holds |", "|---|---|");
  const files: [string, string][] = [
    ["egov-score.yaml", vi ? "manifest: bộ tiêu chí, danh mục đơn vị, tệp dữ liệu" : "the manifest: the criteria, the units registry, the data files"],
    [CRITERIA_FILE, vi ? `bộ tiêu chí (bản sao của ${p.from}); sửa để điều chỉnh; \`egov-score criteria\` in cây tiêu chí` : `the criteria (a copy of ${p.from}); edit it to adapt; \`egov-score criteria\` prints the tree`],
    [SCHEMA_FILE, vi ? "JSON Schema của bộ tiêu chí: trình soạn thảo gợi ý khóa và báo lỗi khi gõ" : "the JSON Schema of the criteria: editors complete keys and flag mistakes as you type"],
    [UNITS_FILE, vi ? `danh mục đơn vị: mỗi đơn vị một dòng (${fields.join(", ")})` : `the units registry: one row per unit (${fields.join(", ")})`],
    ...levels.map((l): [string, string] => [dataTemplate(l.id, p.xlsx), vi ? `dữ liệu cấp ${l.id} (${text(l.label, lang, l.id)}): mỗi đơn vị một dòng, mỗi chỉ số một cột` : `the data of level ${l.id} (${text(l.label, lang, l.id)}): one row per unit, one column per indicator`]),
    [longTemplateFile(p.xlsx), vi ? `dạng dọc: mỗi dòng một đơn vị và một chỉ số (${LONG_COLUMNS.join(", ")})` : `the long form: one row per unit and indicator (${LONG_COLUMNS.join(", ")})`],
  ];
  for (const [f, what] of files) out.push(`| \`${f}\` | ${cell(what)} |`);
  out.push("");
  if (p.xlsx) {
    out.push(
      vi
        ? "Các tệp mẫu số liệu là tệp Excel (.xlsx): trang “Hướng dẫn” nói cách điền; trang “Số liệu” có dòng tiêu đề tô đậm (egov-score đọc dòng này), các dòng mô tả chỉ số phía trên, danh sách chọn và giới hạn số trong ô giá trị; các cột nhãn bị khóa (bảo vệ trang không mật khẩu)."
        : "The data templates are Excel workbooks (.xlsx): the sheet “Instructions” says how to fill them in; the sheet “Data” has a bold header row (the row egov-score reads), the rows describing the indicators above it, lists and number limits on the value cells; the label columns are locked (sheet protection without a password).",
      "",
    );
  }
  if (p.excel) {
    out.push(
      vi
        ? "Các tệp CSV dùng quy ước của Excel trên Windows tiếng Việt: có BOM, phân cách bằng `;`, dấu phẩy thập phân (85,5); manifest đọc chúng theo quy ước đó (`input:`)."
        : "The CSV files follow Excel's conventions on a Vietnamese Windows: a byte-order mark, `;` between cells, a decimal comma (85,5); the manifest reads them so (`input:`).",
      "",
    );
  }
  out.push(vi ? "## Các bước" : "## Steps", "");
  const levelList = levels.map((l) => `\`${l.id}\` (${text(l.label, lang, l.id)}${l.parent ? (vi ? `, đơn vị cha cấp \`${l.parent}\`` : `, parent at level \`${l.parent}\``) : ""})`).join(", ");
  if (vi) {
    out.push(
      `1. Khai mọi đơn vị được đánh giá trong \`${UNITS_FILE}\`${fields.includes("level") ? `; cột \`level\` là một trong: ${levelList}` : ""}${fields.includes("parent") ? "; cột `parent` là mã đơn vị cha" : ""}. Khi đã có danh mục, đơn vị không gửi số liệu vẫn được liệt kê (không xếp hạng) và mã sai bị phát hiện. Khi danh mục còn trống, đơn vị lấy từ các tệp dữ liệu.`,
      `2. Điền số liệu: mỗi cấp một tệp \`data/<cấp>.${p.xlsx ? "xlsx" : "csv"}\` (mỗi đơn vị một dòng), hoặc mỗi đơn vị một tệp dạng dọc. \`egov-score template --unit MÃ -o data/MÃ.xlsx\` tạo sẵn biểu mẫu Excel cho một đơn vị (mã, tên, các chỉ số áp dụng, cột tài liệu kiểm chứng) để gửi đơn vị điền (\`-o data/MÃ.csv\` cho tệp CSV); \`egov-score template --level CẤP -o CẤP.xlsx\` cho cả một cấp.`,
      "3. Kiểm tra rồi xếp hạng: `egov-score validate`, rồi `egov-score rank` (chạy trong thư mục này hoặc thư mục con của nó).",
      "",
      "Xóa các tệp mẫu không dùng: tệp chỉ có dòng tiêu đề chỉ gây cảnh báo, nhưng `egov-score validate --strict` coi đó là lỗi.",
    );
  } else {
    out.push(
      `1. List every assessed unit in \`${UNITS_FILE}\`${fields.includes("level") ? `; the \`level\` column is one of: ${levelList}` : ""}${fields.includes("parent") ? "; `parent` is the code of the parent unit" : ""}. Once the registry lists them, units that send nothing are still listed (not ranked) and mistyped codes are caught. While it is empty, the units come from the data files.`,
      `2. Fill in the figures: one file per level, \`data/<level>.${p.xlsx ? "xlsx" : "csv"}\` (a row per unit), or one long-form file per unit. \`egov-score template --unit CODE -o data/CODE.xlsx\` makes the workbook form of one unit (its code, name, the indicators that apply, a column for the evidence) to send out (\`-o data/CODE.csv\` for CSV); \`egov-score template --level LEVEL -o LEVEL.xlsx\` that of a whole level.`,
      "3. Check, then rank: `egov-score validate`, then `egov-score rank` (in this folder or any folder below it).",
      "",
      "Delete the templates you do not use: a file with a header and no rows only earns a warning, but `egov-score validate --strict` counts it as an error.",
    );
  }
  out.push("", vi ? "## Cách ghi giá trị" : "## Writing the cells", "");
  if (vi) {
    out.push(
      `- Số: \`85\`, \`85${dec}5\`, \`85%\`${p.excel ? " (dấu chấm phân cách hàng nghìn: 1.234,5)" : ""}.`,
      "- Một tỉ lệ có thể ghi bằng hai cột thay cho một: `<mã chỉ số>.num` (tử số) và `<mã chỉ số>.den` (mẫu số) ở dạng ngang; cột `numerator` và `denominator` ở dạng dọc.",
      "- Có/không: `có`/`không`, `x` (có), `yes`/`no`.",
      "- Không áp dụng: `-`, `N/A`, `không áp dụng` (không bị tính điểm 0). Ô trống là thiếu số liệu, xử lý theo quy định `missing` của bộ tiêu chí.",
      `- Trong Excel, lưu dạng "CSV UTF-8"${p.excel ? ` hoặc CSV phân cách bằng \`${sep}\`` : ""}; tên đơn vị tiếng Việt được giữ nguyên.`,
    );
  } else {
    out.push(
      `- Numbers: \`85\`, \`85${dec}5\`, \`85%\`${p.excel ? " (a dot separates thousands: 1.234,5)" : ""}.`,
      "- A ratio can be given as two columns instead of one: `<indicator id>.num` (numerator) and `<indicator id>.den` (denominator) in the wide form; the `numerator` and `denominator` columns in the long form.",
      "- Yes/no: `có`/`không`, `x` (yes), `yes`/`no`.",
      "- Not applicable: `-`, `N/A`, `không áp dụng` (never scored zero). An empty cell is a missing value, handled by the criteria's `missing` policy.",
      `- In Excel, save as "CSV UTF-8"${p.excel ? ` or as CSV separated by \`${sep}\`` : ""}; Vietnamese names are kept.`,
    );
  }
  out.push("", vi ? "## Các chỉ số" : "## Indicators", "");
  const head = [vi ? "cột" : "column", vi ? "chỉ số" : "indicator", vi ? "cách ghi" : "what to write", ...levels.map((l) => `max ${l.id}`)];
  out.push(`| ${head.join(" | ")} |`, `|${head.map((_, i) => (i < 3 ? "---" : "--:")).join("|")}|`);
  // in the order of the criteria, each indicator that some level reports figures for
  const reported = new Set(levels.flatMap((l) => dataIndicators(c, l.id)));
  for (const ind of c.indicators.filter((i) => reported.has(i))) {
    const maxima = levels.map((x) => {
      const m = ind.maxByLevel.get(x.id);
      return m === undefined ? "–" : String(m).replace(".", dec);
    });
    out.push(`| \`${ind.column}\` | ${cell(text(ind.label, lang, ind.id))} | ${cell(valueHint(ind, lang))} | ${maxima.join(" | ")} |`);
  }
  out.push("");
  return `${out.join("\n")}\n`;
}
