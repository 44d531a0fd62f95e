// Findings where CI platforms show them: SARIF 2.1.0 (GitHub code scanning), workflow commands
// (GitHub annotations), JUnit XML (test reports of every CI), the GitLab code quality report, and
// the shields.io endpoint badge. Pure: a validation report, a result or a comparison in, text out.
import { createHash } from "node:crypto";
import type { Diagnostic } from "../diag/diagnostic.ts";
import { examples } from "../diag/examples.ts";
import { byPlace, cellName, hint, location, message, summary } from "../diag/format.ts";
import { drops, type Comparison } from "../engine/compare.ts";
import { belowThreshold, type Standing } from "../engine/gates.ts";
import { text, type Criteria, type Lang } from "../model/criteria.ts";
import type { Result } from "../model/result.ts";
import { bandIndex, bandLabel, inert, shown, type RenderOptions } from "./common.ts";
import { dropDetail } from "./compare.ts";
import { ERRORS_DOC, errorsDocAnchor, TOOL_NAME, TOOL_VERSION } from "./tool.ts";
import type { ValidationReport } from "./validate.ts";

/**
 * In YAML a diagnostic's column counts characters; in CSV it is the number of the field. SARIF and
 * GitHub read a column as characters, so a CSV field number is not given to them as a column.
 */
const charColumn = (d: Diagnostic): number | undefined => (d.file !== undefined && /\.ya?ml$/i.test(d.file) ? d.column : undefined);

/** In a workbook, the sheet and cell lead the message: SARIF, GitHub and GitLab place a problem by file and line only. */
const inSheet = (d: Diagnostic): string => (d.sheet === undefined ? "" : `${[d.sheet, cellName(d)].filter((x) => x !== undefined).join(" › ")}: `);

/** The message and its fix, without the place. */
const said = (d: Diagnostic, lang: Lang): string => {
  const h = hint(d, lang);
  return h ? `${message(d, lang)} (${lang === "vi" ? "cách sửa" : "fix"}: ${h})` : message(d, lang);
};

const sentence = (d: Diagnostic, lang: Lang): string => `${inSheet(d)}${said(d, lang)}`;

/** Sorted by file, line and column, as `validate` lists them. */
function sorted(diags: readonly Diagnostic[]): Diagnostic[] {
  return [...diags].sort(byPlace);
}

// ---------------------------------------------------------------------------------------------
// SARIF 2.1.0

/** A file path as a URI reference: relative paths stay relative (to the repository), each segment escaped. */
export function fileUri(file: string): string {
  const p = file.replace(/\\/g, "/");
  const encoded = p
    .split("/")
    .map((s) => encodeURIComponent(s))
    .join("/");
  if (/^[A-Za-z]:\//.test(p)) return `file:///${p.slice(0, 2)}${encoded.slice(p.indexOf("/") + 2)}`;
  return p.startsWith("/") ? `file://${encoded}` : encoded;
}

/**
 * Where a problem of no file is placed in the formats that need a file (GitHub code scanning
 * refuses a result without a location; GitLab needs a path): the first input, the manifest when
 * there is one.
 */
const fallbackFile = (v: ValidationReport): string => v.files[0] ?? "egov-score.yaml";

export function validateSarif(v: ValidationReport, o: RenderOptions): string {
  const diags = sorted(v.diagnostics);
  const codes = [...new Set(diags.map((d) => d.code))].sort();
  const rules = codes.map((code) => {
    const ex = examples[code];
    const example = { code, args: ex.args };
    const fix = hint(example, o.lang);
    const where = o.lang === "vi" ? `Thường gặp ở: ${ex.where}.` : `Found in: ${ex.where}.`;
    const eg = o.lang === "vi" ? "Ví dụ" : "Example";
    return {
      id: code,
      shortDescription: { text: message(example, o.lang) },
      fullDescription: { text: `${where} ${eg}: ${message(example, o.lang)}` },
      help: { text: fix ?? where, markdown: `${fix ?? where}\n\n[${code}](${errorsDocAnchor(code)})` },
      helpUri: errorsDocAnchor(code),
      defaultConfiguration: { level: ex.severity ?? "error" },
    };
  });
  const results = diags.map((d) => {
    const r: Record<string, unknown> = {
      ruleId: d.code,
      ruleIndex: codes.indexOf(d.code),
      level: d.severity,
      message: { text: sentence(d, o.lang) },
    };
    if (d.file === undefined) r.locations = [{ physicalLocation: { artifactLocation: { uri: fileUri(fallbackFile(v)) } } }];
    else {
      const region: Record<string, number> = {};
      if (d.line !== undefined) region.startLine = d.line;
      const col = charColumn(d);
      if (d.line !== undefined && col !== undefined) region.startColumn = col;
      const physical: Record<string, unknown> = { artifactLocation: { uri: fileUri(d.file) } };
      if (d.line !== undefined) physical.region = region;
      r.locations = [{ physicalLocation: physical }];
      // a CSV field, kept as the data (SARIF's columns count characters); a workbook's sheet and cell
      if (d.sheet !== undefined) r.properties = { sheet: d.sheet, ...(cellName(d) !== undefined ? { cell: cellName(d) } : {}) };
      else if (d.column !== undefined && col === undefined) r.properties = { field: d.column };
    }
    return r;
  });
  const doc = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: TOOL_NAME, version: TOOL_VERSION, informationUri: ERRORS_DOC, rules } },
        artifacts: v.files.map((f) => ({ location: { uri: fileUri(f) } })),
        results,
      },
    ],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// GitHub workflow commands

