// The one catalogue of diagnostic sentences, in English and Vietnamese: what is wrong, and
// how to fix it. docs/errors.md lists the same codes; a test keeps the two in step.

type A = Record<string, string | number>;
interface Entry {
  en: (a: A) => string;
  vi: (a: A) => string;
  hint?: { en: (a: A) => string; vi: (a: A) => string };
}

const SCHEMA_HINT = {
  en: () => "`egov-score schema` prints every allowed key; docs/criteria.md explains them",
  vi: () => "`egov-score schema` liệt kê mọi khóa hợp lệ; xem docs/criteria.md",
};

/** A ratio's parts, named in Vietnamese (VALUE_HALF_RATIO's arguments name them in English). */
const RATIO_PART_VI: Record<string, string> = { numerator: "tử số", denominator: "mẫu số" };

export const messages = {
  // files
  FILE_NOT_FOUND: {
    en: (a) => `file not found: ${a.path}`,
    vi: (a) => `không tìm thấy tệp: ${a.path}`,
    hint: { en: () => "check the path; relative paths in a manifest are relative to the manifest", vi: () => "kiểm tra đường dẫn; đường dẫn trong manifest tính từ thư mục của manifest" },
  },
  FILE_IS_DIRECTORY: {
    en: (a) => `${a.path} is a folder, not a file`,
    vi: (a) => `${a.path} là thư mục, không phải tệp`,
    hint: { en: () => "give a file, or a glob such as data/*.csv", vi: () => "chỉ ra một tệp, hoặc mẫu như data/*.csv" },
  },
  FILE_UNREADABLE: {
    en: (a) => `cannot read ${a.path}: ${a.detail}`,
    vi: (a) => `không đọc được ${a.path}: ${a.detail}`,
    hint: { en: () => "check the file's permissions", vi: () => "kiểm tra quyền đọc của tệp" },
  },
  FILE_EMPTY: {
    en: () => "the file is empty",
    vi: () => "tệp rỗng",
    hint: { en: () => "fill it in, or remove it from the manifest", vi: () => "điền nội dung hoặc bỏ tệp khỏi manifest" },
  },
  FILE_TOO_LARGE: {
    en: (a) => `the file is ${a.size} bytes, over the limit of ${a.limit}`,
    vi: (a) => `tệp có ${a.size} byte, vượt giới hạn ${a.limit}`,
    hint: { en: () => "raise the limit with --max-file-size BYTES", vi: () => "nâng giới hạn bằng --max-file-size BYTES" },
  },
  GLOB_NO_MATCH: {
    en: (a) => `no file matches ${a.pattern}`,
    vi: (a) => `không có tệp nào khớp ${a.pattern}`,
    hint: { en: () => "check the pattern in the manifest's data: list or --data", vi: () => "kiểm tra mẫu trong mục data: của manifest hoặc --data" },
  },
  MANIFEST_NOT_FOUND: {
    en: (a) => `no egov-score.yaml in ${a.dir}${a.above ? " or any folder above it" : ""}, and no --criteria and --data given`,
    vi: (a) => `không có egov-score.yaml trong ${a.dir}${a.above ? " hay thư mục cha nào của nó" : ""}, và thiếu --criteria, --data`,
    hint: { en: () => "run it in an assessment folder or below one, give the folder, create one with `egov-score init`, or give --criteria FILE --data FILE", vi: () => "chạy trong thư mục đánh giá hoặc thư mục con của nó, chỉ ra thư mục, tạo mới bằng `egov-score init`, hoặc dùng --criteria TỆP --data TỆP" },
  },
  MANIFEST_UNKNOWN_KEY: {
    en: (a) => `unknown key "${a.key}" in the manifest${a.path !== "(root)" ? ` under ${a.path}` : ""}`,
    vi: (a) => `khóa "${a.key}" không hợp lệ trong manifest${a.path !== "(root)" ? ` tại ${a.path}` : ""}`,
    hint: { en: () => "allowed: criteria, units, data, period, periods, input, columns, map, ignore", vi: () => "các khóa hợp lệ: criteria, units, data, period, periods, input, columns, map, ignore" },
  },
  MANIFEST_DIR_IS_FILE: {
    en: (a) => `${a.path} is a file, not an assessment folder${a.folder ? ` (it belongs to the assessment in ${a.folder})` : ""}`,
    vi: (a) => `${a.path} là một tệp, không phải thư mục đánh giá${a.folder ? ` (tệp này thuộc bộ đánh giá trong ${a.folder})` : ""}`,
    hint: {
      en: (a) => `give the folder that holds egov-score.yaml${a.folder ? `: ${a.folder}` : ""}; to score this file alone, give --data FILE with --criteria FILE`,
      vi: (a) => `chỉ ra thư mục chứa egov-score.yaml${a.folder ? `: ${a.folder}` : ""}; để chấm riêng tệp này, dùng --data TỆP cùng --criteria TỆP`,
    },
  },
  MANIFEST_IS_CRITERIA: {
    en: (a) => `${a.path} is a criteria file, not a manifest`,
    vi: (a) => `${a.path} là bộ tiêu chí, không phải manifest`,
    hint: { en: () => "give the assessment folder, or --criteria FILE --data FILE", vi: () => "chỉ ra thư mục đánh giá, hoặc --criteria TỆP --data TỆP" },
  },
  DATA_COLUMN_NOT_FOUND: {
    en: (a) => `columns.${a.key} names the column "${a.column}", which no file has (${a.file}: ${a.headers})`,
    vi: (a) => `columns.${a.key} chỉ cột "${a.column}", nhưng không tệp nào có cột này (${a.file}: ${a.headers})`,
    hint: { en: (a) => `write the header as the files have it, or remove columns.${a.key} to use the default`, vi: (a) => `ghi tên cột đúng như trong tệp, hoặc bỏ columns.${a.key} để dùng tên mặc định` },
  },
  DATA_FILE_NOT_READ: {
    en: (a) => `${a.path} is in the data but is not a CSV file or a workbook: it is not read`,
    vi: (a) => `${a.path} nằm trong dữ liệu nhưng không phải tệp CSV hay Excel: tệp này không được đọc`,
    hint: { en: () => "export it as CSV if it holds data, or move it out of the data folder", vi: () => "nếu tệp chứa số liệu, xuất ra CSV; nếu không, chuyển nó ra khỏi thư mục dữ liệu" },
  },
  FILE_IS_WORKBOOK: {
    en: (a) => `${a.path} is ${a.format === "ods" ? "an OpenDocument spreadsheet (.ods)" : a.format === "xls" ? "an Excel 97–2003 workbook (.xls)" : a.format === "xlsb" ? "an Excel binary workbook (.xlsb)" : "a workbook"}, which egov-score does not read`,
    vi: (a) => `${a.path} là ${a.format === "ods" ? "bảng tính OpenDocument (.ods)" : a.format === "xls" ? "tệp Excel 97–2003 (.xls)" : a.format === "xlsb" ? "tệp Excel nhị phân (.xlsb)" : "tệp bảng tính"}, egov-score không đọc định dạng này`,
    hint: { en: () => 'open it and save it as "Excel Workbook (.xlsx)", or as "CSV UTF-8 (comma delimited)"', vi: () => 'mở tệp và lưu lại dạng "Excel Workbook (.xlsx)" hoặc "CSV UTF-8 (comma delimited)"' },
  },
  WORKBOOK_UNREADABLE: {
    en: (a) => `${a.path} cannot be read as an Excel workbook (.xlsx): ${a.detail}`,
    vi: (a) => `không đọc được ${a.path} như một tệp Excel (.xlsx): ${a.detail}`,
    hint: { en: () => 'open it in Excel or LibreOffice and save it again as "Excel Workbook (.xlsx)"; or export the data as CSV', vi: () => 'mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dạng "Excel Workbook (.xlsx)"; hoặc xuất số liệu ra CSV' },
  },
  WORKBOOK_ENCRYPTED: {
    en: (a) => `${a.path} is protected by a password: its contents are encrypted`,
    vi: (a) => `${a.path} được bảo vệ bằng mật khẩu: nội dung đã bị mã hóa`,
    hint: { en: () => "open it with its password and save a copy without one (File › Info › Protect Workbook › Encrypt with Password: clear it)", vi: () => "mở tệp bằng mật khẩu rồi lưu một bản không đặt mật khẩu (File › Info › Protect Workbook › Encrypt with Password: xóa mật khẩu)" },
  },
  WORKBOOK_SHEET_NOT_FOUND: {
    en: (a) => `the workbook has no sheet "${a.sheet}"; its sheets are: ${a.known}`,
    vi: (a) => `tệp Excel không có trang "${a.sheet}"; các trang là: ${a.known}`,
    hint: { en: () => "correct sheet: in the data entry of egov-score.yaml (the name as on the sheet's tab)", vi: () => "sửa sheet: ở mục data của egov-score.yaml (tên như trên thẻ của trang)" },
  },
  WORKBOOK_SHEET_EMPTY: {
    en: (a) => `the sheet "${a.sheet}" is empty`,
    vi: (a) => `trang "${a.sheet}" trống`,
    hint: { en: () => "fill in the sheet, name the sheet that holds the data with sheet: in egov-score.yaml, or remove the file", vi: () => "điền số liệu vào trang, chỉ ra trang chứa số liệu bằng sheet: trong egov-score.yaml, hoặc bỏ tệp" },
  },
  WORKBOOK_NO_HEADER: {
    en: (a) => (a.row !== undefined ? `row ${a.row} of the sheet "${a.sheet}" has no "${a.column}" column` : `no sheet of the workbook has a header row with a "${a.column}" column (looked at: ${a.sheets})`),
    vi: (a) => (a.row !== undefined ? `dòng ${a.row} của trang "${a.sheet}" không có cột "${a.column}"` : `không trang nào của tệp có dòng tiêu đề chứa cột "${a.column}" (đã xem: ${a.sheets})`),
    hint: {
      en: (a) => `the header row names the unit code column "${a.column}" (or set columns.code); give its row with header-row: in the data entry of egov-score.yaml`,
      vi: (a) => `dòng tiêu đề phải có cột mã đơn vị "${a.column}" (hoặc khai báo columns.code); chỉ ra dòng tiêu đề bằng header-row: ở mục data của egov-score.yaml`,
    },
  },
  WORKBOOK_SHEET_SKIPPED: {
    en: (a) => `the sheet "${a.sheet}" is not read: ${a.reason === "hidden" ? "it is hidden" : a.reason === "empty" ? "it is empty" : `it has no header row with a "${a.column}" column`}`,
    vi: (a) => `trang "${a.sheet}" không được đọc: ${a.reason === "hidden" ? "trang bị ẩn" : a.reason === "empty" ? "trang trống" : `không có dòng tiêu đề chứa cột "${a.column}"`}`,
    hint: { en: () => "name the sheet with sheet: in the data entry of egov-score.yaml if it holds data", vi: () => "nếu trang có số liệu, chỉ ra nó bằng sheet: ở mục data của egov-score.yaml" },
  },
  WORKBOOK_FORMULA_NO_VALUE: {
    en: (a) => `the formula =${a.formula} in "${a.header}" has no calculated value saved in the file`,
    vi: (a) => `công thức =${a.formula} ở cột "${a.header}" không có giá trị đã tính được lưu trong tệp`,
    hint: { en: () => "open the workbook in Excel or LibreOffice, let it calculate, and save it; or write the value instead of the formula", vi: () => "mở tệp bằng Excel hoặc LibreOffice để tính lại rồi lưu; hoặc ghi giá trị thay cho công thức" },
  },
  ENCODING_MISMATCH: {
    en: (a) => `the file is UTF-8 although input.encoding is ${a.declared}: read as UTF-8`,
    vi: (a) => `tệp là UTF-8 dù input.encoding là ${a.declared}: đọc theo UTF-8`,
    hint: { en: () => "check that the names read right; set input.encoding: auto when files differ", vi: () => "kiểm tra tên đơn vị hiển thị đúng; đặt input.encoding: auto khi các tệp khác nhau" },
  },
  MANIFEST_INVALID: {
    en: (a) => `invalid manifest value at ${a.path}: ${a.detail}`,
    vi: (a) => `giá trị không hợp lệ trong manifest tại ${a.path}: ${a.detail}`,
  },
  NO_CRITERIA: {
    en: () => "no criteria file: the manifest has no criteria: entry and no --criteria was given",
    vi: () => "thiếu bộ tiêu chí: manifest không có mục criteria: và không có --criteria",
    hint: { en: () => "add criteria: PATH to egov-score.yaml, or pass --criteria FILE", vi: () => "thêm criteria: ĐƯỜNG_DẪN vào egov-score.yaml, hoặc dùng --criteria TỆP" },
  },
  NO_DATA: {
    en: () => "no data files: the manifest has no data: entry and no --data was given",
    vi: () => "thiếu dữ liệu: manifest không có mục data: và không có --data",
    hint: { en: () => "add data: [data/*.csv] to egov-score.yaml, or pass --data FILE", vi: () => "thêm data: [data/*.csv] vào egov-score.yaml, hoặc dùng --data TỆP" },
  },
  // YAML
  YAML_SYNTAX: {
    en: (a) => `YAML syntax error: ${a.detail}`,
    vi: (a) => `lỗi cú pháp YAML: ${a.detail}`,
    hint: { en: () => "check the indentation and the quotes around this position", vi: () => "kiểm tra thụt lề và dấu nháy quanh vị trí này" },
  },
  YAML_TOO_DEEP: {
    en: (a) => `the YAML nests deeper than ${a.limit} levels`,
    vi: (a) => `YAML lồng sâu quá ${a.limit} cấp`,
    hint: { en: () => "flatten the structure, or raise the limit with --max-depth N", vi: () => "giảm độ lồng, hoặc nâng giới hạn bằng --max-depth N" },
  },
  YAML_UNCLOSED: {
    en: (a) => `this ${a.open} is never closed`,
    vi: (a) => `dấu ${a.open} này không được đóng`,
    hint: { en: (a) => `add the closing ${a.close} at the end of the entry`, vi: (a) => `thêm dấu ${a.close} ở cuối mục` },
  },
  YAML_TAB: {
    en: () => "a tab is used for indentation",
    vi: () => "dùng ký tự tab để thụt lề",
    hint: { en: () => "YAML indents with spaces only: replace the tab with spaces", vi: () => "YAML chỉ thụt lề bằng dấu cách: thay tab bằng dấu cách" },
  },
  YAML_DUPLICATE_KEY: {
    en: (a) => `duplicate key: ${a.detail}`,
    vi: (a) => `khóa bị lặp: ${a.detail}`,
    hint: { en: () => "a key may appear once in a mapping: remove or rename one", vi: () => "mỗi khóa chỉ xuất hiện một lần: xóa hoặc đổi tên một khóa" },
  },
  YAML_ALIAS_LIMIT: {
    en: (a) => `too many YAML aliases (more than ${a.limit} expansions)`,
    vi: (a) => `quá nhiều bí danh YAML (hơn ${a.limit} lần mở rộng)`,
    hint: { en: () => "write the repeated parts out instead of nesting aliases", vi: () => "viết trực tiếp các phần lặp thay vì lồng bí danh" },
  },
  // schema
  CRITERIA_UNKNOWN_KEY: {
    en: (a) => `unknown key "${a.key}"${a.path !== "(root)" ? ` in ${a.path}` : ""}`,
    vi: (a) => `khóa "${a.key}" không hợp lệ${a.path !== "(root)" ? ` trong ${a.path}` : ""}`,
    hint: { en: () => "remove it or correct its spelling; `egov-score schema` lists the allowed keys", vi: () => "xóa hoặc sửa chính tả; `egov-score schema` liệt kê các khóa hợp lệ" },
  },
  CRITERIA_INVALID: { en: (a) => `invalid value at ${a.path}: ${a.detail}`, vi: (a) => `giá trị không hợp lệ tại ${a.path}: ${a.detail}`, hint: SCHEMA_HINT },
  SCHEMA_REQUIRED: {
    en: (a) => `missing required key "${a.key}" in ${a.path}`,
    vi: (a) => `thiếu khóa bắt buộc "${a.key}" trong ${a.path}`,
    hint: SCHEMA_HINT,
  },
  SCHEMA_TYPE: { en: (a) => `${a.path} should be ${a.expected}, not ${a.actual}`, vi: (a) => `${a.path} phải là ${a.expected}, không phải ${a.actual}`, hint: SCHEMA_HINT },
  SCHEMA_VALUE: {
    en: (a) => `${a.path} is ${a.actual}; allowed: ${a.allowed}`,
    vi: (a) => `${a.path} là ${a.actual}; giá trị hợp lệ: ${a.allowed}`,
    hint: { en: () => "use one of the allowed values, spelled exactly", vi: () => "dùng một trong các giá trị hợp lệ, viết đúng chính tả" },
  },
  SCHEMA_RANGE: { en: (a) => `${a.path} is ${a.actual}; it must ${String(a.bound).startsWith("have") ? "" : "be "}${a.bound}`, vi: (a) => `${a.path} là ${a.actual}; phải ${String(a.bound).replace(/^have at least (\d+) items?/, "có ít nhất $1 mục").replace(/^have at most (\d+) items?/, "có nhiều nhất $1 mục")}`, hint: SCHEMA_HINT },
  SCHEMA_FORMAT: { en: (a) => `${a.path} is ${a.actual}: ${a.detail}`, vi: (a) => `${a.path} là ${a.actual}: sai định dạng (${a.detail})` },
  // criteria semantics
  CRITERIA_DUPLICATE_ID: {
    en: (a) => `the id "${a.id}" is used twice${a.first ? ` (first on line ${a.first})` : ""}`,
    vi: (a) => `mã "${a.id}" bị dùng hai lần${a.first ? ` (lần đầu ở dòng ${a.first})` : ""}`,
    hint: { en: () => "every level, group, indicator and band needs its own id", vi: () => "mỗi cấp, nhóm, chỉ số và mức xếp loại cần một mã riêng" },
  },
  CRITERIA_RESERVED_ID: { en: (a) => `the id "${a.id}" is reserved for the total`, vi: (a) => `mã "${a.id}" được dành cho tổng điểm`, hint: { en: () => "choose another id", vi: () => "chọn mã khác" } },
  CRITERIA_NO_INDICATORS: { en: () => "the criteria define no groups and no indicators", vi: () => "bộ tiêu chí không có nhóm hay chỉ số nào", hint: { en: () => "add groups: or indicators:", vi: () => "thêm groups: hoặc indicators:" } },
  CRITERIA_UNKNOWN_LEVEL: {
    en: (a) => `unknown level "${a.level}"`,
    vi: (a) => `cấp "${a.level}" không tồn tại`,
    hint: { en: (a) => `the levels are: ${a.known}`, vi: (a) => `các cấp: ${a.known}` },
  },
  CRITERIA_LEVEL_CYCLE: { en: (a) => `the level "${a.level}" is its own ancestor through parent:`, vi: (a) => `cấp "${a.level}" là tổ tiên của chính nó qua parent:`, hint: { en: () => "levels must form a tree: remove one parent:", vi: () => "các cấp phải tạo thành cây: bỏ một parent:" } },
  CRITERIA_PEERS_NO_PARENT: { en: (a) => `level "${a.level}" ranks by parent but has no parent level`, vi: (a) => `cấp "${a.level}" xếp hạng theo đơn vị cha nhưng không có cấp cha`, hint: { en: () => "add parent: LEVEL, or use peers: {by: level}", vi: () => "thêm parent: CẤP, hoặc dùng peers: {by: level}" } },
  CRITERIA_LEVELS_AND_MAP: { en: (a) => `"${a.id}" has both levels: and a per-level max:`, vi: (a) => `"${a.id}" có cả levels: và max: theo cấp`, hint: { en: () => "the keys of a per-level max already say where it applies: remove levels:", vi: () => "các khóa của max theo cấp đã xác định phạm vi: bỏ levels:" } },
  CRITERIA_LEVEL_OUTSIDE_GROUP: { en: (a) => `"${a.id}" applies at level "${a.level}" but its group "${a.group}" does not`, vi: (a) => `"${a.id}" áp dụng cho cấp "${a.level}" nhưng nhóm "${a.group}" thì không`, hint: { en: () => "add the level to the group, or remove it from the node", vi: () => "thêm cấp vào nhóm, hoặc bỏ cấp khỏi chỉ số" } },
  CRITERIA_WEIGHT: { en: (a) => `the weight of "${a.id}" is ${a.weight}; weights must be positive`, vi: (a) => `trọng số của "${a.id}" là ${a.weight}; trọng số phải dương`, hint: { en: () => "use a number above 0, or remove the node", vi: () => "dùng số lớn hơn 0, hoặc bỏ chỉ số" } },
  CRITERIA_EMPTY_GROUP: { en: (a) => `the group "${a.id}" has no groups and no indicators`, vi: (a) => `nhóm "${a.id}" không có nhóm con hay chỉ số`, hint: { en: () => "add indicators: or remove the group", vi: () => "thêm indicators: hoặc bỏ nhóm" } },
  CRITERIA_MEAN_NEEDS_MAX: { en: (a) => `"${a.id}" aggregates by ${a.aggregation} and needs a max:`, vi: (a) => `"${a.id}" tổng hợp theo ${a.aggregation} nên cần khai báo max:`, hint: { en: () => "add max: (the points the group is worth)", vi: () => "thêm max: (điểm tối đa của nhóm)" } },
  CRITERIA_UNIT_RULE: { en: (a) => `"${a.id}": unit ${a.unit} does not fit the ${a.rule} rule`, vi: (a) => `"${a.id}": đơn vị ${a.unit} không hợp với quy tắc ${a.rule}`, hint: { en: () => "boolean rules read unit boolean, categorical rules unit text, the others numbers (percent, fraction, number)", vi: () => "quy tắc boolean dùng unit boolean, categorical dùng text, các quy tắc khác dùng số (percent, fraction, number)" } },
  CRITERIA_STEP_BOUND: { en: (a) => `"${a.id}" step ${a.step} needs exactly one of atLeast or atMost`, vi: (a) => `"${a.id}" bậc ${a.step} cần đúng một trong atLeast hoặc atMost`, hint: { en: () => "write { atLeast: 4, points: 2 } or { atMost: 1, points: 4 }", vi: () => "viết { atLeast: 4, points: 2 } hoặc { atMost: 1, points: 4 }" } },
  CRITERIA_POINTS_OR_SHARE: { en: (a) => `"${a.id}" ${a.item} needs exactly one of points or share`, vi: (a) => `"${a.id}" ${a.item} cần đúng một trong points hoặc share`, hint: { en: () => "points are absolute; share is a fraction of the maximum", vi: () => "points là điểm tuyệt đối; share là tỉ lệ của điểm tối đa" } },
  CRITERIA_POINTS_ABOVE_MAX: { en: (a) => `"${a.id}" awards ${a.points} points, above its maximum ${a.max}`, vi: (a) => `"${a.id}" cho ${a.points} điểm, vượt điểm tối đa ${a.max}`, hint: { en: () => "lower the points or raise max:", vi: () => "giảm điểm hoặc tăng max:" } },
  CRITERIA_STEPS_MIXED: { en: (a) => `"${a.id}" mixes atLeast and atMost steps`, vi: (a) => `"${a.id}" trộn bậc atLeast và atMost`, hint: { en: () => "use atLeast for higher-is-better, atMost for lower-is-better", vi: () => "dùng atLeast khi càng cao càng tốt, atMost khi càng thấp càng tốt" } },
  CRITERIA_STEPS_ORDER: { en: (a) => `"${a.id}" step ${a.step}: ${a.bound} ${a.value} is out of order after ${a.previous}`, vi: (a) => `"${a.id}" bậc ${a.step}: ${a.bound} ${a.value} sai thứ tự sau ${a.previous}`, hint: { en: () => "atLeast steps go from the highest threshold down, atMost steps from the lowest up", vi: () => "bậc atLeast xếp từ ngưỡng cao xuống, bậc atMost từ ngưỡng thấp lên" } },
  CRITERIA_DUPLICATE_CATEGORY: { en: (a) => `"${a.id}": the category value "${a.value}" is listed twice`, vi: (a) => `"${a.id}": giá trị "${a.value}" bị liệt kê hai lần`, hint: { en: () => "each value and alias may appear once", vi: () => "mỗi giá trị và bí danh chỉ xuất hiện một lần" } },
  CRITERIA_GOALPOSTS: { en: (a) => `"${a.id}": the goalposts lower ${a.lower} and upper ${a.upper} are not in order`, vi: (a) => `"${a.id}": mốc lower ${a.lower} và upper ${a.upper} sai thứ tự`, hint: { en: () => "lower must be below upper; use direction: lower for lower-is-better", vi: () => "lower phải nhỏ hơn upper; dùng direction: lower khi càng thấp càng tốt" } },
  CRITERIA_ROLLUP_LEVEL: { en: (a) => `"${a.id}" rolls up level "${a.child}", which is not below level "${a.level}"`, vi: (a) => `"${a.id}" tổng hợp cấp "${a.child}", không phải cấp dưới của "${a.level}"`, hint: { en: () => "roll up a level whose parent: chain leads to this one, or restrict the indicator with levels:", vi: () => "chọn cấp có chuỗi parent: dẫn tới cấp này, hoặc giới hạn chỉ số bằng levels:" } },
  CRITERIA_UNKNOWN_NODE: { en: (a) => `no group or indicator has the id "${a.id}"`, vi: (a) => `không có nhóm hay chỉ số mã "${a.id}"`, hint: { en: () => "use total or an existing id", vi: () => "dùng total hoặc một mã có sẵn" } },
  CRITERIA_BANDS_ORDER: { en: (a) => `band "${a.id}" (min ${a.min}) is not below the band before it (min ${a.previous})`, vi: (a) => `mức "${a.id}" (min ${a.min}) không thấp hơn mức trước (min ${a.previous})`, hint: { en: () => "list the bands from the highest min down", vi: () => "liệt kê các mức từ min cao xuống thấp" } },
  CRITERIA_MAX_SUM: { en: (a) => `"${a.id}" declares max ${a.declared} but its children add up to ${a.sum}`, vi: (a) => `"${a.id}" khai báo max ${a.declared} nhưng tổng các thành phần là ${a.sum}`, hint: { en: () => "correct max: or the children's maxima", vi: () => "sửa max: hoặc điểm tối đa của các thành phần" } },
  CRITERIA_LEVEL_EMPTY: { en: (a) => `no indicator applies at level "${a.level}"`, vi: (a) => `không có chỉ số nào áp dụng cho cấp "${a.level}"`, hint: { en: () => "check the levels: of the indicators", vi: () => "kiểm tra levels: của các chỉ số" } },
  CRITERIA_EXPR_SYNTAX: { en: (a) => `the value: of "${a.id}" does not parse: found ${a.found}, expected ${a.expected}`, vi: (a) => `biểu thức value: của "${a.id}" sai cú pháp: gặp ${a.found}, cần ${a.expected}`, hint: { en: () => 'write it as in "100 - (qua-han + khieu-nai)": numbers, ids, + - * /, comparisons, max min sum mean if; docs/criteria.md lists it all', vi: () => 'viết như "100 - (qua-han + khieu-nai)": số, mã, + - * /, so sánh, max min sum mean if; xem docs/criteria.md' } },
  CRITERIA_EXPR_UNKNOWN_NAME: { en: (a) => `the value: of "${a.id}" names "${a.name}", which is no input and no indicator${a.suggestion ? ` (did you mean ${a.suggestion}?)` : ""}`, vi: (a) => `biểu thức value: của "${a.id}" dùng "${a.name}", không phải cột dữ liệu (inputs:) hay chỉ số nào${a.suggestion ? ` (có phải ${a.suggestion}?)` : ""}`, hint: { en: () => "declare the data column under inputs:, or use an indicator's id; a minus needs spaces around it (qua-han is one name, a - b a subtraction)", vi: () => "khai báo cột dữ liệu trong inputs:, hoặc dùng mã chỉ số; dấu trừ cần khoảng trắng hai bên (qua-han là một tên, a - b là phép trừ)" } },
  CRITERIA_EXPR_CYCLE: { en: (a) => `computed indicators depend on each other in a cycle: ${a.cycle}`, vi: (a) => `các chỉ số tính toán phụ thuộc vòng tròn: ${a.cycle}`, hint: { en: () => "one of them must be computed from data columns (inputs:) only", vi: () => "một trong số đó phải tính từ cột dữ liệu (inputs:) mà thôi" } },
  CRITERIA_EXPR_TEXT: { en: (a) => (a.name === a.id ? `"${a.id}" is a text (categorical) indicator and cannot be computed` : `the value: of "${a.id}" reads "${a.name}", a text (categorical) indicator: an expression computes with numbers`), vi: (a) => (a.name === a.id ? `"${a.id}" là chỉ số dạng chữ (categorical), không tính bằng biểu thức được` : `biểu thức value: của "${a.id}" đọc "${a.name}", chỉ số dạng chữ (categorical): biểu thức chỉ tính với số`), hint: { en: () => "use numbers, percentages or yes/no (read as 1 and 0)", vi: () => "dùng số, tỉ lệ phần trăm hoặc có/không (đọc là 1 và 0)" } },
  CRITERIA_EXPR_CONFLICT: { en: (a) => `"${a.id}" has a value: expression and ${a.key}: a computed indicator reads no column and rolls nothing up`, vi: (a) => `"${a.id}" có cả biểu thức value: và ${a.key}: chỉ số tính toán không đọc cột và không tổng hợp`, hint: { en: () => "keep one of the two", vi: () => "giữ một trong hai" } },
  CRITERIA_EXPR_LEVEL: { en: (a) => `"${a.id}" is computed at level "${a.level}" from "${a.name}", which does not apply there`, vi: (a) => `"${a.id}" được tính ở cấp "${a.level}" từ "${a.name}", chỉ số không áp dụng cho cấp đó`, hint: { en: () => "make both apply at the same levels, or read the figure as an input (inputs:)", vi: () => "cho hai chỉ số áp dụng cùng các cấp, hoặc đọc số liệu qua inputs:" } },
  CRITERIA_INPUT_UNUSED: { en: (a) => `the input "${a.id}" is read by no computed indicator`, vi: (a) => `cột dữ liệu "${a.id}" không được chỉ số tính toán nào dùng`, hint: { en: () => "use it in a value: expression, or remove it from inputs:", vi: () => "dùng trong một biểu thức value:, hoặc bỏ khỏi inputs:" } },
  DATA_ATTRIBUTE_NOT_FOUND: { en: (a) => `the criteria apply a node by the unit attribute "${a.attribute}", but ${a.registry ? `the units registry ${a.registry} has no such column` : "there is no units registry to read it from"}`, vi: (a) => `bộ tiêu chí xét áp dụng theo thuộc tính "${a.attribute}" của đơn vị, nhưng ${a.registry ? `danh mục đơn vị ${a.registry} không có cột này` : "không có danh mục đơn vị (units:) để đọc"}`, hint: { en: (a) => `add a column "${a.attribute}" to the units registry (units: in the manifest), or keep it from the data files with columns: { attributes: [${a.attribute}] }`, vi: (a) => `thêm cột "${a.attribute}" vào danh mục đơn vị (units: trong manifest), hoặc lấy từ tệp dữ liệu bằng columns: { attributes: [${a.attribute}] }` } },
  CRITERIA_VIEW_UNKNOWN_INDICATOR: { en: (a) => `the view "${a.view}" names "${a.id}", which is no scored indicator of the criteria${a.suggestion ? ` (did you mean ${a.suggestion}?)` : ""}`, vi: (a) => `góc nhìn "${a.view}" dùng "${a.id}", không phải chỉ số chấm điểm nào của bộ tiêu chí${a.suggestion ? ` (có phải ${a.suggestion}?)` : ""}`, hint: { en: () => "a view regroups the indicators of the main tree: use their ids (not groups, inputs, bonus or penalty)", vi: () => "góc nhìn nhóm lại các chỉ số của cây chính: dùng mã chỉ số (không dùng nhóm, inputs, điểm thưởng hay điểm trừ)" } },
  CRITERIA_VIEW_REPEATED: { en: (a) => `the view "${a.view}" lists "${a.id}" in "${a.group}" and already in "${a.other}": it would count twice in the view's total`, vi: (a) => `góc nhìn "${a.view}" đưa "${a.id}" vào "${a.group}" trong khi đã có ở "${a.other}": chỉ số sẽ bị tính hai lần trong tổng của góc nhìn`, hint: { en: () => "list each indicator once per view; to show it in another grouping, make another view", vi: () => "mỗi chỉ số chỉ một lần trong một góc nhìn; muốn nhóm khác, tạo thêm góc nhìn" } },
  CRITERIA_DUPLICATE_COLUMN: { en: (a) => `"${a.id}" and "${a.other}" read the same CSV column "${a.column}"`, vi: (a) => `"${a.id}" và "${a.other}" cùng đọc cột "${a.column}"`, hint: { en: () => "give one of them another column: or map:", vi: () => "đặt column: hoặc map: khác cho một chỉ số" } },
  // CSV
  ENCODING_INVALID_UTF8: {
    en: (a) => `the file is not valid UTF-8 (first bad byte at line ${a.line})`,
    vi: (a) => `tệp không phải UTF-8 hợp lệ (byte lỗi đầu tiên ở dòng ${a.line})`,
    hint: { en: () => "files saved by older Excel are often windows-1258: set input.encoding: windows-1258 in egov-score.yaml (or --input-encoding windows-1258)", vi: () => "tệp lưu từ Excel cũ thường là windows-1258: đặt input.encoding: windows-1258 trong egov-score.yaml (hoặc --input-encoding windows-1258)" },
  },
  ENCODING_WINDOWS_1258: {
    en: (a) => (a.declared === "auto" ? `${a.path} is not UTF-8: read as windows-1258 (Vietnamese Windows)` : `${a.path} is not UTF-8 although input.encoding is ${a.declared}: read as windows-1258`),
    vi: (a) => (a.declared === "auto" ? `${a.path} không phải UTF-8: đã đọc theo windows-1258 (Windows tiếng Việt)` : `${a.path} không phải UTF-8 dù input.encoding là ${a.declared}: đã đọc theo windows-1258`),
    hint: { en: () => "check that its names read right; saving it as \"CSV UTF-8\" avoids the guess", vi: () => "kiểm tra tên đơn vị hiển thị đúng; lưu lại dạng \"CSV UTF-8\" để khỏi phải đoán" },
  },
  ENCODING_UTF16_NO_BOM: {
    en: () => "the file looks like UTF-16 without a byte-order mark",
    vi: () => "tệp có vẻ là UTF-16 không có BOM",
    hint: { en: () => "set input.encoding: utf-16le, or save the file as UTF-8", vi: () => "đặt input.encoding: utf-16le, hoặc lưu lại tệp dạng UTF-8" },
  },
  CSV_SYNTAX: { en: (a) => `CSV syntax error: ${a.detail}`, vi: (a) => `lỗi cú pháp CSV: ${a.detail}`, hint: { en: () => "check the quotes on this line: a quote that opens a cell must close it", vi: () => "kiểm tra dấu nháy ở dòng này: dấu nháy mở ô phải được đóng" } },
  CSV_RAGGED: { en: (a) => `the row has ${a.actual} cells but the header has ${a.expected}`, vi: (a) => `dòng có ${a.actual} ô nhưng tiêu đề có ${a.expected}`, hint: { en: () => "a separator inside a cell needs quotes around the cell", vi: () => "dấu phân cách nằm trong ô cần đặt ô trong dấu nháy" } },
  CSV_REPEATED_HEADER: {
    en: (a) => `the header row appears again (first on line ${a.first}): the row is skipped`,
    vi: (a) => `dòng tiêu đề lặp lại (lần đầu ở dòng ${a.first}): bỏ qua dòng này`,
    hint: { en: () => "two files pasted into one? remove the repeated header", vi: () => "hai tệp bị dán chung? xóa dòng tiêu đề lặp" },
  },
  CSV_NO_ROWS: { en: () => "the file has a header but no rows", vi: () => "tệp chỉ có dòng tiêu đề, không có dữ liệu", hint: { en: () => "fill in the rows, or remove the file", vi: () => "điền dữ liệu hoặc bỏ tệp" } },
  CSV_DELIMITER_MISMATCH: {
    en: (a) => `this file uses \`${a.found}\`; the manifest says \`${a.declared}\`: read with \`${a.found}\`${a.decimal ? `, and decimal points (85.5)` : ""}`,
    vi: (a) => `tệp này dùng dấu \`${a.found}\`; manifest ghi \`${a.declared}\`: đã đọc với dấu \`${a.found}\`${a.decimal ? `, số thập phân dùng dấu chấm (85.5)` : ""}`,
    hint: {
      en: (a) => `save the file again with \`${a.declared}\` between fields, or set input.delimiter: auto in egov-score.yaml`,
      vi: (a) => `lưu lại tệp với dấu \`${a.declared}\` giữa các cột, hoặc đặt input.delimiter: auto trong egov-score.yaml`,
    },
  },
  CSV_NO_CODE_COLUMN: { en: (a) => `no "${a.column}" column: the header is ${a.header}`, vi: (a) => `không có cột "${a.column}": tiêu đề là ${a.header}`, hint: { en: () => "name the unit code column in the header, or set columns.code in egov-score.yaml", vi: () => "đặt tên cột mã đơn vị, hoặc khai báo columns.code trong egov-score.yaml" } },
  CSV_DUPLICATE_HEADER: { en: (a) => `the header "${a.header}" appears twice`, vi: (a) => `tiêu đề "${a.header}" xuất hiện hai lần`, hint: { en: () => "rename or remove one column", vi: () => "đổi tên hoặc bỏ một cột" } },
  CSV_UNKNOWN_COLUMN: { en: (a) => `the column "${a.header}" is not an indicator of the criteria${a.suggestion ? `; did you mean "${a.suggestion}"?` : ""}`, vi: (a) => `cột "${a.header}" không phải chỉ số của bộ tiêu chí${a.suggestion ? `; có phải "${a.suggestion}"?` : ""}`, hint: { en: () => "rename the column to the indicator id, or map it with map: in egov-score.yaml", vi: () => "đổi tên cột thành mã chỉ số, hoặc khai báo map: trong egov-score.yaml" } },
  // units
  DATA_NO_UNITS: {
    en: () => "no unit to score yet: the units registry and the data files have no rows",
    vi: () => "chưa có đơn vị nào để chấm: danh mục đơn vị và các tệp số liệu chưa có dòng nào",
    hint: {
      en: (a) => `list the units in ${a.units} (code, name, level, parent), and fill in one row per unit in ${a.data} (code, name, level, then the figures); ${a.readme} says what goes in each column`,
      vi: (a) => `khai các đơn vị trong ${a.units} (mã, tên, cấp, đơn vị cha), và điền mỗi đơn vị một dòng trong ${a.data} (mã, tên, cấp, rồi số liệu); ${a.readme} hướng dẫn cách ghi từng cột`,
    },
  },
  UNIT_UNRANKED_UNKNOWN: {
    en: (a) => `unranked.units lists "${a.unit}", which is not a unit of this assessment${a.suggestion ? `; did you mean "${a.suggestion}"?` : ""}: no unit is left out of the ranking for it`,
    vi: (a) => `unranked.units ghi "${a.unit}", nhưng đơn vị này không có trong đánh giá${a.suggestion ? `; có phải "${a.suggestion}"?` : ""}: không đơn vị nào được đưa ra khỏi xếp hạng theo dòng này`,
    hint: { en: () => "correct the code as the units registry or the data write it, or remove the line", vi: () => "sửa mã cho đúng như trong danh mục đơn vị hoặc tệp số liệu, hoặc xóa dòng này" },
  },
  DATA_UNKNOWN_UNIT: { en: (a) => `the unit "${a.unit}" is not in the units registry${a.suggestion ? `; did you mean "${a.suggestion}"?` : ""}`, vi: (a) => `đơn vị "${a.unit}" không có trong danh mục đơn vị${a.suggestion ? `; có phải "${a.suggestion}"?` : ""}`, hint: { en: () => "add it to the units file, or correct the code", vi: () => "thêm vào danh mục đơn vị, hoặc sửa mã" } },
  DATA_DUPLICATE_UNIT: { en: (a) => `the unit "${a.unit}" appears twice (first at ${a.first})`, vi: (a) => `đơn vị "${a.unit}" xuất hiện hai lần (lần đầu ở ${a.first})`, hint: { en: () => "keep one row per unit and period", vi: () => "giữ một dòng cho mỗi đơn vị và kỳ" } },
  DATA_DUPLICATE_VALUE: { en: (a) => `"${a.indicator}" of unit "${a.unit}" is given twice (first at ${a.first})`, vi: (a) => `"${a.indicator}" của đơn vị "${a.unit}" được khai hai lần (lần đầu ở ${a.first})`, hint: { en: () => "keep one value per unit and indicator", vi: () => "giữ một giá trị cho mỗi đơn vị và chỉ số" } },
  DATA_UNKNOWN_LEVEL: { en: (a) => `unknown level "${a.level}"`, vi: (a) => `cấp "${a.level}" không tồn tại`, hint: { en: (a) => `the levels of the criteria are: ${a.known}`, vi: (a) => `các cấp của bộ tiêu chí: ${a.known}` } },
  DATA_NO_LEVEL: { en: (a) => `the level of unit "${a.unit}" is not known`, vi: (a) => `không rõ cấp của đơn vị "${a.unit}"`, hint: { en: () => "fill in its level (a level id of the criteria) in a level column, or list the unit in the units registry", vi: () => "điền cấp (mã cấp trong bộ tiêu chí) vào cột level, hoặc khai đơn vị trong danh mục" } },
  DATA_NO_CODE: { en: () => "the row has no unit code", vi: () => "dòng không có mã đơn vị", hint: { en: () => "fill in the code, or delete the row", vi: () => "điền mã đơn vị hoặc xóa dòng" } },
  DATA_UNKNOWN_INDICATOR: { en: (a) => `unknown indicator "${a.indicator}"${a.suggestion ? `; did you mean "${a.suggestion}"?` : ""}`, vi: (a) => `chỉ số "${a.indicator}" không tồn tại${a.suggestion ? `; có phải "${a.suggestion}"?` : ""}`, hint: { en: () => "use an indicator id from the criteria (`egov-score criteria` lists them)", vi: () => "dùng mã chỉ số trong bộ tiêu chí (`egov-score criteria` liệt kê)" } },
  DATA_LEVEL_NOT_SENT: {
    en: (a) => `no unit of level "${a.level}" has a row${a.period !== undefined ? ` of period ${a.period}` : ""} in the data files read (${a.files}): its ${a.units} units in the registry are not ranked`,
    vi: (a) => `không đơn vị nào của cấp "${a.level}" có dòng${a.period !== undefined ? ` của kỳ ${a.period}` : ""} trong các tệp số liệu đã đọc (${a.files}): ${a.units} đơn vị của cấp này trong danh mục không được xếp hạng`,
    hint: {
      en: (a) => `if the level is assessed, add its file to data: in egov-score.yaml (or --data), or check the file's name, its code column${a.period !== undefined ? " and its period column" : ""}`,
      vi: (a) => `nếu cấp này được đánh giá, thêm tệp của cấp vào mục data: trong egov-score.yaml (hoặc --data), hoặc kiểm tra tên tệp, cột mã${a.period !== undefined ? " và cột kỳ" : ""} của tệp`,
    },
  },
  DATA_COLUMN_ABSENT: {
    en: (a) => `no file of level "${a.level}" has the column "${a.column}" (${a.files}): its ${a.units} units are scored on "${a.indicator}" by the missing-data policy, ${a.points} point${a.points === 1 ? "" : "s"} at stake`,
    vi: (a) => `không tệp nào của cấp "${a.level}" có cột "${a.column}" (${a.files}): ${a.units} đơn vị bị chấm chỉ số "${a.indicator}" theo quy tắc thiếu số liệu, ${a.points} điểm bị ảnh hưởng`,
    hint: {
      en: (a) => `add the column "${a.column}" with each unit's value (write "không áp dụng" where it does not apply), or check that it was not deleted or renamed`,
      vi: (a) => `thêm cột "${a.column}" với giá trị của từng đơn vị (ghi "không áp dụng" nếu không áp dụng), hoặc kiểm tra cột có bị xóa hay đổi tên không`,
    },
  },
  DATA_UNIT_NAME_MISMATCH: {
    en: (a) => `the row names unit "${a.unit}" "${a.name}", but the registry calls it "${a.registered}"${a.owner ? `; "${a.name}" is the name of "${a.owner}"` : ""}`,
    vi: (a) => `dòng này ghi tên đơn vị "${a.unit}" là "${a.name}", nhưng danh mục ghi "${a.registered}"${a.owner ? `; "${a.name}" là tên của "${a.owner}"` : ""}`,
    hint: {
      en: (a) => (a.owner ? `check the code of this row: should it be "${a.owner}"?` : "check the code of this row, or correct the name"),
      vi: (a) => (a.owner ? `kiểm tra mã của dòng này: có phải "${a.owner}"?` : "kiểm tra mã của dòng này, hoặc sửa tên"),
    },
  },
  DATA_NOT_APPLICABLE_LEVEL: { en: (a) => `"${a.indicator}" does not apply at level "${a.level}"; the value of unit "${a.unit}" is ignored`, vi: (a) => `"${a.indicator}" không áp dụng cho cấp "${a.level}"; giá trị của "${a.unit}" bị bỏ qua`, hint: { en: () => "leave the cell empty or remove the column for this level", vi: () => "để trống ô hoặc bỏ cột cho cấp này" } },
  UNIT_PARENT_MISSING: { en: (a) => `the parent "${a.parent}" of unit "${a.unit}" is not a known unit`, vi: (a) => `đơn vị cha "${a.parent}" của "${a.unit}" không tồn tại`, hint: { en: () => "add the parent to the units registry, or correct the parent code", vi: () => "thêm đơn vị cha vào danh mục, hoặc sửa mã cha" } },
  UNIT_PARENT_LEVEL: { en: (a) => `the parent "${a.parent}" of unit "${a.unit}" is at level "${a.actual}", expected "${a.expected}"`, vi: (a) => `đơn vị cha "${a.parent}" của "${a.unit}" thuộc cấp "${a.actual}", cần cấp "${a.expected}"`, hint: { en: () => "correct the parent code", vi: () => "sửa mã đơn vị cha" } },
  UNIT_NO_PARENT: { en: (a) => `unit "${a.unit}" at level "${a.level}" has no parent "${a.expected}"`, vi: (a) => `đơn vị "${a.unit}" cấp "${a.level}" thiếu đơn vị cha cấp "${a.expected}"`, hint: { en: () => "fill in the parent column", vi: () => "điền cột parent" } },
  UNIT_PARENT_CYCLE: { en: (a) => `unit "${a.unit}" is its own ancestor through its parents`, vi: (a) => `đơn vị "${a.unit}" là tổ tiên của chính nó qua chuỗi đơn vị cha`, hint: { en: () => "correct the parent codes", vi: () => "sửa mã đơn vị cha" } },
  // values
  VALUE_CELL_ERROR: {
    en: (a) => `"${a.value}" in "${a.header}" is a spreadsheet error, not a value`,
    vi: (a) => `"${a.value}" ở cột "${a.header}" là lỗi của bảng tính, không phải giá trị`,
    hint: { en: () => "correct the formula that gives it, or write the value; write N/A (or -) where the indicator does not apply", vi: () => "sửa công thức gây lỗi, hoặc ghi giá trị; ghi N/A (hoặc -) nếu chỉ số không áp dụng" },
  },
  VALUE_NOT_A_NUMBER: { en: (a) => `"${a.value}" in "${a.header}" is not a number`, vi: (a) => `"${a.value}" ở cột "${a.header}" không phải số`, hint: { en: (a) => `write a plain number such as 85 or ${a.decimal === "," ? "85,5" : "85.5"}, or leave the cell empty`, vi: (a) => `ghi số như 85 hoặc ${a.decimal === "," ? "85,5" : "85.5"}, hoặc để trống` } },
  VALUE_DECIMAL_COMMA: { en: (a) => `"${a.value}" in "${a.header}" looks like a decimal comma, but input.decimal is "."`, vi: (a) => `"${a.value}" ở cột "${a.header}" có vẻ dùng dấu phẩy thập phân, nhưng input.decimal là "."`, hint: { en: () => 'set input.decimal: "," in egov-score.yaml (or --input-decimal ,)', vi: () => 'đặt input.decimal: "," trong egov-score.yaml (hoặc --input-decimal ,)' } },
  VALUE_DECIMAL_DOT: { en: (a) => `"${a.value}" in "${a.header}" cannot be read with input.decimal ","`, vi: (a) => `"${a.value}" ở cột "${a.header}" không đọc được với input.decimal ","`, hint: { en: () => 'with decimal ",", the dot separates thousands (1.234,5); set input.decimal: "." if the file uses a decimal dot', vi: () => 'với decimal ",", dấu chấm phân cách hàng nghìn (1.234,5); đặt input.decimal: "." nếu tệp dùng dấu chấm thập phân' } },
  VALUE_NOT_FINITE: { en: (a) => `"${a.value}" in "${a.header}" is not a finite number`, vi: (a) => `"${a.value}" ở cột "${a.header}" không phải số hữu hạn`, hint: { en: () => "write an ordinary number", vi: () => "ghi một số bình thường" } },
  VALUE_NOT_BOOLEAN: { en: (a) => `"${a.value}" in "${a.header}" is not yes or no`, vi: (a) => `"${a.value}" ở cột "${a.header}" không phải có/không`, hint: { en: () => "write có/không, yes/no, x (yes) or leave it empty; - or N/A for not applicable", vi: () => "ghi có/không, yes/no, x (có) hoặc để trống; - hoặc N/A nếu không áp dụng" } },
  VALUE_UNKNOWN_CATEGORY: { en: (a) => `"${a.value}" in "${a.header}" is not one of: ${a.allowed}`, vi: (a) => `"${a.value}" ở cột "${a.header}" không thuộc: ${a.allowed}`, hint: { en: () => "use one of the listed values", vi: () => "dùng một trong các giá trị đã liệt kê" } },
  VALUE_OUT_OF_RANGE: { en: (a) => `${a.value} in "${a.header}" is outside ${a.range}`, vi: (a) => `${a.value} ở cột "${a.header}" nằm ngoài ${a.range}`, hint: { en: () => "a percentage is between 0 and 100, a fraction between 0 and 1", vi: () => "tỉ lệ phần trăm từ 0 đến 100, phân số từ 0 đến 1" } },
  VALUE_NEGATIVE: { en: (a) => `${a.value} in "${a.header}" is negative`, vi: (a) => `${a.value} ở cột "${a.header}" là số âm`, hint: { en: () => "counts and amounts cannot be negative", vi: () => "số lượng không thể âm" } },
  VALUE_NUM_ABOVE_DEN: { en: (a) => `the numerator ${a.numerator} of "${a.indicator}" is above its denominator ${a.denominator}`, vi: (a) => `tử số ${a.numerator} của "${a.indicator}" lớn hơn mẫu số ${a.denominator}`, hint: { en: () => "check both figures: the numerator counts part of the denominator", vi: () => "kiểm tra hai số: tử số là một phần của mẫu số" } },
  VALUE_HALF_RATIO: { en: (a) => `"${a.indicator}" of unit "${a.unit}" has a ${a.given} but no ${a.missing}`, vi: (a) => `"${a.indicator}" của "${a.unit}" có ${RATIO_PART_VI[String(a.given)] ?? a.given} nhưng thiếu ${RATIO_PART_VI[String(a.missing)] ?? a.missing}`, hint: { en: () => "fill in both the numerator and the denominator", vi: () => "điền cả tử số và mẫu số" } },
  VALUE_AND_RATIO: {
    en: (a) => `"${a.indicator}" of unit "${a.unit}" has both a value, ${a.value}, and a numerator and denominator, ${a.numerator}/${a.denominator}: which one counts cannot be told`,
    vi: (a) => `"${a.indicator}" của "${a.unit}" có cả giá trị ${a.value} lẫn tử số và mẫu số ${a.numerator}/${a.denominator}: không biết lấy số nào`,
    hint: { en: () => "keep one: the value, or the numerator and denominator (the value is then worked out from them); leave the other cells empty", vi: () => "giữ một cách ghi: giá trị, hoặc tử số và mẫu số (khi đó giá trị được tính từ hai số này); để trống các ô còn lại" },
  },
  VALUE_PERCENT_SIGN: {
    en: (a) => `"${a.value}" in "${a.header}" has a percent sign, but the column is not a percentage`,
    vi: (a) => `"${a.value}" ở cột "${a.header}" có dấu phần trăm, nhưng cột này không phải tỉ lệ phần trăm`,
    hint: { en: () => "write the figure without %: a count, an amount or points (a numerator and a denominator are counts; their ratio is the percentage)", vi: () => "ghi số không có dấu %: số lượng, giá trị hoặc điểm (tử số và mẫu số là số lượng; tỉ lệ phần trăm được tính từ hai số này)" },
  },
  VALUE_LOOKS_LIKE_THOUSANDS: {
    en: (a) => `"${a.value}" in "${a.header}" is read as a decimal number, between ${a.below} and ${a.above}, not as ${a.thousands}`,
    vi: (a) => `"${a.value}" ở cột "${a.header}" được đọc là số thập phân, giữa ${a.below} và ${a.above}, không phải ${a.thousands}`,
    hint: {
      en: (a) => `if it means ${a.thousands}, write it without a thousands separator: ${a.thousands}; if the whole file writes numbers the other way, set input.decimal in egov-score.yaml`,
      vi: (a) => `nếu ý là ${a.thousands}, ghi không có dấu phân cách hàng nghìn: ${a.thousands}; nếu cả tệp ghi số theo kiểu kia, đặt input.decimal trong egov-score.yaml`,
    },
  },
  VALUE_ZERO_DENOMINATOR: { en: (a) => `the denominator of "${a.indicator}" is 0: treated as not applicable`, vi: (a) => `mẫu số của "${a.indicator}" bằng 0: coi là không áp dụng`, hint: { en: () => 'write "-" to say not applicable explicitly', vi: () => 'ghi "-" để ghi rõ không áp dụng' } },
  VALUE_LOOKS_LIKE_FRACTION: {
    en: (a) => (a.all === "yes" ? `every value of "${a.indicator}" is 1 or less (${a.written ?? a.value} for unit "${a.unit}"): they look like fractions, not percentages` : `${a.written ?? a.value} for "${a.indicator}" of unit "${a.unit}" looks like a fraction among percentages`),
    vi: (a) => (a.all === "yes" ? `mọi giá trị của "${a.indicator}" đều không quá 1 (${a.written ?? a.value} ở đơn vị "${a.unit}"): trông như phân số, không phải tỉ lệ phần trăm` : `${a.written ?? a.value} của "${a.indicator}" ở đơn vị "${a.unit}" trông như phân số giữa các tỉ lệ phần trăm`),
    // (the figures as the file writes them, where the cell's text is kept: the fix is typed there)
    hint: { en: (a) => `a percentage is written from 0 to 100: ${a.fix ?? a.percent}, not ${a.written ?? a.value}`, vi: (a) => `tỉ lệ phần trăm ghi từ 0 đến 100: ${a.fix ?? a.percent}, không phải ${a.written ?? a.value}` },
  },
  VALUE_ABOVE_MAX: {
    en: (a) => `${a.value} for "${a.indicator}" of unit "${a.unit}" is above the indicator's maximum of ${a.max} points`,
    vi: (a) => `${a.value} của "${a.indicator}" ở đơn vị "${a.unit}" vượt điểm tối đa ${a.max} của chỉ số`,
    hint: { en: () => "points are given from 0 to the maximum: check the figure (a percentage typed in a points column?)", vi: () => "điểm được cho từ 0 đến điểm tối đa: kiểm tra lại số (có phải đã ghi tỉ lệ % vào cột điểm?)" },
  },
  VALUE_DIVISION_BY_ZERO: { en: (a) => `computing "${a.indicator}" for unit "${a.unit}" divides by zero (${a.divisor} is 0): treated as not applicable`, vi: (a) => `tính "${a.indicator}" cho đơn vị "${a.unit}" gặp phép chia cho 0 (${a.divisor} bằng 0): coi là không áp dụng`, hint: { en: () => "check the figure; or say in the criteria what a zero scores, with if(): if(den == 0, 100, num / den * 100)", vi: () => "kiểm tra số liệu; hoặc quy định trong bộ tiêu chí bằng if(): if(den == 0, 100, num / den * 100)" } },
  MISSING_VALUE: { en: (a) => `unit "${a.unit}" has no value for "${a.indicator}", and its missing policy is error`, vi: (a) => `đơn vị "${a.unit}" thiếu giá trị "${a.indicator}", và chính sách thiếu dữ liệu là error`, hint: { en: () => 'fill in the value, write "-" if not applicable, or change missing:', vi: () => 'điền giá trị, ghi "-" nếu không áp dụng, hoặc đổi missing:' } },
  // periods
  PERIOD_LATEST: { en: (a) => `the data hold ${a.count} periods (${a.periods}); scoring the latest, ${a.period}`, vi: (a) => `dữ liệu có ${a.count} kỳ (${a.periods}); tính điểm kỳ mới nhất, ${a.period}`, hint: { en: () => "choose one with --period", vi: () => "chọn kỳ bằng --period" } },
  PERIOD_NOT_FOUND: { en: (a) => `no data for period ${a.period}`, vi: (a) => `không có dữ liệu kỳ ${a.period}`, hint: { en: (a) => `periods in the data: ${a.known}`, vi: (a) => `các kỳ trong dữ liệu: ${a.known}` } },
  PERIOD_NESTED: { en: (a) => `period ${a.period} points at ${a.path}, which lists periods of its own`, vi: (a) => `kỳ ${a.period} trỏ tới ${a.path}, nơi lại liệt kê các kỳ riêng`, hint: { en: () => "point each period at an assessment folder with data:, not at another series", vi: () => "trỏ mỗi kỳ tới một thư mục đánh giá có data:, không tới một chuỗi kỳ khác" } },
  MANIFEST_DATA_AND_PERIODS: { en: () => "the manifest has both data: and periods:", vi: () => "manifest có cả data: và periods:", hint: { en: () => "with periods:, give each period's data under its own entry and remove data:", vi: () => "khi dùng periods:, khai dữ liệu của từng kỳ trong mục của kỳ đó và bỏ data:" } },
  // crosswalks between periods
  CROSSWALK_COLUMNS: {
    en: (a) => `the crosswalk has no column ${a.column} (headers: ${a.headers})`,
    vi: (a) => `bảng chuyển đổi không có cột ${a.column} (các cột: ${a.headers})`,
    hint: { en: () => "a crosswalk has the columns old and new, and optionally date, share and note", vi: () => "bảng chuyển đổi có các cột old và new, có thể thêm date, share và note" },
  },
  CROSSWALK_EMPTY_CODE: {
    en: (a) => `crosswalk row without ${a.column} code`,
    vi: (a) => `dòng của bảng chuyển đổi thiếu mã ở cột ${a.column}`,
    hint: { en: () => "every row names the old unit's code and the new unit's code", vi: () => "mỗi dòng ghi mã đơn vị cũ và mã đơn vị mới" },
  },
  CROSSWALK_DUPLICATE: {
    en: (a) => `${a.old} → ${a.new} is listed twice (first at line ${a.first})`,
    vi: (a) => `${a.old} → ${a.new} được ghi hai lần (lần đầu ở dòng ${a.first})`,
    hint: { en: () => "keep one row per old and new unit", vi: () => "giữ một dòng cho mỗi cặp đơn vị cũ và mới" },
  },
  CROSSWALK_SHARE: {
    en: (a) => `share "${a.value}" is not a number above 0 and at most 1`,
    vi: (a) => `tỉ phần "${a.value}" không phải số lớn hơn 0 và không quá 1`,
    hint: { en: () => "the share is the part of the old unit that went to the new one: 0.4 for 40%; leave it empty for the whole unit", vi: () => "tỉ phần là phần của đơn vị cũ chuyển sang đơn vị mới: 0.4 là 40%; để trống khi chuyển cả đơn vị" },
  },
  CROSSWALK_SHARES: {
    en: (a) => `the shares of ${a.old} add up to ${a.total}, more than the whole unit`,
    vi: (a) => `tổng tỉ phần của ${a.old} là ${a.total}, lớn hơn cả đơn vị`,
    hint: { en: () => "the parts of an old unit divided between new units add up to 1 at most", vi: () => "các phần của một đơn vị cũ chia cho các đơn vị mới cộng lại không quá 1" },
  },
  CROSSWALK_DATE: {
    en: (a) => `date "${a.value}" is not a date written YYYY-MM-DD`,
    vi: (a) => `ngày "${a.value}" không viết theo dạng YYYY-MM-DD`,
    hint: { en: () => "write the date the change took effect as 2025-07-01", vi: () => "ghi ngày thay đổi có hiệu lực như 2025-07-01" },
  },
  CROSSWALK_UNKNOWN_CODE: {
    en: (a) => `crosswalk code ${a.code} matches no unit of ${a.side}`,
    vi: (a) => `mã ${a.code} trong bảng chuyển đổi không khớp đơn vị nào của ${a.side}`,
    hint: { en: (a) => `the ${a.column} column names units of ${a.side}: check the code against its units registry`, vi: (a) => `cột ${a.column} ghi đơn vị của ${a.side}: đối chiếu mã với danh mục đơn vị` },
  },
  CROSSWALK_LEVEL: {
    en: (a) => `${a.old} (level ${a.oldLevel}) and ${a.new} (level ${a.newLevel}) are not on the same level`,
    vi: (a) => `${a.old} (cấp ${a.oldLevel}) và ${a.new} (cấp ${a.newLevel}) không cùng cấp`,
    hint: { en: () => "a crosswalk maps units of one level to units of the same level", vi: () => "bảng chuyển đổi ánh xạ đơn vị sang đơn vị cùng cấp" },
  },
  CROSSWALK_WEIGHT: {
    en: (a) => `${a.code} has no number in ${a.attribute} ("${a.value}") to weigh it by`,
    vi: (a) => `${a.code} không có số ở ${a.attribute} ("${a.value}") để làm trọng số`,
    hint: { en: (a) => `give every unit a number above 0 in the ${a.attribute} column of the units registry, or combine by mean`, vi: (a) => `ghi số lớn hơn 0 ở cột ${a.attribute} của danh mục đơn vị cho mọi đơn vị, hoặc tính trung bình (mean)` },
  },
  CROSSWALK_WEIGHT_ATTRIBUTE: {
    en: (a) => `combine: weighted needs an attribute: ${a.detail}`,
    vi: (a) => `combine: weighted cần một thuộc tính: ${a.detail}`,
    hint: { en: () => "set weight: to a units registry column listed under columns.attributes, such as dan-so", vi: () => "đặt weight: là một cột của danh mục đơn vị có trong columns.attributes, như dan-so" },
  },
  // compare
  COMPARE_DIFFERENT_BASIS: {
    en: (a) => `the two sides use different criteria (${a.detail}): totals are not on the same basis, so units are compared on the percentage`,
    vi: (a) => `hai bên dùng bộ tiêu chí khác nhau (${a.detail}): tổng điểm không cùng cơ sở, nên so sánh theo tỉ lệ %`,
    hint: { en: () => "the outputs list the indicators present on one side only", vi: () => "kết quả liệt kê các chỉ số chỉ có ở một bên" },
  },
  COMPARE_DROP: { en: (a) => `${a.unit} ${a.name} (${a.level}): ${a.detail}`, vi: (a) => `${a.unit} ${a.name} (${a.level}): ${a.detail}` },
  COMPARE_GATE: {
    en: (a) => `${a.count} unit(s) fell more than ${a.ranks} rank(s), to a lower band, or out of the ranking`,
    vi: (a) => `${a.count} đơn vị giảm quá ${a.ranks} hạng, xuống xếp loại thấp hơn, hoặc không còn được xếp hạng`,
  },
  // usage and output
  USAGE_COMPARE_ARGS: {
    en: (a) => `compare needs two assessments, or one with --from and --to (got ${a.count} folder(s))`,
    vi: (a) => `compare cần hai bộ đánh giá, hoặc một bộ cùng --from và --to (nhận ${a.count} thư mục)`,
    hint: { en: () => "egov-score compare samples/ca-mau-2019 samples/ca-mau-2020, or egov-score compare DIR --from 2019 --to 2020", vi: () => "egov-score compare samples/ca-mau-2019 samples/ca-mau-2020, hoặc egov-score compare THƯ_MỤC --from 2019 --to 2020" },
  },
  USAGE_TEMPLATE_WHAT: {
    en: (a) => (a.given === "both" ? "template makes the form of one unit or of one level, not both: --unit and --level were given" : "template needs --unit CODE (one unit's form) or --level ID (a whole level's form)"),
    vi: (a) => (a.given === "both" ? "template tạo biểu mẫu của một đơn vị hoặc của một cấp, không cả hai: đã có cả --unit và --level" : "template cần --unit MÃ (biểu mẫu một đơn vị) hoặc --level CẤP (biểu mẫu cả một cấp)"),
    hint: { en: () => "egov-score template --unit S01 -o S01.xlsx, or egov-score template --level xa -o xa.xlsx", vi: () => "egov-score template --unit S01 -o S01.xlsx, hoặc egov-score template --level xa -o xa.xlsx" },
  },
  USAGE_COMPARE_PERIOD: { en: () => "--period does not apply to compare", vi: () => "--period không dùng cho compare", hint: { en: () => "name the two periods with --from and --to", vi: () => "chỉ ra hai kỳ bằng --from và --to" } },
  USAGE_LABELS: { en: (a) => `--labels needs two names separated by a comma, not "${a.value}"`, vi: (a) => `--labels cần hai tên cách nhau bởi dấu phẩy, không phải "${a.value}"`, hint: { en: () => '--labels "Tự đánh giá,Thẩm định"', vi: () => '--labels "Tự đánh giá,Thẩm định"' } },
  USAGE_WHOLE: { en: (a) => `${a.option} needs a whole number, 0 or more, not "${a.value}"`, vi: (a) => `${a.option} cần một số nguyên từ 0 trở lên, không phải "${a.value}"` },
  USAGE_LEVEL: { en: (a) => `unknown level "${a.level}"`, vi: (a) => `cấp "${a.level}" không tồn tại`, hint: { en: (a) => `the levels are: ${a.known}`, vi: (a) => `các cấp: ${a.known}` } },
  USAGE_FORMAT: { en: (a) => `the format "${a.format}" is not available for ${a.command}`, vi: (a) => `định dạng "${a.format}" không dùng được cho ${a.command}`, hint: { en: (a) => `choose one of: ${a.allowed}`, vi: (a) => `chọn một trong: ${a.allowed}` } },
  USAGE_OUTPUT_FORMAT: {
    en: (a) => `${a.file} would be ${a.format}, which ${a.command} cannot write`,
    vi: (a) => `${a.file} sẽ là tệp ${a.format}, định dạng mà ${a.command} không ghi được`,
    hint: { en: (a) => `name the output for one of the formats ${a.command} writes: ${a.allowed}`, vi: (a) => `đặt tên tệp kết quả theo một định dạng ${a.command} ghi được: ${a.allowed}` },
  },
  USAGE_FORMAT_CONFLICT: {
    en: (a) => `-f ${a.format} and the output name ${a.file} (${a.named}) disagree`,
    vi: (a) => `-f ${a.format} và tên tệp kết quả ${a.file} (${a.named}) không khớp nhau`,
    hint: { en: (a) => `drop -f (the name says ${a.named}), or name the file for ${a.format}`, vi: (a) => `bỏ -f (tên tệp đã nói ${a.named}), hoặc đặt tên tệp theo ${a.format}` },
  },
  USAGE_CSV_FLAG: {
    en: (a) => `${a.flag} is for CSV output; this output is ${a.format}`,
    vi: (a) => `${a.flag} dùng cho kết quả CSV; kết quả này là ${a.format}`,
    hint: { en: () => "drop the flag, or ask for CSV with -f csv or an -o name ending in .csv", vi: () => "bỏ cờ này, hoặc chọn CSV bằng -f csv hay tên tệp -o có đuôi .csv" },
  },
  USAGE_NUMBER: { en: (a) => `${a.option} needs a positive whole number, not "${a.value}"`, vi: (a) => `${a.option} cần một số nguyên dương, không phải "${a.value}"` },
  USAGE_INTEGER_RANGE: {
    en: (a) => `${a.option} needs a whole number from ${a.min} to ${a.max}, not "${a.value}"`,
    vi: (a) => `${a.option} cần một số nguyên từ ${a.min} đến ${a.max}, không phải "${a.value}"`,
  },
  USAGE_TOO_MANY_RUNS: {
    en: (a) => `${a.runs} runs of ${a.units} ranked units are more than memory allows`,
    vi: (a) => `${a.runs} lần chạy cho ${a.units} đơn vị được xếp hạng vượt quá bộ nhớ cho phép`,
    hint: { en: (a) => `use at most --runs ${a.max}, or --level to analyse one level`, vi: (a) => `dùng tối đa --runs ${a.max}, hoặc --level để phân tích từng cấp` },
  },
  USAGE_PERTURBATION: {
    en: (a) => `--perturbation needs a number at least 0 and below 1, not "${a.value}"`,
    vi: (a) => `--perturbation cần một số từ 0 đến dưới 1, không phải "${a.value}"`,
    hint: { en: () => "0.25 multiplies each weight or maximum by a factor between 0.75 and 1.25", vi: () => "0.25 nhân mỗi trọng số hoặc điểm tối đa với một hệ số từ 0,75 đến 1,25" },
  },
  USAGE_OUTPUT_IS_INPUT: { en: (a) => `refusing to write over the input file ${a.path}`, vi: (a) => `không ghi đè lên tệp đầu vào ${a.path}`, hint: { en: () => "choose another -o path", vi: () => "chọn đường dẫn -o khác" } },
  USAGE_BINARY_TERMINAL: { en: (a) => `${a.format} is a binary format and stdout is a terminal`, vi: (a) => `${a.format} là định dạng nhị phân, không in ra màn hình`, hint: { en: (a) => `write it to a file: -o ${a.command ?? "report"}.${a.format} (or redirect stdout to a file)`, vi: (a) => `ghi ra tệp: -o ${a.command ?? "bao-cao"}.${a.format} (hoặc chuyển stdout vào tệp)` } },
  UNIT_NOT_FOUND: { en: (a) => `no unit has the code or name "${a.query}"${a.suggestions ? `; did you mean ${a.suggestions}?` : ""}`, vi: (a) => `không có đơn vị nào có mã hoặc tên "${a.query}"${a.suggestions ? `; có phải ${a.suggestions}?` : ""}`, hint: { en: () => "give a unit code, or a part of its name that only it has; `egov-score rank` lists them", vi: () => "nhập mã đơn vị, hoặc một phần tên chỉ đơn vị đó có; `egov-score rank` liệt kê các đơn vị" } },
  UNIT_AMBIGUOUS: { en: (a) => `"${a.query}" matches ${a.count} units: ${a.units}`, vi: (a) => `"${a.query}" khớp với ${a.count} đơn vị: ${a.units}`, hint: { en: () => "give the unit's code, or more of its name", vi: () => "nhập mã đơn vị, hoặc tên đầy đủ hơn" } },
  USAGE_JUNIT_GATE: {
    en: (a) => `${a.command} -f junit reports a gate, and no gate was asked for`,
    vi: (a) => `${a.command} -f junit báo cáo kết quả một ngưỡng kiểm tra, nhưng chưa có ngưỡng nào`,
    hint: { en: (a) => `add ${a.option}`, vi: (a) => `thêm ${a.option}` },
  },
  USAGE: { en: (a) => String(a.detail), vi: (a) => String(a.detail), hint: { en: () => "see --help", vi: () => "xem --help" } },
  SUMMARY_WRITE_FAILED: {
    en: (a) => `cannot append the job summary to ${a.path} (GITHUB_STEP_SUMMARY): ${a.detail}`,
    vi: (a) => `không ghi thêm được tóm tắt vào ${a.path} (GITHUB_STEP_SUMMARY): ${a.detail}`,
    hint: { en: () => "GITHUB_STEP_SUMMARY must name a writable file; unset it to write no summary", vi: () => "GITHUB_STEP_SUMMARY phải là một tệp ghi được; bỏ biến này nếu không cần tóm tắt" },
  },
  INIT_FILE_EXISTS: {
    en: (a) => `refusing to overwrite ${a.path}${Number(a.more) > 0 ? ` (and ${a.more} more of the files init writes)` : ""}`,
    vi: (a) => `không ghi đè ${a.path}${Number(a.more) > 0 ? ` (và ${a.more} tệp khác mà init tạo)` : ""}`,
    hint: { en: () => "choose a new folder, or add --force to overwrite", vi: () => "chọn thư mục mới, hoặc thêm --force để ghi đè" },
  },
  INIT_UNKNOWN_CRITERIA: {
    en: (a) => `"${a.name}" is neither a shipped criteria set nor a file${a.suggestion ? `; did you mean "${a.suggestion}"?` : ""}`,
    vi: (a) => `"${a.name}" không phải bộ tiêu chí có sẵn cũng không phải tệp${a.suggestion ? `; có phải "${a.suggestion}"?` : ""}`,
    hint: { en: (a) => `shipped sets: ${a.known}; or give the path of a criteria .yaml file`, vi: (a) => `các bộ có sẵn: ${a.known}; hoặc chỉ ra đường dẫn tệp tiêu chí .yaml` } },
  OUTPUT_FAILED: { en: (a) => `cannot write ${a.path}: ${a.detail}`, vi: (a) => `không ghi được ${a.path}: ${a.detail}`, hint: { en: () => "check that the folder exists and is writable", vi: () => "kiểm tra thư mục tồn tại và cho phép ghi" } },
} satisfies Record<string, Entry>;

export type DiagCode = keyof typeof messages;
export const diagCodes = Object.keys(messages) as DiagCode[];
