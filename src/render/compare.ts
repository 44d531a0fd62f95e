// A comparison of two results in five formats: tables per level with a summary, CSV (one row
// per unit), JSON (schemaVersion 1), Markdown, and a self-contained HTML page with slope charts.
import { drawTable } from "./grid.ts";
import { fitLines, fitTable, wrapItems, type Column } from "./fit.ts";
import type { Comparison, Drop, LevelComparison, UnitChange } from "../engine/compare.ts";
import type { UnitNames } from "../model/result.ts";
import { text, type Criteria, type Lang } from "../model/criteria.ts";
import { bandIndex, bandLabel, csvField, csvFieldWriters, csvLine, defaultCsv, groupBy, inert, mdGrid, mdText, machine, shown, type RenderOptions, decimalFor, NUMBER_ROOM } from "./common.ts";
import { byteWriter, chunksText, copyBytes, encode, end, numberBytes, putBytes, room, take } from "./csv-bytes.ts";
import { t } from "./labels.ts";
import { escapeXml, slopeChart } from "./svg.ts";

// ---------------------------------------------------------------------------------------------
// Shared wording

/** A signed number for display: +1.25, -0.50, 0.00. */
export function signed(x: number | null | undefined, decimals: number, lang: Lang = "en"): string {
  if (x === null || x === undefined) return "";
  const s = x.toFixed(decimals);
  if (Number(s) === 0) return decimalFor((0).toFixed(decimals), lang);
  return decimalFor(x > 0 ? `+${s}` : s, lang);
}

/** ↑3, ↓1, =, new, gone, or — when the ranks cannot be compared. */
export function moveText(u: UnitChange, lang: Lang): string {
  if (u.presence === "new") return t("new", lang);
  if (u.presence === "gone") return t("gone", lang);
  if (u.presence === "merged") return t("merged", lang);
  if (u.move === null) return "—";
  return u.move > 0 ? `↑${u.move}` : u.move < 0 ? `↓${-u.move}` : "=";
}

/** Why a unit fails the `--fail-on-drop` gate: its rank move, its band change, or its leaving the ranking. */
export function dropDetail(d: Drop, c: Comparison, lang: Lang): string {
  const u = d.unit;
  const parts: string[] = [];
  if (d.reasons.includes("rank")) parts.push(`${t("rank", lang)} ${u.before?.rank} → ${u.after?.rank} (${moveText(u, lang)})`);
  if (d.reasons.includes("band")) parts.push(`${t("band", lang)}: ${bandLabel(c.before.criteria, u.before?.band ?? null, lang)} → ${bandLabel(c.after.criteria, u.after?.band ?? null, lang)}`);
  if (d.reasons.includes("not-ranked")) parts.push(`${c.labels.after}: ${t("not-ranked", lang)}`);
  return parts.join("; ");
}

function bandText(c: Comparison, u: UnitChange, lang: Lang): string {
  const side = (s: UnitChange["before"], criteria: Criteria): string =>
    s === null ? "—" : s.status === "not-ranked" ? t("not-ranked", lang) : bandLabel(criteria, s.band, lang) || "—";
  const b = side(u.before, c.before.criteria);
  const a = side(u.after, c.after.criteria);
  if (u.presence === "new") return a;
  if (u.presence === "gone") return b;
  return b === a ? a : `${b} → ${a}`;
}

function indicatorLabel(c: Comparison, id: string, lang: Lang): string {
  const i = c.after.criteria.indicators.find((x) => x.id === id) ?? c.before.criteria.indicators.find((x) => x.id === id);
  return i ? text(i.label, lang, id) : id;
}

function groupLabel(c: Comparison, id: string, lang: Lang): string {
  const n = c.after.criteria.root.children.find((x) => x.id === id) ?? c.before.criteria.root.children.find((x) => x.id === id);
  return n ? text(n.label, lang, id) : id;
}

function groupIds(c: Comparison): string[] {
  return c.levels[0]?.units[0]?.groups.map((g) => g.id) ?? [...c.after.criteria.root.children.map((n) => n.id)];
}

/** The top-level groups that apply at a level on either side. */
function levelGroups(c: Comparison, l: LevelComparison): string[] {
  const applies = (criteria: Criteria, id: string) => criteria.root.children.some((n) => n.id === id && n.maxByLevel.has(l.level.id));
  return groupIds(c).filter((id) => applies(c.after.criteria, id) || applies(c.before.criteria, id));
}

const peerGroups = (l: LevelComparison): [string, UnitChange[]][] => groupBy(l.units, (u) => u.peerGroup);

function unitNames(c: Comparison): Map<string, string> {
  const m = new Map<string, string>();
  for (const r of [c.before, c.after]) for (const l of r.levels) for (const u of l.units) m.set(u.code, u.name);
  return m;
}

