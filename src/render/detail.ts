// A rule's account of its arithmetic (model/result.ts Detail) and the arithmetic of `explain`,
// written in a language: the notation is the same in both, the words are not.
import { decimalFor } from "./common.ts";
import type { Arithmetic } from "../engine/explain.ts";
import type { Lang } from "../model/criteria.ts";
import type { Detail } from "../model/result.ts";

type Templates = { [K in Detail["key"]]: Record<Lang, string> };

const TEMPLATES: Templates = {
  rate: { en: "rate {r}", vi: "tỷ lệ {r}" },
  inverse: { en: "1 − {r}", vi: "1 − {r}" },
  target: { en: "min(1, {x} / {target})", vi: "min(1, {x} / {target})" },
  targetLower: { en: "{x} ≤ {target} ? 1 : {target} / {x}", vi: "{x} ≤ {target} ? 1 : {target} / {x}" },
  step: { en: "{x} {cond} → {p}", vi: "{x} {cond} → {p}" },
  noStep: { en: "{x}: no step → {p}", vi: "{x}: không đạt mức nào → {p}" },
  category: { en: '"{value}" → {p}', vi: '"{value}" → {p}' },
  otherCategory: { en: "other → {p}", vi: "giá trị khác → {p}" },
  yes: { en: "yes", vi: "có" },
  no: { en: "no", vi: "không" },
  points: { en: "min({x}, {max})", vi: "min({x}, {max})" },
  goalposts: { en: "goalposts {lower}–{upper}", vi: "ngưỡng {lower}–{upper}" },
  bestOver: { en: "best {best} / {x}", vi: "tốt nhất {best} / {x}" },
  overBest: { en: "{x} / best {best}", vi: "{x} / tốt nhất {best}" },
  allEqual: { en: "all equal", vi: "tất cả bằng nhau" },
  cohort: { en: "cohort {min}–{max}", vi: "cả nhóm {min}–{max}" },
  noSpread: { en: "no spread", vi: "không phân tán" },
  z: { en: "z {z}", vi: "z {z}" },
  rollup: { en: "{stat} of {level} {of}", vi: "{stat} của {level} ({of})" },
};

/** The words of a roll-up's statistic and of what it rolls up; other values are ids, kept. */
const WORDS: Record<string, Record<Lang, string>> = {
  mean: { en: "mean", vi: "trung bình" },
  median: { en: "median", vi: "trung vị" },
  min: { en: "min", vi: "thấp nhất" },
  max: { en: "max", vi: "cao nhất" },
  total: { en: "total", vi: "tổng điểm" },
};

export function detailText(d: Detail, lang: Lang): string {
  const args = d as unknown as Record<string, string>;
  return TEMPLATES[d.key][lang].replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = args[k] ?? "";
    return d.key === "rollup" && (k === "stat" || k === "of") ? (WORDS[v]?.[lang] ?? v) : v;
  });
}

export function arithmeticText(a: Arithmetic, lang: Lang): string {
  const s = [...(a.ratio ? [a.ratio] : []), detailText(a.detail, lang), a.points].join(" · ");
  // decimal commas in Vietnamese, so a semicolon between arguments: min(1; 50,1 / 80)
  return lang === "vi" ? decimalFor(s.replace(/\b(min|max)\(([^,()]+), /g, "$1($2; "), lang) : s;
}
