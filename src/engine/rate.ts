// One indicator over the units of one level: each unit's value rated by the indicator's rule,
// missing values handled by its policy (zero, exclude, impute from the cohort, error). Pure.
import { diag, type Diagnostic } from "../diag/diagnostic.ts";
import type { MissingPolicyName } from "../model/criteria-schema.ts";
import { ruleMaxAt, unitScale, type IndicatorNode } from "../model/criteria.ts";
import { ABSENT, CELL_FROM_RATIO, cellKind, NOT_APPLICABLE, scaleOf, decodeDecimal, stateOf, VALUE, valueAt, WIDE_SCALE, type ColumnarDataset, type IndicatorColumn } from "../model/columns.ts";
import type { NodeValue } from "./aggregate.ts";
import { cohortStats, isCohortRule, rateOf, ruleReads, type RuleContext } from "./rules.ts";
import { mean, median } from "./stats.ts";
import { attributeKey } from "../model/yesno.ts";

/** How a missing value was handled, as kept per unit: 0 when the value was not missing. */
export const MISSING_POLICIES: readonly MissingPolicyName[] = ["zero", "exclude", "impute-mean", "impute-median", "error"];
export const NOT_MISSING = 0;
export const missingCode = (policy: MissingPolicyName): number => MISSING_POLICIES.indexOf(policy) + 1;
export const missingPolicyOf = (code: number): MissingPolicyName | undefined => (code === NOT_MISSING ? undefined : MISSING_POLICIES[code - 1]);

/**
 * The rates of indicators' values, kept between scorings of the same columns under criteria that
 * keep every rule (a sensitivity analysis): by column, rule, and level with the maximum the rule
 * reads its points against. Rates by position in the level: kept for those units only.
 */
export type RateCache = WeakMap<IndicatorColumn, Map<object, Map<string, { units: Int32Array; rates: Float64Array }>>>;

export interface RateTask {
  ind: IndicatorNode;
  /** the indicator's index in criteria.indicators (its column) */
  k: number;
  level: string;
  /** the indicator's maximum at the level */
  max: number;
  /** the level's units (dataset indexes), in code order */
  units: Int32Array;
  data: ColumnarDataset;
  /** a roll-up's values by dataset index (NaN: none), instead of the column */
  rollup?: Float64Array;
  rates?: RateCache;
  diagnostics: Diagnostic[];
}

/** Where each unit's score goes: position in the level, its score, and its missing-data code. */
export type RateSink = (p: number, s: NodeValue, missing: number) => void;

/** Working arrays of a level, reused from one indicator to the next. */
export interface RateScratch {
  value: Float64Array;
  pending: Int32Array;
  rates: Float64Array;
}

export const rateScratch = (m: number): RateScratch => ({ value: new Float64Array(m), pending: new Int32Array(m), rates: new Float64Array(m) });

/**
 * Rates one indicator for every unit of a level and hands each score to `sink`, in two passes:
 * the values first (at once, unless the rule needs the cohort's statistics), then the values
 * that waited for the cohort, then the missing values imputed from the cohort's rates. Returns
 * the context the rule read (with the cohort's statistics): explain's account of a value needs it.
 */