function peerHeading(c: Comparison, l: LevelComparison, group: string, lang: Lang, names: UnitNames): string | undefined {
  if (group === "" || l.level.peers.by === "level") return undefined;
  return l.level.peers.by === "parent" ? `${t("parent", lang)}: ${names.get(group) ?? group}` : `${t("peerGroup", lang)}: ${group}`;
}

export function compareTitle(c: Comparison, lang: Lang): string {
  return `${t("compare", lang)}: ${c.labels.before} → ${c.labels.after}`;
}

export function compareCriteriaLine(c: Comparison, lang: Lang): string {
  const a = c.after.criteria;
  const b = c.before.criteria;
  const ta = `${text(a.title, lang, a.id)} (${a.id} ${a.version})`;
  if (a.id === b.id && a.version === b.version) return ta;
  return `${c.labels.before}: ${text(b.title, lang, b.id)} (${b.id} ${b.version}) · ${c.labels.after}: ${ta}`;
}

/** The lines that say the totals are not on the same basis, and why. */
/** How a merged unit's first side was made: "mean of 3" or "mean weighted by dan-so of 3". */
export function combineText(n: NonNullable<UnitChange["crosswalk"]>, lang: Lang): string {
  const how = n.combine === "weighted" ? `${t("combineWeighted", lang)} ${n.weight ?? ""}` : t(n.combine === "sum" ? "combineSum" : "combineMean", lang);
  return `${how} ${t("combineOf", lang)} ${n.from.length}`;
}

/** A merged unit and its predecessors: "CM-01 Phường An Xuyên ← mean of 2: 964-01 Phường 1 (81,2%), 964-02 Phường 2 × 0,5 (—)". */
export function lineageText(u: UnitChange, dec: number, lang: Lang): string {
  const n = u.crosswalk;
  if (!n) return who(u);
  const plain = (x: number) => String(Math.round(x * 1000) / 1000).replace(".", lang === "vi" ? "," : ".");
  const from = n.from.map((p) => `${p.code} ${p.name}${p.share !== 1 ? ` × ${plain(p.share)}` : ""}${n.combine === "weighted" ? ` [${plain(p.weight)}]` : ""} (${p.percent === null ? t("not-ranked", lang) : `${shown(p.percent, dec, lang)}%`})`);
  return `${who(u)} ← ${combineText(n, lang)}: ${from.join(", ")}`;
}

/** The crosswalk the comparison followed, said once at the top of every human-readable output. */
function crosswalkLines(c: Comparison, lang: Lang): string[] {
  const x = c.crosswalk;
  if (!x) return [];
  const dates = x.dates.length ? ` (${x.dates.join(", ")})` : "";
  return [`${t("crosswalk", lang)}: ${x.file}${dates}: ${x.merged} ${t("units", lang)} ${t("combineOf", lang)} ${c.labels.after} ${t("crosswalkCompared", lang)} ${x.predecessors} ${t("units", lang)} ${t("combineOf", lang)} ${c.labels.before}`];
}

function basisLines(c: Comparison, lang: Lang): string[] {
  if (c.basis === "score") return crosswalkLines(c, lang);
  const out = [...crosswalkLines(c, lang), t("differentBasis", lang)];
  const list = (ids: { id: string }[]) => ids.map((i) => `${i.id} (${indicatorLabel(c, i.id, lang)})`).join(", ");
  if (c.indicators.onlyBefore.length) out.push(`${t("onlyIn", lang)} ${c.labels.before}: ${list(c.indicators.onlyBefore)}`);
  if (c.indicators.onlyAfter.length) out.push(`${t("onlyIn", lang)} ${c.labels.after}: ${list(c.indicators.onlyAfter)}`);
  if (c.indicators.maxChanged.length) {
    out.push(`${t("maxChanged", lang)}: ${c.indicators.maxChanged.map((m) => `${m.id} @${m.level} ${m.before} → ${m.after}`).join(", ")}`);
  }
  return out;
}

function countsLine(c: Comparison, l: LevelComparison, lang: Lang): string {
  const s = l.summary.counts;
  return `${c.labels.before}: ${s.before} ${t("units", lang)} → ${c.labels.after}: ${s.after} ${t("units", lang)} · ${s.compared} ${t("compared", lang)}: ${s.up} ${t("up", lang)}, ${s.down} ${t("down", lang)}, ${s.same} ${t("same", lang)}`;
}

/** The indicators whose points differ most, by name. */
function differencesText(c: Comparison, u: UnitChange, dec: number, lang: Lang): string {
  return u.differences.map((d) => `${indicatorLabel(c, d.id, lang)} ${signed(d.change, dec, lang)}`).join(", ");
}

const who = (u: UnitChange): string => `${u.code} ${u.name}`;

