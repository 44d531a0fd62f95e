// Sensitivity and uncertainty analysis: how much each rank depends on the method's choices.
// Pure. A Monte Carlo over equally defensible choices (the OECD/JRC handbook, step 7): every run
// draws the uncertain inputs from a generator seeded by (seed, run index), builds perturbed
// criteria from the resolved ones (no reloading, no re-parsing), re-scores the same data in
// columns (engine/scoring.ts, the one engine), and keeps each unit's rank and band.
// The statistics come from those runs alone, so a result does not depend on how the runs were
// spread over threads. docs/sensitivity.md explains what is sampled, how, and what the indices
// mean.
import type { MissingPolicyName } from "../model/criteria-schema.ts";
import type { Criteria, CriteriaNode, GroupNode, IndicatorNode } from "../model/criteria.ts";
import type { Result, UnitNames, UnitResult } from "../model/result.ts";
import type { Level } from "../model/criteria.ts";
import { runRandom } from "./random.ts";
import type { ColumnarDataset } from "../model/columns.ts";
import { computeColumns } from "./compute.ts";
import { levelCache, type LevelCache } from "./levels.ts";
import type { RateCache } from "./rate.ts";
import { scoreColumns } from "./scoring.ts";
import { score } from "./views.ts";

export type InputName = "weights" | "aggregation" | "missing" | "drop";
export const INPUTS: readonly InputName[] = ["weights", "aggregation", "missing", "drop"];

export interface SensitivitySettings {
  runs: number;
  seed: number;
  /** the relative change of weights and maxima: each is multiplied by a factor in [1 − p, 1 + p] */
  perturbation: number;
  weights: boolean;
  aggregation: boolean;
  missing: boolean;
  drop: boolean;
  /** a unit is flagged when its 5–95% interval is wider than this many ranks; default: by peer group */
  wide?: number;
}

export const DEFAULT_SETTINGS: SensitivitySettings = {
  runs: 1000,
  seed: 1,
  perturbation: 0.25,
  weights: true,
  aggregation: true,
  missing: true,
  drop: true,
};

/** The missing-data policies a run chooses from; "impute" keeps a median imputation a median. */
export const MISSING_CHOICES = ["zero", "exclude", "impute"] as const;
export type MissingChoice = (typeof MISSING_CHOICES)[number];

/** The share of runs a unit's band must change in for the band to count as uncertain. */
export const BAND_CHANGE_AT = 0.05;

// ---------------------------------------------------------------------------------------------
// What is sampled

/** The uncertain inputs of one criteria set: fixed before the first run, the same in every thread. */
export interface Plan {
  /** the inputs that vary (asked for, and with something to vary) */
  inputs: InputName[];
  /** ids of the nodes whose maximum (in a sum group) or weight (in a mean or geometric group) is perturbed, in tree order */
  perturbed: string[];
  /** what the total's aggregation becomes in the alternative: geometric, or mean for a geometric root */
  alternative: { from: GroupNode["aggregation"]; to: "geometric" | "mean" };
  /** the scored indicators that can be dropped, in tree order */
  droppable: string[];
}

export function plan(criteria: Criteria, s: SensitivitySettings): Plan {
  const perturbed: string[] = [];
  const visit = (g: GroupNode): void => {
    if (g.children.length >= 2) for (const c of g.children) perturbed.push(c.id);
    for (const c of g.children) if (c.kind === "group") visit(c);
  };
  visit(criteria.root);
  const droppable = criteria.indicators.filter((i) => i.role === "score").map((i) => i.id);
  const inputs: InputName[] = [];
  if (s.weights && s.perturbation > 0 && perturbed.length > 0) inputs.push("weights");
  if (s.aggregation && criteria.root.children.length >= 2) inputs.push("aggregation");
  if (s.missing) inputs.push("missing");
  // Dropping the only indicator would leave nothing to rank.
  if (s.drop && droppable.length >= 2) inputs.push("drop");
  const from = criteria.root.aggregation;
  return { inputs, perturbed, alternative: { from, to: from === "geometric" ? "mean" : "geometric" }, droppable };
}

