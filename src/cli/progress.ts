// A progress bar on stderr for long computations: drawn only when stderr is a terminal (and not
// --quiet), and only once the work has taken more than a second, so that quick runs stay silent.
import { statusLine, stderrIsTerminal } from "./stderr.ts";

export interface Progress {
  /** `done` more units of work finished */
  add(done: number): void;
  /** clears the bar, if it was drawn */
  end(): void;
}

const WIDTH = 24;

export interface ProgressOptions {
  now?: () => number;
  /** default: stderr is a terminal and --quiet is off */
  enabled?: boolean;
  /** default: the status line of stderr; undefined clears it */
  write?: (line: string | undefined) => void;
}

export function progressBar(label: string, total: number, unit: string, o: ProgressOptions = {}): Progress {
  const now = o.now ?? (() => performance.now());
  const enabled = o.enabled ?? stderrIsTerminal();
  const write = o.write ?? statusLine;
  const started = now();
  let done = 0;
  let drawn = -Infinity;
  let shown = false;
  return {
    add(n) {
      done += n;
      if (!enabled) return;
      const t = now();
      // Redrawn at most ten times a second, and not at all in the first second.
      if (t - started < 1000 || t - drawn < 100) return;
      drawn = t;
      shown = true;
      const full = Math.round((Math.min(done, total) / total) * WIDTH);
      write(`${label} [${"#".repeat(full)}${"-".repeat(WIDTH - full)}] ${done}/${total} ${unit} · ${((t - started) / 1000).toFixed(1)} s`);
    },
    end() {
      if (shown) write(undefined);
    },
  };
}
