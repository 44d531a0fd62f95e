// The renderer registry: per view, one pure function per format of render/formats.ts.
import type { Audit } from "../engine/audit.ts";
import type { Comparison } from "../engine/compare.ts";
import { auditCsv, auditHtml, auditJson, auditMd, auditTable } from "./audit.ts";
import type { Explanation } from "../engine/explain.ts";
import type { Report } from "../engine/report.ts";
import type { Criteria } from "../model/criteria.ts";
import type { Result } from "../model/result.ts";
import type { RenderOptions } from "./common.ts";
import { compareJunit, rankJunit, validateGithub, validateGitlab, validateJunit, validateSarif } from "./ci.ts";
import { compareCsv, compareHtml, compareJson, compareMd, compareTable } from "./compare.ts";
import { criteriaJson, criteriaTree } from "./criteria.ts";
import { explainJson, explainText } from "./explain.ts";
import { FORMATS, type Format, type View } from "./formats.ts";
import { reportHtml } from "./html.ts";
import { rankMd, reportMd } from "./markdown.ts";
import { rankCsv, rankJson, rankTable } from "./rank.ts";
import { scoreCsv, scoreJson, scoreTable } from "./score.ts";
import { templateCsv, type Form } from "./template.ts";
import { sensitivityCsv, sensitivityHtml, sensitivityJson, sensitivityMd, sensitivityTable } from "./sensitivity.ts";
import type { SensitivityResult } from "../engine/sensitivity.ts";
import { validateJson, validateText, type ValidationReport } from "./validate.ts";

export type Rendered = string | Uint8Array;
/** Views with a binary format that awaits its lazily loaded library (xlsx); the others are synchronous. */
type AsyncView = "rank" | "score" | "compare" | "template" | "report" | "sensitivity" | "audit";
type Output<V extends View> = V extends AsyncView ? Rendered | Promise<Rendered> : Rendered;
type Renderer<T, V extends View> = (input: T, o: RenderOptions) => Output<V>;
interface Inputs {
  rank: Result;
  score: Result;
  criteria: Criteria;
  validate: ValidationReport;
  compare: Comparison;
  template: Form;
  report: Report;
  explain: Explanation;
  sensitivity: SensitivityResult;
  audit: Audit;
}

// exceljs is heavy: the workbook renderers, and the library with them, load only when xlsx is asked for.
const xlsx = () => import("./xlsx.ts");

export const renderers: { [V in View]: Record<Format<V>, Renderer<Inputs[V], V>> } = {
  rank: { table: rankTable, csv: rankCsv, json: rankJson, md: rankMd, junit: rankJunit, xlsx: async (r, o) => (await xlsx()).rankXlsx(r, o) },
  score: { table: scoreTable, csv: scoreCsv, json: scoreJson, xlsx: async (r, o) => (await xlsx()).scoreXlsx(r, o) },
  criteria: { table: criteriaTree, json: criteriaJson },
  validate: { table: validateText, json: validateJson, sarif: validateSarif, github: validateGithub, junit: validateJunit, gitlab: validateGitlab },
  compare: { table: compareTable, csv: compareCsv, json: compareJson, md: compareMd, html: compareHtml, junit: compareJunit, xlsx: async (c, o) => (await xlsx()).compareXlsx(c, o) },
  template: { csv: templateCsv, xlsx: async (f, o) => (await import("./xlsx-form.ts")).formXlsx(f, o) },
  report: { md: reportMd, html: reportHtml, xlsx: async (rep, o) => (await xlsx()).reportXlsx(rep, o) },
  explain: { table: explainText, json: explainJson },
  sensitivity: { table: sensitivityTable, csv: sensitivityCsv, json: sensitivityJson, md: sensitivityMd, html: sensitivityHtml, xlsx: async (r, o) => (await xlsx()).sensitivityXlsx(r, o) },
  audit: {
    table: auditTable,
    csv: auditCsv,
    json: auditJson,
    md: (a, o) => auditMd(a, o),
    html: auditHtml,
    xlsx: async (a, o) => (await xlsx()).auditXlsx(a, o),
  },
};

export function render<V extends View>(view: V, format: Format<V>, input: Inputs[V], o: RenderOptions): Output<V> {
  return (renderers[view][format] as Renderer<Inputs[V], V>)(input, o);
}

export { FORMATS, type View };