/** The values one run drew for the uncertain inputs. */
export interface Draw {
  /** one factor per perturbed node (plan.perturbed), or none when weights do not vary */
  factors?: Float64Array;
  /** true when the total is aggregated the alternative way */
  alternative: boolean;
  /** the missing-data policy of every scored indicator, when it varies */
  missing?: MissingChoice;
  /** the index in plan.droppable of the indicator left out, or -1 */
  drop: number;
}

/** The draws of run `index`: a function of the seed and the index only. */
export function draw(p: Plan, s: SensitivitySettings, index: number): Draw {
  const random = runRandom(s.seed, index);
  const d: Draw = { alternative: false, drop: -1 };
  if (p.inputs.includes("weights")) {
    const f = new Float64Array(p.perturbed.length);
    for (let i = 0; i < f.length; i++) f[i] = 1 + s.perturbation * (2 * random() - 1);
    d.factors = f;
  }
  if (p.inputs.includes("aggregation")) d.alternative = random() < 0.5;
  if (p.inputs.includes("missing")) d.missing = MISSING_CHOICES[Math.min(2, Math.floor(random() * 3))] as MissingChoice;
  if (p.inputs.includes("drop")) d.drop = Math.min(p.droppable.length, Math.floor(random() * (p.droppable.length + 1))) - 1;
  return d;
}

// ---------------------------------------------------------------------------------------------
// Perturbed criteria

/** Multiplies a node's maximum at one level; a sum group's children follow, so it stays their sum. */
function scaleAt(node: CriteriaNode, level: string, factor: number): void {
  const m = node.maxByLevel.get(level);
  if (m === undefined) return;
  node.maxByLevel.set(level, m * factor);
  if (node.kind === "group" && node.aggregation === "sum") for (const c of node.children) scaleAt(c, level, factor);
}

/** A copy of the tree without the dropped indicator (and without groups it leaves empty). */
function copyTree(node: CriteriaNode, drop: string | undefined, root: boolean): CriteriaNode | undefined {
  if (node.kind === "indicator") {
    if (node.id === drop) return undefined;
    // The rule keeps reading its points against the nominal maximum: a rescaled maximum
    // changes how much the indicator weighs, never what rate a figure earns.
    return { ...node, maxByLevel: new Map(node.maxByLevel), ruleMaxByLevel: node.ruleMaxByLevel ?? node.maxByLevel };
  }
  const children = node.children.map((c) => copyTree(c, drop, false)).filter((c): c is CriteriaNode => c !== undefined);
  if (children.length === 0 && !root) return undefined;
  const maxByLevel = new Map(node.maxByLevel);
  if (drop !== undefined) {
    // As the loader resolves it: a sum group's maximum is its children's, a mean group's is declared.
    for (const l of node.maxByLevel.keys()) {
      const kids = children.filter((c) => c.maxByLevel.has(l));
      if (kids.length === 0) maxByLevel.delete(l);
      else if (node.aggregation === "sum") maxByLevel.set(l, kids.reduce((s, c) => s + (c.maxByLevel.get(l) ?? 0), 0));
    }
  }
  return { ...node, maxByLevel, children };
}

/** Perturbs the weights (mean, geometric) or maxima (sum) of every group's children, top down. */
function perturbWeights(g: GroupNode, factorOf: Map<string, number>): void {
  if (g.children.length >= 2) {
    if (g.aggregation === "sum") {
      // In a sum group the children's maxima are the weights: perturbed, then renormalised so
      // that the group keeps its maximum at every level.
      for (const [level, total] of g.maxByLevel) {
        let sum = 0;
        for (const c of g.children) {
          const m = c.maxByLevel.get(level);
          if (m !== undefined) sum += m * (factorOf.get(c.id) ?? 1);
        }
        if (!(sum > 0)) continue;
        for (const c of g.children) scaleAt(c, level, ((factorOf.get(c.id) ?? 1) * total) / sum);
      }
    } else {
      let before = 0;
      let after = 0;
      for (const c of g.children) {
        before += c.weight;
        after += c.weight * (factorOf.get(c.id) ?? 1);
      }
      for (const c of g.children) c.weight = after > 0 ? (c.weight * (factorOf.get(c.id) ?? 1) * before) / after : c.weight;
    }
  }
  for (const c of g.children) if (c.kind === "group") perturbWeights(c, factorOf);
}

