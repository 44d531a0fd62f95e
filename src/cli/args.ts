// Parsers of option values that commander runs while reading the command line, so that a bad
// value stops the command (exit 2) before anything is read or written. Light: main.ts loads them.
import { InvalidArgumentError } from "commander";

/** `--fail-under 80`, `80.5`, `80%` or `80,5`: a percentage in [0, 100]. */
export function percentArg(v: string): number {
  const s = v.trim().replace(/%$/, "").replace(",", ".");
  const n = Number(s);
  if (s === "" || !Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError("a percentage between 0 and 100 is expected, such as 50 or 72.5");
  return n;
}
