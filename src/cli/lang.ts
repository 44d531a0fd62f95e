// The language of a run before the criteria are loaded, in the order langOf (context.ts) follows
// once they are: --lang on the command line; else the `language:` of the criteria of the
// assessment the run is about (peeked at, not loaded); else a Vietnamese locale (LC_ALL,
// LC_MESSAGES, LANG, in the order POSIX gives them); else English. Help, usage errors and
// messages printed before anything is loaded (a file given for a folder) use it.
import { closeSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import type { Lang } from "../model/criteria.ts";
import { findManifest, MANIFEST_NAME } from "../load/manifest.ts";
import { shippedCriteriaFile } from "../load/shipped.ts";

/** `--lang vi` or `--lang=vi` on the command line (the last one wins, as commander reads it). */
export function argvLang(argv: readonly string[]): Lang | undefined {
  let lang: Lang | undefined;
  argv.forEach((a, i) => {
    const v = a === "--lang" ? argv[i + 1] : a.startsWith("--lang=") ? a.slice("--lang=".length) : undefined;
    if (v === "vi" || v === "en") lang = v;
  });
  return lang;
}

/** The locale's language: Vietnamese for vi, vi_VN.UTF-8 and the like. */
export function localeLang(env: NodeJS.ProcessEnv = process.env): Lang | undefined {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^vi([_.@-]|$)/i.test(locale) ? "vi" : undefined;
}

const kind = (p: string): "dir" | "file" | undefined => {
  try {
    const st = statSync(p);
    return st.isDirectory() ? "dir" : st.isFile() ? "file" : undefined;
  } catch {
    return undefined;
  }
};

/** The first 8 KiB of a file (the keys looked for are at the top), or "": every run starts here. */
const head = (file: string): string => {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const b = Buffer.allocUnsafe(8192);
    return b.toString("utf8", 0, readSync(fd, b, 0, b.length, 0));
  } catch {
    return "";
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
};

/** A top-level `key: value` of a YAML text, without loading a YAML parser for it. */
const topKey = (text: string, key: string): string | undefined => new RegExp(`^${key}:[ \t]*["']?([^"'#\r\n]*?)["']?[ \t]*(?:#.*)?$`, "m").exec(text)?.[1] || undefined;

/**
 * The language of the criteria of the assessment named on the command line (a folder or a
 * manifest), or of the nearest egov-score.yaml here or above; undefined when there is none, or
 * it cannot be told without loading it (criteria without a `language:` key included).
 */
export function assessmentLang(argv: readonly string[], cwd = process.cwd()): Lang | undefined {
  let manifest: string | undefined;
  for (const a of argv.slice(2)) {
    if (a.startsWith("-")) continue;
    const k = kind(a);
    if (k === "dir" && kind(path.join(a, MANIFEST_NAME)) === "file") manifest = path.join(a, MANIFEST_NAME);
    else if (k === "file" && /\.ya?ml$/i.test(a)) manifest = a;
    if (manifest) break;
  }
  manifest ??= findManifest(cwd);
  if (!manifest) return undefined;
  const criteria = topKey(head(manifest), "criteria");
  if (!criteria) return undefined;
  const file = shippedCriteriaFile(criteria) ?? path.resolve(path.dirname(manifest), criteria);
  const text = head(file);
  if (!text) return undefined;
  // only a language the criteria declare: a file that does not (or is broken) is read by the locale
  const lang = topKey(text, "language");
  return lang === "en" || lang === "vi" ? lang : undefined;
}

let started: Lang | undefined;

export const startLang = (argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): Lang => {
  if (argv === process.argv && env === process.env && started) return started;
  const lang = argvLang(argv) ?? assessmentLang(argv) ?? localeLang(env) ?? "en";
  if (argv === process.argv && env === process.env) started = lang;
  return lang;
};
