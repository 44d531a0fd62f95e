// Loads a criteria file: YAML with positions, the strict zod schema, then the semantic checks
// (small pure functions, each returning diagnostics), then the resolved model for the engine.
import { diag, type Diagnostic } from "../diag/diagnostic.ts";
import {
  CriteriaSchema,
  type CriteriaInput,
  type GroupInput,
  type IndicatorInput,
  type LabelInput,
  type UnitName,
} from "../model/criteria-schema.ts";
import type { Criteria, CriteriaNode, GroupNode, IndicatorNode, Level, Text } from "../model/criteria.ts";
import { ruleReads } from "../engine/rules.ts";
import { schemaIssues } from "./schema-issues.ts";
import { DEFAULT_LIMITS, type Limits } from "./limits.ts";
import { parseYaml, type Path, type YamlFile } from "./yaml.ts";

interface NodeRec {
  kind: "group" | "indicator";
  input: GroupInput | IndicatorInput;
  path: Path;
  parent?: NodeRec;
  role: "score" | "bonus" | "penalty";
}

export interface CriteriaLoad {
  criteria?: Criteria;
  diagnostics: Diagnostic[];
}

export function loadCriteriaText(text: string, file: string, columnMap: Record<string, string> = {}, limits: Limits = DEFAULT_LIMITS): CriteriaLoad {
  const y = parseYaml(text, file, limits.maxDepth);
  if (y.diagnostics.length) return { diagnostics: y.diagnostics };
  if (y.value === undefined || y.value === null) {
    return { diagnostics: [diag("FILE_EMPTY", "error", {}, { file, line: 1, column: 1 })] };
  }
  const parsed = CriteriaSchema.safeParse(y.value);
  if (!parsed.success) return { diagnostics: schemaIssues(parsed.error.issues, y) };
  const input = parsed.data;
  const recs = collectNodes(input);
  const diagnostics = [
    ...checkIds(input, recs, y),
    ...checkLevels(input, y),
    ...checkNodes(input, recs, y),
    ...checkBands(input, y),
  ];
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  const criteria = resolve(input, recs, file, columnMap);
  diagnostics.push(...checkMaxima(input, recs, criteria, y), ...checkColumns(criteria, recs, y));
  if (diagnostics.some((d) => d.severity === "error")) return { diagnostics };
  return { criteria, diagnostics };
}

function collectNodes(input: CriteriaInput): NodeRec[] {
  const out: NodeRec[] = [];
  const visitGroup = (g: GroupInput, path: Path, parent: NodeRec | undefined, role: NodeRec["role"]): void => {
    const rec: NodeRec = { kind: "group", input: g, path, role };
    if (parent) rec.parent = parent;
    out.push(rec);
    visitChildren(g, path, rec, role);
  };
  const visitChildren = (g: { groups?: GroupInput[]; indicators?: IndicatorInput[] }, path: Path, parent: NodeRec | undefined, role: NodeRec["role"]): void => {
    g.groups?.forEach((c, i) => visitGroup(c, [...path, "groups", i], parent, role));
    g.indicators?.forEach((c, i) => {
      const rec: NodeRec = { kind: "indicator", input: c, path: [...path, "indicators", i], role };
      if (parent) rec.parent = parent;
      out.push(rec);
    });
  };
  visitChildren(input, [], undefined, "score");
  if (input.bonus) visitChildren(input.bonus, ["bonus"], undefined, "bonus");
  if (input.penalty) visitChildren(input.penalty, ["penalty"], undefined, "penalty");
  return out;
}

const ROOT_ID = "total";

