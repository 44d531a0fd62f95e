// The one module that writes the requested output: stdout, or a file written atomically
// (a temporary file in the same folder, then a rename), never over one of the inputs.
import { closeSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { once } from "node:events";
import path from "node:path";
import { UsageError } from "../diag/diagnostic.ts";

let pending: string | undefined;
const cleanup = (): void => {
  if (pending) rmSync(pending, { force: true });
  pending = undefined;
};
let guarded = false;
/**
 * Interrupted (Ctrl-C, a CI timeout) while a file is being written: remove the temporary file,
 * keep every earlier output, and exit as a shell expects (128 + the signal number). Installed at
 * the first write only, so that until then Ctrl-C stops a long computation at once.
 */
function guardSignals(): void {
  if (guarded) return;
  guarded = true;
  process.once("exit", cleanup);
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143], ["SIGHUP", 129]] as const) {
    process.once(signal, () => {
      cleanup();
      process.exit(code);
    });
  }
}

/**
 * Writes a file atomically: `write` fills a temporary file beside the target, which then takes
 * the target's name. Never over an input; on failure the temporary file goes.
 */
function toFile(target: string, inputs: readonly string[], write: (tmp: string) => void): void {
  const abs = path.resolve(target);
  if (inputs.some((i) => path.resolve(i) === abs)) throw new UsageError("USAGE_OUTPUT_IS_INPUT", { path: target });
  // a name no other run picks (this process's id) and no one guesses; created, never opened if it
  // exists ("wx": no symlink followed). Not node:crypto, whose first randomBytes costs 40 ms.
  const tmp = path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
  guardSignals();
  pending = tmp;
  try {
    write(tmp);
    renameSync(tmp, abs);
  } catch (e) {
    cleanup();
    // the file system refused (full, read-only...): the user's problem; anything else is a bug
    const err = e as NodeJS.ErrnoException;
    if (err.syscall === undefined) throw e;
    throw new UsageError("OUTPUT_FAILED", { path: target, detail: err.code ?? String(e) });
  } finally {
    pending = undefined;
  }
}

export function writeOutput(target: string | undefined, content: string | Uint8Array, inputs: readonly string[] = []): void {
  if (target === undefined || target === "-") {
    process.stdout.write(content);
    return;
  }
  toFile(target, inputs, (tmp) => writeFileSync(tmp, content, { flag: "wx" }));
}

/**
 * writeOutput for an output made in pieces (a ranking of a million units): each piece is written
 * as it comes, so the whole never sits in memory; to a file, still atomically.
 */
export async function writeOutputPieces(target: string | undefined, pieces: Iterable<string | Uint8Array>, inputs: readonly string[] = []): Promise<void> {
  if (target === undefined || target === "-") {
    for (const p of pieces) if (!process.stdout.write(p)) await once(process.stdout, "drain");
    return;
  }
  toFile(target, inputs, (tmp) => {
    const fd = openSync(tmp, "wx");
    try {
      for (const p of pieces) {
        if (typeof p === "string") writeSync(fd, p);
        // (a write may take part of the bytes: the rest follows)
        else for (let done = 0; done < p.length; ) done += writeSync(fd, p, done);
      }
    } finally {
      closeSync(fd);
    }
  });
}
