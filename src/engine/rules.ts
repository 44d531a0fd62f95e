// The scoring rules: one small pure function each, in one registry keyed by rule type.
// A rule turns a unit's value into a rate in [0, 1]; points are rate × the applicable maximum.
import type { DirectionName, RuleInput, RuleType } from "../model/criteria-schema.ts";
import type { Cell } from "../model/data.ts";
import type { Detail } from "../model/result.ts";

/** Statistics of the cohort (the units of one level with a value), for cohort rules. */
export interface CohortStats {
  min: number;
  max: number;
  mean: number;
  sd: number;
}

export interface RuleOutcome {
  rate: number;
  /** the rule's account of the arithmetic, made when asked (explain): formatting it for every cell costs more than scoring it */
  detail: () => Detail;
}

type RuleOf<K extends RuleType> = Extract<RuleInput, { type: K }>;
type ValueKind = "number" | "boolean" | "text";

/** What a rule reads besides the value: the maximum its own points are read against, the unit's scale, the cohort's statistics (cohort rules). */
export type RuleContext = { max: number; unitScale: number; stats?: CohortStats };

interface RuleImpl<K extends RuleType> {
  /** the kind of cell the rule reads */
  reads: ValueKind;
  /** true when the rule needs the cohort's statistics */
  cohort: boolean;
  /** the rate in [0, 1]: the only arithmetic of the rule */
  rate(rule: RuleOf<K>, value: number | boolean | string, ctx: RuleContext): number;
  /** a short account of that arithmetic, for `explain`; kept apart so that scoring a million
   * values does not format a million sentences */
  detail(rule: RuleOf<K>, value: number | boolean | string, ctx: RuleContext): Detail;
}

export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : Number.isNaN(x) ? 0 : x);
const fmt = (x: number): string => String(Math.round(x * 1e6) / 1e6);
const lowerIsBetter = (d: DirectionName | undefined): boolean => d === "lower";

/** The standard normal distribution function (Abramowitz and Stegun 26.2.17, error < 7.5e-8). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989422804014327 * Math.exp((-z * z) / 2);
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z >= 0 ? 1 - p : p;
}

function stepPoints(s: { points?: number; share?: number }, max: number): number {
  return s.share !== undefined ? s.share * max : Math.min(s.points ?? 0, max);
}

type Step = Extract<RuleInput, { type: "steps" }>["steps"][number];
/** The first step whose condition holds, if any. */
function stepHit(steps: readonly Step[], x: number): Step | undefined {
  for (const s of steps) {
    const hit = s.atLeast !== undefined ? x >= s.atLeast : s.atMost !== undefined ? x <= s.atMost : false;
    if (hit) return s;
  }
  return undefined;
}

type Category = Extract<RuleInput, { type: "categorical" }>["categories"][number];
function categoryOf(categories: readonly Category[], v: string): Category | undefined {
  const key = normaliseCategory(v);
  return categories.find((c) => [c.value, ...(c.aliases ?? [])].some((a) => normaliseCategory(a) === key));
}