/** GitHub shows at most this many error and this many warning annotations per step. */
export const GITHUB_ANNOTATIONS_PER_STEP = 10;

/** Escaping of workflow commands (actions/toolkit, command.ts): the message, and property values. */
const ghData = (s: string): string => inert(s.replace(/%/g, "%25")).replace(/\r/g, "%0D").replace(/\n/g, "%0A");
const ghProperty = (s: string): string => ghData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");

function annotation(d: Diagnostic, lang: Lang): string {
  const props: string[] = [];
  if (d.file !== undefined) props.push(`file=${ghProperty(d.file)}`);
  if (d.file !== undefined && d.line !== undefined) props.push(`line=${d.line}`);
  const col = charColumn(d);
  if (d.file !== undefined && d.line !== undefined && col !== undefined) props.push(`col=${col}`);
  props.push(`title=${ghProperty(`egov-score ${d.code}`)}`);
  const h = hint(d, lang);
  const body = `${inSheet(d)}${h ? `${message(d, lang)}\n${lang === "vi" ? "cách sửa" : "fix"}: ${h}` : message(d, lang)}`;
  return `::${d.severity === "note" ? "notice" : d.severity} ${props.join(",")}::${ghData(body)}`;
}

/**
 * One workflow command per problem, which GitHub shows as an annotation on the file and line;
 * beyond the first ten errors and ten warnings (GitHub's limit per step) one notice counts the rest.
 * The last line is the summary, as in the table format.
 */
export function validateGithub(v: ValidationReport, o: RenderOptions): string {
  const lines: string[] = [];
  const left = { error: 0, warning: 0, note: 0 };
  const used = { error: 0, warning: 0, note: 0 };
  for (const d of sorted(v.diagnostics)) {
    if (used[d.severity] < GITHUB_ANNOTATIONS_PER_STEP) {
      used[d.severity] += 1;
      lines.push(annotation(d, o.lang));
    } else left[d.severity] += 1;
  }
  if (left.error + left.warning > 0) {
    const n = GITHUB_ANNOTATIONS_PER_STEP;
    const more =
      o.lang === "vi"
        ? `còn ${left.error} lỗi và ${left.warning} cảnh báo không được chú thích (GitHub chỉ hiện ${n} lỗi và ${n} cảnh báo mỗi bước); \`egov-score validate\` liệt kê tất cả`
        : `${left.error} more error${left.error === 1 ? "" : "s"} and ${left.warning} more warning${left.warning === 1 ? "" : "s"} are not annotated (GitHub shows ${n} errors and ${n} warnings per step); \`egov-score validate\` lists them all`;
    lines.push(`::notice title=${ghProperty("egov-score validate")}::${ghData(more)}`);
  }
  const checked = o.lang === "vi" ? `đã kiểm tra ${v.files.length} tệp, ${v.units} đơn vị` : `checked ${v.files.length} file${v.files.length === 1 ? "" : "s"}, ${v.units} units`;
  lines.push(`${summary(v.diagnostics, o.lang)} · ${checked}`);
  return `${lines.join("\n")}\n`;
}

// ---------------------------------------------------------------------------------------------
// JUnit XML

/** Text for XML content and attribute values: no characters XML 1.0 forbids, the five escaped. */
export function xml(s: string): string {
  return inert(s)
    .replace(/[\ud800-\udfff]/gu, "\ufffd")
    .replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[ch] as string);
}

interface TestCase {
  name: string;
  classname: string;
  failure?: { type: string; message: string; body: string };
  skipped?: string;
  out?: string;
}

