// The language of a run before the criteria say it: --lang on the command line, else a
// Vietnamese locale (LC_ALL, LC_MESSAGES, LANG, in the order POSIX gives them), else English.
// Messages printed before anything is loaded (usage errors, a file given for a folder) use it.
import type { Lang } from "../model/criteria.ts";

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

export const startLang = (argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): Lang => argvLang(argv) ?? localeLang(env) ?? "en";
