// The resolved criteria model the engine works on: the parsed YAML with defaults applied,
// labels normalised and applicability worked out per level. Built by load/criteria.ts.
import type {
  AggregationName,
  SensitivityInput,
  CrosswalkMethodInput,
  DirectionName,
  MissingPolicyName,
  RuleInput,
  UnitName,
} from "./criteria-schema.ts";

export type Lang = "vi" | "en";
export interface Text {
  vi?: string;
  en?: string;
}

export interface Level {
  id: string;
  label: Text;
  parent?: string;
  peers: { by: "level" | "parent" | "attribute"; attribute?: string };
}

interface NodeBase {
  id: string;
  label: Text;
  /** ids of the enclosing groups, outermost first (empty for a top-level node) */
  path: string[];
  weight: number;
  /**
   * The weight per level in a mean or geometric parent, where it differs from `weight`: a
   * sensitivity run that aggregates a sum group geometrically weighs each child by its maximum
   * at the unit's level. Absent in criteria read from a file.
   */
  weightByLevel?: Map<string, number>;
  missing: MissingPolicyName;
  /** the maximum per level id, for the levels where the node applies */
  maxByLevel: Map<string, number>;
}

/** A node's weight in its mean or geometric parent, at a level. */
export const weightAt = (node: NodeBase, level: string): number => node.weightByLevel?.get(level) ?? node.weight;

export interface IndicatorNode extends NodeBase {
  kind: "indicator";
  rule: RuleInput;
  unit: UnitName;
  direction: DirectionName;
  /** the CSV header of the value (after the manifest's `map:`) */
  column: string;
  agency?: string;
  role: "score" | "bonus" | "penalty";
  /**
   * The maximum per level that the rule's own points (steps, categories, the points rule) are
   * read against, where it differs from maxByLevel: a sensitivity run that rescales maxima keeps
   * every rate as the criteria define it. Absent in criteria read from a file.
   */
  ruleMaxByLevel?: Map<string, number>;
}

/** What a value of the indicator's unit is read over: a percent over 100, every other unit over 1 (declared once, read by the engine, the loaders and explain). */
export const unitScale = (ind: Pick<IndicatorNode, "unit">): number => (ind.unit === "percent" ? 100 : 1);

/** The maximum an indicator's rule reads its own points against, at a level where it applies with `max`. */
export const ruleMaxAt = (ind: IndicatorNode, level: string, max: number): number => ind.ruleMaxByLevel?.get(level) ?? max;

export interface GroupNode extends NodeBase {
  kind: "group";
  aggregation: AggregationName;
  children: CriteriaNode[];
}

export type CriteriaNode = IndicatorNode | GroupNode;

export interface Band {
  id: string;
  label: Text;
  min: number;
  color?: string;
}

export interface Adjustment {
  max: number;
  indicators: IndicatorNode[];
}

export interface Criteria {
  id: string;
  title: Text;
  version: string;
  decision?: string;
  issuer?: string;
  note?: Text;
  illustrative: boolean;
  language: Lang;
  decimals: number;
  file: string;
  levels: Level[];
  root: GroupNode;
  bonus?: Adjustment;
  penalty?: Adjustment;
  bands: { on: "percent" | "score"; list: Band[] };
  ranking: { method: "competition" | "dense"; on: "percent" | "score"; decimals: number };
  /** every indicator, scored ones first in tree order, then bonus, then penalty */
  indicators: IndicatorNode[];
  /** the defaults of `egov-score sensitivity`, as written in the criteria */
  sensitivity?: SensitivityInput;
  /** how merged units are compared with their predecessors, as written in the criteria */
  crosswalk?: CrosswalkMethodInput;
}

export function text(t: Text | undefined, lang: Lang, fallback = ""): string {
  if (!t) return fallback;
  return (lang === "vi" ? (t.vi ?? t.en) : (t.en ?? t.vi)) ?? fallback;
}

export function walk(node: CriteriaNode, visit: (n: CriteriaNode) => void): void {
  visit(node);
  if (node.kind === "group") for (const c of node.children) walk(c, visit);
}