interface TestSuite {
  name: string;
  cases: TestCase[];
}

function junit(name: string, suites: readonly TestSuite[]): string {
  const count = (cs: readonly TestCase[]) => ({
    tests: cs.length,
    failures: cs.filter((c) => c.failure).length,
    skipped: cs.filter((c) => c.skipped !== undefined).length,
  });
  const all = count(suites.flatMap((s) => s.cases));
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${xml(name)}" tests="${all.tests}" failures="${all.failures}" errors="0" skipped="${all.skipped}">`];
  for (const s of suites) {
    const c = count(s.cases);
    out.push(`  <testsuite name="${xml(s.name)}" tests="${c.tests}" failures="${c.failures}" errors="0" skipped="${c.skipped}">`);
    for (const tc of s.cases) {
      const open = `    <testcase classname="${xml(tc.classname)}" name="${xml(tc.name)}"`;
      if (!tc.failure && tc.skipped === undefined && tc.out === undefined) {
        out.push(`${open}/>`);
        continue;
      }
      out.push(`${open}>`);
      if (tc.failure) out.push(`      <failure type="${xml(tc.failure.type)}" message="${xml(tc.failure.message)}">${xml(tc.failure.body)}</failure>`);
      if (tc.skipped !== undefined) out.push(`      <skipped message="${xml(tc.skipped)}"/>`);
      if (tc.out !== undefined) out.push(`      <system-out>${xml(tc.out)}</system-out>`);
      out.push("    </testcase>");
    }
    out.push("  </testsuite>");
  }
  out.push("</testsuites>");
  return `${out.join("\n")}\n`;
}

const where = (d: Diagnostic): string => location(d);

/**
 * One test suite per checked file (and one for problems of no file): a passing test case when the
 * file has no problem, else one test case per problem, failed for an error, passed with its text
 * for a warning (JUnit has no warnings; `--strict` makes them errors).
 */
export function validateJunit(v: ValidationReport, o: RenderOptions): string {
  const byFile = new Map<string, Diagnostic[]>(v.files.map((f) => [f, []]));
  const NONE = o.lang === "vi" ? "(đầu vào)" : "(input)";
  for (const d of sorted(v.diagnostics)) {
    const k = d.file ?? NONE;
    byFile.set(k, [...(byFile.get(k) ?? []), d]);
  }
  const suites: TestSuite[] = [...byFile].map(([file, diags]) => ({
    name: file,
    cases:
      diags.length === 0
        ? [{ classname: "egov-score.validate", name: file }]
        : diags.map((d) => {
            const tc: TestCase = { classname: "egov-score.validate", name: `${d.code} ${where(d) || file}` };
            const text = `${where(d) ? `${where(d)}: ` : ""}${d.severity} ${d.code}: ${said(d, o.lang)}`;
            if (d.severity === "error") tc.failure = { type: d.code, message: message(d, o.lang), body: text };
            else tc.out = text;
            return tc;
          }),
  }));
  return junit("egov-score validate", suites);
}

const levelName = (criteria: Criteria, id: string, lang: Lang): string => {
  const l = criteria.levels.find((x) => x.id === id);
  return l ? `${text(l.label, lang, l.id)} (${l.id})` : id;
};

/**
 * The `--fail-under` gate as tests: a suite per level, a test case per unit, failed when a ranked
 * unit is below the threshold, skipped when the unit is not ranked (no data: never a failure).
 * Without a threshold every ranked unit passes.
 */
export function rankJunit(r: Result, o: RenderOptions): string {
  const failUnder = o.gate?.failUnder;
  const below = new Set(failUnder === undefined ? [] : belowThreshold(r, failUnder).map((u) => `${u.level}\0${u.code}`));
  const decimals = r.criteria.decimals;
  const gate = failUnder === undefined ? "" : ` --fail-under ${failUnder}`;
  const suites = r.levels.map((l) => ({
    name: levelName(r.criteria, l.level.id, o.lang),
    cases: l.units.map((u): TestCase => {
      const tc: TestCase = { classname: `egov-score.rank.${u.level}`, name: `${u.code} ${u.name}` };
      if (u.rank === null || u.percent === null) {
        tc.skipped = o.lang === "vi" ? "không xếp hạng: chưa nộp số liệu" : "not ranked: no data submitted";
        return tc;
      }
      const pct = `${shown(u.percent, decimals)}%`;
      if (below.has(`${u.level}\0${u.code}`)) {
        const m = o.lang === "vi" ? `${pct}, dưới ${failUnder}% (--fail-under ${failUnder})` : `${pct}, below ${failUnder}% (--fail-under ${failUnder})`;
        tc.failure = { type: "fail-under", message: m, body: `${u.level} ${u.code} ${u.name}: ${m}` };
      } else {
        tc.out = `${o.lang === "vi" ? "hạng" : "rank"} ${u.rank} · ${pct}${u.band ? ` · ${bandLabel(r.criteria, u.band, o.lang)}` : ""}`;
      }
      return tc;
    }),
  }));
  return junit(`egov-score rank${gate}`, suites);
}