function checkIds(input: CriteriaInput, recs: NodeRec[], y: YamlFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, Path>();
  for (const r of recs) {
    const id = r.input.id;
    const first = seen.get(id);
    if (id === ROOT_ID) out.push(diag("CRITERIA_RESERVED_ID", "error", { id }, { file: y.file, ...y.locate([...r.path, "id"]) }));
    else if (first) out.push(diag("CRITERIA_DUPLICATE_ID", "error", { id, first: y.locate(first).line }, { file: y.file, ...y.locate([...r.path, "id"]) }));
    else seen.set(id, r.path);
  }
  const levels = new Set<string>();
  input.levels.forEach((l, i) => {
    if (levels.has(l.id)) out.push(diag("CRITERIA_DUPLICATE_ID", "error", { id: l.id, first: 0 }, { file: y.file, ...y.locate(["levels", i, "id"]) }));
    levels.add(l.id);
  });
  if (!input.groups?.length && !input.indicators?.length) {
    out.push(diag("CRITERIA_NO_INDICATORS", "error", {}, { file: y.file, line: 1, column: 1 }));
  }
  if ((input.aggregation === "mean" || input.aggregation === "geometric") && input.max === undefined) {
    out.push(diag("CRITERIA_MEAN_NEEDS_MAX", "error", { id: ROOT_ID, aggregation: input.aggregation }, { file: y.file, ...y.locate(["aggregation"], true) }));
  }
  return out;
}

function checkLevels(input: CriteriaInput, y: YamlFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ids = new Set(input.levels.map((l) => l.id));
  const parentOf = new Map(input.levels.map((l) => [l.id, l.parent] as const));
  input.levels.forEach((l, i) => {
    if (l.parent !== undefined && !ids.has(l.parent)) {
      out.push(diag("CRITERIA_UNKNOWN_LEVEL", "error", { level: l.parent, known: [...ids].join(", ") }, { file: y.file, ...y.locate(["levels", i, "parent"]) }));
    }
    const seen = new Set([l.id]);
    for (let p = l.parent; p !== undefined; p = parentOf.get(p)) {
      if (seen.has(p)) {
        out.push(diag("CRITERIA_LEVEL_CYCLE", "error", { level: l.id }, { file: y.file, ...y.locate(["levels", i, "parent"]) }));
        break;
      }
      seen.add(p);
    }
    if (l.peers?.by === "attribute" && !l.peers.attribute) {
      out.push(diag("SCHEMA_REQUIRED", "error", { key: "attribute", path: `levels[${i}].peers` }, { file: y.file, ...y.locate(["levels", i, "peers"]) }));
    }
    if (l.peers?.by === "parent" && l.parent === undefined) {
      out.push(diag("CRITERIA_PEERS_NO_PARENT", "error", { level: l.id }, { file: y.file, ...y.locate(["levels", i, "peers"]) }));
    }
  });
  return out;
}

function levelsOf(r: NodeRec): string[] | undefined {
  const m = r.input.max;
  if (m !== undefined && typeof m === "object") return Object.keys(m);
  return r.input.levels;
}

function defaultUnit(ind: IndicatorInput): UnitName {
  if (ind.unit) return ind.unit;
  switch (ind.rule.type) {
    case "ratio":
    case "target":
      return "percent";
    case "boolean":
      return "boolean";
    case "categorical":
      return "text";
    case "rollup":
      return "fraction";
    default:
      return "number";
  }
}

