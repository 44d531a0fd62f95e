// Progress on stderr for long runs, drawn only once the work has taken more than a second and
// only on a terminal (stderr.ts decides that, and keeps it off with --quiet): a bar of counted
// work (progressBar: the runs of a sensitivity analysis), and the reading of large inputs with
// units per second (startProgress).
import type { Lang } from "../model/criteria.ts";
import { clearProgress, progressLine, statusLine, stderrIsTerminal } from "./stderr.ts";

export interface Progress {
  /** `done` more units of work finished */
  add(done: number): void;
  /** clears the bar, if it was drawn */
  end(): void;
}

export interface ReadProgress {
  /** bytes and rows read since the last call */
  read(bytes: number, rows: number): void;
  /** the step now under way */
  step(label: string): void;
  done(): void;
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

export function startProgress(totalBytes: number, lang: Lang, now: () => number = () => performance.now()): ReadProgress {
  const t0 = now();
  let bytes = 0;
  let rows = 0;
  let label = lang === "vi" ? "đọc dữ liệu" : "reading";
  let drawn = 0;
  const units = lang === "vi" ? "đơn vị" : "units";
  const draw = (force: boolean): void => {
    const t = now();
    if (t - t0 < 1000 || (!force && t - drawn < 100)) return;
    drawn = t;
    const share = totalBytes > 0 ? Math.min(1, bytes / totalBytes) : 1;
    const filled = Math.round(share * WIDTH);
    const rate = Math.round(rows / ((t - t0) / 1000));
    progressLine(`egov-score ${"█".repeat(filled)}${"░".repeat(WIDTH - filled)} ${String(Math.round(share * 100)).padStart(3)}% · ${rows.toLocaleString("en")} ${units} · ${rate.toLocaleString("en")} ${units}/s · ${label}`);
  };
  const timer = setInterval(() => draw(true), 250);
  timer.unref();
  return {
    read(b, r) {
      bytes += b;
      rows += r;
      draw(false);
    },
    step(l) {
      label = l;
      draw(true);
    },
    done() {
      clearInterval(timer);
      clearProgress();
    },
  };
}
