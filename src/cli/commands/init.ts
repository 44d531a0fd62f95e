// `egov-score init [dir]`: a new assessment folder with a manifest, a copy of the criteria and
// its JSON Schema, a units template, a wide data template per level, a long-form template and a
// README. Asks for what is missing only on a terminal; never overwrites a file without --force.
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { InputError, UsageError, hasErrors } from "../../diag/diagnostic.ts";
import { loadCriteriaFile } from "../../load/assessment.ts";
import { displayPath } from "../../load/files.ts";
import { DEFAULT_CRITERIA, shippedCriteria, shippedCriteriaFile } from "../../load/shipped.ts";
import { criteriaJsonSchema } from "../../model/criteria-schema.ts";
import { text, type Criteria, type Lang } from "../../model/criteria.ts";
import { defaultCsv, plainPalette, type CsvOptions } from "../../render/common.ts";
import { CRITERIA_FILE, dataTemplate, longTemplateFile, manifestText, README_FILE, readmeText, SCHEMA_FILE, UNITS_FILE, withSchemaLine } from "../../render/init.ts";
import { render } from "../../render/index.ts";
import { longTemplate, unitsTemplate, wideTemplate, type Form } from "../../render/template.ts";
import { closest } from "../../util/similar.ts";
import { langOf, start, type CommonOptions } from "../context.ts";
import { writeOutput } from "../output.ts";
import { configureStderr, note, printDiagnostics } from "../stderr.ts";
import { DEFAULT_COLUMNS, MANIFEST_NAME } from "../../load/manifest.ts";

export interface InitOptions extends CommonOptions {
  from?: string;
  period?: string;
  excel?: boolean;
  xlsx?: boolean;
  force?: boolean;
  yes?: boolean;
}

/** Asks one question; the answer, or `def` when the user just presses Enter. */
export interface Prompter {
  ask(question: string, def: string): Promise<string>;
  say(line: string): void;
  close(): void;
}

export interface InitAnswers {
  dir: string;
  from: string;
  period?: string;
  excel: boolean;
  /** true when --from was neither given nor asked for */
  defaulted: boolean;
}

const YES = new Set(["y", "yes", "c", "có", "co"]);

/**
 * What init will do: the options given, the answers to the questions for the missing ones when
 * there is someone to ask (`prompter`), and the defaults otherwise.
 */
export async function resolveInit(
  given: { dir?: string; from?: string; period?: string; excel?: boolean },
  prompter: Prompter | undefined,
  sets: { id: string; title: string }[],
  lang: Lang,
): Promise<InitAnswers> {
  const vi = lang === "vi";
  const dir = given.dir ?? (prompter ? (await prompter.ask(vi ? "Thư mục cho kỳ đánh giá" : "Folder for the assessment", ".")) || "." : ".");
  let from = given.from;
  if (from === undefined && prompter) {
    prompter.say(vi ? "Các bộ tiêu chí có sẵn:" : "Shipped criteria sets:");
    sets.forEach((s, i) => prompter.say(`  ${i + 1}) ${s.id}  ${s.title}`));
    const a = (await prompter.ask(vi ? "Bộ tiêu chí (số, mã, hoặc đường dẫn tệp .yaml)" : "Criteria set (number, id, or path of a .yaml file)", sets[0]?.id ?? DEFAULT_CRITERIA)).trim();
    const n = Number(a);
    from = Number.isInteger(n) && n >= 1 && n <= sets.length ? (sets[n - 1]?.id ?? a) : a || DEFAULT_CRITERIA;
  }
  let period = given.period;
  if (period === undefined && prompter) {
    const a = (await prompter.ask(vi ? "Kỳ đánh giá, ví dụ 2025 (bỏ trống nếu không có)" : "Assessment period, such as 2025 (empty for none)", "")).trim();
    if (a) period = a;
  }
  let excel = given.excel;
  if (excel === undefined && prompter) {
    const a = await prompter.ask(vi ? "Tệp mẫu cho Excel (BOM, dấu ;, dấu phẩy thập phân)? c/k" : "Templates for Excel (BOM, ';', decimal comma)? y/n", vi ? "k" : "n");
    excel = YES.has(a.trim().toLowerCase());
  }
  return { dir, from: from ?? DEFAULT_CRITERIA, ...(period !== undefined ? { period } : {}), excel: excel === true, defaulted: given.from === undefined && !prompter };
}

async function terminalPrompter(): Promise<Prompter> {
  const { createInterface } = await import("node:readline/promises");
  // Questions go to stderr: stdout carries only what a command was asked to produce.
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  return {
    ask: async (q, def) => {
      const a = await rl.question(def ? `${q} [${def}]: ` : `${q}: `);
      return a.trim() === "" ? def : a.trim();
    },
    say: (line) => process.stderr.write(`${line}\n`),
    close: () => rl.close(),
  };
}

/** The criteria file --from names: a shipped set, or a path. */
function sourceOf(from: string): { file: string; shown: string } {
  const shipped = shippedCriteriaFile(from);
  if (shipped) return { file: shipped, shown: from };
  const file = path.resolve(from);
  if (!existsSync(file) && !/[\\/]|\.ya?ml$/i.test(from)) {
    const sets = shippedCriteria();
    const suggestion = closest(from, sets)[0];
    throw new UsageError("INIT_UNKNOWN_CRITERIA", { name: from, known: sets.join(", "), ...(suggestion ? { suggestion } : {}) });
  }
  return { file, shown: from };
}

