// Loading and scoring an assessment in a worker thread, while this thread does other work: the
// first side of `compare` is loaded and scored there while the second is loaded and scored here,
// on the second core. The worker (scoring-worker.ts, bundled as dist/scoring-worker.js) runs the
// one loader and the one engine, and sends back the loaded columns and the scoring as data
// (typed arrays and texts; the units' names as texts), which become here the result model the
// same scoring in this thread would give. Without the bundled worker (the tests run the
// sources), or when the thread fails for any reason, the answer is undefined and the caller
// loads and scores in this thread: the outcome is the same, only later.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Worker as WorkerType } from "node:worker_threads";
import type { Loaded } from "../load/assessment.ts";
import type { Overrides } from "../load/manifest.ts";
import type { LoadOptions } from "../load/tables.ts";
import type { ReadOptions } from "../load/rows/read.ts";
import type { ColumnarResult } from "../engine/scoring.ts";
import { resultOf } from "../engine/views.ts";
import type { ColumnarDataset } from "../model/columns.ts";
import type { Result } from "../model/result.ts";
import type { Lang } from "../model/criteria.ts";
import type { PortableColumns } from "./sensitivity-runner.ts";
import type { ColumnsRead, SharedProgress } from "./columns.ts";
import type { ReadProgress } from "./progress.ts";

/** What a worker is asked: an assessment, the settings over its manifest's, how to read it. */
export interface ScoringJob {
  dir: string | undefined;
  overrides: Overrides;
  load: Omit<LoadOptions, "begin" | "read"> & { read: Omit<ReadOptions, "progress"> };
  /** --lang, for the progress line (else the criteria's language) */
  lang?: Lang;
}

/** The columns as they cross threads: without functions, with the units' names as texts. */
export type SentColumns = PortableColumns & { names: string[] };

/** What a worker sends: the loader's outcome; with no error, the scoring (under keep "all"). */
export type ScoringMessage =
  | { type: "begin"; bytes: number; lang: Lang }
  | { type: "progress"; bytes: number; rows: number }
  | { type: "done"; loaded: Omit<Loaded, "dataset"> & { dataset?: SentColumns }; scored?: Omit<ColumnarResult, "dataset"> & { dataset: SentColumns } }
  | { type: "failed"; message: string };

/** The bundled worker beside the running bundle (dist/scoring-worker.js). */
function workerFile(): string | undefined {
  const url = new URL("./scoring-worker.js", import.meta.url);
  return url.protocol === "file:" && existsSync(fileURLToPath(url)) ? fileURLToPath(url) : undefined;
}

/** The columns of this thread again: names from their texts; where a missing value was is not
 * asked after the scoring (only the scoring's diagnostics point at it, and they came with it). */
function received(c: SentColumns): ColumnarDataset {
  const { names, ...rest } = c;
  return { ...rest, nameOf: (g) => names[g] as string, missingAt: () => ({}) };
}

/** An assessment loaded and scored: as readColumns (cli/columns.ts) gives it, and its scoring
 * as the result model (undefined when the loader found errors: nothing was scored). */
export interface ScoredOffThread {
  read: ColumnsRead;
  result?: Result;
}

/**
 * Loads and scores an assessment in a worker thread (see the top of this file); its reading is
 * shown on `progress`. Undefined: no worker could do it; load and score in this thread.
 */
export function loadScoredOffThread(job: ScoringJob, progress: SharedProgress): Promise<ScoredOffThread | undefined> {
  const file = workerFile();
  if (!file) return Promise.resolve(undefined);
  return import("node:worker_threads").then(
    ({ Worker }) =>
      new Promise<ScoredOffThread | undefined>((resolve) => {
        let w: WorkerType;
        try {
          w = new Worker(file, { workerData: job });
        } catch {
          resolve(undefined);
          return;
        }
        let shown: ReadProgress | undefined;
        let settled = false;
        const settle = (v: ScoredOffThread | undefined): void => {
          if (settled) return;
          settled = true;
          if (!v) shown?.done();
          void w.terminate();
          resolve(v);
        };
        w.on("message", (m: ScoringMessage) => {
          if (m.type === "begin") shown = progress.begin(m.bytes, m.lang);
          else if (m.type === "progress") shown?.read(m.bytes, m.rows);
          else if (m.type === "failed") settle(undefined);
          else {
            const { dataset: data, ...loaded } = m.loaded;
            const dataset = data && received(data);
            const read: ColumnsRead = { ...loaded, ...(dataset ? { dataset } : {}), reader: shown ? "streamed" : "whole", ...(shown ? { progress: shown } : {}) };
            // (the scoring's dataset is the loader's: one object, as in this thread)
            const scored = m.scored && dataset ? ({ ...m.scored, dataset } as ColumnarResult) : undefined;
            settle({ read, ...(scored ? { result: resultOf(scored) } : {}) });
          }
        });
        w.on("error", () => settle(undefined));
        w.on("exit", () => settle(undefined));
      }),
    () => undefined,
  );
}
