// The --help texts in Vietnamese, keyed by their English (main.ts). Kept apart so that main.ts
// reads as the English catalogue of commands and flags; a test checks that every text has its
// translation (test/e2e/help.test.ts).
export const HELP_VI: Record<string, string> = {
  "Score and rank the e-government maturity of public agencies from a YAML criteria set and CSV data.": "Chấm điểm, xếp hạng mức độ chính quyền điện tử, chuyển đổi số của các cơ quan, đơn vị từ bộ tiêu chí YAML và số liệu CSV.",
  "(add --help for more information)": "(thêm --help để xem hướng dẫn)",
  "a data file, folder or glob (repeatable; overrides the manifest)": "tệp, thư mục hoặc mẫu tệp số liệu (dùng nhiều lần được; thay cho manifest)",
  "accept the defaults without asking": "dùng giá trị mặc định, không hỏi",
  "add how robust each rank is (the Monte Carlo of `egov-score sensitivity`)": "thêm độ vững của từng thứ hạng (mô phỏng của `egov-score sensitivity`)",
  "aggregate the total the alternative way in half of the runs (default)": "một nửa số lần chạy tổng hợp điểm tổng theo cách khác (mặc định)",
  "assessment folder holding egov-score.yaml (default: the nearest one, here or above)": "thư mục đánh giá chứa egov-score.yaml (mặc định: thư mục gần nhất, tại đây hoặc phía trên)",
  "assessment folder, or a criteria .yaml file (default: the nearest assessment, here or above)": "thư mục đánh giá, hoặc tệp bộ tiêu chí .yaml (mặc định: bộ đánh giá gần nhất, tại đây hoặc phía trên)",
  "check the criteria and the data; print every problem; exit 2 on any error": "kiểm tra bộ tiêu chí và số liệu; in mọi lỗi; thoát mã 2 khi có lỗi",
  "create a new assessment folder: manifest, criteria, units and data templates": "tạo thư mục đánh giá mới: manifest, bộ tiêu chí, mẫu danh mục đơn vị và số liệu",
  "csv for Excel on a Vietnamese Windows: --bom --delimiter ';' --decimal ','": "csv cho Excel trên Windows tiếng Việt: --bom --delimiter ';' --decimal ','",
  "csv: start with a byte-order mark (for Excel)": "csv: bắt đầu bằng BOM (cho Excel)",
  "csv: the decimal separator of numbers": "csv: dấu thập phân của số",
  "csv: the delimiter": "csv: dấu phân cách",
  "decimal separator of numbers in the data": "dấu thập phân của số trong số liệu",
  "draw the missing-data policy: zero, exclude or impute (default)": "chọn ngẫu nhiên cách xử lý dữ liệu thiếu: tính 0, loại khỏi điểm tối đa hoặc bù (mặc định)",
  "encoding of the CSV files": "bảng mã của các tệp CSV",
  "CSV delimiter": "dấu phân cách CSV",
  "exit 1 when a unit falls more than N ranks, to a lower band, or out of the ranking": "thoát mã 1 khi một đơn vị tụt quá N hạng, xuống xếp loại thấp hơn, hoặc ra khỏi bảng xếp hạng",
  "exit 1 when any ranked unit of the selected levels is below this percentage": "thoát mã 1 khi có đơn vị được xếp hạng ở các cấp đã chọn dưới tỷ lệ % này",
  "flag units whose 5–95% interval is wider than N ranks (default: a tenth of the peer group, at least 2)": "đánh dấu đơn vị có khoảng 5–95% rộng hơn N hạng (mặc định: một phần mười nhóm so sánh, ít nhất 2)",
  "how many units the summary names as most improved and largest falls (default 5)": "số đơn vị tiến bộ nhất và giảm nhiều nhất nêu trong phần tóm tắt (mặc định 5)",
  "how one unit's score was computed, indicator by indicator": "cách tính điểm của một đơn vị, từng chỉ số",
  "how robust each rank is to the method's choices (Monte Carlo)": "độ vững của từng thứ hạng trước các lựa chọn phương pháp (mô phỏng Monte Carlo)",
  "keep every indicator": "giữ mọi chỉ số",
  "keep the missing-data policies as written": "giữ cách xử lý dữ liệu thiếu như bộ tiêu chí",
  "keep the total's aggregation": "giữ cách tổng hợp điểm tổng",
  "keep weights and maxima as written": "giữ trọng số và điểm tối đa như bộ tiêu chí",
  "language of labels and messages (default: the criteria's)": "ngôn ngữ của nhãn và thông báo (mặc định: của bộ tiêu chí)",
  "leave out one indicator at a time (default)": "lần lượt bỏ một chỉ số (mặc định)",
  "more detail on stderr; the stack of internal errors": "thêm chi tiết trên stderr; vết ngăn xếp của lỗi nội bộ",
  "no colour, even on a terminal": "không tô màu, kể cả trên terminal",
  "rank despite data errors: each cell in error is treated as a missing value, and every output is marked TẠM TÍNH / PROVISIONAL": "vẫn xếp hạng khi số liệu còn lỗi: mỗi ô lỗi được tính như thiếu số liệu, và mọi kết quả đều ghi TẠM TÍNH / PROVISIONAL",
  "only the first N ranks of each peer group": "chỉ N hạng đầu của mỗi nhóm so sánh",
  "only the units of nominal rank N or better": "chỉ các đơn vị có hạng danh nghĩa từ N trở lên",
  "only this level": "chỉ cấp này",
  "write a shields.io endpoint badge (JSON): the mean percentage of the ranked units and its band": "ghi huy hiệu shields.io (JSON): tỉ lệ phần trăm trung bình của các đơn vị được xếp hạng và mức xếp loại",
  "add the statistical audit of the criteria on the data as an annex (`egov-score audit`)": "thêm phụ lục kiểm định thống kê bộ chỉ số trên số liệu (`egov-score audit`)",
  "with --audit: the share of values an indicator or a unit needs (default 65)": "với --audit: tỉ lệ số liệu tối thiểu một chỉ số hoặc một đơn vị cần có (mặc định 65)",
  "the statistical audit of the criteria on the data: availability, outliers, correlations, consistency, importance against weights": "kiểm định thống kê bộ chỉ số trên số liệu: độ đầy đủ, giá trị ngoại lai, tương quan, tính nhất quán, mức quan trọng so với trọng số",
  "flag indicators and units with values for fewer than this share of units (default 65)": "cảnh báo chỉ số và đơn vị có số liệu dưới tỉ lệ này (mặc định 65)",
  "overwrite files that already exist": "ghi đè các tệp đã có",
  "per unit and indicator: raw value, rate, points, maximum": "theo đơn vị và chỉ số: giá trị, tỷ lệ, điểm, điểm tối đa",
  "per unit, how many indicators whose points differ most to list (default 3; 0: none)": "mỗi đơn vị liệt kê bao nhiêu chỉ số chênh điểm nhiều nhất (mặc định 3; 0: không liệt kê)",
  "perturb weights and maxima (default)": "thay đổi trọng số và điểm tối đa (mặc định)",
  "print a shell completion script: commands, flags, formats, levels and units": "in script gợi ý lệnh cho shell: lệnh, tùy chọn, định dạng, cấp và đơn vị",
  "print errors only on stderr": "chỉ in lỗi trên stderr",
  "print the JSON Schema of the criteria format": "in JSON Schema của định dạng bộ tiêu chí",
  "print the criteria tree with maxima, rules and applicable levels": "in cây bộ tiêu chí với điểm tối đa, quy tắc và cấp áp dụng",
  "print the level ids or unit codes of the current assessment (used by the scripts)": "in mã cấp hoặc mã đơn vị của bộ đánh giá hiện tại (cho script gợi ý lệnh)",
  "refuse YAML nested deeper than this (default 100)": "từ chối YAML lồng sâu hơn mức này (mặc định 100)",
  "refuse input files larger than this (default 1 GiB)": "từ chối tệp đầu vào lớn hơn mức này (mặc định 1 GiB)",
  "relative change of weights and maxima: 0.25 is ±25% (default)": "mức thay đổi tương đối của trọng số và điểm tối đa: 0.25 là ±25% (mặc định)",
  "score every unit and print the ranking, one table per level": "chấm điểm mọi đơn vị và in bảng xếp hạng, mỗi cấp một bảng",
  "seed of the runs: the same seed gives the same output (default 1)": "hạt giống ngẫu nhiên: cùng hạt giống cho cùng kết quả (mặc định 1)",
  "templates for Excel on a Vietnamese Windows: BOM, ';', decimal comma (and the manifest reads them so)": "mẫu cho Excel trên Windows tiếng Việt: BOM, ';', dấu phẩy thập phân (manifest đọc theo quy ước đó)",
  "the assessment folder for --list": "thư mục đánh giá cho --list",
  "the assessment period to score": "kỳ đánh giá cần chấm",
  "the assessment period written to the manifest, such as 2025": "kỳ đánh giá ghi vào manifest, ví dụ 2025",
  "the code of the unit": "mã đơn vị",
  "the criteria file (overrides the manifest)": "tệp bộ tiêu chí (thay cho manifest)",
  "the first assessment: a folder or a manifest (with --from and --to: the one dataset; default .)": "bộ đánh giá thứ nhất: thư mục hoặc manifest (với --from và --to: một bộ số liệu; mặc định .)",
  "the folder to create or fill (default: the current folder)": "thư mục cần tạo hoặc điền (mặc định: thư mục hiện tại)",
  "the full table, however wide the terminal": "bảng đầy đủ, dù terminal rộng bao nhiêu",
  "the data form one unit (or a whole level) fills in, prefilled with its indicators: CSV, or a workbook (-o form.xlsx)": "biểu mẫu số liệu cho một đơn vị (hoặc cả một cấp), điền sẵn các chỉ số: CSV, hoặc tệp Excel (-o bieu-mau.xlsx)",
  "the form of a whole level instead: one row per unit, one column per indicator": "thay vào đó, biểu mẫu của cả một cấp: mỗi đơn vị một dòng, mỗi chỉ số một cột",
  "data templates as Excel workbooks (.xlsx) with instructions, lists and locked labels": "các tệp mẫu số liệu dạng Excel (.xlsx), có hướng dẫn, danh sách chọn và khóa các cột nhãn",
  "the period of the first side": "kỳ của bên thứ nhất",
  "the period of the second side": "kỳ của bên thứ hai",
  "the second assessment: a folder or a manifest": "bộ đánh giá thứ hai: thư mục hoặc manifest",
  "the shell": "shell",
  "the unit's code, or a part of its name (accents and case do not matter)": "mã đơn vị, hoặc một phần tên (không phân biệt dấu, hoa thường)",
  "the units registry (overrides the manifest)": "danh mục đơn vị (thay cho manifest)",
  "the whole report: summary, rankings, bands, gap analysis, charts (md, html, xlsx)": "báo cáo đầy đủ: tổng quan, xếp hạng, xếp loại, phân tích điểm yếu, biểu đồ (md, html, xlsx)",
  "treat warnings as errors": "coi cảnh báo là lỗi",
  "what changed between two assessments: two periods, or a self-assessment and its verification": "thay đổi giữa hai lần đánh giá: hai kỳ, hoặc tự đánh giá và thẩm định",
  "which units of the first side became which of the second (CSV: old,new,date,share); overrides the second side's manifest":
    "đơn vị nào của bên thứ nhất trở thành đơn vị nào của bên thứ hai (CSV: old,new,date,share); thay cho manifest của bên thứ hai",
  "with --sensitivity: Monte Carlo runs (default 1000, or the criteria's sensitivity: block)": "với --sensitivity: số lần chạy mô phỏng (mặc định 1000, hoặc mục sensitivity: của bộ tiêu chí)",
  "with --sensitivity: the seed (default 1)": "với --sensitivity: hạt giống ngẫu nhiên (mặc định 1)",
  "Monte Carlo runs (default 1000, or the criteria's sensitivity: block)": "số lần chạy mô phỏng (mặc định 1000, hoặc mục sensitivity: của bộ tiêu chí)",
  "worker threads (default: one per core when the work is large; 0: none)": "số luồng xử lý (mặc định: mỗi lõi một luồng khi việc lớn; 0: không dùng)",
  "write to this file (atomically); - is stdout": "ghi ra tệp này (ghi nguyên khối); - là stdout",
  "write to this file; - is stdout": "ghi ra tệp này; - là stdout",
  'names of the two sides, comma-separated, e.g. "Tự đánh giá,Thẩm định"': 'tên của hai bên, cách nhau bởi dấu phẩy, ví dụ "Tự đánh giá,Thẩm định"',
  "the second side verifies the first (a self-assessment): the summary names over-claims and under-claims": "bên thứ hai thẩm định bên thứ nhất (tự đánh giá): phần tóm tắt nêu các đơn vị khai cao và khai thấp",
  // commander's own words
  "output the version number": "in số phiên bản",
  "display help for command": "xem hướng dẫn của lệnh",
  "Usage:": "Cách dùng:",
  "Options:": "Tùy chọn:",
  "Commands:": "Lệnh:",
  "Arguments:": "Đối số:",
  "Global Options:": "Tùy chọn chung:",
};