/** The criteria of one run: a new tree, the same rules, bands, ranking and levels. */
export function perturb(criteria: Criteria, p: Plan, d: Draw): Criteria {
  const drop = d.drop >= 0 ? p.droppable[d.drop] : undefined;
  const root = copyTree(criteria.root, drop, true) as GroupNode;
  if (drop !== undefined && root.aggregation === "sum") {
    // Without the indicator, the rest is scaled back to the nominal total at every level, so that
    // bonus and penalty points and scores keep their scale.
    for (const [level, nominal] of criteria.root.maxByLevel) {
      const now = root.maxByLevel.get(level);
      if (now !== undefined && now > 0 && now !== nominal) scaleAt(root, level, nominal / now);
    }
  }
  if (d.factors) {
    const factorOf = new Map<string, number>();
    p.perturbed.forEach((id, i) => factorOf.set(id, d.factors?.[i] ?? 1));
    perturbWeights(root, factorOf);
  }
  if (d.alternative) {
    if (root.aggregation === "sum") {
      // A sum is the mean of the children's rates weighted by their maxima; its geometric
      // counterpart keeps those weights, level by level.
      for (const c of root.children) c.weightByLevel = new Map(c.maxByLevel);
    }
    root.aggregation = p.alternative.to;
  }
  const scored: IndicatorNode[] = [];
  const collect = (n: CriteriaNode): void => {
    if (n.kind === "indicator") scored.push(n);
    else n.children.forEach(collect);
  };
  collect(root);
  if (d.missing) {
    for (const ind of scored) ind.missing = missingPolicy(d.missing, ind.missing);
  }
  return { ...criteria, root, indicators: [...scored, ...(criteria.bonus?.indicators ?? []), ...(criteria.penalty?.indicators ?? [])] };
}

function missingPolicy(choice: MissingChoice, nominal: MissingPolicyName): MissingPolicyName {
  if (choice !== "impute") return choice;
  return nominal === "impute-median" ? "impute-median" : "impute-mean";
}

// ---------------------------------------------------------------------------------------------
// Runs

/** The units followed through the runs: those ranked nominally, in the nominal order. */
export function layoutOf(nominal: Result): string[] {
  const codes: string[] = [];
  for (const l of nominal.levels) for (const u of l.units) if (u.rank !== null) codes.push(u.code);
  return codes;
}

export interface RunContext {
  criteria: Criteria;
  settings: SensitivitySettings;
  plan: Plan;
  layout: string[];
  /** the data in columns, built once for all runs */
  columns: ColumnarDataset;
  /** per unit of the layout, its index in the columns (-1: not in the data: left out) */
  unitAt: Int32Array;
  /** an indicator's column, by id: a run's criteria may leave an indicator out */
  columnOf: Map<string, number>;
  /** the rates of the values, the same in every run: rules, their maxima and the cohorts stay */
  rates: RateCache;
  /** the levels' units and peer groups, the same in every run */
  levels: LevelCache;
  /** each unit's peer group (of its level) as a number, from the first run */
  groups?: { of: Int32Array; count: number };
}

/** The peer groups of a run's result, numbered: a group of one level is not the same-named group of another. */
function peerGroupIds(columns: ColumnarDataset, peerGroup: readonly string[]): { of: Int32Array; count: number } {
  const ids = new Map<string, number>();
  const of = new Int32Array(columns.size);
  for (let g = 0; g < columns.size; g++) {
    const key = `${columns.level[g]}\u0000${peerGroup[g]}`;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    of[g] = id;
  }
  return { of, count: ids.size };
}