export function rateIndicator(t: RateTask, scratch: RateScratch, sink: RateSink): RuleContext {
  const { ind, max, units, data, rollup } = t;
  const m = units.length;
  const col = data.cells[t.k] as IndicatorColumn;
  const f64 = col.value instanceof Float64Array ? col.value : undefined;
  const kind = rollup ? "number" : cellKind(ind);
  // a rule that reads another kind of value than the column holds finds no value in it
  const usable = rollup !== undefined || ruleReads(ind.rule) === kind;
  const rate = rateOf(ind.rule);
  const cohortRule = isCohortRule(ind.rule);
  const policy = ind.missing;
  const imputes = policy === "impute-mean" || policy === "impute-median";
  const ruleMax = ruleMaxAt(ind, t.level, max);
  // points are given out of the indicator's maximum: a figure above it is a mistake (a
  // percentage in a points column, a typo), never clamped in silence
  const capped = ind.rule.type === "points" && !rollup;
  let ctx: RuleContext = { max: ruleMax, unitScale: unitScale(ind) };
  const one: NodeValue = { applicable: true, included: true, points: 0, max, rate: 0 };
  const put = (p: number, applicable: boolean, included: boolean, points: number, mx: number, r: number, missing: number): void => {
    one.applicable = applicable;
    one.included = included;
    one.points = points;
    one.max = mx;
    one.rate = r;
    sink(p, one, missing);
  };
  // A text or a yes/no has few distinct values: each is rated once.
  const memo = new Map<number, number>();
  const rateAt = (x: number): number => {
    if (kind === "number") return rate(x, ctx);
    let v = memo.get(x);
    if (v === undefined) memo.set(x, (v = rate(kind === "boolean" ? x === 1 : (col.texts[x] as string), ctx)));
    return v;
  };
  // The rates of this column's values at this level, from an earlier scoring; else recorded for
  // the next one, when the caller keeps them (never a roll-up's: its values change).
  const cached = t.rates && !rollup ? cacheSlot(t.rates, col, ind, `${t.level}\u0000${ruleMax}\u0000${ind.unit}`, units) : undefined;
  const known = cached?.known;
  const record = cached && !known ? new Float64Array(m).fill(NaN) : undefined;
  const { value, pending, rates } = scratch;
  const outside = outsideOf(ind, data);
  let waiting = 0;
  let rated = 0;
  let withValue = 0;
  for (let p = 0; p < m; p++) {
    const g = units[p] as number;
    let s: number;
    let v = 0;
    if (outside?.(g)) s = NOT_APPLICABLE;
    else if (rollup) {
      v = rollup[g] as number;
      s = Number.isNaN(v) ? ABSENT : VALUE;
    } else {
      const byte = col.state[g] as number;
      s = stateOf(byte);
      if (s === VALUE) {
        if (!usable) s = ABSENT;
        else if (f64) v = f64[g] as number;
        else {
          const scale = scaleOf(byte);
          v = scale === WIDE_SCALE ? (col.wide?.get(g) as number) : decodeDecimal((col.value as Int32Array)[g] as number, scale);
        }
      }
    }
    if (s === NOT_APPLICABLE) {
      put(p, false, false, NaN, 0, NaN, NOT_MISSING);
      continue;
    }
    if (s === VALUE) {
      if (capped && v > ruleMax) {
        const place = data.cellAt?.(g, t.k)?.source ?? data.missingAt(g, t.k);
        t.diagnostics.push(diag("VALUE_ABOVE_MAX", "error", { unit: data.code[g] as string, indicator: ind.id, value: v, max: ruleMax }, place));
      }
      if (known) {
        const x = known[p] as number;
        if (imputes) rates[rated++] = x;
        put(p, true, true, x * max, max, x, NOT_MISSING);
        continue;
      }
      if (cohortRule) {
        value[withValue++] = v;
        pending[waiting++] = p;
        continue;
      }
      const x = rateAt(v);
      if (record) record[p] = x;
      if (imputes) rates[rated++] = x;
      put(p, true, true, x * max, max, x, NOT_MISSING);
      continue;
    }
    // Missing. Bonus and penalty points that are not claimed are simply zero: not missing data.
    if (ind.role !== "score") {
      put(p, true, true, 0, max, 0, NOT_MISSING);
      continue;
    }
    if (policy === "exclude") put(p, true, false, NaN, 0, NaN, missingCode("exclude"));
    else if (imputes) pending[waiting++] = -1 - p; // (a missing value waits as -1 - position)
    else {
      if (policy === "error" && data.submitted[g]) t.diagnostics.push(diag("MISSING_VALUE", "error", { unit: data.code[g] as string, indicator: ind.id }, data.missingAt(g, t.k)));
      put(p, true, true, 0, max, 0, missingCode(policy ?? "zero"));
    }
  }
  if (waiting > 0) {
    // The values that needed the cohort, then the missing values that take its mean or median.
    if (cohortRule) ctx = { ...ctx, stats: cohortStats(value.subarray(0, withValue)) };
    let j = 0;
    for (let w = 0; w < waiting; w++) {
      const p = pending[w] as number;
      if (p < 0) continue;
      const x = rateAt(value[j++] as number);
      if (record) record[p] = x;
      if (imputes) rates[rated++] = x;
      put(p, true, true, x * max, max, x, NOT_MISSING);
    }
    let cohortRate: number | undefined;
    for (let w = 0; w < waiting; w++) {
      const q = pending[w] as number;
      if (q >= 0) continue;
      if (cohortRate === undefined) {
        const xs = rates.subarray(0, rated);
        cohortRate = (policy === "impute-mean" ? mean(xs) : median(xs)) ?? 0;
      }
      put(-1 - q, true, true, cohortRate * max, max, cohortRate, missingCode(policy as MissingPolicyName));
    }
  }
  if (record && cached) cached.store(record);
  return ctx;
}