/** Output format, with its default named (a template in main.ts). */
export const formatHelp = (fallback: string, vi: boolean): string =>
  vi ? `định dạng đầu ra (mặc định: theo phần mở rộng của -o, nếu không là ${fallback})` : `output format (default: from the -o extension, else ${fallback})`;

export const fromHelp = (sets: string, vi: boolean): string => (vi ? `một bộ tiêu chí kèm theo (${sets}) hoặc một tệp bộ tiêu chí .yaml` : `a shipped criteria set (${sets}) or a criteria .yaml file`);

/**
 * commander's own error messages (an unknown option or command, a missing value, too many
 * arguments, a value not among the choices) in Vietnamese; any other is left in English with
 * its "error:" translated. The English messages are commander 14's (lib/command.js).
 */
const COMMANDER_VI: [RegExp, string][] = [
  [/^error: unknown option '([^']*)'/, "lỗi: không có tùy chọn '$1'"],
  [/^error: unknown command '([^']*)'/, "lỗi: không có lệnh '$1'"],
  [/^error: option '([^']*)' argument missing/, "lỗi: tùy chọn '$1' thiếu giá trị"],
  [/^error: missing required argument '([^']*)'/, "lỗi: thiếu đối số bắt buộc '$1'"],
  [/^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./, "lỗi: thừa đối số: lệnh cần $2, nhận $3."],
  [/^error: option '([^']*)' argument '([^']*)' is invalid\. Allowed choices are ([^\n]*)\./, "lỗi: tùy chọn '$1' không nhận giá trị '$2'; các giá trị được nhận: $3."],
  [/^error: (.*) cannot be used with (.*)/, "lỗi: không dùng $1 cùng với $2"],
  [/\(Did you mean one of ([^\n]*)\?\)/, "(Có phải ý bạn là một trong: $1?)"],
  [/\(Did you mean ([^\n]*)\?\)/, "(Có phải ý bạn là $1?)"],
  [/^error:/, "lỗi:"],
];

export function commanderMessage(message: string, vi: boolean): string {
  if (!vi) return message;
  let out = message;
  for (const [re, vi] of COMMANDER_VI) if (re.test(out)) out = out.replace(re, vi);
  return out;
}
