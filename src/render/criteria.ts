// The criteria tree with maxima, rules and applicable levels.
import type { RuleInput } from "../model/criteria-schema.ts";
import { text, type Criteria, type CriteriaNode } from "../model/criteria.ts";
import { inert, type RenderOptions } from "./common.ts";

function maxText(n: CriteriaNode, levels: string[]): string {
  const vals = [...n.maxByLevel.values()];
  const all = levels.every((l) => n.maxByLevel.has(l));
  if (vals.length > 0 && vals.every((v) => v === vals[0]) ) return `${vals[0]}${all ? "" : ` [${[...n.maxByLevel.keys()].join(", ")}]`}`;
  return [...n.maxByLevel].map(([l, v]) => `${l} ${v}`).join(", ");
}

export function ruleText(r: RuleInput): string {
  const dir = "direction" in r && r.direction === "lower" ? ", lower is better" : "";
  switch (r.type) {
    case "target":
      return `target ${r.target}${dir}`;
    case "steps":
      return `steps ${r.steps.map((s) => `${s.atLeast !== undefined ? `≥${s.atLeast}` : `≤${s.atMost}`}→${s.points ?? `${s.share}×`}`).join(" ")}${r.otherwise ? ` else ${r.otherwise}` : ""}`;
    case "categorical":
      return `categorical ${r.categories.map((c) => `${c.value}→${c.points ?? `${c.share}×`}`).join(" ")}`;
    case "linear":
      return `linear ${r.lower}–${r.upper}${dir}`;
    case "rollup":
      return `rollup ${r.stat ?? "mean"} of ${r.level} ${r.of ?? "total"}`;
    default:
      return `${r.type}${dir}`;
  }
}

export function criteriaTree(c: Criteria, o: RenderOptions): string {
  const { lang, palette: p } = o;
  const levels = c.levels.map((l) => l.id);
  const lines: string[] = [];
  lines.push(p.bold(`${inert(text(c.title, lang, c.id))}`) + p.dim(` · ${c.id} v${c.version}${c.decision ? ` · ${c.decision}` : ""}`));
  lines.push(`levels: ${c.levels.map((l) => `${l.id}${l.parent ? ` (parent ${l.parent})` : ""} ${inert(text(l.label, lang))}`).join("; ")}`);
  lines.push(`max: ${maxText(c.root, levels)} · aggregation ${c.root.aggregation} · missing ${c.root.missing} · ranking ${c.ranking.method} on ${c.ranking.on} at ${c.ranking.decimals} decimals`);
  if (c.bands.list.length) lines.push(`bands (${c.bands.on}): ${c.bands.list.map((b) => `${b.id} ≥ ${b.min}`).join(", ")}`);
  const walk = (nodes: CriteriaNode[], prefix: string): void => {
    nodes.forEach((n, i) => {
      const last = i === nodes.length - 1;
      const branch = `${prefix}${last ? "└─ " : "├─ "}`;
      const label = inert(text(n.label, lang));
      if (n.kind === "group") {
        lines.push(`${branch}${p.bold(n.id)} ${label} · ${maxText(n, levels)}${n.aggregation !== "sum" ? ` · ${n.aggregation}` : ""}`);
        walk(n.children, `${prefix}${last ? "   " : "│  "}`);
      } else {
        lines.push(`${branch}${n.id} ${label} · ${maxText(n, levels)} · ${p.dim(ruleText(n.rule))}`);
      }
    });
  };
  walk(c.root.children, "");
  for (const [name, adj] of [["bonus", c.bonus], ["penalty", c.penalty]] as const) {
    if (!adj) continue;
    lines.push(`${name} (max ${adj.max}):`);
    walk(adj.indicators, "");
  }
  return `${lines.join("\n")}\n`;
}

export function criteriaJson(c: Criteria): string {
  const node = (n: CriteriaNode): unknown => ({
    id: n.id,
    kind: n.kind,
    label: n.label,
    max: Object.fromEntries(n.maxByLevel),
    weight: n.weight,
    ...(n.kind === "group" ? { aggregation: n.aggregation, children: n.children.map(node) } : { rule: n.rule, unit: n.unit, column: n.column, missing: n.missing, ...(n.agency ? { agency: n.agency } : {}) }),
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
    bonus: c.bonus ? { max: c.bonus.max, indicators: c.bonus.indicators.map(node) } : null,
    penalty: c.penalty ? { max: c.penalty.max, indicators: c.penalty.indicators.map(node) } : null,
    bands: c.bands,
    ranking: c.ranking,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
