// Runs a sensitivity analysis over the cores: the runs are cut into one contiguous block per
// worker thread (run r always goes to the same block for a given worker count, and each run is
// seeded by (seed, r) alone), the blocks' rank matrices are put back in run order, and the
// statistics are computed once, here. The output is therefore byte-identical whatever the number
// of workers. Few runs, or no bundled worker (tests run the sources), stay in this thread.
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import type { Worker as WorkerType } from "node:worker_threads";
import type { ColumnarDataset } from "../model/columns.ts";
import { analyse, layoutOf, runBlock, runContext, type SensitivityResult, type SensitivitySettings } from "../engine/sensitivity.ts";
import type { Criteria } from "../model/criteria.ts";
import type { Result } from "../model/result.ts";
import type { Progress } from "./progress.ts";

/** The columns as a worker gets them: typed arrays and texts, copied; no functions. */
export type PortableColumns = Omit<ColumnarDataset, "nameOf" | "missingAt">;

export interface WorkerInput {
  criteria: Criteria;
  columns: PortableColumns;
  settings: SensitivitySettings;
  layout: string[];
  start: number;
  end: number;
}

export type WorkerMessage =
  | { type: "progress"; done: number }
  | { type: "done"; start: number; ranks: Int32Array; bands: Int16Array }
  | { type: "error"; message: string; stack?: string };

/** Below this many unit-runs, starting threads costs more than it saves. */
const IN_THREAD_BELOW = 50_000;

/** The bundled worker beside the running bundle: dist/sensitivity-worker.js, seen from dist/ or dist/chunks/. */
export function workerFile(): string | undefined {
  for (const rel of ["./sensitivity-worker.js", "../sensitivity-worker.js"]) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === "file:" && existsSync(fileURLToPath(url))) return fileURLToPath(url);
  }
  return undefined;
}

/** How many worker threads: --workers N, or one per core when the work is worth it; 0 is this thread. */
export function workerCount(requested: number | undefined, runs: number, units: number): number {
  if (requested !== undefined) return Math.min(requested, runs);
  if (runs * units < IN_THREAD_BELOW) return 0;
  return Math.min(availableParallelism(), runs);
}

export interface RunReport {
  result: SensitivityResult;
  /** the worker threads used; 0 when the runs stayed in this thread */
  workers: number;
  /** why worker threads were asked for but not used */
  fallback?: string;
  ms: number;
}

/** A worker thread could not start or died outside the engine: the runs go to this thread. */
class WorkerUnavailable extends Error {}

function runInWorker(file: string, input: WorkerInput, into: { ranks: Int32Array; bands: Int16Array; width: number }, progress: Progress | undefined, started: (w: WorkerType) => void): Promise<void> {
  return import("node:worker_threads").then(
    ({ Worker }) =>
      new Promise<void>((resolve, reject) => {
        // A large young generation: each run's result dies young, and a small nursery would
        // promote it to the old generation and pay for full collections.
        let w: WorkerType;
        try {
          w = new Worker(file, { workerData: input, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
        } catch (e) {
          reject(new WorkerUnavailable(String(e)));
          return;
        }
        started(w);
        let finished = false;
        w.on("message", (m: WorkerMessage) => {
          if (m.type === "progress") progress?.add(m.done);
          else if (m.type === "done") {
            into.ranks.set(m.ranks, m.start * into.width);
            into.bands.set(m.bands, m.start * into.width);
            finished = true;
            resolve();
          } else reject(Object.assign(new Error(m.message), m.stack ? { stack: m.stack } : {}));
        });
        // An error thrown by the engine comes as a message (a bug: it would fail here too);
        // anything else means the thread itself failed.
        w.on("error", (e) => reject(new WorkerUnavailable(String(e))));
        w.on("exit", (code) => {
          if (!finished) reject(new WorkerUnavailable(`a sensitivity worker stopped (exit code ${code}) before sending runs ${input.start}–${input.end - 1}`));
        });
      }),
  );
}

/** The columns a worker needs: the values, without the functions that name units and places
 * (only output and diagnostics use them, and neither comes from a worker). */
export function portable(c: ColumnarDataset): PortableColumns {
  const { nameOf: _nameOf, missingAt: _missingAt, cellAt: _cellAt, ...rest } = c;
  return rest;
}

/** The columns again, in a worker. */
export function fromPortable(c: PortableColumns): ColumnarDataset {
  return { ...c, nameOf: (g) => c.code[g] as string, missingAt: () => ({}) };
}

export async function runSensitivity(
  criteria: Criteria,
  columns: ColumnarDataset,
  nominal: Result,
  settings: SensitivitySettings,
  o: { workers?: number; progress?: Progress },
): Promise<RunReport> {
  const started = performance.now();
  const layout = layoutOf(nominal);
  const ctx = runContext(criteria, columns, settings, layout);
  const width = layout.length;
  // A run scores every unit, whichever units it follows.
  const n = workerCount(o.workers, settings.runs, columns.size);
  const file = n > 0 ? workerFile() : undefined;
  const into = { ranks: new Int32Array(settings.runs * width), bands: new Int16Array(settings.runs * width), width };
  let used = 0;
  let fallback: string | undefined = n > 0 && !file ? "no bundled worker beside the running code" : undefined;
  if (n > 0 && file) {
    const lean = portable(columns);
    const workers: WorkerType[] = [];
    try {
      await Promise.all(
        Array.from({ length: n }, (_, w) => {
          const start = Math.floor((w * settings.runs) / n);
          const end = Math.floor(((w + 1) * settings.runs) / n);
          return runInWorker(file, { criteria, columns: lean, settings, layout, start, end }, into, o.progress, (x) => workers.push(x));
        }),
      );
      used = n;
    } catch (e) {
      if (!(e instanceof WorkerUnavailable)) throw e;
      fallback = e.message;
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
  }
  if (used === 0) {
    const block = runBlock(ctx, 0, settings.runs, () => o.progress?.add(1));
    into.ranks.set(block.ranks);
    into.bands.set(block.bands);
  }
  o.progress?.end();
  const result = analyse(nominal, settings, ctx.plan, layout, into.ranks, into.bands);
  return { result, workers: used, ...(fallback ? { fallback } : {}), ms: performance.now() - started };
}
