// A worker thread of `egov-score sensitivity`: computes runs [start, end) of the analysis with
// the pure engine and sends the rank and band matrix back (transferred, not copied). Bundled as
// its own entry point, dist/sensitivity-worker.js; see cli/sensitivity-runner.ts.
import { parentPort, workerData } from "node:worker_threads";
import { runBlock, runContext } from "../engine/sensitivity.ts";
import { fromPortable, type WorkerInput, type WorkerMessage } from "./sensitivity-runner.ts";

const port = parentPort;
if (port) {
  const input = workerData as WorkerInput;
  const send = (m: WorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(m, transfer);
  try {
    const ctx = runContext(input.criteria, fromPortable(input.columns), input.settings, input.layout);
    const step = Math.max(1, Math.floor((input.end - input.start) / 50));
    let reported = 0;
    const block = runBlock(ctx, input.start, input.end, (done) => {
      if (done - reported >= step) {
        send({ type: "progress", done: done - reported });
        reported = done;
      }
    });
    send({ type: "progress", done: input.end - input.start - reported });
    send({ type: "done", start: block.start, ranks: block.ranks, bands: block.bands }, [block.ranks.buffer as ArrayBuffer, block.bands.buffer as ArrayBuffer]);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    send({ type: "error", message: err.message, ...(err.stack ? { stack: err.stack } : {}) });
  }
}
