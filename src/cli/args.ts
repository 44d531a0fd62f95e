// Parsers of option values that commander runs while reading the command line, so that a bad
// value stops the command (exit 2) before anything is read or written. Light: main.ts loads them.
import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { InvalidArgumentError } from "commander";
import { InputError, diag } from "../diag/diagnostic.ts";

/** `--fail-under 80`, `80.5`, `80%` or `80,5`: a percentage in [0, 100]. */
export function percentArg(v: string): number {
  const s = v.trim().replace(/%$/, "").replace(",", ".");
  const n = Number(s);
  if (s === "" || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError("a percentage between 0 and 100 is expected, such as 50 or 72.5");
  return n;
}

/**
 * An assessment given on the command line: a folder, or a manifest or criteria .yaml file. A data
 * file given instead (`rank samples/x/data/so.csv`) is a mistake worth naming as such, with the
 * assessment the file belongs to when there is one above it (found the way the loader finds a
 * manifest; load/manifest.ts is too heavy to load while the command line is read).
 */
export function assessmentArg(v: string): string {
  const abs = path.resolve(v);
  let isFile = false;
  try {
    isFile = statSync(abs).isFile();
  } catch {
    return v; // missing: the loader says so
  }
  if (!isFile || /\.ya?ml$/i.test(abs)) return v;
  let folder: string | undefined;
  for (let dir = path.dirname(abs); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "egov-score.yaml"))) {
      folder = shown(dir);
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  throw new InputError([diag("MANIFEST_DIR_IS_FILE", "error", { path: shown(abs), ...(folder ? { folder } : {}) })]);
}

const shown = (abs: string): string => {
  const rel = path.relative(process.cwd(), abs);
  return rel === "" ? "." : !rel.startsWith("..") && !path.isAbsolute(rel) ? rel.split(path.sep).join("/") : abs;
};
