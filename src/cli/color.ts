// The one place that decides on colour: only on a terminal, never with NO_COLOR or --no-color;
// FORCE_COLOR forces it (chalk alone does not honour NO_COLOR).
import { Chalk, type ChalkInstance } from "chalk";

export function useColor(flag: boolean | undefined, stream: { isTTY?: boolean }): boolean {
  if (flag === false) return false;
  const env = process.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false") return true;
  return stream.isTTY === true;
}

export function chalkFor(enabled: boolean): ChalkInstance {
  return new Chalk({ level: enabled ? 1 : 0 });
}
