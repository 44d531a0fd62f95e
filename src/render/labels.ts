// Column and heading labels of the human-readable outputs, in Vietnamese and English.
import type { Lang } from "../model/criteria.ts";

const L = {
  stt: { vi: "STT", en: "#" },
  rank: { vi: "Hạng", en: "Rank" },
  code: { vi: "Mã", en: "Code" },
  unit: { vi: "Đơn vị", en: "Unit" },
  parent: { vi: "Trực thuộc", en: "Parent" },
  score: { vi: "Điểm", en: "Score" },
  max: { vi: "Tối đa", en: "Max" },
  percent: { vi: "%", en: "%" },
  band: { vi: "Xếp loại", en: "Band" },
  status: { vi: "Trạng thái", en: "Status" },
  indicator: { vi: "Chỉ số", en: "Indicator" },
  value: { vi: "Giá trị", en: "Value" },
  rate: { vi: "Tỉ lệ", en: "Rate" },
  points: { vi: "Điểm", en: "Points" },
  rule: { vi: "Quy tắc", en: "Rule" },
  levels: { vi: "Cấp áp dụng", en: "Levels" },
  units: { vi: "đơn vị", en: "units" },
  ranked: { vi: "xếp hạng", en: "ranked" },
  "not-ranked": { vi: "không xếp hạng", en: "not ranked" },
  incomplete: { vi: "thiếu dữ liệu", en: "incomplete" },
  "not-applicable": { vi: "không áp dụng", en: "not applicable" },
  missing: { vi: "thiếu", en: "missing" },
  bonus: { vi: "Điểm thưởng", en: "Bonus" },
  penalty: { vi: "Điểm trừ", en: "Penalty" },
  all: { vi: "tất cả", en: "all" },
  illustrative: { vi: "Minh họa, không phải văn bản chính thức", en: "Illustrative, not an official text" },
  peerGroup: { vi: "Nhóm", en: "Group" },
} as const;

export type LabelKey = keyof typeof L;
export const t = (k: LabelKey, lang: Lang): string => L[k][lang];