/** What every run needs, from the data in columns. */
export function runContext(criteria: Criteria, columns: ColumnarDataset, settings: SensitivitySettings, layout: string[]): RunContext {
  const index = new Map(columns.code.map((c, g) => [c, g] as const));
  return {
    criteria,
    settings,
    plan: plan(criteria, settings),
    layout,
    // computed indicators computed once: a run that drops an indicator still reads its value
    columns: computeColumns(criteria, columns, []),
    unitAt: Int32Array.from(layout, (c) => index.get(c) ?? -1),
    columnOf: new Map(criteria.indicators.map((ind, k) => [ind.id, k] as const)),
    rates: new WeakMap(),
    levels: levelCache(),
  };
}

/** Ranks and bands of runs [start, end): row r − start holds run r, one column per unit of the layout. */
export interface Block {
  start: number;
  end: number;
  ranks: Int32Array;
  /** the band's index in the criteria's list, −1 for none */
  bands: Int16Array;
}

/** Runs [start, end) of the analysis. A unit not ranked in a run counts as last of its peer group. */
export function runBlock(ctx: RunContext, start: number, end: number, progress?: (done: number) => void): Block {
  const width = ctx.layout.length;
  const ranks = new Int32Array((end - start) * width);
  const bands = new Int16Array((end - start) * width);
  const { columns, unitAt } = ctx;
  for (let run = start; run < end; run++) {
    const criteria = perturb(ctx.criteria, ctx.plan, draw(ctx.plan, ctx.settings, run));
    const cells = criteria.indicators.map((ind) => columns.cells[ctx.columnOf.get(ind.id) as number] as ColumnarDataset["cells"][number]);
    const r = scoreColumns(criteria, { ...columns, cells }, { keep: "points", rates: ctx.rates, levels: ctx.levels, checks: false });
    // the units ranked in each peer group of each level: where the others come (the groups are
    // the same in every run: the criteria's levels and peers do not vary)
    const group = (ctx.groups ??= peerGroupIds(columns, r.peerGroup));
    const rankedIn = new Int32Array(group.count);
    for (let g = 0; g < columns.size; g++) {
      const k = group.of[g] as number;
      if ((r.rank[g] as number) > 0) rankedIn[k] = (rankedIn[k] as number) + 1;
    }
    const row = (run - start) * width;
    for (let at = 0; at < width; at++) {
      const g = unitAt[at] as number;
      if (g < 0) continue;
      ranks[row + at] = (r.rank[g] as number) || (rankedIn[group.of[g] as number] as number) + 1;
      bands[row + at] = r.band[g] as number;
    }
    progress?.(run - start + 1);
  }
  return { start, end, ranks, bands };
}

// ---------------------------------------------------------------------------------------------
// Statistics

/** A unit as the nominal ranking has it (rank, score, percentage, band), and its statistics. */
export interface UnitSensitivity extends Pick<UnitResult, "code" | "name" | "level" | "parent" | "peerGroup" | "status" | "rank" | "score" | "percent" | "band"> {
  median: number | null;
  /** the 5th and 95th percentiles of the rank over the runs */
  low: number | null;
  high: number | null;
  /** the mean of |run rank − nominal rank| */
  shift: number | null;
  /** the share of runs in each band of the criteria (in their order), then in no band */
  bands: { band: string | null; p: number }[];
  /** the share of runs whose band differs from the nominal band */
  bandChange: number | null;
  /** the interval width above which the unit is flagged */
  wideAt: number | null;
  wide: boolean;
}

export interface LevelSensitivity {
  level: Level;
  units: UnitSensitivity[];
  ranked: number;
  /** the mean over units and runs of |run rank − nominal rank| */
  shift: number | null;
  /** the share of ranked units whose band changes in at least BAND_CHANGE_AT of the runs */
  bandChangeShare: number | null;
  wide: number;
  /** first-order sensitivity index of the rank to each input that varies (null: too few runs) */
  indices: { input: InputName; index: number | null }[];
}

export interface InputInfo {
  input: InputName;
  /** weights: the relative perturbation and the number of nodes perturbed */
  perturbation?: number;
  nodes?: number;
  /** aggregation: the total's nominal and alternative aggregation */
  from?: string;
  to?: string;
  /** missing: the policies drawn from */
  choices?: readonly string[];
  /** drop: the number of indicators that can be left out */
  indicators?: number;
}

