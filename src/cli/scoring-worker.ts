// A worker thread that loads and scores one assessment (cli/scoring-thread.ts): the one loader,
// the one engine, and the outcome sent back as data. Bundled as its own entry point,
// dist/scoring-worker.js.
import { parentPort, workerData } from "node:worker_threads";
import { hasErrors } from "../diag/diagnostic.ts";
import { loadAssessment } from "../load/assessment.ts";
import { scoreColumns } from "../engine/scoring.ts";
import type { ColumnarDataset } from "../model/columns.ts";
import type { ScoringJob, ScoringMessage, SentColumns } from "./scoring-thread.ts";

/** The columns without their functions, the units' names as texts. */
function sent(c: ColumnarDataset): SentColumns {
  const { nameOf, missingAt: _missingAt, cellAt: _cellAt, ...rest } = c;
  return { ...rest, names: Array.from({ length: c.size }, (_, g) => nameOf(g)) };
}

const port = parentPort;
if (port) {
  const job = workerData as ScoringJob;
  const send = (m: ScoringMessage): void => port.postMessage(m);
  loadAssessment(job.dir, job.overrides, {
    ...job.load,
    begin: (bytes, criteria) => send({ type: "begin", bytes, lang: job.lang ?? criteria.language }),
    read: { ...job.load.read, progress: (bytes, rows) => send({ type: "progress", bytes, rows }) },
  }).then(
    (loaded) => {
      const { dataset, ...rest } = loaded;
      // scored where the command would score: the loader found no error (warnings it weighs itself)
      const scored = dataset && loaded.criteria && !hasErrors(loaded.diagnostics) ? scoreColumns(loaded.criteria, dataset, { keep: "all" }) : undefined;
      // (the scoring's dataset is the loader's: one object, sent once)
      const data = dataset && sent(dataset);
      const { dataset: _d, ...scoring } = scored ?? {};
      void _d;
      send({ type: "done", loaded: { ...rest, ...(data ? { dataset: data } : {}) }, ...(scored && data ? { scored: { ...(scoring as Omit<typeof scored, "dataset">), dataset: data } } : {}) });
    },
    (e: unknown) => send({ type: "failed", message: e instanceof Error ? e.message : String(e) }),
  );
}
