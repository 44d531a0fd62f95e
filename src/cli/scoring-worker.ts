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

/**
 * The buffers of the typed arrays in a message, to move rather than copy to the main thread
 * (the scoring keeps a few arrays per node and unit): each array owning its whole buffer, not
 * shared memory and not a slice of Node's pool of small buffers.
 */
function movable(x: unknown, out = new Set<ArrayBuffer>(), seen = new Set<object>()): Set<ArrayBuffer> {
  if (typeof x !== "object" || x === null || seen.has(x)) return out;
  seen.add(x);
  if (ArrayBuffer.isView(x)) {
    if (x.buffer instanceof ArrayBuffer && x.byteOffset === 0 && x.byteLength === x.buffer.byteLength) out.add(x.buffer);
    return out;
  }
  const values = x instanceof Map ? x.values() : Array.isArray(x) ? x.values() : Object.values(x);
  for (const v of values) movable(v, out, seen);
  return out;
}

const port = parentPort;
if (port) {
  const job = workerData as ScoringJob;
  const send = (m: ScoringMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);
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
      const m: ScoringMessage = { type: "done", loaded: { ...rest, ...(data ? { dataset: data } : {}) }, ...(scored && data ? { scored: { ...(scoring as Omit<typeof scored, "dataset">), dataset: data } } : {}) };
      send(m, [...movable(m)]);
    },
    (e: unknown) => send({ type: "failed", message: e instanceof Error ? e.message : String(e) }),
  );
}