export interface SensitivityResult {
  criteria: Criteria;
  period?: string;
  settings: SensitivitySettings;
  inputs: InputInfo[];
  levels: LevelSensitivity[];
  /** unit code -> name of every unit (render/select.ts), so that parents are named under --level */
  names?: UnitNames;
}

/**
 * A runs × units matrix (row-major, as the runs come) read unit by unit: each unit's runs one
 * after the other, transposed a stripe of 64 units at a time (a whole transposed copy would
 * double the memory of the matrices; reading a column in place misses the cache at every run).
 */
function stripesOf(ranks: Int32Array, bands: Int16Array, runs: number, width: number) {
  const W = 64;
  const r = new Int32Array(W * runs);
  const b = new Int16Array(W * runs);
  let first = -1;
  return (col: number): { ranks: Int32Array; bands: Int16Array; at: number } => {
    if (first < 0 || col < first || col >= first + W) {
      first = col - (col % W);
      const last = Math.min(width, first + W);
      for (let run = 0; run < runs; run++) {
        const row = run * width;
        for (let c = first; c < last; c++) {
          r[(c - first) * runs + run] = ranks[row + c] as number;
          b[(c - first) * runs + run] = bands[row + c] as number;
        }
      }
    }
    return { ranks: r, bands: b, at: (col - first) * runs };
  };
}

/**
 * The nearest-rank percentiles of a unit's ranks: for each q (ascending), the smallest rank at or
 * above a share q of the runs. Ranks spread over few values are counted, others sorted.
 */