function summaryLines(c: Comparison, l: LevelComparison, lang: Lang, dec: number, names: UnitNames): { label: string; items: string[] }[] {
  const s = l.summary;
  const out: { label: string; items: string[] }[] = [];
  if (s.meanPercentChange !== null) {
    const score = s.meanScoreChange !== null ? ` (${t("score", lang).toLowerCase()}: ${signed(s.meanScoreChange, dec, lang)})` : "";
    out.push({ label: t("meanChange", lang), items: [`${signed(s.meanPercentChange, dec, lang)} ${t("pp", lang)}${score}`] });
  }
  const listed = (us: UnitChange[]) => us.map((u) => `${who(u)}: ${signed(u.percentChange, dec, lang)} ${t("pp", lang)} (${moveText(u, lang)})`);
  // a verification: a fall from the self-assessment is an over-claim, a rise an under-claim
  if (c.verification) {
    if (s.largestFalls.length) out.push({ label: t("overClaims", lang), items: listed(s.largestFalls) });
    if (s.mostImproved.length) out.push({ label: t("underClaims", lang), items: listed(s.mostImproved) });
  } else {
    if (s.mostImproved.length) out.push({ label: t("mostImproved", lang), items: listed(s.mostImproved) });
    if (s.largestFalls.length) out.push({ label: t("largestFalls", lang), items: listed(s.largestFalls) });
  }
  const named = (codes: string[]) => codes.map((code) => `${code} ${names.get(code) ?? ""}`.trim());
  const merged = l.units.filter((u) => u.presence === "merged");
  if (merged.length) out.push({ label: t("mergedUnits", lang), items: merged.map((u) => lineageText(u, dec, lang)) });
  if (s.new.length) out.push({ label: t("newUnits", lang), items: named(s.new) });
  if (s.gone.length) out.push({ label: t("goneUnits", lang), items: named(s.gone) });
  if (s.stoppedSubmitting.length) out.push({ label: t("stoppedSubmitting", lang), items: named(s.stoppedSubmitting) });
  if (s.startedSubmitting.length) out.push({ label: t("startedSubmitting", lang), items: named(s.startedSubmitting) });
  const corr = s.rankCorrelation.filter((r) => r.units > 0);
  if (corr.length) {
    const r3 = (x: number | null) => (x === null ? "—" : decimalFor(x.toFixed(3), lang));
    const heading = (g: string) => peerHeading(c, l, g, lang, names);
    out.push({
      label: t("rankCorrelation", lang),
      items: corr.map((r) => `${heading(r.peerGroup) ? `${heading(r.peerGroup)}: ` : ""}Spearman ρ ${r3(r.spearman)} · Kendall τ-b ${r3(r.kendall)} (${r.units} ${t("units", lang)})`),
    });
  }
  if (s.indicators.length) {
    out.push({
      label: t("indicatorShifts", lang),
      items: s.indicators.map(
        (i) => `${indicatorLabel(c, i.id, lang)}: ${signed(i.totalChange, dec, lang)} ${t("points", lang).toLowerCase()}; ${i.lower} ${t("lower", lang)}, ${i.higher} ${t("higher", lang)}`,
      ),
    });
  }
  return out;
}

/** The transition matrix's categories worth showing: every band, and the others when used. */
function shownCategories(l: LevelComparison): string[] {
  const { categories, counts } = l.summary.transitions;
  const used = (k: string) => categories.some((o) => (counts[k]?.[o] ?? 0) > 0 || (counts[o]?.[k] ?? 0) > 0);
  return categories.filter((k) => (k !== "not-ranked" && k !== "absent") || used(k));
}

function categoryLabel(c: Comparison, k: string, lang: Lang): string {
  if (k === "not-ranked") return t("not-ranked", lang);
  if (k === "absent") return t("absent", lang);
  return bandLabel(c.after.criteria, k, lang) || bandLabel(c.before.criteria, k, lang) || k;
}

// ---------------------------------------------------------------------------------------------
// table

/** A column heading on two lines (split at the space nearest the middle), to keep tables narrow. */
function twoLines(s: string): string {
  const spaces = [...s.matchAll(/ /g)].map((m) => m.index);
  if (spaces.length === 0) return s;
  const mid = s.length / 2;
  const at = spaces.reduce((best, i) => (Math.abs(i - mid) < Math.abs(best - mid) ? i : best));
  return `${s.slice(0, at)}\n${s.slice(at + 1)}`;
}

