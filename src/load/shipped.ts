// The criteria sets shipped in the package's criteria/ folder. Found from this module's own
// location (dist/ once built, src/ under the tests), never from the working folder, so that
// `npx egov-score init` works anywhere.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let root: string | undefined;

/** The folder holding egov-score's package.json. */
export function packageRoot(): string {
  if (root) return root;
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; ) {
    try {
      const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { name?: string };
      if (pkg.name === "egov-score") return (root = dir);
    } catch {
      // no package.json here: go up
    }
    const up = path.dirname(dir);
    if (up === dir) throw new Error("egov-score's package.json not found above its code");
    dir = up;
  }
}

export const DEFAULT_CRITERIA = "vn-cqdt-2019";

/** The ids of the shipped sets (their file names without .yaml), the default first. */
export function shippedCriteria(): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(path.join(packageRoot(), "criteria"))
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => f.slice(0, -".yaml".length));
  } catch {
    return [];
  }
  return names.sort((a, b) => (a === DEFAULT_CRITERIA ? -1 : b === DEFAULT_CRITERIA ? 1 : byName(a, b)));
}

const PLAIN = /^[a-z0-9.-]+$/;

/**
 * localeCompare(…, "en"), without its cost where it cannot differ: for lowercase ASCII letters,
 * digits, "-" and "." the collation is the order of the characters, and setting up the collator
 * takes ~8 ms, at every start of every command (the help lists the shipped sets).
 */
export function byName(a: string, b: string): number {
  if (PLAIN.test(a) && PLAIN.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b, "en");
}

/** The path of a shipped set, or undefined when `id` is not one. */
export function shippedCriteriaFile(id: string): string | undefined {
  return shippedCriteria().includes(id) ? path.join(packageRoot(), "criteria", `${id}.yaml`) : undefined;
}