/**
 * Whether a unit is outside the units the indicator applies to (`applies: where`, its own and its
 * groups'): undefined when it applies to all of them.
 */
function outsideOf(ind: IndicatorNode, data: ColumnarDataset): ((g: number) => boolean) | undefined {
  const where = ind.where;
  if (!where?.length) return undefined;
  const conditions = where.map((w) => ({ cells: data.attributes.get(w.attribute), values: new Set(w.values) }));
  return (g) => conditions.some((c) => !c.values.has(attributeKey(c.cells?.[g] ?? "")));
}

function cacheSlot(cache: RateCache, col: IndicatorColumn, ind: IndicatorNode, key: string, units: Int32Array) {
  let byRule = cache.get(col);
  if (!byRule) cache.set(col, (byRule = new Map()));
  let byKey = byRule.get(ind.rule);
  if (!byKey) byRule.set(ind.rule, (byKey = new Map()));
  const entry = byKey.get(key);
  const slot = byKey;
  return { known: entry?.units === units ? entry.rates : undefined, store: (rates: Float64Array) => void slot.set(key, { units, rates }) };
}

/**
 * Percentages that look like fractions: 0,85 typed for 85%. Only where higher is better (a rate
 * of delays of 0.8% is no mistake). A value from 0.3 to 1 (exclusive) is a warning at its cell
 * when it is under a fiftieth of the median of the level's values (0.85 among values around 80;
 * smaller values, such as 0.2% of dossiers online in a new commune, are left alone). When every
 * value is 1 or less, the column itself looks like fractions if its median is 0.5 or more: the
 * first such cell is the warning. Values computed from a numerator and a denominator are exact,
 * and left alone.
 */
export function fractionWarnings(t: Pick<RateTask, "ind" | "k" | "level" | "units" | "data" | "diagnostics">): void {
  const { ind, units, data } = t;
  if (ind.unit !== "percent" || ind.formula || ind.direction === "lower" || ind.rule.type === "target" && ind.rule.direction === "lower") return;
  const col = data.cells[t.k] as IndicatorColumn;
  const typed: number[] = [];
  const small: number[] = [];
  let above = 0;
  for (const g of units) {
    const byte = col.state[g] as number;
    if (stateOf(byte) !== VALUE || byte & CELL_FROM_RATIO) continue;
    const v = valueAt(col, g);
    typed.push(v);
    if (v > 1) above++;
    else if (v >= 0.3 && v < 1) small.push(g);
  }
  if (small.length === 0) return;
  const mid = median(typed) ?? 0;
  const warn = (g: number, all: boolean): void => {
    const cell = data.cellAt?.(g, t.k);
    const place = cell?.source ?? data.missingAt(g, t.k);
    const v = valueAt(col, g);
    const percent = Math.round(v * 1e8) / 1e6;
    // the figure as it was typed, and the percentage written the same way (85,7 where the file
    // writes 0,857, 85.7 where it writes 0.857), not in the message's language: the fix must read
    // under the file's decimal convention; the message's own numbers where the text is not kept
    const typed = cell?.raw.trim();
    const asTyped: Record<string, string> = typed !== undefined && /^[0-9.,%\s]+$/.test(typed) ? { written: typed, fix: typed.includes(",") ? String(percent).replace(".", ",") : String(percent) } : {};
    t.diagnostics.push(diag("VALUE_LOOKS_LIKE_FRACTION", "warning", { unit: data.code[g] as string, indicator: ind.id, value: v, percent, ...asTyped, all: all ? "yes" : "no" }, place));
  };
  if (above === 0) {
    if (mid >= 0.5) warn(small[0] as number, true);
    return;
  }
  for (const g of small) if (valueAt(col, g) < mid / 50) warn(g, false);
}