export const rules: { [K in RuleType]: RuleImpl<K> } = {
  ratio: {
    reads: "number",
    cohort: false,
    rate(rule, v, { unitScale }) {
      const r = clamp01((v as number) / unitScale);
      return lowerIsBetter(rule.direction) ? 1 - r : r;
    },
    detail(rule, v, { unitScale }) {
      const r = clamp01((v as number) / unitScale);
      return { key: lowerIsBetter(rule.direction) ? "inverse" : "rate", r: fmt(r) };
    },
  },
  target: {
    reads: "number",
    cohort: false,
    rate(rule, v) {
      const x = v as number;
      if (lowerIsBetter(rule.direction)) return clamp01(x <= rule.target ? 1 : rule.target / x);
      return clamp01(x / rule.target);
    },
    detail(rule, v) {
      const x = v as number;
      return { key: lowerIsBetter(rule.direction) ? "targetLower" : "target", x: fmt(x), target: fmt(rule.target) };
    },
  },
  steps: {
    reads: "number",
    cohort: false,
    rate(rule, v, { max }) {
      const s = stepHit(rule.steps, v as number);
      const p = s ? stepPoints(s, max) : Math.min(rule.otherwise ?? 0, max);
      return max > 0 ? clamp01(p / max) : 0;
    },
    detail(rule, v, { max }) {
      const x = v as number;
      const s = stepHit(rule.steps, x);
      if (!s) return { key: "noStep", x: fmt(x), p: fmt(Math.min(rule.otherwise ?? 0, max)) };
      const cond = s.atLeast !== undefined ? `≥ ${fmt(s.atLeast)}` : `≤ ${fmt(s.atMost ?? 0)}`;
      return { key: "step", x: fmt(x), cond, p: fmt(stepPoints(s, max)) };
    },
  },
  categorical: {
    reads: "text",
    cohort: false,
    rate(rule, v, { max }) {
      const c = categoryOf(rule.categories, v as string);
      const p = c ? stepPoints(c, max) : Math.min(rule.otherwise ?? 0, max);
      return max > 0 ? clamp01(p / max) : 0;
    },
    detail(rule, v, { max }) {
      const c = categoryOf(rule.categories, v as string);
      return c ? { key: "category", value: c.value, p: fmt(stepPoints(c, max)) } : { key: "otherCategory", x: v as string, p: fmt(Math.min(rule.otherwise ?? 0, max)) };
    },
  },
  boolean: {
    reads: "boolean",
    cohort: false,
    rate(rule, v) {
      const yes = v as boolean;
      return (lowerIsBetter(rule.direction) ? !yes : yes) ? 1 : 0;
    },
    detail(_rule, v) {
      return { key: (v as boolean) ? "yes" : "no" };
    },
  },
  points: {
    reads: "number",
    cohort: false,
    rate(_rule, v, { max }) {
      return max > 0 ? clamp01((v as number) / max) : 0;
    },
    detail(_rule, v, { max }) {
      return { key: "points", x: fmt(v as number), max: fmt(max) };
    },
  },
  linear: {
    reads: "number",
    cohort: false,
    rate(rule, v) {
      const x = v as number;
      const span = rule.upper - rule.lower;
      return clamp01(lowerIsBetter(rule.direction) ? (rule.upper - x) / span : (x - rule.lower) / span);
    },
    detail(rule) {
      return { key: "goalposts", lower: fmt(rule.lower), upper: fmt(rule.upper) };
    },
  },
  relative: {
    reads: "number",
    cohort: true,
    rate(rule, v, { stats }) {
      const x = v as number;
      const s = stats as CohortStats;
      if (lowerIsBetter(rule.direction)) return clamp01(x <= 0 ? 1 : s.min / x);
      return clamp01(s.max <= 0 ? 0 : x / s.max);
    },
    detail(rule, v, { stats }) {
      const x = v as number;
      const s = stats as CohortStats;
      return lowerIsBetter(rule.direction) ? { key: "bestOver", best: fmt(s.min), x: fmt(x) } : { key: "overBest", x: fmt(x), best: fmt(s.max) };
    },
  },
  minmax: {
    reads: "number",
    cohort: true,
    rate(rule, v, { stats }) {
      const x = v as number;
      const s = stats as CohortStats;
      const span = s.max - s.min;
      if (span === 0) return 1;
      return clamp01(lowerIsBetter(rule.direction) ? (s.max - x) / span : (x - s.min) / span);
    },
    detail(_rule, _v, { stats }) {
      const s = stats as CohortStats;
      return s.max - s.min === 0 ? { key: "allEqual" } : { key: "cohort", min: fmt(s.min), max: fmt(s.max) };
    },
  },
  zscore: {
    reads: "number",
    cohort: true,
    rate(rule, v, { stats }) {
      const s = stats as CohortStats;
      if (s.sd === 0) return 0.5;
      const z = ((v as number) - s.mean) / s.sd;
      return clamp01(normalCdf(lowerIsBetter(rule.direction) ? -z : z));
    },
    detail(_rule, v, { stats }) {
      const s = stats as CohortStats;
      return s.sd === 0 ? { key: "noSpread" } : { key: "z", z: fmt(((v as number) - s.mean) / s.sd) };
    },
  },
  rollup: {
    reads: "number",
    cohort: false,
    rate(_rule, v) {
      return clamp01(v as number);
    },
    detail(rule) {
      return { key: "rollup", stat: rule.stat ?? "mean", level: rule.level, of: rule.of ?? "total" };
    },
  },
};

// A category as it is matched, the same in the loader's check (load/data.ts) and in the rule.
// Categories repeat (a handful of values over thousands of units) and the Vietnamese lower case
// is slow: each text is normalised once (a bounded memo, pure).
const categoryKeys = new Map<string, string>();
export function normaliseCategory(s: string): string {
  let k = categoryKeys.get(s);
  if (k === undefined) {
    if (categoryKeys.size >= 10_000) categoryKeys.clear();
    // (spaces of any kind, and runs of them, as one: "chủ\u00a0tịch" copied from a web page is "chủ tịch")
    k = s.normalize("NFC").trim().replace(/\s+/g, " ").toLocaleLowerCase("vi");
    categoryKeys.set(s, k);
  }
  return k;
}

export function cohortStats(values: Iterable<number> & { readonly length: number }): CohortStats {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
  }
  const mean = values.length ? sum / values.length : 0;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  const sd = values.length ? Math.sqrt(ss / values.length) : 0;
  return { min, max, mean, sd };
}

export function ruleReads(rule: RuleInput): ValueKind {
  return rules[rule.type].reads;
}

/** True when the rule rates a value against the cohort's statistics (declared in the registry). */
export function isCohortRule(rule: RuleInput): boolean {
  return rules[rule.type].cohort;
}

/** Scores one value with its rule: the rate and the account of it. */
export function applyRule(rule: RuleInput, value: number | boolean | string, ctx: RuleContext): RuleOutcome {
  // The registry is keyed by type, so the cast only restores what the lookup lost.
  const impl = rules[rule.type] as RuleImpl<RuleType>;
  return { rate: impl.rate(rule as never, value, ctx), detail: () => impl.detail(rule as never, value, ctx) };
}

/** The rule's account of its arithmetic for one value (explain), apart from scoring. */
export function detailOf(rule: RuleInput, value: number | boolean | string, ctx: RuleContext): Detail {
  const impl = rules[rule.type] as RuleImpl<RuleType>;
  return impl.detail(rule as never, value, ctx);
}

/** The rate alone, for scoring in bulk (the columnar engine). */
export function rateOf(rule: RuleInput): (value: number | boolean | string, ctx: RuleContext) => number {
  const impl = rules[rule.type] as RuleImpl<RuleType>;
  return (value, ctx) => impl.rate(rule as never, value, ctx);
}

/** The value a cell carries, when it is of the kind the rule reads. */
export function cellValue(cell: Cell, reads: ValueKind): number | boolean | string | undefined {
  if (cell.kind === "na") return undefined;
  if (reads === "number" && cell.kind === "number") return cell.value;
  if (reads === "boolean" && cell.kind === "boolean") return cell.value;
  if (reads === "text" && cell.kind === "text") return cell.value;
  return undefined;
}