function checkNodes(input: CriteriaInput, recs: NodeRec[], y: YamlFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const levelIds = new Set(input.levels.map((l) => l.id));
  const nodeIds = new Set(recs.map((r) => r.input.id));
  const at = (p: Path, key = false) => ({ file: y.file, ...y.locate(p, key) });
  const rollupDeps = new Map<string, Set<string>>();
  for (const r of recs) {
    const n = r.input;
    if (n.levels && typeof n.max === "object") out.push(diag("CRITERIA_LEVELS_AND_MAP", "error", { id: n.id }, at([...r.path, "levels"], true)));
    (n.levels ?? []).forEach((l, i) => {
      if (!levelIds.has(l)) out.push(diag("CRITERIA_UNKNOWN_LEVEL", "error", { level: l, known: [...levelIds].join(", ") }, at([...r.path, "levels", i])));
    });
    for (const l of typeof n.max === "object" ? Object.keys(n.max) : []) {
      if (!levelIds.has(l)) out.push(diag("CRITERIA_UNKNOWN_LEVEL", "error", { level: l, known: [...levelIds].join(", ") }, at([...r.path, "max", l], true)));
    }
    const own = levelsOf(r);
    const parentLevels = r.parent ? levelsOf(r.parent) : undefined;
    if (own && parentLevels) {
      for (const l of own) if (!parentLevels.includes(l)) out.push(diag("CRITERIA_LEVEL_OUTSIDE_GROUP", "error", { id: n.id, level: l, group: r.parent?.input.id ?? "" }, at([...r.path, typeof n.max === "object" ? "max" : "levels"])));
    }
    if (n.weight !== undefined && !(n.weight > 0)) out.push(diag("CRITERIA_WEIGHT", "error", { id: n.id, weight: n.weight }, at([...r.path, "weight"])));
    if (r.kind === "group") {
      const g = n as GroupInput;
      if (!g.groups?.length && !g.indicators?.length) out.push(diag("CRITERIA_EMPTY_GROUP", "error", { id: g.id }, at(r.path)));
      if ((g.aggregation === "mean" || g.aggregation === "geometric") && g.max === undefined) {
        out.push(diag("CRITERIA_MEAN_NEEDS_MAX", "error", { id: g.id, aggregation: g.aggregation }, at(r.path)));
      }
      continue;
    }
    const ind = n as IndicatorInput;
    const rule = ind.rule;
    const rp: Path = [...r.path, "rule"];
    const unit = defaultUnit(ind);
    const reads = ruleReads(rule);
    const compatible = reads === "boolean" ? unit === "boolean" : reads === "text" ? unit === "text" : unit !== "boolean" && unit !== "text";
    if (!compatible) out.push(diag("CRITERIA_UNIT_RULE", "error", { id: ind.id, unit, rule: rule.type }, at([...r.path, "unit"])));
    const smallestMax = typeof ind.max === "number" ? ind.max : Math.min(...Object.values(ind.max));
    if (rule.type === "steps") {
      let kind: "atLeast" | "atMost" | undefined;
      let prev: number | undefined;
      rule.steps.forEach((s, i) => {
        const sp: Path = [...rp, "steps", i];
        const hasLeast = s.atLeast !== undefined;
        const hasMost = s.atMost !== undefined;
        if (hasLeast === hasMost) {
          out.push(diag("CRITERIA_STEP_BOUND", "error", { id: ind.id, step: i + 1 }, at(sp)));
          return;
        }
        if ((s.points === undefined) === (s.share === undefined)) out.push(diag("CRITERIA_POINTS_OR_SHARE", "error", { id: ind.id, item: `step ${i + 1}` }, at(sp)));
        if (s.points !== undefined && s.points > smallestMax) out.push(diag("CRITERIA_POINTS_ABOVE_MAX", "error", { id: ind.id, points: s.points, max: smallestMax }, at([...sp, "points"])));
        const k = hasLeast ? "atLeast" : "atMost";
        const v = (hasLeast ? s.atLeast : s.atMost) as number;
        if (kind !== undefined && k !== kind) out.push(diag("CRITERIA_STEPS_MIXED", "error", { id: ind.id }, at([...sp, k], true)));
        else if (prev !== undefined && (k === "atLeast" ? v >= prev : v <= prev)) {
          out.push(diag("CRITERIA_STEPS_ORDER", "error", { id: ind.id, step: i + 1, bound: k, value: v, previous: prev }, at([...sp, k])));
        }
        kind = k;
        prev = v;
      });
    }
    if (rule.type === "categorical") {
      const values = new Set<string>();
      rule.categories.forEach((c, i) => {
        const cp: Path = [...rp, "categories", i];
        if ((c.points === undefined) === (c.share === undefined)) out.push(diag("CRITERIA_POINTS_OR_SHARE", "error", { id: ind.id, item: `category "${c.value}"` }, at(cp)));
        if (c.points !== undefined && c.points > smallestMax) out.push(diag("CRITERIA_POINTS_ABOVE_MAX", "error", { id: ind.id, points: c.points, max: smallestMax }, at([...cp, "points"])));
        for (const v of [c.value, ...(c.aliases ?? [])]) {
          const key = v.normalize("NFC").trim().toLowerCase();
          if (values.has(key)) out.push(diag("CRITERIA_DUPLICATE_CATEGORY", "error", { id: ind.id, value: v }, at(cp)));
          values.add(key);
        }
      });
    }
    if ((rule.type === "steps" || rule.type === "categorical") && rule.otherwise !== undefined && rule.otherwise > smallestMax) {
      out.push(diag("CRITERIA_POINTS_ABOVE_MAX", "error", { id: ind.id, points: rule.otherwise, max: smallestMax }, at([...rp, "otherwise"])));
    }
    if (rule.type === "linear" && !(rule.lower < rule.upper)) {
      out.push(diag("CRITERIA_GOALPOSTS", "error", { id: ind.id, lower: rule.lower, upper: rule.upper }, at(rp)));
    }
    if (rule.type === "rollup") {
      if (!levelIds.has(rule.level)) {
        out.push(diag("CRITERIA_UNKNOWN_LEVEL", "error", { level: rule.level, known: [...levelIds].join(", ") }, at([...rp, "level"])));
      } else {
        const target = own ?? [...levelIds];
        for (const l of target) {
          if (!isDescendantLevel(input, rule.level, l)) out.push(diag("CRITERIA_ROLLUP_LEVEL", "error", { id: ind.id, child: rule.level, level: l }, at([...rp, "level"])));
          const deps = rollupDeps.get(l) ?? new Set<string>();
          deps.add(rule.level);
          rollupDeps.set(l, deps);
        }
      }
      if (rule.of !== undefined && rule.of !== ROOT_ID && !nodeIds.has(rule.of)) {
        out.push(diag("CRITERIA_UNKNOWN_NODE", "error", { id: rule.of }, at([...rp, "of"])));
      }
    }
  }
  return out;
}