/**
 * The `--fail-on-drop` gate as tests: a suite per level, a test case per unit of the second side,
 * failed when the unit is a drop (more ranks than allowed, a lower band, out of the ranking).
 * Units gone from the second side are skipped. Without a gate, nothing fails.
 */
export function compareJunit(c: Comparison, o: RenderOptions): string {
  const failOnDrop = o.gate?.failOnDrop;
  const fell = new Map((failOnDrop === undefined ? [] : drops(c, failOnDrop)).map((d) => [`${d.unit.level}\0${d.unit.code}`, d]));
  const gate = failOnDrop === undefined ? "" : ` --fail-on-drop ${failOnDrop}`;
  const suites = c.levels.map((l) => ({
    name: levelName(c.after.criteria, l.level.id, o.lang),
    cases: l.units.map((u): TestCase => {
      const tc: TestCase = { classname: `egov-score.compare.${u.level}`, name: `${u.code} ${u.name}` };
      const d = fell.get(`${u.level}\0${u.code}`);
      if (u.presence === "gone") tc.skipped = o.lang === "vi" ? `không có ở ${c.labels.after}` : `not in ${c.labels.after}`;
      else if (d) {
        const m = dropDetail(d, c, o.lang);
        tc.failure = { type: d.reasons.join(","), message: m, body: `${u.level} ${u.code} ${u.name}: ${m}` };
      }
      return tc;
    }),
  }));
  return junit(`egov-score compare ${c.labels.before} → ${c.labels.after}${gate}`, suites);
}

// ---------------------------------------------------------------------------------------------
// GitLab code quality

const GITLAB_SEVERITY = { error: "major", warning: "minor", note: "info" } as const;

/**
 * The GitLab code quality report (a JSON array of issues, the Code Climate subset GitLab reads):
 * a problem without a file is placed on the first input (the manifest). The fingerprint is stable
 * for one problem at one place, so GitLab can tell new problems from fixed ones.
 */
export function validateGitlab(v: ValidationReport, o: RenderOptions): string {
  const issues = sorted(v.diagnostics).map((d) => {
    const path = d.file ?? fallbackFile(v);
    const fingerprint = createHash("md5")
      .update(JSON.stringify([d.code, path, ...(d.sheet !== undefined ? [d.sheet] : []), d.line ?? null, d.column ?? null, d.args]))
      .digest("hex");
    return {
      description: `${d.code}: ${sentence(d, o.lang)}`,
      check_name: d.code,
      fingerprint,
      severity: GITLAB_SEVERITY[d.severity],
      location: { path, lines: { begin: d.line ?? 1 } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}

// ---------------------------------------------------------------------------------------------
// The badge

/** shields.io's named colours, from the best band down. */
const BADGE_COLORS = ["brightgreen", "green", "yellowgreen", "yellow", "orange", "red"] as const;

/**
 * The shields.io endpoint JSON (https://shields.io/badges/endpoint-badge): the mean percentage of
 * the ranked units and the band of that mean. The label is the period, when there is one.
 */
export function badgeJson(s: Standing, criteria: Criteria, period: string | undefined, lang: Lang): string {
  const label = period === undefined ? TOOL_NAME : `${TOOL_NAME} ${period}`;
  if (s.percent === null) {
    return `${JSON.stringify({ schemaVersion: 1, label, message: lang === "vi" ? "chưa xếp hạng" : "not ranked", color: "lightgrey" }, null, 2)}\n`;
  }
  // the best band green, the worst red, those between spread over the colours between
  const i = bandIndex(criteria, s.band);
  const n = criteria.bands.list.length;
  const color = i < 0 ? "blue" : (BADGE_COLORS[n <= 1 ? 0 : Math.round((i * (BADGE_COLORS.length - 1)) / (n - 1))] as string);
  const message = `${shown(s.percent, criteria.decimals)}%${s.band ? ` · ${bandLabel(criteria, s.band, lang)}` : ""}`;
  return `${JSON.stringify({ schemaVersion: 1, label, message, color }, null, 2)}\n`;
}