export function percentiles(ranks: ArrayLike<number>, qs: readonly number[]): number[] {
  const n = ranks.length;
  let lo = Infinity;
  let hi = -Infinity;
  for (let r = 0; r < n; r++) {
    const x = ranks[r] as number;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const positions = qs.map((q) => Math.min(n - 1, Math.max(0, Math.ceil(q * n) - 1)));
  if (hi - lo > 4 * n) {
    const sorted = Float64Array.from(ranks).sort();
    return positions.map((i) => sorted[i] as number);
  }
  const counts = new Int32Array(hi - lo + 1);
  for (let r = 0; r < n; r++) counts[(ranks[r] as number) - lo] = (counts[(ranks[r] as number) - lo] as number) + 1;
  const out: number[] = [];
  let seen = 0;
  let v = 0;
  for (const i of positions) {
    while (seen + (counts[v] as number) <= i) seen += counts[v++] as number;
    out.push(lo + v);
  }
  return out;
}

/** The default flag threshold: a tenth of the peer group's ranked units, at least 2 ranks. */
export function defaultWide(peers: number): number {
  return Math.max(2, Math.round(peers / 10));
}

/** Bins of the runs for one input (or one weight factor): bin index per run and the bin count. */
interface Partition {
  input: InputName;
  bin: Int32Array;
  bins: number;
}

function partitions(p: Plan, s: SensitivitySettings, draws: Draw[]): Partition[] {
  const n = draws.length;
  const out: Partition[] = [];
  for (const input of p.inputs) {
    if (input === "weights") {
      // Each factor, uniform in [1 − p, 1 + p], binned into equal-width bins of ~100 runs.
      const bins = Math.max(2, Math.min(10, Math.floor(n / 100)));
      p.perturbed.forEach((_, j) => {
        const bin = new Int32Array(n);
        draws.forEach((d, r) => {
          const f = d.factors?.[j] ?? 1;
          bin[r] = Math.min(bins - 1, Math.max(0, Math.floor(((f - (1 - s.perturbation)) / (2 * s.perturbation)) * bins)));
        });
        out.push({ input, bin, bins });
      });
    } else if (input === "aggregation") {
      out.push({ input, bin: Int32Array.from(draws, (d) => (d.alternative ? 1 : 0)), bins: 2 });
    } else if (input === "missing") {
      out.push({ input, bin: Int32Array.from(draws, (d) => MISSING_CHOICES.indexOf(d.missing ?? "zero")), bins: 3 });
    } else {
      out.push({ input, bin: Int32Array.from(draws, (d) => d.drop + 1), bins: p.droppable.length + 1 });
    }
  }
  return out;
}

/**
 * Accumulates, for one unit's ranks y over the runs, the bias-corrected between-bin variance of
 * every partition: SSb − (B − 1) · SSw / (N − B), where B counts the bins that hold runs (the
 * ε² of a one-way analysis of variance: zero on average when the input does not matter).
 */
function addExplained(y: Float64Array, mean: number, sst: number, parts: Partition[], sums: Float64Array, counts: Int32Array, into: Float64Array): boolean {
  const n = y.length;
  let ok = true;
  parts.forEach((part, k) => {
    sums.fill(0, 0, part.bins);
    counts.fill(0, 0, part.bins);
    for (let r = 0; r < n; r++) {
      const b = part.bin[r] as number;
      sums[b] = (sums[b] as number) + (y[r] as number);
      counts[b] = (counts[b] as number) + 1;
    }
    let ssb = 0;
    let used = 0;
    for (let b = 0; b < part.bins; b++) {
      const c = counts[b] as number;
      if (c === 0) continue;
      used++;
      const d = (sums[b] as number) / c - mean;
      ssb += c * d * d;
    }
    if (n - used <= 0) {
      ok = false;
      return;
    }
    into[k] = (into[k] as number) + ssb - ((used - 1) * (sst - ssb)) / (n - used);
  });
  return ok;
}

/**
 * The first-order index of one partition for one series y: (SSb − (B − 1) · SSw / (N − B)) / SSt,
 * not clamped; null when y does not vary or there are too few runs. The analysis pools the same
 * sums over the units of a level.
 */
export function firstOrder(y: readonly number[], bin: readonly number[], bins: number): number | null {
  const n = y.length;
  const ys = Float64Array.from(y);
  const mean = ys.reduce((a, b) => a + b, 0) / n;
  const sst = ys.reduce((a, b) => a + (b - mean) ** 2, 0);
  if (!(sst > 0)) return null;
  const into = new Float64Array(1);
  const ok = addExplained(ys, mean, sst, [{ input: "weights", bin: Int32Array.from(bin), bins }], new Float64Array(bins), new Int32Array(bins), into);
  return ok ? (into[0] as number) / sst : null;
}

/**
 * The statistics of the runs: per unit the median rank, the 5–95% interval, the mean shift and
 * the band shares; per level the mean shift, the share of units whose band can change, and a
 * first-order sensitivity index per input.
 */
export function analyse(nominal: Result, settings: SensitivitySettings, p: Plan, layout: string[], ranks: Int32Array, bands: Int16Array): SensitivityResult {
  const runs = settings.runs;
  const width = layout.length;
  const position = new Map(layout.map((c, i) => [c, i] as const));
  const c = nominal.criteria;
  const draws = Array.from({ length: runs }, (_, r) => draw(p, settings, r));
  const parts = partitions(p, settings, draws);
  const maxBins = Math.max(2, ...parts.map((x) => x.bins));
  const sums = new Float64Array(maxBins);
  const counts = new Int32Array(maxBins);
  const bandIds = c.bands.list.map((b) => b.id);
  const y = new Float64Array(runs);
  // each unit's runs one after the other (the runs come run by run, every unit in a row)
  const stripes = stripesOf(ranks, bands, runs, width);
  const bandCount = new Int32Array(bandIds.length + 1);

  const levels: LevelSensitivity[] = nominal.levels.map((l) => {
    const peers = new Map<string, number>();
    for (const u of l.units) if (u.rank !== null) peers.set(u.peerGroup, (peers.get(u.peerGroup) ?? 0) + 1);
    const explained = new Float64Array(parts.length);
    let total = 0;
    let indexable = true;
    let shiftSum = 0;
    let ranked = 0;
    let bandChanging = 0;
    let wideCount = 0;
    const units: UnitSensitivity[] = l.units.map((u) => {
      const base: UnitSensitivity = {
        code: u.code,
        name: u.name,
        level: u.level,
        peerGroup: u.peerGroup,
        status: u.status,
        rank: u.rank,
        score: u.score,
        percent: u.percent,
        band: u.band,
        median: null,
        low: null,
        high: null,
        shift: null,
        bands: [],
        bandChange: null,
        wideAt: null,
        wide: false,
      };
      if (u.parent !== undefined) base.parent = u.parent;
      const col = position.get(u.code);
      if (u.rank === null || col === undefined) return base;
      ranked++;
      bandCount.fill(0);
      let sum = 0;
      let shift = 0;
      const { ranks: unitRanks, bands: unitBands, at } = stripes(col);
      for (let r = 0; r < runs; r++) {
        const rank = unitRanks[at + r] as number;
        y[r] = rank;
        sum += rank;
        shift += Math.abs(rank - u.rank);
        const b = unitBands[at + r] as number;
        const k = b < 0 ? bandIds.length : b;
        bandCount[k] = (bandCount[k] as number) + 1;
      }
      const [low, median, high] = percentiles(y, [0.05, 0.5, 0.95]) as [number, number, number];
      const mean = sum / runs;
      let sst = 0;
      for (let r = 0; r < runs; r++) sst += ((y[r] as number) - mean) ** 2;
      if (sst > 0) {
        total += sst;
        if (!addExplained(y, mean, sst, parts, sums, counts, explained)) indexable = false;
      }
      const wideAt = settings.wide ?? defaultWide(peers.get(u.peerGroup) ?? 0);
      const shares = bandIds.map((id, i) => ({ band: id as string | null, p: (bandCount[i] as number) / runs }));
      const none = (bandCount[bandIds.length] as number) / runs;
      if (none > 0 || bandIds.length === 0) shares.push({ band: null, p: none });
      const kept = u.band === null ? none : ((shares.find((s) => s.band === u.band)?.p ?? 0));
      const bandChange = bandIds.length === 0 ? null : 1 - kept;
      shiftSum += shift / runs;
      if (bandChange !== null && bandChange >= BAND_CHANGE_AT) bandChanging++;
      const wide = high - low > wideAt;
      if (wide) wideCount++;
      return { ...base, median, low, high, shift: shift / runs, bands: shares, bandChange, wideAt, wide };
    });
    const indices = p.inputs.map((input) => {
      if (!indexable) return { input, index: null };
      if (total === 0) return { input, index: 0 };
      let num = 0;
      parts.forEach((part, k) => {
        if (part.input === input) num += explained[k] as number;
      });
      return { input, index: Math.max(0, num / total) };
    });
    return {
      level: l.level,
      units,
      ranked,
      shift: ranked === 0 ? null : shiftSum / ranked,
      bandChangeShare: ranked === 0 || bandIds.length === 0 ? null : bandChanging / ranked,
      wide: wideCount,
      indices,
    };
  });

  const inputs: InputInfo[] = p.inputs.map((input) => {
    switch (input) {
      case "weights":
        return { input, perturbation: settings.perturbation, nodes: p.perturbed.length };
      case "aggregation":
        return { input, from: p.alternative.from, to: p.alternative.to };
      case "missing":
        return { input, choices: MISSING_CHOICES };
      default:
        return { input, indicators: p.droppable.length };
    }
  });
  const out: SensitivityResult = { criteria: c, settings, inputs, levels };
  if (nominal.period !== undefined) out.period = nominal.period;
  return out;
}

/** The whole analysis in the calling thread (the CLI spreads runBlock over worker threads). */
export function sensitivity(criteria: Criteria, data: ColumnarDataset, settings: SensitivitySettings, nominal: Result = score(criteria, data)): SensitivityResult {
  const layout = layoutOf(nominal);
  const ctx = runContext(criteria, data, settings, layout);
  const block = runBlock(ctx, 0, settings.runs);
  return analyse(nominal, settings, ctx.plan, layout, block.ranks, block.bands);
}