function isDescendantLevel(input: CriteriaInput, child: string, ancestor: string): boolean {
  const parentOf = new Map(input.levels.map((l) => [l.id, l.parent] as const));
  const seen = new Set<string>();
  for (let p = parentOf.get(child); p !== undefined && !seen.has(p); p = parentOf.get(p)) {
    if (p === ancestor) return true;
    seen.add(p);
  }
  return false;
}

function checkBands(input: CriteriaInput, y: YamlFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const list = input.bands?.list ?? [];
  const ids = new Set<string>();
  list.forEach((b, i) => {
    const at = { file: y.file, ...y.locate(["bands", "list", i, "min"]) };
    if (ids.has(b.id)) out.push(diag("CRITERIA_DUPLICATE_ID", "error", { id: b.id, first: 0 }, { file: y.file, ...y.locate(["bands", "list", i, "id"]) }));
    ids.add(b.id);
    const prev = list[i - 1];
    if (prev && !(b.min < prev.min)) out.push(diag("CRITERIA_BANDS_ORDER", "error", { id: b.id, min: b.min, previous: prev.min }, at));
  });
  return out;
}

function label(l: LabelInput | undefined): Text {
  if (l === undefined) return {};
  return typeof l === "string" ? { vi: l, en: l } : { ...l };
}