export function compareTable(c: Comparison, o: RenderOptions): string {
  const { lang, palette: p, width } = o;
  const dec = c.after.criteria.decimals;
  const names = unitNames(c);
  const out: string[] = [p.bold(fitLines(inert(compareTitle(c, lang)), width))];
  out.push(p.dim(fitLines(inert(compareCriteriaLine(c, lang)), width)));
  if (c.after.criteria.illustrative) out.push(p.dim(t("illustrative", lang)));
  for (const line of basisLines(c, lang)) out.push(p.bold(fitLines(inert(line), width)));
  const [lb, la] = [inert(c.labels.before), inert(c.labels.after)];
  for (const l of c.levels) {
    out.push("");
    out.push(fitLines(p.bold(`${inert(text(l.level.label, lang, l.level.id))} (${l.level.id})`) + p.dim(` · ${inert(countsLine(c, l, lang))}`), width));
    const groups = levelGroups(c, l);
    const withScore = c.basis === "score";
    for (const [group, units] of peerGroups(l)) {
      const h = peerHeading(c, l, group, lang, names);
      if (h) out.push(p.dim(inert(h)));
      const col = (head: string, align: Column["align"], cell: (u: UnitChange) => string, kind?: Column["kind"]): Column => ({ head, align, cells: units.map(cell), ...(kind ? { kind } : {}) });
      // Headings on two lines keep the table narrow.
      const fitted = fitTable(
        [
          col(`${t("rank", lang)}\n${lb}`, "right", (u) => u.before?.rank?.toString() ?? "—"),
          col(`${t("rank", lang)}\n${la}`, "right", (u) => u.after?.rank?.toString() ?? "—"),
          col(twoLines(t("move", lang)), "right", (u) => {
            const move = moveText(u, lang);
            return u.move === null ? p.dim(move) : u.move > 0 ? p.up(move) : u.move < 0 ? p.down(move) : move;
          }),
          col(t("code", lang), "left", (u) => inert(u.code), "id"),
          col(t("unit", lang), "left", (u) => inert(u.name), "name"),
          col(`%\n${lb}`, "right", (u) => shown(u.before?.percent, dec, lang)),
          col(`%\n${la}`, "right", (u) => shown(u.after?.percent, dec, lang)),
          col(`±\n${t("pp", lang)}`, "right", (u) => signed(u.percentChange, dec, lang)),
          ...(withScore ? [col(`±\n${t("score", lang)}`, "right", (u) => signed(u.scoreChange, dec, lang))] : []),
          // band changes may wrap too ("Trung bình →" over "Khá")
          col(t("band", lang), "left", (u) => {
            const bi = bandIndex(c.after.criteria, u.after?.band ?? null);
            return u.bandChange === "down" ? p.down(inert(bandText(c, u, lang))) : bi >= 0 ? p.band(bi, inert(bandText(c, u, lang))) : p.dim(inert(bandText(c, u, lang)));
          }, "name"),
          ...groups.map((g) => col(`${inert(groupLabel(c, g, lang))} ±`, "right", (u) => signed(u.groups.find((x) => x.id === g)?.change, dec, lang), "group")),
        ],
        width,
        lang,
      );
      out.push(fitted.table);
      for (const n of fitted.notes) out.push(p.dim(n));
      // the indicators whose points differ most, by name, under the table (a column of them was wider than the rest of it)
      const differing = units.filter((u) => u.differences.length > 0);
      if (differing.length) {
        out.push(`${p.bold(t("differences", lang))}:`);
        for (const u of differing) out.push(...wrapItems(`  ${inert(u.name)}:`, u.differences.map((d) => `${inert(indicatorLabel(c, d.id, lang))} ${signed(d.change, dec, lang)}`), (width ?? Infinity) - 4).map((line, i) => (i === 0 ? line : `    ${line}`)));
      }
    }
    for (const s of summaryLines(c, l, lang, dec, names)) {
      if (s.items.length === 1) out.push(fitLines(`${p.bold(inert(s.label))}: ${inert(s.items[0] as string)}`, width));
      else {
        out.push(`${p.bold(inert(s.label))}:`);
        for (const i of s.items) out.push(fitLines(`  ${inert(i)}`, width));
      }
    }
    const cats = shownCategories(l);
    out.push(`${p.bold(t("transitions", lang))} (${t("rowsColumns", lang)}: ${lb}, ${t("columns", lang)}: ${la}):`);
    const head = ["", ...cats.map((k) => inert(categoryLabel(c, k, lang)))];
    const rows = cats.map((from) => [inert(categoryLabel(c, from, lang)), ...cats.map((to) => String(l.summary.transitions.counts[from]?.[to] ?? 0))]);
    out.push(drawTable(head, rows, ["left", ...cats.map(() => "right" as const)]));
  }
  return `${out.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------
// csv and json: the same facts, for machines

export function compareColumns(c: Comparison): string[] {
  return [
    "label_before",
    "label_after",
    "level",
    "peer_group",
    "code",
    "name",
    "parent",
    "presence",
    "rank_before",
    "rank_after",
    "move",
    "score_before",
    "score_after",
    "score_change",
    "max_before",
    "max_after",
    "percent_before",
    "percent_after",
    "percent_change",
    "band_before",
    "band_after",
    "band_change",
    "status_before",
    "status_after",
    ...groupIds(c).flatMap((g) => [`${g}_before`, `${g}_after`, `${g}_change`]),
    "differences",
    // of the unit's peer group: the same on every row of the group
    "rank_spearman",
    "rank_kendall",
    // a merged unit: how its first side combines its predecessors ("mean:964-01,964-02*0.5")
    "crosswalk",
  ];
}

export function compareCsv(c: Comparison, o?: RenderOptions): string {
  return chunksText([...compareCsvChunks(c, o)]);
}

/**
 * compareCsv as bytes, in chunks handed out as they fill (render/csv-bytes.ts), for the output to
 * write as they come: a national comparison's rows are neither a string each nor all held at once.
 * The texts that repeat (a level and peer group, a band, a status) are encoded once; numbers are
 * written as digits.
 */
export function* compareCsvChunks(c: Comparison, o?: RenderOptions): Generator<Uint8Array> {
  const csv = o?.csv ?? defaultCsv;
  const d = csv.delimiter;
  const w = byteWriter(csv);
  // (the field writers of render/common.ts)
  const { text, num } = csvFieldWriters(csv);
  // text written as it is, which most codes and names are (csvField would neither quote nor
  // neutralise it): one test instead of csvField's three; csvField writes the rest
  const special = new RegExp(`^[=+\\-@\\t\\r]|["\\r\\n${d}]`);
  const field = (s: string): string => (special.test(s) ? csvField(s, csv) : s);
  // a text field that repeats, with the delimiter after it, encoded once
  const known = new Map<string, Uint8Array>();
  const textField = (s: string): Uint8Array => {
    let b = known.get(s);
    if (b === undefined) known.set(s, (b = encode(`${text(s)}${d}`)));
    return b;
  };
  const delimiter = encode(d);
  const newline = encode("\n");
  const labels = `${text(c.labels.before)}${d}${text(c.labels.after)}${d}`;
  putBytes(w, encode(`${csv.bom ? "\ufeff" : ""}${csvLine(compareColumns(c), csv)}\n`));
  // the numbers of a row but its groups' (ranks and move, score, max, percent), with their delimiters
  const numbers = 11 * (NUMBER_ROOM + 1);
  // (a row written by a function of its own, not in the generator's loop: V8 compiles it sooner)
  const writeRow = (u: UnitChange, head: Uint8Array, corr: Uint8Array): void => {
    const b = u.before;
    const a = u.after;
    const unit = encode(`${field(u.code)}${d}${field(u.name)}${d}${text(u.parent ?? "")}${d}`);
    const presence = textField(u.presence);
    const bandBefore = textField(b?.band ?? "");
    const bandAfter = textField(a?.band ?? "");
    const bandChange = textField(u.bandChange ?? "");
    const statusBefore = textField(b?.status ?? "");
    const statusAfter = textField(a?.status ?? "");
    const differences = u.differences.length ? encode(`${field(u.differences.map((x) => `${x.id}:${x.change > 0 ? "+" : ""}${num(x.change)}`).join(" "))}${d}`) : delimiter;
    const x = u.crosswalk;
    const crosswalk = x ? encode(`${field(`${x.combine}${x.weight ? `(${x.weight})` : ""}:${x.from.map((p) => (p.share !== 1 ? `${p.code}*${num(p.share)}` : p.code)).join(" ")}`)}\n`) : newline;
    const size = head.length + unit.length + presence.length + numbers + bandBefore.length + bandAfter.length + bandChange.length + statusBefore.length + statusAfter.length + u.groups.length * 3 * (NUMBER_ROOM + 1) + differences.length + corr.length + crosswalk.length;
    // (room for the whole row once, then every field written without a check)
    room(w, size);
    const buf = w.buf;
    let to = copyBytes(buf, w.at, head);
    to = copyBytes(buf, to, unit);
    to = copyBytes(buf, to, presence);
    to = numberBytes(w, to, b?.rank ?? NaN);
    to = numberBytes(w, to, a?.rank ?? NaN);
    to = numberBytes(w, to, u.move ?? NaN);
    to = numberBytes(w, to, b?.score ?? NaN);
    to = numberBytes(w, to, a?.score ?? NaN);
    to = numberBytes(w, to, u.scoreChange ?? NaN);
    to = numberBytes(w, to, b?.max ?? NaN);
    to = numberBytes(w, to, a?.max ?? NaN);
    to = numberBytes(w, to, b?.percent ?? NaN);
    to = numberBytes(w, to, a?.percent ?? NaN);
    to = numberBytes(w, to, u.percentChange ?? NaN);
    to = copyBytes(buf, to, bandBefore);
    to = copyBytes(buf, to, bandAfter);
    to = copyBytes(buf, to, bandChange);
    to = copyBytes(buf, to, statusBefore);
    to = copyBytes(buf, to, statusAfter);
    for (const g of u.groups) {
      to = numberBytes(w, to, g.before ?? NaN);
      to = numberBytes(w, to, g.after ?? NaN);
      to = numberBytes(w, to, g.change ?? NaN);
    }
    to = copyBytes(buf, to, differences);
    to = copyBytes(buf, to, corr);
    w.at = copyBytes(buf, to, crosswalk);
  };
  for (const l of c.levels) {
    // of the unit's peer group, the same on every row of the group: the row's first fields, and its rank correlations
    const heads = new Map<string, Uint8Array>();
    const corr = new Map(l.summary.rankCorrelation.map((r) => [r.peerGroup, encode(`${num(r.spearman)}${d}${num(r.kendall)}${d}`)]));
    const noCorr = encode(`${d}${d}`);
    for (const u of l.units) {
      let head = heads.get(u.peerGroup);
      if (head === undefined) heads.set(u.peerGroup, (head = encode(`${labels}${text(u.level)}${d}${text(u.peerGroup)}${d}`)));
      writeRow(u, head, corr.get(u.peerGroup) ?? noCorr);
      if (w.ready.length) yield* take(w);
    }
  }
  yield* end(w);
}

const sideJson = (s: UnitChange["before"]) =>
  s === null ? null : { status: s.status, rank: s.rank, score: machine(s.score), max: machine(s.max), percent: machine(s.percent), band: s.band };

export function unitJson(u: UnitChange) {
  return {
    level: u.level,
    peerGroup: u.peerGroup,
    code: u.code,
    name: u.name,
    parent: u.parent ?? null,
    presence: u.presence,
    before: sideJson(u.before),
    after: sideJson(u.after),
    move: u.move,
    scoreChange: machine(u.scoreChange),
    percentChange: machine(u.percentChange),
    bandChange: u.bandChange,
    groups: Object.fromEntries(u.groups.map((g) => [g.id, { before: machine(g.before), after: machine(g.after), change: machine(g.change) }])),
    differences: u.differences.map((d) => ({ indicator: d.id, before: machine(d.before), after: machine(d.after), change: machine(d.change) })),
    ...(u.crosswalk
      ? {
          crosswalk: {
            combine: u.crosswalk.combine,
            weight: u.crosswalk.weight ?? null,
            dates: u.crosswalk.dates,
            from: u.crosswalk.from.map((p) => ({ code: p.code, name: p.name, share: machine(p.share), weight: machine(p.weight), status: p.status, percent: machine(p.percent) })),
          },
        }
      : {}),
  };
}

export function compareJson(c: Comparison, o: RenderOptions): string {
  const lang = o.lang;
  const side = (r: Comparison["before"]) => ({ period: r.period ?? null, criteria: { id: r.criteria.id, version: r.criteria.version, title: text(r.criteria.title, lang, r.criteria.id) } });
  const brief = (u: UnitChange) => ({ code: u.code, name: u.name, percentChange: machine(u.percentChange), move: u.move });
  const ref = (i: { id: string }) => ({ id: i.id, label: indicatorLabel(c, i.id, lang) });
  const doc = {
    schemaVersion: 1,
    labels: c.labels,
    before: side(c.before),
    after: side(c.after),
    basis: c.basis,
    crosswalk: c.crosswalk ?? null,
    indicators: { onlyBefore: c.indicators.onlyBefore.map(ref), onlyAfter: c.indicators.onlyAfter.map(ref), maxChanged: c.indicators.maxChanged },
    levels: c.levels.map((l) => ({
      id: l.level.id,
      label: text(l.level.label, lang, l.level.id),
      units: l.units.map(unitJson),
      summary: {
        counts: l.summary.counts,
        meanPercentChange: machine(l.summary.meanPercentChange),
        meanScoreChange: machine(l.summary.meanScoreChange),
        mostImproved: l.summary.mostImproved.map(brief),
        largestFalls: l.summary.largestFalls.map(brief),
        transitions: l.summary.transitions,
        new: l.summary.new,
        gone: l.summary.gone,
        merged: l.summary.merged,
        stoppedSubmitting: l.summary.stoppedSubmitting,
        startedSubmitting: l.summary.startedSubmitting,
        indicators: l.summary.indicators.map((i) => ({ id: i.id, label: indicatorLabel(c, i.id, lang), units: i.units, higher: i.higher, lower: i.lower, totalChange: machine(i.totalChange), meanChange: machine(i.meanChange) })),
        rankCorrelation: l.summary.rankCorrelation.map((r) => ({ peerGroup: r.peerGroup, units: r.units, spearman: machine(r.spearman), kendall: machine(r.kendall) })),
      },
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// markdown


export function compareMd(c: Comparison, o: RenderOptions): string {
  const lang = o.lang;
  const dec = c.after.criteria.decimals;
  const names = unitNames(c);
  const out: string[] = [`# ${mdText(compareTitle(c, lang))}`, "", mdText(compareCriteriaLine(c, lang))];
  if (c.after.criteria.illustrative) out.push("", `_${mdText(t("illustrative", lang))}_`);
  const basis = basisLines(c, lang);
  if (basis.length) out.push("", ...basis.map((b, i) => (i === 0 ? `> **${mdText(b)}**` : `> ${mdText(b)}`)).flatMap((b) => [b, ">"]).slice(0, -1));
  const [lb, la] = [c.labels.before, c.labels.after];
  for (const l of c.levels) {
    out.push("", `## ${mdText(`${text(l.level.label, lang, l.level.id)} (${l.level.id})`)}`, "", mdText(countsLine(c, l, lang)));
    const groups = levelGroups(c, l);
    const withScore = c.basis === "score";
    for (const [group, units] of peerGroups(l)) {
      const h = peerHeading(c, l, group, lang, names);
      if (h) out.push("", `### ${mdText(h)}`);
      const head = [`${t("rank", lang)} ${lb}`, `${t("rank", lang)} ${la}`, t("move", lang), t("code", lang), t("unit", lang), `% ${lb}`, `% ${la}`, `± ${t("pp", lang)}`, ...(withScore ? [`± ${t("score", lang)}`] : []), t("band", lang), ...groups.map((g) => `${groupLabel(c, g, lang)} ±`), t("differences", lang)];
      const right = head.map((_, i) => i <= 2 || (i >= 5 && i <= (withScore ? 8 : 7)) || (i > (withScore ? 9 : 8) && i < head.length - 1));
      const rows = units.map((u) => [
        u.before?.rank?.toString() ?? "—",
        u.after?.rank?.toString() ?? "—",
        moveText(u, lang),
        u.code,
        u.name,
        shown(u.before?.percent, dec, lang),
        shown(u.after?.percent, dec, lang),
        signed(u.percentChange, dec, lang),
        ...(withScore ? [signed(u.scoreChange, dec, lang)] : []),
        bandText(c, u, lang),
        ...groups.map((g) => signed(u.groups.find((x) => x.id === g)?.change, dec, lang)),
        differencesText(c, u, dec, lang),
      ]);
      out.push("", mdGrid(head, rows, right));
    }
    out.push("");
    for (const s of summaryLines(c, l, lang, dec, names)) {
      if (s.items.length === 1) out.push(`- **${mdText(s.label)}**: ${mdText(s.items[0] as string)}`);
      else out.push(`- **${mdText(s.label)}**:`, ...s.items.map((i) => `  - ${mdText(i)}`));
    }
    const cats = shownCategories(l);
    out.push("", `**${mdText(t("transitions", lang))}** (${mdText(`${t("rowsColumns", lang)}: ${lb}, ${t("columns", lang)}: ${la}`)})`, "");
    out.push(
      mdGrid(
        ["", ...cats.map((k) => categoryLabel(c, k, lang))],
        cats.map((from) => [categoryLabel(c, from, lang), ...cats.map((to) => String(l.summary.transitions.counts[from]?.[to] ?? 0))]),
        [false, ...cats.map(() => true)],
      ),
    );
  }
  return `${out.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------
// html

// The page fits a 1,280 px screen and an A4 page without cutting anything: cells wrap (numbers
// do not), headings wrap, and print sets a smaller type on A4 with a page per level.
const CSS = `body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#1f2328}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.85rem;width:100%}th,td{border:1px solid #d0d7de;padding:.2rem .4rem;vertical-align:top}
th{background:#f6f8fa;font-weight:600;font-size:.8rem}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}.up{color:#1a7f37}.down{color:#cf222e}
td,th{overflow-wrap:break-word}td.code{white-space:nowrap}td.name{min-width:9em}td.band{min-width:5.5em}td.diff{min-width:14em;font-size:.8rem}svg{max-width:100%;height:auto}
.muted{color:#57606a}.warn{background:#fff8c5;border:1px solid #d4a72c;padding:.5rem 1rem}.wrap{max-width:100%}
@page{size:A4;margin:12mm}
@media print{body{margin:0;max-width:none;padding:0;font-size:9pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
table{font-size:6.5pt}th{font-size:6.5pt}th,td{padding:1px 2px}td.name{min-width:7em}td.band{min-width:4.5em}td.diff{min-width:10em;font-size:6pt}section.level+section.level{break-before:page}h2,h3{break-after:avoid}tr,svg{break-inside:avoid}thead{display:table-header-group}}`;

export function compareHtml(c: Comparison, o: RenderOptions): string {
  const lang = o.lang;
  const dec = c.after.criteria.decimals;
  const names = unitNames(c);
  const e = (s: string) => escapeXml(inert(s));
  const [lb, la] = [c.labels.before, c.labels.after];
  const out: string[] = [
    "<!doctype html>",
    `<html lang="${lang}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(compareTitle(c, lang))}</title><style>${CSS}</style></head>`,
    "<body>",
    `<h1>${e(compareTitle(c, lang))}</h1>`,
    `<p class="muted">${e(compareCriteriaLine(c, lang))}</p>`,
  ];
  if (c.after.criteria.illustrative) out.push(`<p class="muted"><em>${e(t("illustrative", lang))}</em></p>`);
  const basis = basisLines(c, lang);
  if (basis.length) out.push(`<div class="warn">${basis.map((b, i) => (i === 0 ? `<p><strong>${e(b)}</strong></p>` : `<p>${e(b)}</p>`)).join("")}</div>`);
  for (const l of c.levels) {
    out.push(`<section class="level"><h2>${e(`${text(l.level.label, lang, l.level.id)} (${l.level.id})`)}</h2>`, `<p class="muted">${e(countsLine(c, l, lang))}</p>`);
    const groups = levelGroups(c, l);
    const withScore = c.basis === "score";
    for (const [group, units] of peerGroups(l)) {
      const h = peerHeading(c, l, group, lang, names);
      if (h) out.push(`<h3>${e(h)}</h3>`);
      const items = units.flatMap((u) =>
        u.before?.percent != null && u.after?.percent != null && u.before.status !== "not-ranked" && u.after.status !== "not-ranked"
          ? [{ label: inert(u.name), before: u.before.percent, after: u.after.percent }]
          : [],
      );
      if (items.length) out.push(`<figure>${slopeChart({ title: `${text(l.level.label, lang, l.level.id)}${h ? ` · ${h}` : ""}: %`, left: lb, right: la, items })}</figure>`);
      const head = [`${t("rank", lang)} ${lb}`, `${t("rank", lang)} ${la}`, t("move", lang), t("code", lang), t("unit", lang), `% ${lb}`, `% ${la}`, `± ${t("pp", lang)}`, ...(withScore ? [`± ${t("score", lang)}`] : []), t("band", lang), ...groups.map((g) => `${groupLabel(c, g, lang)} ±`), t("differences", lang)];
      out.push(`<div class="wrap"><table><thead><tr>${head.map((x) => `<th>${e(x)}</th>`).join("")}</tr></thead><tbody>`);
      for (const u of units) {
        const cls = u.move === null ? "" : u.move > 0 ? "up" : u.move < 0 ? "down" : "";
        const num = (s: string) => `<td class="n">${e(s)}</td>`;
        out.push(
          "<tr>" +
            num(u.before?.rank?.toString() ?? "—") +
            num(u.after?.rank?.toString() ?? "—") +
            `<td class="n ${cls}">${e(moveText(u, lang))}</td>` +
            `<td class="code">${e(u.code)}</td><td class="name">${e(u.name)}</td>` +
            num(shown(u.before?.percent, dec, lang)) +
            num(shown(u.after?.percent, dec, lang)) +
            num(signed(u.percentChange, dec, lang)) +
            (withScore ? num(signed(u.scoreChange, dec, lang)) : "") +
            `<td class="band ${u.bandChange === "down" ? "down" : u.bandChange === "up" ? "up" : ""}">${e(bandText(c, u, lang))}</td>` +
            groups.map((g) => num(signed(u.groups.find((x) => x.id === g)?.change, dec, lang))).join("") +
            `<td class="diff">${e(differencesText(c, u, dec, lang))}</td>` +
            "</tr>",
        );
      }
      out.push("</tbody></table></div>");
    }
    out.push("<ul>");
    for (const s of summaryLines(c, l, lang, dec, names)) {
      if (s.items.length === 1) out.push(`<li><strong>${e(s.label)}</strong>: ${e(s.items[0] as string)}</li>`);
      else out.push(`<li><strong>${e(s.label)}</strong>:<ul>${s.items.map((i) => `<li>${e(i)}</li>`).join("")}</ul></li>`);
    }
    out.push("</ul>");
    const cats = shownCategories(l);
    out.push(`<p><strong>${e(t("transitions", lang))}</strong> <span class="muted">(${e(`${t("rowsColumns", lang)}: ${lb}, ${t("columns", lang)}: ${la}`)})</span></p>`);
    out.push(`<table><thead><tr><th></th>${cats.map((k) => `<th>${e(categoryLabel(c, k, lang))}</th>`).join("")}</tr></thead><tbody>`);
    for (const from of cats) out.push(`<tr><th>${e(categoryLabel(c, from, lang))}</th>${cats.map((to) => `<td class="n">${l.summary.transitions.counts[from]?.[to] ?? 0}</td>`).join("")}</tr>`);
    out.push("</tbody></table></section>");
  }
  out.push("</body>", "</html>");
  return `${out.join("\n")}\n`;
}
