// The Markdown summary a CI job shows on its page (GitHub's GITHUB_STEP_SUMMARY): per level the
// units, the band counts, the top and bottom units; the problems found; the gate's verdict.
// Pure: the CLI decides where it goes (cli/ci.ts).
import type { Diagnostic } from "../diag/diagnostic.ts";
import { location, message, summary as countProblems, byPlace } from "../diag/format.ts";
import { text, type Criteria, type Lang } from "../model/criteria.ts";
import type { LevelResult, Result, UnitResult } from "../model/result.ts";
import { bandLabel, inert, mdText, shown } from "./common.ts";
import { t } from "./labels.ts";

export interface SummaryInput {
  /** the command that ran: rank, validate, report */
  command: string;
  criteria?: Criteria;
  /** the scored result, narrowed to the selected levels */
  result?: Result;
  /** every problem found, after --strict has turned warnings into errors */
  diagnostics: readonly Diagnostic[];
  /** validate: what was checked */
  checked?: { files: number; units: number };
  strict?: boolean;
  /** the --fail-under gate, when asked for */
  gate?: { threshold: number; below: readonly UnitResult[] };
  /** how many units to show at each end of each level; 0 for none */
  top?: number;
  /** the command stopped on errors before producing its output */
  failed?: boolean;
}

/** Problems listed one by one; more are counted. */
export const SUMMARY_PROBLEMS = 20;
/** Units shown at the top and at the bottom of each level. */
export const SUMMARY_TOP = 5;

const L = {
  vi: {
    ok: "đạt",
    failed: "không đạt",
    stopped: "dừng vì lỗi",
    level: "Cấp",
    total: "Số đơn vị",
    ranked: "Xếp hạng",
    notRanked: "Không xếp hạng",
    top: "Cao nhất",
    bottom: "Thấp nhất",
    all: "Bảng xếp hạng",
    problems: "Vấn đề",
    none: "Không có vấn đề nào.",
    more: (n: number) => `… và ${n} vấn đề khác: chạy \`egov-score validate\` để xem tất cả.`,
    strict: "(--strict: cảnh báo được tính là lỗi)",
    checked: (f: number, u: number) => `Đã kiểm tra ${f} tệp, ${u} đơn vị.`,
    gatePass: (th: string) => `Mọi đơn vị xếp hạng đạt từ ${th}% trở lên (\`--fail-under ${th}\`).`,
    gateFail: (n: number, th: string) => `${n} đơn vị xếp hạng dưới ${th}% (\`--fail-under ${th}\`):`,
    error: "lỗi",
    warning: "cảnh báo",
    note: "ghi chú",
  },
  en: {
    ok: "passed",
    failed: "failed",
    stopped: "stopped on errors",
    level: "Level",
    total: "Units",
    ranked: "Ranked",
    notRanked: "Not ranked",
    top: "Top",
    bottom: "Bottom",
    all: "Ranking",
    problems: "Problems",
    none: "No problems found.",
    more: (n: number) => `… and ${n} more: run \`egov-score validate\` to see them all.`,
    strict: "(--strict: warnings count as errors)",
    checked: (f: number, u: number) => `Checked ${f} file${f === 1 ? "" : "s"}, ${u} units.`,
    gatePass: (th: string) => `Every ranked unit is at ${th}% or above (\`--fail-under ${th}\`).`,
    gateFail: (n: number, th: string) => `${n} ranked unit${n === 1 ? " is" : "s are"} below ${th}% (\`--fail-under ${th}\`):`,
    error: "error",
    warning: "warning",
    note: "note",
  },
} as const;

export const md = mdText;

/** A code span: backticks inside become quotes, so the span cannot be closed early. */
const code = (s: string): string => `\`${inert(s).replace(/`/g, "'").replace(/[\r\n]+/g, " ")}\``;

const row = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;

function levelTitle(l: LevelResult, lang: Lang): string {
  return `${md(text(l.level.label, lang, l.level.id))} (${code(l.level.id)})`;
}

function bandCounts(r: Result, lang: Lang): string[] {
  const c = r.criteria;
  const bands = c.bands.list;
  const head = [L[lang].level, L[lang].total, L[lang].ranked, L[lang].notRanked, ...bands.map((b) => md(text(b.label, lang, b.id)))];
  const out = [row(head), row(head.map((_, i) => (i === 0 ? "---" : "--:")))];
  for (const l of r.levels) {
    const ranked = l.units.filter((u) => u.rank !== null);
    out.push(
      row([
        levelTitle(l, lang),
        String(l.units.length),
        String(ranked.length),
        String(l.units.length - ranked.length),
        ...bands.map((b) => String(ranked.filter((u) => u.band === b.id).length)),
      ]),
    );
  }
  return out;
}

