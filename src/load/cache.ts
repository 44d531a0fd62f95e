// The cache of checked inputs: a criteria file (or a manifest) that checked clean is stored, as
// the model it resolved to, in the user's cache folder; the next run that reads the same bytes,
// with the same build of the CLI and the same settings, takes the model from there instead of
// parsing the YAML and checking it again (which costs more than the rest of a small run).
//
// Only clean inputs are stored, so every diagnostic (with its position) still comes from the
// checks themselves. An entry holds the bytes it was made from and is used only when they are the
// same bytes: the short hash in its name only finds it. The cache is a convenience: a folder that
// cannot be made or written, a missing home, an entry that is corrupt, truncated or written by
// another Node are all ignored, never an error. `EGOV_SCORE_CACHE=0` turns it off.
//
// The shipped criteria sets are compiled by the build (scripts/build.mjs) into dist/compiled/, the
// entries a first run would write, so that even a first run with an empty cache finds them.
//
// Only the built CLI caches (its build id, dist/build-id, is part of every key, so that a rebuilt
// CLI never reads what an older build wrote); the sources under the tests never do.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { packageRoot } from "./shipped.ts";

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === "string" ? __VERSION__ : "0.0.0-dev";

/** What is cached: the resolved criteria model, or the checked manifest with its positions. */
export type CacheKind = "criteria" | "manifest";

/** Entries of one kind kept in the folder; the oldest go when a new one is written beyond this. */
const KEEP = 200;
/** Bumped when the layout of an entry changes. */
const FORMAT = 1;

/**
 * The user's cache folder for egov-score: `%LOCALAPPDATA%\egov-score` on Windows,
 * `$XDG_CACHE_HOME/egov-score`, else `~/.cache/egov-score`; undefined when caching is off
 * (`EGOV_SCORE_CACHE=0`) or there is no home. bin/egov-score.js keeps its code cache in the same
 * folder, by the same rules.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  if (env.EGOV_SCORE_CACHE === "0") return undefined;
  if (platform === "win32" && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, "egov-score");
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, "egov-score");
  const home = env.HOME || env.USERPROFILE;
  return home ? path.join(home, ".cache", "egov-score") : undefined;
}

let build: string | null | undefined;

/** The id of the running build (dist/build-id beside the bundle), or null from the sources. */
function buildId(): string | null {
  if (build !== undefined) return build;
  build = null;
  if (import.meta.url.endsWith(".ts")) return build;
  try {
    build = readFileSync(path.join(packageRoot(), "dist", "build-id"), "utf8").trim() || null;
  } catch {
    // no build id: no cache
  }
  return build;
}

/** A 53-bit hash of the bytes and the settings (cyrb53): it names an entry; the bytes prove it. */
function hash(bytes: Uint8Array, salt: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const mix = (c: number): void => {
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  };
  for (let i = 0; i < bytes.length; i++) mix(bytes[i] as number);
  for (let i = 0; i < salt.length; i++) mix(salt.charCodeAt(i));
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

interface Entry {
  format: number;
  settings: string;
  source: Uint8Array;
  value: unknown;
}

/** Where an input's entry lives, and the settings it must match; undefined when there is no cache. */
export interface CacheSlot {
  file: string;
  /** the same entry made by the build, for the shipped criteria (dist/compiled/) */
  built?: string;
  settings: string;
  source: Uint8Array;
}

/**
 * The slot of an input: its bytes, and every setting besides them that the checked result depends
 * on (a column map, a depth limit), with the CLI's version and build.
 */
export function cacheSlot(kind: CacheKind, source: Uint8Array, settings: unknown): CacheSlot | undefined {
  const dir = cacheDir();
  const id = dir && buildId();
  if (!dir || !id) return undefined;
  const s = JSON.stringify([VERSION, id, settings]);
  const name = `${hash(source, s)}-${source.length}.bin`;
  return { file: path.join(dir, kind, name), built: path.join(packageRoot(), "dist", "compiled", kind, name), settings: s, source };
}

/** The value stored for these bytes and settings, or undefined. */
export function readCached<T>(slot: CacheSlot | undefined): T | undefined {
  if (!slot) return undefined;
  for (const file of [slot.file, slot.built]) {
    if (!file) continue;
    try {
      const e = deserialize(readFileSync(file)) as Entry;
      if (e.format === FORMAT && e.settings === slot.settings && Buffer.from(e.source).equals(slot.source)) return e.value as T;
    } catch {
      // none yet, unreadable, or corrupt
    }
  }
  return undefined;
}

/** Stores a value (atomically: a temporary file renamed over the entry); never throws. */
export function writeCached(slot: CacheSlot | undefined, value: unknown): void {
  if (!slot) return;
  try {
    const bytes = serialize({ format: FORMAT, settings: slot.settings, source: slot.source, value } satisfies Entry);
    const dir = path.dirname(slot.file);
    mkdirSync(dir, { recursive: true });
    const tmp = `${slot.file}.${process.pid}.tmp`;
    writeFileSync(tmp, bytes);
    renameSync(tmp, slot.file);
    prune(dir);
  } catch {
    // a read-only or full disk, a value that cannot be serialised: the next run checks again
  }
}

/** Keeps the newest KEEP entries of a folder. */
function prune(dir: string): void {
  const names = readdirSync(dir);
  if (names.length <= KEEP) return;
  const aged = names.map((n) => {
    try {
      return { n, t: statSync(path.join(dir, n)).mtimeMs };
    } catch {
      return { n, t: 0 };
    }
  });
  aged.sort((a, b) => b.t - a.t);
  for (const { n } of aged.slice(KEEP)) rmSync(path.join(dir, n), { force: true });
}