function resolve(input: CriteriaInput, recs: NodeRec[], file: string, columnMap: Record<string, string>): Criteria {
  const allLevels = input.levels.map((l) => l.id);
  const rootMissing = input.missing ?? "zero";
  const recOf = new Map(recs.map((r) => [r.input, r] as const));
  const applicable = (n: GroupInput | IndicatorInput, inherited: string[]): string[] => {
    const own = typeof n.max === "object" ? Object.keys(n.max) : n.levels;
    return own ? inherited.filter((l) => own.includes(l)) : inherited;
  };
  const buildIndicator = (ind: IndicatorInput, levels: string[], path: string[], missing: IndicatorNode["missing"]): IndicatorNode => {
    const maxByLevel = new Map<string, number>();
    for (const l of levels) maxByLevel.set(l, typeof ind.max === "number" ? ind.max : (ind.max[l] as number));
    const rule = ind.rule;
    const node: IndicatorNode = {
      kind: "indicator",
      id: ind.id,
      label: label(ind.label),
      path,
      weight: ind.weight ?? 1,
      missing: ind.missing ?? missing,
      maxByLevel,
      rule,
      unit: defaultUnit(ind),
      direction: "direction" in rule && rule.direction ? rule.direction : "higher",
      column: (columnMap[ind.id] ?? ind.column ?? ind.id).normalize("NFC").trim(),
      role: recOf.get(ind)?.role ?? "score",
    };
    if (ind.agency !== undefined) node.agency = ind.agency;
    return node;
  };
  const buildGroup = (
    g: { id: string; label?: LabelInput; groups?: GroupInput[]; indicators?: IndicatorInput[]; max?: GroupInput["max"]; aggregation?: GroupInput["aggregation"]; weight?: number; missing?: GroupInput["missing"]; levels?: string[] },
    inherited: string[],
    path: string[],
    missing: IndicatorNode["missing"],
  ): GroupNode => {
    const levels = applicable(g as GroupInput, inherited);
    const m = g.missing ?? missing;
    const childPath = g.id === ROOT_ID ? path : [...path, g.id];
    const children: CriteriaNode[] = [
      ...(g.groups ?? []).map((c) => buildGroup(c, levels, childPath, m)),
      ...(g.indicators ?? []).map((c) => buildIndicator(c, applicable(c, levels), childPath, m)),
    ];
    const aggregation = g.aggregation ?? "sum";
    const maxByLevel = new Map<string, number>();
    for (const l of levels) {
      const kids = children.filter((c) => c.maxByLevel.has(l));
      if (kids.length === 0) continue;
      if (aggregation === "sum") maxByLevel.set(l, kids.reduce((s, c) => s + (c.maxByLevel.get(l) ?? 0), 0));
      else maxByLevel.set(l, typeof g.max === "number" ? g.max : (g.max?.[l] ?? 0));
    }
    return { kind: "group", id: g.id, label: label(g.label), path, weight: g.weight ?? 1, missing: m, maxByLevel, aggregation, children };
  };
  const rootInput = { id: ROOT_ID, label: { vi: "Tổng điểm", en: "Total" }, groups: input.groups, indicators: input.indicators, aggregation: input.aggregation, missing: rootMissing, ...(input.max !== undefined ? { max: input.max } : {}) };
  const root = buildGroup(rootInput, allLevels, [], rootMissing);
  const adjustment = (a: CriteriaInput["bonus"], id: string): Criteria["bonus"] =>
    a && { max: a.max, indicators: a.indicators.map((i) => buildIndicator(i, applicable(i, allLevels), [id], rootMissing)) };
  const bonus = adjustment(input.bonus, "bonus");
  const penalty = adjustment(input.penalty, "penalty");
  const indicators: IndicatorNode[] = [];
  const collect = (n: CriteriaNode): void => {
    if (n.kind === "indicator") indicators.push(n);
    else n.children.forEach(collect);
  };
  collect(root);
  indicators.push(...(bonus?.indicators ?? []), ...(penalty?.indicators ?? []));
  const levels: Level[] = input.levels.map((l) => {
    const level: Level = { id: l.id, label: label(l.label), peers: l.peers?.by ? { by: l.peers.by, ...(l.peers.attribute ? { attribute: l.peers.attribute } : {}) } : { by: "level" } };
    if (l.parent !== undefined) level.parent = l.parent;
    return level;
  });
  const criteria: Criteria = {
    id: input.id,
    title: label(input.title),
    version: String(input.version),
    illustrative: input.illustrative ?? false,
    language: input.language ?? "vi",
    decimals: input.decimals ?? 2,
    file,
    levels,
    root,
    bands: { on: input.bands?.on ?? "percent", list: (input.bands?.list ?? []).map((b) => ({ id: b.id, label: label(b.label), min: b.min, ...(b.color ? { color: b.color } : {}) })) },
    ranking: { method: input.ranking?.method ?? "competition", on: input.ranking?.on ?? "percent", decimals: input.ranking?.decimals ?? 2 },
    indicators,
  };
  if (input.decision !== undefined) criteria.decision = input.decision;
  if (input.issuer !== undefined) criteria.issuer = input.issuer;
  if (input.note !== undefined) criteria.note = label(input.note);
  if (bonus) criteria.bonus = bonus;
  if (penalty) criteria.penalty = penalty;
  if (input.sensitivity) criteria.sensitivity = { ...input.sensitivity };
  if (input.crosswalk) criteria.crosswalk = { ...input.crosswalk };
  return criteria;
}

