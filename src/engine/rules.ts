// The scoring rules: one small pure function each, in one registry keyed by rule type.
// A rule turns a unit's value into a rate in [0, 1]; points are rate × the applicable maximum.
import type { DirectionName, RuleInput, RuleType } from "../model/criteria-schema.ts";
import type { Cell } from "../model/data.ts";

/** Statistics of the cohort (the units of one level with a value), for cohort rules. */
export interface CohortStats {
  min: number;
  max: number;
  mean: number;
  sd: number;
}

export interface RuleOutcome {
  rate: number;
  detail: string;
}

type RuleOf<K extends RuleType> = Extract<RuleInput, { type: K }>;
type ValueKind = "number" | "boolean" | "text";

interface RuleImpl<K extends RuleType> {
  /** the kind of cell the rule reads */
  reads: ValueKind;
  /** true when the rule needs the cohort's statistics */
  cohort: boolean;
  rate(rule: RuleOf<K>, value: number | boolean | string, ctx: { max: number; unitScale: number; stats?: CohortStats }): RuleOutcome;
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

export const rules: { [K in RuleType]: RuleImpl<K> } = {
  ratio: {
    reads: "number",
    cohort: false,
    rate(rule, v, { unitScale }) {
      const r = clamp01((v as number) / unitScale);
      return lowerIsBetter(rule.direction)
        ? { rate: 1 - r, detail: `1 − ${fmt(r)}` }
        : { rate: r, detail: `rate ${fmt(r)}` };
    },
  },
  target: {
    reads: "number",
    cohort: false,
    rate(rule, v) {
      const x = v as number;
      if (lowerIsBetter(rule.direction)) {
        const r = x <= rule.target ? 1 : rule.target / x;
        return { rate: clamp01(r), detail: `${fmt(x)} ≤ ${fmt(rule.target)} ? 1 : ${fmt(rule.target)} / ${fmt(x)}` };
      }
      return { rate: clamp01(x / rule.target), detail: `min(1, ${fmt(x)} / ${fmt(rule.target)})` };
    },
  },
  steps: {
    reads: "number",
    cohort: false,
    rate(rule, v, { max }) {
      const x = v as number;
      for (const s of rule.steps) {
        const hit = s.atLeast !== undefined ? x >= s.atLeast : s.atMost !== undefined ? x <= s.atMost : false;
        if (hit) {
          const p = stepPoints(s, max);
          const cond = s.atLeast !== undefined ? `≥ ${fmt(s.atLeast)}` : `≤ ${fmt(s.atMost ?? 0)}`;
          return { rate: max > 0 ? clamp01(p / max) : 0, detail: `${fmt(x)} ${cond} → ${fmt(p)}` };
        }
      }
      const p = Math.min(rule.otherwise ?? 0, max);
      return { rate: max > 0 ? clamp01(p / max) : 0, detail: `${fmt(x)}: no step → ${fmt(p)}` };
    },
  },
  categorical: {
    reads: "text",
    cohort: false,
    rate(rule, v, { max }) {
      const key = normaliseCategory(v as string);
      for (const c of rule.categories) {
        if ([c.value, ...(c.aliases ?? [])].some((a) => normaliseCategory(a) === key)) {
          const p = stepPoints(c, max);
          return { rate: max > 0 ? clamp01(p / max) : 0, detail: `"${c.value}" → ${fmt(p)}` };
        }
      }
      const p = Math.min(rule.otherwise ?? 0, max);
      return { rate: max > 0 ? clamp01(p / max) : 0, detail: `other → ${fmt(p)}` };
    },
  },
  boolean: {
    reads: "boolean",
    cohort: false,
    rate(rule, v) {
      const yes = v as boolean;
      const good = lowerIsBetter(rule.direction) ? !yes : yes;
      return { rate: good ? 1 : 0, detail: yes ? "yes" : "no" };
    },
  },
  points: {
    reads: "number",
    cohort: false,
    rate(_rule, v, { max }) {
      const x = v as number;
      return { rate: max > 0 ? clamp01(x / max) : 0, detail: `min(${fmt(x)}, ${fmt(max)})` };
    },
  },
  linear: {
    reads: "number",
    cohort: false,
    rate(rule, v) {
      const x = v as number;
      const span = rule.upper - rule.lower;
      const r = lowerIsBetter(rule.direction) ? (rule.upper - x) / span : (x - rule.lower) / span;
      return { rate: clamp01(r), detail: `goalposts ${fmt(rule.lower)}–${fmt(rule.upper)}` };
    },
  },
  relative: {
    reads: "number",
    cohort: true,
    rate(rule, v, { stats }) {
      const x = v as number;
      const s = stats as CohortStats;
      if (lowerIsBetter(rule.direction)) {
        const r = x <= 0 ? 1 : s.min / x;
        return { rate: clamp01(r), detail: `best ${fmt(s.min)} / ${fmt(x)}` };
      }
      const r = s.max <= 0 ? 0 : x / s.max;
      return { rate: clamp01(r), detail: `${fmt(x)} / best ${fmt(s.max)}` };
    },
  },
  minmax: {
    reads: "number",
    cohort: true,
    rate(rule, v, { stats }) {
      const x = v as number;
      const s = stats as CohortStats;
      const span = s.max - s.min;
      if (span === 0) return { rate: 1, detail: "all equal" };
      const r = lowerIsBetter(rule.direction) ? (s.max - x) / span : (x - s.min) / span;
      return { rate: clamp01(r), detail: `cohort ${fmt(s.min)}–${fmt(s.max)}` };
    },
  },
  zscore: {
    reads: "number",
    cohort: true,
    rate(rule, v, { stats }) {
      const x = v as number;
      const s = stats as CohortStats;
      if (s.sd === 0) return { rate: 0.5, detail: "no spread" };
      const z = (x - s.mean) / s.sd;
      const r = normalCdf(lowerIsBetter(rule.direction) ? -z : z);
      return { rate: clamp01(r), detail: `z ${fmt(z)}` };
    },
  },
  rollup: {
    reads: "number",
    cohort: false,
    rate(rule, v) {
      return { rate: clamp01(v as number), detail: `${rule.stat ?? "mean"} of ${rule.level} ${rule.of ?? "total"}` };
    },
  },
};

// Categories repeat (a handful of values over thousands of units) and the Vietnamese lower case
// is slow: each text is normalised once (a bounded memo, pure).
const categoryKeys = new Map<string, string>();
export function normaliseCategory(s: string): string {
  let k = categoryKeys.get(s);
  if (k === undefined) {
    if (categoryKeys.size >= 10_000) categoryKeys.clear();
    k = s.normalize("NFC").trim().toLocaleLowerCase("vi");
    categoryKeys.set(s, k);
  }
  return k;
}

export function cohortStats(values: readonly number[]): CohortStats {
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

/** Scores one value with its rule. */
export function applyRule(
  rule: RuleInput,
  value: number | boolean | string,
  ctx: { max: number; unitScale: number; stats?: CohortStats },
): RuleOutcome {
  // The registry is keyed by type, so the cast only restores what the lookup lost.
  const impl = rules[rule.type] as RuleImpl<RuleType>;
  return impl.rate(rule as never, value, ctx);
}

/** The value a cell carries, when it is of the kind the rule reads. */
export function cellValue(cell: Cell, reads: ValueKind): number | boolean | string | undefined {
  if (cell.kind === "na") return undefined;
  if (reads === "number" && cell.kind === "number") return cell.value;
  if (reads === "boolean" && cell.kind === "boolean") return cell.value;
  if (reads === "text" && cell.kind === "text") return cell.value;
  return undefined;
}