function unitTable(r: Result, units: readonly UnitResult[], lang: Lang): string[] {
  const c = r.criteria;
  const head = [t("rank", lang), t("code", lang), t("unit", lang), t("score", lang), t("max", lang), t("percent", lang), t("band", lang)];
  const out = [row(head), row(["--:", "---", "---", "--:", "--:", "--:", "---"])];
  for (const u of units) {
    out.push(
      row([
        `${u.rank ?? ""}${u.status === "incomplete" ? "\\*" : ""}`,
        code(u.code),
        md(u.name),
        shown(u.score, c.decimals, lang),
        shown(u.max, c.decimals, lang),
        shown(u.percent, c.decimals, lang),
        md(bandLabel(c, u.band, lang)),
      ]),
    );
  }
  return out;
}

/** The ranked units of a level, best first, on what the criteria rank by (across peer groups). */
function byStanding(r: Result, l: LevelResult): UnitResult[] {
  const on = r.criteria.ranking.on;
  const key = (u: UnitResult) => (on === "score" ? u.score : u.percent) ?? -Infinity;
  return l.units.filter((u) => u.rank !== null).sort((a, b) => key(b) - key(a) || (a.rank ?? 0) - (b.rank ?? 0));
}

function ends(r: Result, l: LevelResult, n: number, lang: Lang): string[] {
  const units = byStanding(r, l);
  if (units.length === 0) return [];
  const out = ["", `### ${levelTitle(l, lang)}`, ""];
  const all = units.length <= 2 * n;
  if (all) {
    out.push(`**${L[lang].all}**`, "", ...unitTable(r, units, lang));
  } else {
    out.push(`**${L[lang].top} ${n}**`, "", ...unitTable(r, units.slice(0, n), lang));
    out.push("", `**${L[lang].bottom} ${n}**`, "", ...unitTable(r, units.slice(-n), lang));
  }
  const listed = all ? units : [...units.slice(0, n), ...units.slice(-n)];
  if (listed.some((u) => u.status === "incomplete")) out.push("", `\\* ${t("incomplete", lang)}`);
  return out;
}

function problems(diags: readonly Diagnostic[], lang: Lang): string[] {
  const out = ["", `### ${L[lang].problems}: ${countProblems(diags, lang)}`, ""];
  if (diags.length === 0) return [...out, L[lang].none];
  // errors first, then by file and position, as validate prints them
  const sorted = [...diags].sort(
    (a, b) =>
      (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1) || byPlace(a, b),
  );
  for (const d of sorted.slice(0, SUMMARY_PROBLEMS)) {
    const where = location(d);
    out.push(`- **${L[lang][d.severity]}** ${code(d.code)}${where ? ` ${code(where)}` : ""}: ${md(message(d, lang))}`);
  }
  if (sorted.length > SUMMARY_PROBLEMS) out.push("", L[lang].more(sorted.length - SUMMARY_PROBLEMS));
  return out;
}

function gateLines(s: SummaryInput, lang: Lang): string[] {
  const g = s.gate;
  if (!g) return [];
  const th = String(g.threshold);
  if (g.below.length === 0) return ["", `✅ ${L[lang].gatePass(th)}`];
  const c = s.result?.criteria ?? s.criteria;
  const dec = c?.decimals ?? 2;
  return ["", `❌ ${L[lang].gateFail(g.below.length, th)}`, "", ...g.below.map((u) => `- ${code(u.level)} ${code(u.code)} ${md(u.name)}: ${shown(u.percent, dec, lang)}%`)];
}

/** The whole summary, ending with a blank line so that the next one appended starts cleanly. */
export function jobSummary(s: SummaryInput, o: { lang: Lang }): string {
  const { lang } = o;
  const criteria = s.result?.criteria ?? s.criteria;
  const errors = s.diagnostics.some((d) => d.severity === "error");
  const gateFailed = (s.gate?.below.length ?? 0) > 0;
  const verdict = s.failed || errors ? `❌ ${s.failed ? L[lang].stopped : L[lang].failed}` : gateFailed ? `❌ ${L[lang].failed}` : `✅ ${L[lang].ok}`;
  const title = criteria ? ` · ${md(text(criteria.title, lang, criteria.id))}${s.result?.period ? ` · ${md(s.result.period)}` : ""}` : "";
  const out = [`## egov-score ${s.command}: ${verdict}${title}`];
  if (s.strict) out.push("", L[lang].strict);
  if (s.checked) out.push("", L[lang].checked(s.checked.files, s.checked.units));
  out.push(...gateLines(s, lang));
  if (s.result && s.result.levels.length > 0) {
    out.push("", ...bandCounts(s.result, lang));
    const n = s.top ?? SUMMARY_TOP;
    if (n > 0) for (const l of s.result.levels) out.push(...ends(s.result, l, n, lang));
  }
  out.push(...problems(s.diagnostics, lang));
  return `${out.join("\n")}\n\n`;
}
