// The renderer registry: per view, one pure function per format of render/formats.ts.
import type { Criteria } from "../model/criteria.ts";
import type { Result } from "../model/result.ts";
import type { RenderOptions } from "./common.ts";
import { criteriaJson, criteriaTree } from "./criteria.ts";
import { FORMATS, type Format, type View } from "./formats.ts";
import { rankCsv, rankJson, rankTable } from "./rank.ts";
import { scoreCsv, scoreJson, scoreTable } from "./score.ts";
import { sensitivityCsv, sensitivityHtml, sensitivityJson, sensitivityMd, sensitivityTable } from "./sensitivity.ts";
import type { SensitivityResult } from "../engine/sensitivity.ts";
import { validateJson, validateText, type ValidationReport } from "./validate.ts";

type Renderer<T> = (input: T, o: RenderOptions) => string | Uint8Array;
interface Inputs {
  rank: Result;
  score: Result;
  criteria: Criteria;
  validate: ValidationReport;
  sensitivity: SensitivityResult;
}

export const renderers: { [V in View]: Record<Format<V>, Renderer<Inputs[V]>> } = {
  rank: { table: rankTable, csv: rankCsv, json: rankJson },
  score: { table: scoreTable, csv: scoreCsv, json: scoreJson },
  criteria: { table: criteriaTree, json: criteriaJson },
  validate: { table: validateText, json: validateJson },
  sensitivity: { table: sensitivityTable, csv: sensitivityCsv, json: sensitivityJson, md: sensitivityMd, html: sensitivityHtml },
};

export function render<V extends View>(view: V, format: Format<V>, input: Inputs[V], o: RenderOptions): string | Uint8Array {
  return renderers[view][format](input, o);
}

export { FORMATS, type View };
