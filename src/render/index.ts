// The renderer registry: per view, one pure function per format of render/formats.ts.
import type { Comparison } from "../engine/compare.ts";
import type { Criteria } from "../model/criteria.ts";
import type { Result } from "../model/result.ts";
import type { RenderOptions } from "./common.ts";
import { compareCsv, compareHtml, compareJson, compareMd, compareTable } from "./compare.ts";
import { criteriaJson, criteriaTree } from "./criteria.ts";
import { FORMATS, type Format, type View } from "./formats.ts";
import { rankCsv, rankJson, rankTable } from "./rank.ts";
import { scoreCsv, scoreJson, scoreTable } from "./score.ts";
import { templateCsv, type UnitForm } from "./template.ts";
import { validateJson, validateText, type ValidationReport } from "./validate.ts";

type Renderer<T> = (input: T, o: RenderOptions) => string | Uint8Array;
interface Inputs {
  rank: Result;
  score: Result;
  criteria: Criteria;
  validate: ValidationReport;
  compare: Comparison;
  template: UnitForm;
}

export const renderers: { [V in View]: Record<Format<V>, Renderer<Inputs[V]>> } = {
  rank: { table: rankTable, csv: rankCsv, json: rankJson },
  score: { table: scoreTable, csv: scoreCsv, json: scoreJson },
  criteria: { table: criteriaTree, json: criteriaJson },
  validate: { table: validateText, json: validateJson },
  compare: { table: compareTable, csv: compareCsv, json: compareJson, md: compareMd, html: compareHtml },
  template: { csv: templateCsv },
};

export function render<V extends View>(view: V, format: Format<V>, input: Inputs[V], o: RenderOptions): string | Uint8Array {
  return renderers[view][format](input, o);
}

export { FORMATS, type View };
