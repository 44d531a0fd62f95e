// The criteria tree with maxima, rules and applicable levels.
import type { RuleInput } from "../model/criteria-schema.ts";
import { text, type Criteria, type CriteriaNode, type Lang } from "../model/criteria.ts";
import { inert, type RenderOptions } from "./common.ts";
import { fitLines } from "./fit.ts";

function maxText(n: CriteriaNode, levels: string[]): string {
  const vals = [...n.maxByLevel.values()];
  const all = levels.every((l) => n.maxByLevel.has(l));
  if (vals.length > 0 && vals.every((v) => v === vals[0]) ) return `${vals[0]}${all ? "" : ` [${[...n.maxByLevel.keys()].join(", ")}]`}`;
  return [...n.maxByLevel].map(([l, v]) => `${l} ${v}`).join(", ");
}

// The words of the rules and the method, in each language. Ids stay as written (they are what
// the criteria file and the CSV headers use); what a word describes is translated.
const W = {
  vi: {
    lower: "càng thấp càng tốt",
    target: "chỉ tiêu",
    steps: "theo bậc",
    else: "còn lại",
    categorical: "theo loại",
    linear: "tuyến tính",
    rollup: (stat: string, level: string, of: string) => `tổng hợp (${STAT.vi[stat] ?? stat}) từ cấp ${level}${of === "total" ? "" : ` (${of})`}`,
    type: { ratio: "tỷ lệ", boolean: "có/không", points: "điểm trực tiếp", relative: "so với đơn vị tốt nhất", minmax: "chuẩn hóa min–max", zscore: "điểm z" } as Record<string, string>,
    levels: "Cấp",
    parent: "trực thuộc",
    max: "Điểm tối đa",
    aggregation: "cách tổng hợp",
    missing: "dữ liệu thiếu",
    ranking: "xếp hạng",
    rankingText: (method: string, on: string, d: number) => `${method === "dense" ? "liền hạng (1, 2, 2, 3)" : "đồng hạng (1, 2, 2, 4)"} theo ${on === "percent" ? "tỷ lệ %" : "điểm"}, làm tròn ${d} chữ số thập phân`,
    bands: (on: string) => `Xếp loại (theo ${on === "percent" ? "tỷ lệ %" : "điểm"})`,
    bonus: "Điểm thưởng",
    penalty: "Điểm trừ",
    inputs: "Số liệu đầu vào (inputs)",
    view: "Góc nhìn (view)",
  },
  en: {
    lower: "lower is better",
    target: "target",
    steps: "steps",
    else: "else",
    categorical: "categorical",
    linear: "linear",
    rollup: (stat: string, level: string, of: string) => `rollup ${stat} of ${level} ${of}`,
    type: {} as Record<string, string>,
    levels: "levels",
    parent: "parent",
    max: "max",
    aggregation: "aggregation",
    missing: "missing",
    ranking: "ranking",
    rankingText: (method: string, on: string, d: number) => `${method} on ${on} at ${d} decimals`,
    bands: (on: string) => `bands (${on})`,
    bonus: "bonus",
    penalty: "penalty",
    inputs: "inputs",
    view: "view",
  },
};

const STAT: Record<Lang, Record<string, string>> = { vi: { mean: "trung bình", median: "trung vị", min: "nhỏ nhất", max: "lớn nhất" }, en: {} };

/** How a policy or an aggregation reads in a sentence. */
export const METHOD_WORDS: Record<Lang, Record<string, string>> = {
  vi: { sum: "cộng điểm", mean: "trung bình có trọng số", geometric: "trung bình nhân", zero: "tính 0 điểm", exclude: "loại khỏi điểm tối đa", "impute-mean": "bù bằng trung bình nhóm", "impute-median": "bù bằng trung vị nhóm", error: "báo lỗi" },
  en: {},
};
const method = (w: string, lang: Lang): string => METHOD_WORDS[lang][w] ?? w;

/** A rule in a few words: `tỷ lệ`, `chỉ tiêu 80, càng thấp càng tốt`, `target 80`. */
export function ruleText(r: RuleInput, lang: Lang = "en"): string {
  const w = W[lang];
  const dir = "direction" in r && r.direction === "lower" ? `, ${w.lower}` : "";
  switch (r.type) {
    case "target":
      return `${w.target} ${r.target}${dir}`;
    case "steps":
      return `${w.steps} ${r.steps.map((s) => `${s.atLeast !== undefined ? `≥${s.atLeast}` : `≤${s.atMost}`}→${s.points ?? `${s.share}×`}`).join(" ")}${r.otherwise ? ` ${w.else} ${r.otherwise}` : ""}`;
    case "categorical":
      return `${w.categorical} ${r.categories.map((c) => `${c.value}→${c.points ?? `${c.share}×`}`).join(" ")}`;
    case "linear":
      return `${w.linear} ${r.lower}–${r.upper}${dir}`;
    case "rollup":
      return w.rollup(r.stat ?? "mean", r.level, r.of ?? "total");
    default:
      return `${w.type[r.type] ?? r.type}${dir}`;
  }
}