function shippedTitles(lang: Lang): { id: string; title: string }[] {
  return shippedCriteria().map((id) => {
    const c = loadCriteriaFile(shippedCriteriaFile(id) as string).criteria;
    return { id, title: c ? text(c.title, lang, id) : "" };
  });
}

/**
 * Every file init writes, relative to the folder, with its content: text, or (with --xlsx) the
 * form a data template is made from as a workbook.
 */
export function initFiles(criteria: Criteria, criteriaText: string, p: { from: string; excel: boolean; xlsx?: boolean; period?: string; lang: Lang }): [string, string | Form][] {
  const csv: CsvOptions = p.excel ? { delimiter: ";", decimal: ",", bom: true } : { delimiter: ",", decimal: ".", bom: false };
  const plan = { criteria, from: p.from, excel: p.excel, xlsx: p.xlsx === true, lang: p.lang, ...(p.period !== undefined ? { period: p.period } : {}) };
  const period = p.period !== undefined ? { period: p.period } : {};
  return [
    [MANIFEST_NAME, manifestText(plan)],
    [CRITERIA_FILE, withSchemaLine(criteriaText)],
    [SCHEMA_FILE, `${JSON.stringify(criteriaJsonSchema(), null, 2)}\n`],
    [UNITS_FILE, unitsTemplate(criteria, csv)],
    ...criteria.levels.map((l): [string, string | Form] => [dataTemplate(l.id, p.xlsx), p.xlsx ? { criteria, level: l.id, units: [], columns: DEFAULT_COLUMNS, ...period } : wideTemplate(criteria, l.id, csv)]),
    [longTemplateFile(p.xlsx), p.xlsx ? { criteria, long: true, columns: DEFAULT_COLUMNS } : longTemplate(csv)],
    [README_FILE, readmeText(plan)],
  ];
}

export async function run([dir]: unknown[], o: InitOptions): Promise<void> {
  start(o);
  const interactive = o.yes !== true && process.stdin.isTTY === true && process.stdout.isTTY === true;
  const prompter = interactive ? await terminalPrompter() : undefined;
  let answers: InitAnswers;
  try {
    answers = await resolveInit(
      { ...(dir !== undefined ? { dir: dir as string } : {}), ...(o.from !== undefined ? { from: o.from } : {}), ...(o.period !== undefined ? { period: o.period } : {}), ...(o.excel ? { excel: true } : {}) },
      prompter,
      interactive && o.from === undefined ? shippedTitles(langOf(o)) : [],
      langOf(o),
    );
  } finally {
    prompter?.close();
  }
  // The criteria first: nothing is written for criteria that do not load.
  const source = sourceOf(answers.from);
  const loaded = loadCriteriaFile(source.file);
  const lang = o.lang ?? loaded.criteria?.language ?? langOf(o);
  configureStderr({ lang });
  if (answers.defaulted) {
    note(
      lang === "vi"
        ? `egov-score: không có --from, dùng bộ tiêu chí ${DEFAULT_CRITERIA} (chọn bộ khác bằng --from ${shippedCriteria().join("|")}|ĐƯỜNG_DẪN)`
        : `egov-score: no --from given, using the criteria set ${DEFAULT_CRITERIA} (choose with --from ${shippedCriteria().join("|")}|PATH)`,
    );
  }
  if (hasErrors(loaded.diagnostics) || !loaded.criteria) throw new InputError(loaded.diagnostics);
  printDiagnostics(loaded.diagnostics, lang);
  const criteria = loaded.criteria;
  const files = initFiles(criteria, readFileSync(source.file, "utf8"), { from: source.shown, excel: answers.excel, xlsx: o.xlsx === true, lang, ...(answers.period !== undefined ? { period: answers.period } : {}) });

  const folder = path.resolve(answers.dir);
  if (existsSync(folder) && !statSync(folder).isDirectory()) throw new UsageError("USAGE", { detail: `${answers.dir} exists and is not a folder` });
  if (!o.force) {
    const existing = files.map(([f]) => path.join(folder, f)).filter((f) => existsSync(f));
    if (existing.length > 0) throw new UsageError("INIT_FILE_EXISTS", { path: displayPath(existing[0] as string), more: existing.length - 1 });
  }
  mkdirSync(path.join(folder, "data"), { recursive: true });
  const ro = { lang, palette: plainPalette, csv: defaultCsv };
  for (const [f, content] of files) writeOutput(path.join(folder, f), typeof content === "string" ? content : await render("template", "xlsx", content, ro));

  const shownDir = displayPath(folder);
  const levels = criteria.levels.map((l) => l.id).join(", ");
  const cd = shownDir === folder && folder === process.cwd() ? "" : `cd ${shownDir}; `;
  note(
    lang === "vi"
      ? [
          `egov-score: đã tạo ${shownDir}/ từ ${source.shown} (các cấp ${levels}; ${criteria.indicators.length} chỉ số):`,
          `  ${files.map(([f]) => f).join(", ")}`,
          `tiếp theo: ${cd}khai đơn vị trong ${UNITS_FILE}, điền số liệu vào các tệp trong data/ (xem README.md), rồi egov-score validate && egov-score rank`,
        ].join("\n")
      : [
          `egov-score: created ${shownDir}/ from ${source.shown} (levels ${levels}; ${criteria.indicators.length} indicators):`,
          `  ${files.map(([f]) => f).join(", ")}`,
          `next: ${cd}list the units in ${UNITS_FILE}, fill in the files in data/ (README.md says how), then egov-score validate && egov-score rank`,
        ].join("\n"),
  );
}