/** A declared maximum must equal what its children add up to. */
function checkMaxima(input: CriteriaInput, recs: NodeRec[], criteria: Criteria, y: YamlFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byId = new Map<string, CriteriaNode>();
  const index = (n: CriteriaNode): void => {
    byId.set(n.id, n);
    if (n.kind === "group") n.children.forEach(index);
  };
  index(criteria.root);
  const fullMax = (n: CriteriaNode): number => Math.max(0, ...n.maxByLevel.values());
  const check = (declared: number | Record<string, number> | undefined, node: GroupNode, path: Path): void => {
    if (declared === undefined || node.aggregation !== "sum") return;
    const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;
    if (typeof declared === "number") {
      const sum = node.children.reduce((s, c) => s + fullMax(c), 0);
      if (!close(sum, declared)) out.push(diag("CRITERIA_MAX_SUM", "error", { id: node.id, declared, sum }, { file: y.file, ...y.locate([...path, "max"]) }));
    } else {
      for (const [l, v] of Object.entries(declared)) {
        const sum = node.children.reduce((s, c) => s + (c.maxByLevel.get(l) ?? 0), 0);
        if (!close(sum, v)) out.push(diag("CRITERIA_MAX_SUM", "error", { id: `${node.id} (${l})`, declared: v, sum }, { file: y.file, ...y.locate([...path, "max", l]) }));
      }
    }
  };
  check(input.max, criteria.root, []);
  for (const r of recs) {
    if (r.kind !== "group" || r.role !== "score") continue;
    const node = byId.get(r.input.id);
    if (node?.kind === "group") check((r.input as GroupInput).max, node, r.path);
  }
  for (const l of criteria.levels) {
    if (!criteria.root.maxByLevel.has(l.id)) out.push(diag("CRITERIA_LEVEL_EMPTY", "warning", { level: l.id }, { file: y.file, ...y.locate(["levels"]) }));
  }
  return out;
}

function checkColumns(criteria: Criteria, recs: NodeRec[], y: YamlFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, string>();
  const pathOf = new Map(recs.map((r) => [r.input.id, r.path] as const));
  for (const ind of criteria.indicators) {
    const other = seen.get(ind.column);
    if (other) out.push(diag("CRITERIA_DUPLICATE_COLUMN", "error", { id: ind.id, other, column: ind.column }, { file: y.file, ...y.locate(pathOf.get(ind.id) ?? []) }));
    seen.set(ind.column, ind.id);
  }
  return out;
}