export function criteriaTree(c: Criteria, o: RenderOptions): string {
  const { lang, palette: p } = o;
  const levels = c.levels.map((l) => l.id);
  const lines: string[] = [];
  lines.push(p.bold(`${inert(text(c.title, lang, c.id))}`) + p.dim(` · ${c.id} v${c.version}${c.decision ? ` · ${c.decision}` : ""}`));
  const w = W[lang];
  lines.push(`${w.levels}: ${c.levels.map((l) => `${l.id}${l.parent ? ` (${w.parent} ${l.parent})` : ""} ${inert(text(l.label, lang))}`).join("; ")}`);
  lines.push(`${w.max}: ${maxText(c.root, levels)} · ${w.aggregation}: ${method(c.root.aggregation, lang)} · ${w.missing}: ${method(c.root.missing, lang)} · ${w.ranking}: ${w.rankingText(c.ranking.method, c.ranking.on, c.ranking.decimals)}`);
  if (c.bands.list.length) lines.push(`${w.bands(c.bands.on)}: ${c.bands.list.map((b) => `${inert(text(b.label, lang, b.id))} (${b.id}) ≥ ${b.min}`).join(", ")}`);
  const walk = (nodes: CriteriaNode[], prefix: string): void => {
    nodes.forEach((n, i) => {
      const last = i === nodes.length - 1;
      const branch = `${prefix}${last ? "└─ " : "├─ "}`;
      const label = inert(text(n.label, lang));
      if (n.kind === "group") {
        lines.push(`${branch}${p.bold(n.id)} ${label} · ${maxText(n, levels)}${n.aggregation !== "sum" ? ` · ${method(n.aggregation, lang)}` : ""}`);
        walk(n.children, `${prefix}${last ? "   " : "│  "}`);
      } else {
        lines.push(`${branch}${n.id} ${label} · ${maxText(n, levels)} · ${p.dim(ruleText(n.rule, lang))}${n.formula ? ` · = ${inert(n.formula.text)}` : ""}`);
      }
    });
  };
  walk(c.root.children, "");
  for (const v of c.views) {
    lines.push(`${w.view}: ${p.bold(v.id)} ${inert(text(v.label, lang))}${v.bands ? ` · ${v.bands.list.map((b) => `${inert(text(b.label, lang, b.id))} ≥ ${b.min}`).join(", ")}` : ""}`);
    v.groups.forEach((g, i) => lines.push(`${i === v.groups.length - 1 ? "└─ " : "├─ "}${g.id} ${inert(text(g.label, lang))} · ${g.indicators.join(", ")}${g.aggregation === "mean" ? ` · ${method("mean", lang)}` : ""}`));
  }
  if (c.inputs.length) lines.push(`${w.inputs}: ${c.inputs.map((x) => `${x.id}${x.column !== x.id ? ` ("${inert(x.column)}")` : ""} ${x.unit}`).join("; ")}`);
  for (const [name, adj] of [[w.bonus, c.bonus], [w.penalty, c.penalty]] as const) {
    if (!adj) continue;
    lines.push(`${name} (${w.max.toLowerCase()} ${adj.max}):`);
    walk(adj.indicators, "");
  }
  return `${fitLines(lines.join("\n"), o.width)}\n`;
}

export function criteriaJson(c: Criteria): string {
  const node = (n: CriteriaNode): unknown => ({
    id: n.id,
    kind: n.kind,
    label: n.label,
    max: Object.fromEntries(n.maxByLevel),
    weight: n.weight,
    ...(n.kind === "group" ? { aggregation: n.aggregation, children: n.children.map(node) } : { rule: n.rule, unit: n.unit, column: n.column, missing: n.missing, ...(n.agency ? { agency: n.agency } : {}), ...(n.formula ? { value: n.formula.text } : {}) }),
  });
  const doc = {
    schemaVersion: 1,
    id: c.id,
    title: c.title,
    version: c.version,
    levels: c.levels,
    max: Object.fromEntries(c.root.maxByLevel),
    aggregation: c.root.aggregation,
    nodes: c.root.children.map(node),
    views: c.views,
    inputs: c.inputs.map((x) => ({ id: x.id, label: x.label, unit: x.unit, column: x.column, levels: [...x.maxByLevel.keys()] })),
    bonus: c.bonus ? { max: c.bonus.max, indicators: c.bonus.indicators.map(node) } : null,
    penalty: c.penalty ? { max: c.penalty.max, indicators: c.penalty.indicators.map(node) } : null,
    bands: c.bands,
    ranking: c.ranking,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
